#pragma once

#include "collect/Transport.h"
#include "common/Result.h"
#include "db/ProjectTypes.h"

#include <memory>

namespace triad {

/// The transport that reaches `asset` (local now; SSH, Docker, Kubernetes and AWS as they land).
Result<std::unique_ptr<Transport>> makeTransport(const Asset &asset);

} // namespace triad
