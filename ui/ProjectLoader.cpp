#include "ProjectLoader.h"

#include "BackgroundPool.h"
#include "common/Paths.h"
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"

#include <QtConcurrent/QtConcurrentRun>

namespace triad::ProjectLoader {

QFuture<std::shared_ptr<const Catalog>> loadCatalog()
{
    return QtConcurrent::run(backgroundPool(), []() -> std::shared_ptr<const Catalog> {
        const QString dir = defaultTemplatesDir();
        if (dir.isEmpty())
            return nullptr;
        auto catalog = Catalog::load({dir});
        return catalog ? std::make_shared<const Catalog>(std::move(*catalog)) : nullptr;
    });
}

QFuture<Result<ProjectSnapshot>> loadProject(const QString &path)
{
    return QtConcurrent::run(backgroundPool(), [path]() -> Result<ProjectSnapshot> {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        ProjectSnapshot snapshot;
        snapshot.path = path;
        auto info = (*db)->projectInfo();
        if (!info)
            return info.error();
        snapshot.info = *info;
        auto assets = (*db)->assets();
        if (!assets)
            return assets.error();
        snapshot.assets = *assets;
        auto runs = (*db)->runs();
        if (!runs)
            return runs.error();
        snapshot.runs = *runs;
        return snapshot;
    });
}

QFuture<Result<RunDetails>> loadRun(const QString &path, qint64 runId)
{
    return QtConcurrent::run(backgroundPool(), [path, runId]() -> Result<RunDetails> {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        RunDetails details;
        auto run = (*db)->run(runId);
        if (!run)
            return run.error();
        details.run = *run;
        auto assets = (*db)->runAssets(runId);
        if (!assets)
            return assets.error();
        details.assets = *assets;
        auto results = (*db)->results(runId);
        if (!results)
            return results.error();
        details.results = *results;
        return details;
    });
}

QFuture<Result<QList<StoredEvidence>>> loadEvidence(const QString &path, qint64 resultId)
{
    return QtConcurrent::run(backgroundPool(), [path, resultId]() -> Result<QList<StoredEvidence>> {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        return (*db)->evidenceForResult(resultId);
    });
}

} // namespace triad::ProjectLoader
