#pragma once

#include "common/Result.h"
#include "db/ProjectTypes.h"

#include <QList>

namespace triad {

class ProjectDatabase;

/// Where a stored run spent its time: each asset's phases (connect, auth, collect, evaluate,
/// store, bytes, commands), their sum and the slowest collectors. What `triad-cli timing` prints
/// and the Assessments page shows for the selected run.
struct RunTimings {
    RunInfo run;
    QList<AssetRunRecord> assets;
    AssetTimings sum;                   ///< over the assets
    QList<CollectorTime> slowest;       ///< slowest first
    qint64 wallMs = -1;                 ///< start to finish; -1 while the run is not finished
};

AssetTimings sumTimings(const QList<AssetRunRecord> &assets);

/// Reads the timings of run `runId`, with its `topCollectors` slowest collectors.
Result<RunTimings> loadRunTimings(ProjectDatabase &db, qint64 runId, int topCollectors);

} // namespace triad
