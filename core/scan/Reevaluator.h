#pragma once

#include "common/Result.h"
#include "scan/ScanTypes.h"

#include <optional>

namespace triad {

class Catalog;
class ProjectDatabase;

/// Evaluates a stored run again, from its stored evidence alone (no host is contacted), against
/// the template as it is in `catalog` now, e.g. after a check was corrected. The outcome is a new
/// run marked as derived from the old one (DESIGN.md §2 "collect once, evaluate purely"); it
/// updates issues like any run. Assets that were not reached then are recorded as such again.
///
/// `tailoringId` chooses the tailoring to apply: unset, the run's own; 0, none; else that stored
/// tailoring (of the run's template), so the effect of a tailoring is seen without a new scan.
class Reevaluator final {
public:
    static Result<ScanSummary> reevaluate(ProjectDatabase &db, const Catalog &catalog, qint64 runId, const QString &operatorName,
                                          std::optional<qint64> tailoringId = std::nullopt);
};

} // namespace triad
