#pragma once

#include "common/Result.h"
#include "db/ProjectTypes.h"
#include "db/RunTimings.h"
#include "scan/ScanTypes.h"
#include "models/RunListModel.h"

#include <QFuture>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace triad {

class Catalog;

/// What the Assessments page shows and offers: the runs with their scores, and what the run
/// dialog chooses from.
struct AssessmentsSnapshot {
    QList<RunOverview> runs;
    QList<Asset> assets;
    QList<StoredTailoring> tailorings;
    QSet<QString> credentialNames;      ///< names only: whether an asset needs the vault
};

/// Database reads of the Assessments page, each on a pool thread with its own read-only
/// connection (CONVENTIONS.md 4).
namespace AssessmentQueries {
/// Scores each run as stored (waivers applied, attestations counted, manual requirements from
/// `catalog` when it holds the version the run used).
QFuture<Result<AssessmentsSnapshot>> load(const QString &path, std::shared_ptr<const Catalog> catalog);
/// Evaluates run `runId` again from its stored evidence with the chosen tailoring (unset: the
/// run's own; 0: none), as triad-cli reevaluate: a new derived run is written to the project.
QFuture<Result<ScanSummary>> reevaluate(const QString &path, std::shared_ptr<const Catalog> catalog, qint64 runId,
                                        std::optional<qint64> tailoringId);
/// The per-asset timings and slowest collectors of run `runId` (as triad-cli timing).
QFuture<Result<RunTimings>> loadTimings(const QString &path, qint64 runId, int topCollectors);
} // namespace AssessmentQueries

} // namespace triad
