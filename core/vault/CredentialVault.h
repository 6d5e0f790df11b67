#pragma once

#include "common/Result.h"
#include "common/SecretBytes.h"
#include "vault/SealedBox.h"

#include <QHash>
#include <QReadWriteLock>
#include <QStringList>

#include <memory>

namespace triad {

class ProjectDatabase;

/// The unlocked credential vault of one project (DESIGN.md §5).
///
/// Secrets are stored in the project only as SealedBox blobs (AES-256-GCM). Two levels of keys:
/// a random 256-bit vault key, sealed under the project passphrase with the full scrypt cost (the
/// vault's check value: it opens only with the right passphrase, so a wrong one is refused at
/// unlock() instead of sealing new secrets under a second key); and each credential sealed under
/// that vault key, where a cheap KDF suffices because the key is random. So unlocking a fleet's
/// worth of credentials costs one scrypt, not one per credential, and a passphrase change would
/// reseal one value.
///
/// unlock() opens every stored credential once, on the database's thread. Afterwards secret(),
/// names() and contains() may be called from any thread (the scanner's pool threads resolve
/// "vault:" refs) while store() adds a credential: the GUI shares one unlocked vault between a
/// running assessment and the Assets page.
/// All plaintext lives in SecretBytes and is wiped with the vault.
class CredentialVault final {
public:
    enum class Mode { OpenExisting, CreateIfMissing };

    /// Verifies `passphrase` against the project's check value and opens every credential.
    /// With CreateIfMissing, a project without a vault gets one sealed with `passphrase`.
    static Result<std::shared_ptr<CredentialVault>> unlock(ProjectDatabase &db, const SecretBytes &passphrase,
                                                           Mode mode = Mode::OpenExisting,
                                                           const SealedBox::KdfCost &cost = {});
    /// True when the project has a vault (a passphrase was ever set).
    static Result<bool> exists(ProjectDatabase &db);

    /// Seals the vault key under `newPassphrase` in place of the old check value. The credentials
    /// stay as they are (they are sealed under the vault key), so the change is one row, written
    /// atomically: an interrupted change leaves the old passphrase working.
    Status changePassphrase(ProjectDatabase &db, const SecretBytes &newPassphrase, const SealedBox::KdfCost &cost = {});

    /// Seals `secret` under the vault key and stores it as `name` (replacing one of that name).
    Status store(ProjectDatabase &db, const QString &name, const QString &kind, const SecretBytes &secret);

    /// The plaintext of credential `name` ("vault:<name>" without the prefix). Thread-safe.
    [[nodiscard]] Result<SecretBytes> secret(const QString &name) const;
    [[nodiscard]] QStringList names() const;

    /// "vault:<name>" -> "<name>"; an empty string for other references.
    static QString nameFromRef(const QString &credentialRef);
    static QString refFor(const QString &name) { return QStringLiteral("vault:") + name; }
    /// Name of the stored passphrase of a private key file (one per key, whichever assets use it).
    static QString keyPassphraseName(const QString &keyFile)
    {
        return QStringLiteral("key-passphrase:") + keyFile;
    }
    [[nodiscard]] bool contains(const QString &name) const;

    CredentialVault(const CredentialVault &) = delete;
    CredentialVault &operator=(const CredentialVault &) = delete;
    ~CredentialVault() = default;

private:
    explicit CredentialVault(SecretBytes key) : m_key(std::move(key)) { }

    SecretBytes m_key; ///< the random vault key; never changes after unlock()
    mutable QReadWriteLock m_lock; ///< guards m_secrets
    QHash<QString, SecretBytes> m_secrets;
};

} // namespace triad
