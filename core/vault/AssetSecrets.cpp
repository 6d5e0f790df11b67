#include "AssetSecrets.h"

#include "db/ProjectDatabase.h"
#include "vault/CredentialVault.h"

namespace triad {

namespace AssetSecretNames {
QString password(const QString &assetName)
{
    return QStringLiteral("asset/") + assetName + QStringLiteral("/password");
}

QString sudo(const QString &assetName)
{
    return QStringLiteral("asset/") + assetName + QStringLiteral("/sudo");
}
} // namespace AssetSecretNames

Status storeAssetSecrets(ProjectDatabase &db, CredentialVault &vault, Asset &asset, const AssetSecrets &secrets)
{
    if (secrets.keyPassphrase && !asset.credentialRef.startsWith(QLatin1String("key:")))
        return makeError(Error::Code::InvalidInput, QStringLiteral("a key passphrase needs a key file"), asset.name);
    if (secrets.password) {
        const QString name = AssetSecretNames::password(asset.name);
        if (auto s = vault.store(db, name, QStringLiteral("password"), *secrets.password); !s)
            return s;
        asset.credentialRef = CredentialVault::refFor(name);
    }
    if (secrets.keyPassphrase) {
        const QString name = CredentialVault::keyPassphraseName(asset.credentialRef.mid(4));
        if (auto s = vault.store(db, name, QStringLiteral("key-passphrase"), *secrets.keyPassphrase); !s)
            return s;
    }
    if (secrets.sudoPassword) {
        const QString name = AssetSecretNames::sudo(asset.name);
        if (auto s = vault.store(db, name, QStringLiteral("sudo-password"), *secrets.sudoPassword); !s)
            return s;
        asset.sudoCredentialRef = CredentialVault::refFor(name);
        asset.useSudo = true;
    }
    return {};
}

void removeOwnAssetSecrets(ProjectDatabase &db, const Asset &asset)
{
    const QString own = QStringLiteral("asset/") + asset.name + QLatin1Char('/');
    for (const QString &ref : {asset.credentialRef, asset.sudoCredentialRef}) {
        const QString name = CredentialVault::nameFromRef(ref);
        if (name.startsWith(own))
            (void)db.removeCredential(name);
    }
}

} // namespace triad
