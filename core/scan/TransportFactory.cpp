#include "TransportFactory.h"

#include "collect/LocalTransport.h"
#include "ssh/SshTransport.h"
#include "vault/CredentialVault.h"

#include <QDir>
#include <QRegularExpression>

namespace triad {

namespace {

QString expandHome(const QString &path)
{
    if (path == QLatin1String("~") || path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

/// "[user@]host[:port]" of a jump host.
std::optional<SshEndpoint> parseJump(const QString &text, const QString &defaultUser)
{
    static const QRegularExpression form(QStringLiteral("^(?:([^@\\s]+)@)?([^:@\\s]+)(?::(\\d{1,5}))?$"));
    const auto m = form.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    SshEndpoint e;
    e.user = m.captured(1).isEmpty() ? defaultUser : m.captured(1);
    e.host = m.captured(2);
    e.port = m.captured(3).isEmpty() ? 22 : m.captured(3).toInt();
    return e;
}

/// The secret behind a "vault:<name>" reference. The error names the credential, never its value.
Result<SecretBytes> fromVault(const Asset &asset, const QString &ref, const TransportOptions &options)
{
    const QString name = CredentialVault::nameFromRef(ref);
    if (name.isEmpty())
        return makeError(Error::Code::InvalidInput, QStringLiteral("credential reference '%1' is not of the form vault:NAME").arg(ref),
                         asset.name);
    if (!options.vault)
        return makeError(Error::Code::InvalidInput,
                         QStringLiteral("the password of this asset is in the project's credential vault, which is locked "
                                        "(give the vault passphrase, e.g. in TRIAD_VAULT_PASSPHRASE)"),
                         asset.name);
    auto secret = options.vault->secret(name);
    if (!secret)
        return makeError(secret.error().code, secret.error().message, asset.name);
    return secret;
}

} // namespace

Result<std::unique_ptr<Transport>> makeTransport(const Asset &asset, const TransportOptions &options)
{
    if (asset.transport == QLatin1String("local"))
        return std::unique_ptr<Transport>(std::make_unique<LocalTransport>());
    if (asset.transport != QLatin1String("ssh"))
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("transport '%1' is not available in this build of Triad").arg(asset.transport), asset.name);
    auto target = sshTargetFor(asset, options);
    if (!target)
        return target.error();
    return std::unique_ptr<Transport>(std::make_unique<SshTransport>(std::move(*target)));
}

Result<SshTarget> sshTargetFor(const Asset &asset, const TransportOptions &options)
{
    SshTarget target;
    target.endpoint = SshEndpoint{asset.address, asset.port, asset.user};
    target.timeouts.connectSeconds = options.connectTimeoutSeconds;
    target.hostKeys.pinnedSha256 = asset.hostKeySha256;
    target.hostKeys.acceptNew = options.acceptNewHostKeys;
    if (asset.credentialRef.startsWith(QLatin1String("key:"))) {
        target.credentials.keyFile = expandHome(asset.credentialRef.mid(4));
        const QString passphraseName = CredentialVault::keyPassphraseName(asset.credentialRef.mid(4));
        if (options.vault && options.vault->contains(passphraseName))
            target.credentials.keyPassphrase = *options.vault->secret(passphraseName);
    } else if (asset.credentialRef.startsWith(QLatin1String("vault:"))) {
        auto password = fromVault(asset, asset.credentialRef, options);
        if (!password)
            return password.error();
        target.credentials.password = std::move(*password);
    } else if (!asset.credentialRef.isEmpty() && asset.credentialRef != QLatin1String("agent")) {
        return makeError(Error::Code::InvalidInput,
                         QStringLiteral("unknown credential reference '%1' (expected key:PATH, agent or vault:NAME)")
                             .arg(asset.credentialRef),
                         asset.name);
    }
    if (!asset.sudoCredentialRef.isEmpty()) {
        auto sudo = fromVault(asset, asset.sudoCredentialRef, options);
        if (!sudo)
            return sudo.error();
        target.sudoPassword = std::move(*sudo);
    }
    target.credentials.useAgent = true;
    if (!asset.proxyJump.isEmpty()) {
        target.jump = parseJump(asset.proxyJump, asset.user);
        if (!target.jump)
            return makeError(Error::Code::InvalidInput, QStringLiteral("cannot read the jump host '%1'").arg(asset.proxyJump),
                             asset.name);
        target.jumpCredentials = target.credentials;
        target.jumpHostKeys.acceptNew = options.acceptNewHostKeys;
    }
    return target;
}

QString hostKeyToPin(const Asset &asset, const Transport &transport)
{
    const auto *ssh = dynamic_cast<const SshTransport *>(&transport);
    if (!ssh || !asset.hostKeySha256.isEmpty())
        return {};
    const HostKeyInfo &seen = ssh->seenHostKey();
    const bool trusted = seen.trust == HostKeyInfo::Trust::AcceptedNew || seen.trust == HostKeyInfo::Trust::KnownHosts;
    return trusted ? seen.sha256 : QString();
}

} // namespace triad
