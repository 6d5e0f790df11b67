#pragma once

#include "db/ProjectTypes.h"
#include "eval/Evaluator.h"
#include "model/Plan.h"

#include <QHash>
#include <QList>

namespace triad {

/// Parses each planned collector's raw output (matched by collector key) into what rules read.
/// A collector without output is left out, so its checks say "no evidence collected".
ObservationMap observePlan(const Plan &plan, const QList<RawOutput> &outputs);

/// The rows the database stores for `results`: each with its check's title, severity (after
/// tailoring) and the requirement ids that map to it.
QList<StoredResult> resultRows(const Plan &plan, const QList<CheckResult> &results);

} // namespace triad
