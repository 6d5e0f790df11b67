#include "AssessmentQueries.h"

#include "BackgroundPool.h"
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "scan/RunScore.h"

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
