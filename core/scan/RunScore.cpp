#include "RunScore.h"

#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"

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

    QMap<QString, QSet<QString>> checksByRequirement;
    QList<ScoredResult> scored;
    scored.reserve(results->size());
    for (const StoredResult &r : std::as_const(*results)) {
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
    if (catalog) {
        const AssessmentTemplate *t = catalog->assessment(run->templateId);
        if (t && t->contentSha256 == run->templateSha256) {
            for (const RequirementDef &req : t->requirements) {
                if (req.checks.isEmpty())
                    requirements << req;
            }
        }
    }
    return computeScore(requirements, scored);
}

} // namespace triad
