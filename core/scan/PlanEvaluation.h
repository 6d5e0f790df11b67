#pragma once

#include "common/Result.h"
#include "db/ProjectTypes.h"
#include "eval/Evaluator.h"
#include "model/Plan.h"

#include <QHash>
#include <QList>

namespace triad {

class ProjectDatabase;

/// Parses each planned collector's raw output (matched by collector key) into what rules read.
/// A collector without output is left out, so its checks say "no evidence collected".
ObservationMap observePlan(const Plan &plan, const QList<RawOutput> &outputs);

/// The rows the database stores for `results`: each with its check's title, severity (after
/// tailoring) and the requirement ids that map to it.
QList<StoredResult> resultRows(const Plan &plan, const QList<CheckResult> &results);

/// Keeps the exact template text of `plan` in the project (so that the run can be re-evaluated
/// and reported as it was) and returns the run record a new run of it starts from.
Result<RunInfo> newRunInfo(ProjectDatabase &db, const Plan &plan, const QString &operatorName);

} // namespace triad
