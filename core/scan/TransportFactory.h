#pragma once

#include "collect/Transport.h"
#include "common/Result.h"
#include "db/ProjectTypes.h"

#include <memory>

namespace triad {

struct TransportOptions {
    bool acceptNewHostKeys = false;     ///< pin a host key seen for the first time
    int connectTimeoutSeconds = 10;
};

/// The transport that reaches `asset`: local, or SSH with the asset's credentials reference
/// ("key:/path", "agent"; empty = ssh-agent and ~/.ssh/id_* keys are not tried implicitly) and
/// its pinned host key.
Result<std::unique_ptr<Transport>> makeTransport(const Asset &asset, const TransportOptions &options = {});

/// The fingerprint to pin after a successful collection with `transport`, or an empty string.
QString hostKeyToPin(const Asset &asset, const Transport &transport);

} // namespace triad
