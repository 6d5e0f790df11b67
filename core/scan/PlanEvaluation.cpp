#include "PlanEvaluation.h"

#include "collect/ObservationParser.h"
#include "common/Paths.h"
#include "db/ProjectDatabase.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

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

Result<RunInfo> newRunInfo(ProjectDatabase &db, const Plan &plan, const QString &operatorName)
{
    QFile templateFile(plan.assessment.file);
    const QByteArray templateText = templateFile.open(QIODevice::ReadOnly) ? templateFile.readAll() : QByteArray();
    if (auto s = db.recordTemplateUse(plan.assessment.id, plan.assessment.version, plan.assessment.contentSha256, templateText); !s)
        return s.error();
    RunInfo info;
    info.templateId = plan.assessment.id;
    info.templateVersion = plan.assessment.version;
    info.templateSha256 = plan.assessment.contentSha256;
    info.templateTitle = plan.assessment.title;
    info.tailoringName = plan.tailoringName;
    info.parametersJson =
        QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(plan.parameters)).toJson(QJsonDocument::Compact));
    info.startedAt = QDateTime::currentDateTimeUtc();
    info.status = RunStatus::Running;
    info.operatorName = operatorName;
    info.appVersion = appVersion();
    return info;
}

} // namespace triad
