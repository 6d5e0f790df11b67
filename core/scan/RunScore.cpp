#include "RunScore.h"
#include "RunTemplate.h"

#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "lifecycle/RequirementVerdict.h"

#include <QHash>
#include <QMap>
#include <QSet>

namespace triad {

Result<Score> scoreStoredRun(ProjectDatabase &db, qint64 runId, const Catalog *catalog)
{
    auto run = db.run(runId);
    if (!run)
        return run.error();
    auto results = db.results(runId);
    if (!results)
        return results.error();
    // Manual requirements from the very template the run used (stored with it, or installed and
    // unchanged); another version's requirements would not match the run's results.
    const RunTemplate t = RunTemplate::of(db, *run, catalog);
    return scoreResults(db, run->templateId, *results, t.sameAsRun() ? t.get() : nullptr);
}

Result<Score> scoreResults(ProjectDatabase &db, const QString &templateId, const QList<StoredResult> &results,
                           const AssessmentTemplate *assessment)
{
    QMap<QString, QSet<QString>> checksByRequirement;
    QList<ScoredResult> scored;
    scored.reserve(results.size());
    for (const StoredResult &r : results) {
        scored << ScoredResult{r.assetName, r.result.checkId, r.result.status, r.severity};
        for (const QString &req : r.requirementIds)
            checksByRequirement[req].insert(r.result.checkId);
    }

    QList<RequirementDef> requirements;
    for (auto it = checksByRequirement.cbegin(); it != checksByRequirement.cend(); ++it) {
        RequirementDef def;
        def.id = it.key();
        def.checks = QStringList(it.value().cbegin(), it.value().cend());
        requirements << def;
    }
    if (assessment) {
        for (const RequirementDef &req : assessment->requirements) {
            if (req.checks.isEmpty())
                requirements << req;
        }
    }
    Score score = computeScore(requirements, scored);
    // Every manual part (manual-only and mixed requirements) by the newest attestation made for
    // it (any date: an attestation speaks for the engagement, not for one run).
    if (!assessment)
        return score;
    auto attestations = db.attestations(templateId);
    if (!attestations)
        return attestations.error();
    QHash<QString, CheckStatus> latest;
    for (const Attestation &a : std::as_const(*attestations))
        latest.insert(a.requirementId, a.status);     // ordered by id: later ones win
    tallyManualParts(score, assessment->requirements, latest);
    return score;
}

} // namespace triad
