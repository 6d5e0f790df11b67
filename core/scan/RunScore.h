#pragma once

#include "common/Result.h"
#include "db/ProjectTypes.h"
#include "lifecycle/Scoring.h"

namespace triad {

class Catalog;
class ProjectDatabase;

/// Score of a stored run. The automated requirements come from the stored results (each result
/// keeps the requirement ids it was mapped to); manual requirements come from the template the run
/// used: the text stored with it, or the one in `catalog` when it has the same SHA-256 (RunTemplate).
Result<Score> scoreStoredRun(ProjectDatabase &db, qint64 runId, const Catalog *catalog);

/// The same score from results already read: automated requirements from the results' own
/// requirement ids, manual ones from `assessment` (when given); the manual parts of its
/// requirements (manual-only and mixed) counted by their newest attestation for `templateId`.
Result<Score> scoreResults(ProjectDatabase &db, const QString &templateId, const QList<StoredResult> &results,
                           const AssessmentTemplate *assessment);

} // namespace triad
