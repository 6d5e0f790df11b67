#include "RunTimings.h"

#include "ProjectDatabase.h"

namespace triad {

AssetTimings sumTimings(const QList<AssetRunRecord> &assets)
{
    AssetTimings t;
    for (const AssetRunRecord &a : assets) {
        t.connectMs += a.timings.connectMs;
        t.authMs += a.timings.authMs;
        t.collectMs += a.timings.collectMs;
        t.evaluateMs += a.timings.evaluateMs;
        t.storeMs += a.timings.storeMs;
        t.bytesSent += a.timings.bytesSent;
        t.bytesReceived += a.timings.bytesReceived;
        t.commands += a.timings.commands;
    }
    return t;
}

Result<RunTimings> loadRunTimings(ProjectDatabase &db, qint64 runId, int topCollectors)
{
    RunTimings timings;
    auto run = db.run(runId);
    if (!run)
        return run.error();
    timings.run = *run;
    auto assets = db.runAssets(runId);
    if (!assets)
        return assets.error();
    timings.assets = *assets;
    auto collectors = db.slowestCollectors(runId, topCollectors);
    if (!collectors)
        return collectors.error();
    timings.slowest = *collectors;
    timings.sum = sumTimings(timings.assets);
    timings.wallMs = run->finishedAt.isValid() ? run->startedAt.msecsTo(run->finishedAt) : -1;
    return timings;
}

} // namespace triad
