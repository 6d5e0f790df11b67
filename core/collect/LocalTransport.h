#pragma once

#include "collect/Transport.h"

namespace triad {

/// Runs the collection script on this machine with /bin/sh (script on stdin, as over SSH).
/// The shell runs in its own session so that a timeout or cancel kills every process it started.
class LocalTransport final : public Transport {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("local"); }
    Result<CollectionBatch> collect(const QList<PlannedCollector> &collectors, const CollectOptions &options) override;
};

/// Bytes of script output accepted for `collectors`: their caps plus frames and stderr.
qint64 outputBudget(const QList<PlannedCollector> &collectors);

} // namespace triad
