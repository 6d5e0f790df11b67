#pragma once

#include "common/Result.h"
#include "model/Evidence.h"
#include "model/Plan.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace triad {

/// Set from any thread to ask a running collection to stop; transports poll it.
using CancelFlag = std::atomic_bool;

struct CollectOptions {
    int overallTimeoutSeconds = 600;    ///< the whole batch, on top of per-collector timeouts
    const CancelFlag *cancel = nullptr;
};

struct CollectionBatch {
    HostFacts facts;
    QList<RawOutput> outputs;   ///< one per planned collector, in plan order
};

/// Runs a plan's collectors on one asset, all in one batch (one script, one round trip).
/// A failure of the whole batch (host unreachable, auth refused) is an Error; a failure of one
/// collector is recorded in its RawOutput.
class Transport {
public:
    virtual ~Transport() = default;
    [[nodiscard]] virtual QString name() const = 0;     ///< "local", "ssh", ...
    virtual Result<CollectionBatch> collect(const QList<PlannedCollector> &collectors,
                                            const CollectOptions &options) = 0;

    /// Where the last collect() spent its time (connect, authentication, collection) and its
    /// traffic, also after a failure: a host that timed out shows where.
    [[nodiscard]] const AssetTimings &timings() const { return m_timings; }

protected:
    AssetTimings m_timings;
};

} // namespace triad
