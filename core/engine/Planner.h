#pragma once

#include "common/Result.h"
#include "model/Plan.h"

namespace triad {

class Catalog;

/// Turns a template (and a tailoring) into a Plan: parameters resolved (library defaults, then
/// the template's defaults, then the tailoring, each checked against its bounds), ${…}
/// substituted, collectors deduplicated across libraries so that equal specs run once, rule
/// sources rewritten to collector keys, tailoring applied (disabled checks, severities).
class Planner {
public:
    static Result<Plan> plan(const Catalog &catalog, const QString &assessmentId, const Tailoring *tailoring = nullptr);
    /// Every check of one library (no requirements): for fixtures and library-level runs.
    static Result<Plan> planLibrary(const Catalog &catalog, const QString &libraryId,
                                    const QVariantMap &parameterOverrides = {});
};

} // namespace triad
