#include "PlanEvaluation.h"

#include "collect/ObservationParser.h"

namespace triad {

ObservationMap observePlan(const Plan &plan, const QList<RawOutput> &outputs)
{
    QHash<QString, const RawOutput *> byKey;
    byKey.reserve(outputs.size());
    for (const RawOutput &raw : outputs)
        byKey.insert(raw.collectorKey, &raw);
    ObservationMap observations;
    observations.reserve(plan.collectors.size());
    for (const PlannedCollector &collector : plan.collectors) {
        if (const RawOutput *raw = byKey.value(collector.key))
            observations.insert(collector.key, parseObservation(collector.spec, *raw));
    }
    return observations;
}

QList<StoredResult> resultRows(const Plan &plan, const QList<CheckResult> &results)
{
    QHash<QString, const PlannedCheck *> checksById;
    for (const PlannedCheck &check : plan.checks)
        checksById.insert(check.check.id, &check);
    QList<StoredResult> rows;
    rows.reserve(results.size());
    for (const CheckResult &result : results) {
        StoredResult row;
        row.result = result;
        row.rawStatus = result.status;
        if (const PlannedCheck *check = checksById.value(result.checkId)) {
            row.title = check->check.title;
            row.severity = check->check.severity;
            row.requirementIds = check->requirementIds;
        }
        rows << std::move(row);
    }
    return rows;
}

} // namespace triad
