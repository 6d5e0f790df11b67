#include "AssessmentQueries.h"

#include "BackgroundPool.h"
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "scan/Reevaluator.h"
#include "scan/RunScore.h"
#include "IssueQueries.h"

#include <QtConcurrent/QtConcurrentRun>

namespace triad::AssessmentQueries {

QFuture<Result<AssessmentsSnapshot>> load(const QString &path, std::shared_ptr<const Catalog> catalog)
{
    return QtConcurrent::run(backgroundPool(), [path, catalog]() -> Result<AssessmentsSnapshot> {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        AssessmentsSnapshot snapshot;
        auto assets = (*db)->assets();
        if (!assets)
            return assets.error();
        snapshot.assets = *assets;
        auto tailorings = (*db)->tailorings();
        if (!tailorings)
            return tailorings.error();
        snapshot.tailorings = *tailorings;
        auto credentials = (*db)->credentials();
        if (!credentials)
            return credentials.error();
        for (const StoredCredential &c : std::as_const(*credentials))
            snapshot.credentialNames.insert(c.name);
        auto runs = (*db)->runs();
        if (!runs)
            return runs.error();
        for (const RunInfo &run : std::as_const(*runs)) {
            RunOverview overview;
            overview.run = run;
            // A run still being written (by this window or triad-cli) gets its score once it ends.
            if (run.status != RunStatus::Running) {
                if (auto score = scoreStoredRun(**db, run.id, catalog.get()))
                    overview.score = *score;
            }
            if (auto records = (*db)->runAssets(run.id)) {
                overview.assetCount = int(records->size());
                overview.reachedAssets = int(std::count_if(records->cbegin(), records->cend(), [](const AssetRunRecord &r) {
                    return r.status == AssetRunStatus::Ok;
                }));
            }
            snapshot.runs << overview;
        }
        return snapshot;
    });
}

QFuture<Result<ScanSummary>> reevaluate(const QString &path, std::shared_ptr<const Catalog> catalog, qint64 runId,
                                        std::optional<qint64> tailoringId)
{
    const QString operatorName = IssueQueries::operatorName();
    return QtConcurrent::run(backgroundPool(), [path, catalog, runId, tailoringId, operatorName]() -> Result<ScanSummary> {
        if (!catalog)
            return makeError(Error::Code::InvalidInput, QStringLiteral("the templates are not loaded yet"));
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadWrite);
        if (!db)
            return db.error();
        return Reevaluator::reevaluate(**db, *catalog, runId, operatorName, tailoringId);
    });
}

QFuture<Result<RunTimings>> loadTimings(const QString &path, qint64 runId, int topCollectors)
{
    return QtConcurrent::run(backgroundPool(), [path, runId, topCollectors]() -> Result<RunTimings> {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        return loadRunTimings(**db, runId, topCollectors);
    });
}

} // namespace triad::AssessmentQueries
