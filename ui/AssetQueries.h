#pragma once

#include "common/Result.h"
#include "db/ProjectTypes.h"
#include "inventory/InventoryImport.h"
#include "scan/ConnectionTest.h"
#include "vault/AssetSecrets.h"

#include <QFuture>
#include <QHash>
#include <QList>

#include <memory>
#include <optional>

namespace triad {

class CredentialVault;

/// How an asset fared in the newest run that included it.
struct AssetLastResult {
    qint64 runId = 0;
    QString templateId;
    QDateTime finishedAt;
    AssetRunStatus status = AssetRunStatus::Pending;
    QString error;
    int failedChecks = 0;
    std::optional<double> percent;      ///< requirement score of this asset in that run
};

struct AssetRow {
    Asset asset;
    std::optional<AssetLastResult> last;
};

/// What the Assets page shows of a project. Credential names and kinds are not secret: they tell
/// the asset dialog which secrets are stored ("leave empty to keep").
struct AssetList {
    QList<AssetRow> rows;
    QHash<QString, QString> credentialKinds;    ///< vault entry name -> kind
    bool vaultExists = false;
};

struct ImportSummary {
    QStringList added;
    QStringList skipped;                        ///< an asset of that name exists already
};

/// The outcome of "Test connection", with the pin that was recorded (if any).
struct ConnectionOutcome {
    ConnectionReport report;
    QString pinned;                             ///< fingerprint now pinned for the asset
    Error pinError;                             ///< recording the pin failed
};

/// Database and network work of the Assets page. Each call runs on a pool thread with its own
/// project connection (CONVENTIONS.md 4). The unlocked vault they are given is the window's
/// ProjectVault, which a running assessment may read at the same time (CredentialVault is
/// thread-safe).
namespace AssetQueries {
QFuture<Result<AssetList>> load(const QString &path);
/// Adds (`asset.id` == 0) or updates an asset after sealing `secrets` into `vault` (which may be
/// null when there are none). Returns the asset as stored.
QFuture<Result<Asset>> save(const QString &path, const Asset &asset, const AssetSecrets &secrets,
                            std::shared_ptr<CredentialVault> vault);
/// Removes an asset and its own vault entries; its past results stay in the runs.
QFuture<Status> remove(const QString &path, const Asset &asset);
QFuture<Result<QList<ImportedHost>>> previewImport(const QString &file, std::optional<InventoryImport::Format> format);
/// Adds the hosts as SSH assets (as `triad-cli assets import` does); existing names are skipped.
QFuture<Result<ImportSummary>> importHosts(const QString &path, const QString &source, const QList<ImportedHost> &hosts,
                                           const QStringList &extraTags);
/// Tests the connection; a fingerprint the report says to pin is recorded on the asset.
QFuture<ConnectionOutcome> testConnection(const QString &path, const Asset &asset, std::shared_ptr<CredentialVault> vault,
                                          const QString &trustFingerprint, const QString &knownHostsFile = {});
/// The asset's secrets live in the vault (it cannot be tested or scanned with the vault locked).
bool needsVault(const Asset &asset, const QHash<QString, QString> &credentialKinds);
} // namespace AssetQueries

} // namespace triad
