#include "CredentialVault.h"

#include "db/ProjectDatabase.h"

#include <openssl/rand.h>

namespace triad {

namespace {

constexpr int kVaultKeySize = 32;

/// Credentials are sealed under the random vault key: no password-hardening cost is needed (the
/// smallest scrypt SealedBox accepts), the key itself has 256 bits of entropy.
const SealedBox::KdfCost kItemCost {10, 1, 1};

Error vaultError(Error::Code code, const QString &message)
{
    return makeError(code, QStringLiteral("credential vault: ") + message);
}

} // namespace

Result<bool> CredentialVault::exists(ProjectDatabase &db)
{
    auto check = db.vaultCheckValue();
    if (!check)
        return check.error();
    return !check->isEmpty();
}

Result<std::shared_ptr<CredentialVault>> CredentialVault::unlock(ProjectDatabase &db,
                                                                 const SecretBytes &passphrase, Mode mode,
                                                                 const SealedBox::KdfCost &cost)
{
    if (passphrase.isEmpty())
        return vaultError(Error::Code::InvalidInput, QStringLiteral("the passphrase is empty"));
    auto check = db.vaultCheckValue();
    if (!check)
        return check.error();
    if (check->isEmpty()) {
        if (mode != Mode::CreateIfMissing)
            return vaultError(Error::Code::NotFound,
                              QStringLiteral("this project stores no credentials yet"));
        QByteArray key(kVaultKeySize, '\0');
        if (RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), kVaultKeySize) != 1)
            return vaultError(Error::Code::Internal, QStringLiteral("no random numbers"));
        SecretBytes vaultKey(std::move(key));
        auto sealed = SealedBox::seal(vaultKey, passphrase, cost);
        if (!sealed)
            return sealed.error();
        if (auto s = db.createVault(*sealed); !s)
            return s.error();
        return std::shared_ptr<CredentialVault>(new CredentialVault(std::move(vaultKey)));
    }
    auto opened = SealedBox::open(*check, passphrase);
    if (!opened)
        return vaultError(Error::Code::InvalidInput, QStringLiteral("wrong passphrase for this project"));
    if (opened->size() != kVaultKeySize)
        return vaultError(Error::Code::Incompatible, QStringLiteral("the vault record is damaged"));
    std::shared_ptr<CredentialVault> vault(new CredentialVault(std::move(*opened)));

    auto stored = db.credentials();
    if (!stored)
        return stored.error();
    for (const StoredCredential &c : std::as_const(*stored)) {
        auto plain = SealedBox::open(c.sealed, vault->m_key);
        if (!plain)
            return vaultError(
                Error::Code::InvalidInput,
                QStringLiteral(
                    "credential '%1' cannot be opened (altered, or sealed under another passphrase)")
                    .arg(c.name));
        vault->m_secrets.insert(c.name, std::move(*plain));
    }
    return vault;
}

Status CredentialVault::changePassphrase(ProjectDatabase &db, const SecretBytes &newPassphrase,
                                         const SealedBox::KdfCost &cost)
{
    if (newPassphrase.isEmpty())
        return vaultError(Error::Code::InvalidInput, QStringLiteral("the new passphrase is empty"));
    auto sealed = SealedBox::seal(m_key, newPassphrase, cost);
    if (!sealed)
        return sealed.error();
    return db.replaceVaultCheckValue(*sealed);
}

Status CredentialVault::store(ProjectDatabase &db, const QString &name, const QString &kind,
                              const SecretBytes &secret)
{
    if (secret.isEmpty())
        return vaultError(Error::Code::InvalidInput, QStringLiteral("credential '%1' is empty").arg(name));
    auto sealed = SealedBox::seal(secret, m_key, kItemCost);
    if (!sealed)
        return sealed.error();
    if (auto s = db.storeCredential(name, kind, *sealed); !s)
        return s;
    const QWriteLocker locker(&m_lock);
    m_secrets.insert(name, secret);
    return {};
}

Result<SecretBytes> CredentialVault::secret(const QString &name) const
{
    const QReadLocker locker(&m_lock);
    const auto it = m_secrets.constFind(name);
    if (it == m_secrets.constEnd())
        return vaultError(Error::Code::NotFound,
                          QStringLiteral("no credential named '%1' in this project").arg(name));
    return *it;
}

QStringList CredentialVault::names() const
{
    const QReadLocker locker(&m_lock);
    return m_secrets.keys();
}

bool CredentialVault::contains(const QString &name) const
{
    const QReadLocker locker(&m_lock);
    return m_secrets.contains(name);
}

QString CredentialVault::nameFromRef(const QString &credentialRef)
{
    return credentialRef.startsWith(QLatin1String("vault:")) ? credentialRef.mid(6) : QString();
}

} // namespace triad
