// Where assessments spend their time: the storage time added after each asset's transaction,
// and the slowest collectors of a run (from the per-collector durations the script measures).
#include "ProjectDatabase.h"

#include <QSqlQuery>

namespace triad {

Status ProjectDatabase::recordStoreTime(qint64 runId, const QString &assetName, qint64 storeMs)
{
    return execOne(QStringLiteral("UPDATE run_assets SET timings_json = json_set(timings_json, '$.store_ms', ?) "
                                  "WHERE run_id = ? AND asset_name = ?"),
                   {storeMs, runId, assetName}, QStringLiteral("asset %1 in run %2").arg(assetName).arg(runId));
}

Result<QList<CollectorTime>> ProjectDatabase::slowestCollectors(qint64 runId, int limit)
{
    return selectAll<CollectorTime>(
        QStringLiteral("SELECT collector_key, MIN(command), SUM(duration_ms), MAX(duration_ms), COUNT(*) FROM evidence "
                       "WHERE run_id = ? GROUP BY collector_key ORDER BY SUM(duration_ms) DESC, collector_key LIMIT ?"),
        {runId, limit}, [](const QSqlQuery &q) {
            CollectorTime t;
            t.collectorKey = q.value(0).toString();
            t.command = q.value(1).toString();
            t.totalMs = q.value(2).toLongLong();
            t.maxMs = q.value(3).toLongLong();
            t.assets = q.value(4).toInt();
            return t;
        });
}

} // namespace triad
