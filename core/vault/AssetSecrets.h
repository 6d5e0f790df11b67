#pragma once

#include "common/Result.h"
#include "common/SecretBytes.h"
#include "db/ProjectTypes.h"

#include <optional>

namespace triad {

class CredentialVault;
class ProjectDatabase;

/// The secrets of one asset as typed by the user (CLI standard input or the GUI's asset dialog).
/// Each one that is set is sealed into the project's vault by storeAssetSecrets().
struct AssetSecrets {
    std::optional<SecretBytes> password;        ///< SSH login password (password or keyboard-interactive)
    std::optional<SecretBytes> keyPassphrase;   ///< of the asset's key file ("key:PATH" reference)
    std::optional<SecretBytes> sudoPassword;    ///< for `sudo -S`

    [[nodiscard]] bool any() const { return password || keyPassphrase || sudoPassword; }
};

/// The one place that names an asset's vault entries: "asset/<name>/password" and
/// "asset/<name>/sudo", and the shared per-key-file passphrase entry.
namespace AssetSecretNames {
QString password(const QString &assetName);
QString sudo(const QString &assetName);
} // namespace AssetSecretNames

/// Seals the given secrets under `vault` and points `asset`'s references at them (a login
/// password becomes its credential reference, a sudo password its sudo reference and turns sudo
/// on). The key passphrase is stored for the asset's key file, whichever asset uses it. Nothing
/// is written to the assets table here: the caller adds or updates the asset afterwards.
Status storeAssetSecrets(ProjectDatabase &db, CredentialVault &vault, Asset &asset, const AssetSecrets &secrets);

/// Removes the vault entries that belong to `asset` alone (its own password and sudo password;
/// a key passphrase is shared by every asset using that key and stays).
void removeOwnAssetSecrets(ProjectDatabase &db, const Asset &asset);

} // namespace triad
