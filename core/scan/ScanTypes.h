#pragma once

#include "collect/Transport.h"
#include "lifecycle/Scoring.h"
#include "model/TemplateModel.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace triad {

class CredentialVault;

/// What to assess: one template over a selection of the project's assets.
struct ScanRequest {
    QString templateId;
    std::optional<Tailoring> tailoring;
    /// The tailoring's YAML as written: kept in the project as a version of that tailoring, and
    /// the run names it. Empty: the tailoring is not stored (tests, re-evaluation).
    QString tailoringYaml;
    /// Asset names or tags; empty = every asset of the project.
    QStringList assetSelectors;
    int concurrency = 16;
    QString operatorName;
    int overallTimeoutSeconds = 900;    ///< per asset, on top of per-collector timeouts
    bool acceptNewHostKeys = false;     ///< pin host keys seen for the first time (else refuse)
    /// The unlocked credential vault, for assets whose passwords are stored in the project.
    /// Null: such assets fail with "the vault is locked"; the others are assessed.
    std::shared_ptr<const CredentialVault> vault;
};

/// Where one asset is in its assessment, for progress displays.
enum class AssetStage { Queued, Connecting, Collecting, Evaluating, Storing, Done, Failed, Cancelled };
QString toString(AssetStage stage);

/// What a finished scan reports back (everything else is in the project database).
struct ScanSummary {
    qint64 runId = 0;
    QString runStatus;          ///< "completed", "cancelled", ...
    int assetCount = 0;
    int reachedAssets = 0;      ///< assets whose collection ran
    int resultCount = 0;
    Score score;
};

} // namespace triad
