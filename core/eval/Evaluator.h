#pragma once

#include "model/CheckResult.h"
#include "model/Evidence.h"
#include "model/Plan.h"

#include <QHash>
#include <QList>

namespace triad {

/// Collector key -> what it observed on one asset.
using ObservationMap = QHash<QString, Observation>;

/// The pure evaluator (DESIGN.md §2-3): observations in, verdicts out; no I/O, deterministic.
///
/// A rule reads the first of its sources (from / from_first) whose selection yields a value.
/// If none does: any source in error -> error (unknown is never turned into pass); otherwise
/// `exists` fails, `absent` passes, and every other operator is judged on the rule's default
/// (the program's built-in value; the result says it was used) or, without one, follows
/// on_missing. A value from a merged configuration is shown with the file that set it. A selection
/// into a Missing observation still sees its facts ({exists: false} of a stat).
/// Quantifiers: all (empty passes), any (empty fails), none (empty passes); a single value
/// counts as a one-element list.
/// Rules combine by the check's condition: all -> any fail fails, else any error errs, else any
/// not-applicable, else pass; any -> any pass passes, else error, else n/a, else fail;
/// none -> any pass fails, else error, else pass.
/// applies_when: a false predicate gives not_applicable, an undecidable one gives error.
/// Subjects: one result per element of the subjects list; rules without a source read the
/// element. An empty list gives one pass ("none found").
class Evaluator {
public:
    static QList<CheckResult> evaluate(const PlannedCheck &check, const ObservationMap &observations);
    static QList<CheckResult> evaluatePlan(const Plan &plan, const ObservationMap &observations);
};

} // namespace triad
