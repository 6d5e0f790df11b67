#include "RunJson.h"

#include "db/ProjectDatabase.h"

#include <QJsonArray>

#include <cmath>

namespace triad {
namespace {

QJsonValue timeJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject scoreJson(const Score &score)
{
    auto optional = [](const std::optional<double> &v) {
        return v ? QJsonValue(std::round(*v * 10) / 10) : QJsonValue(QJsonValue::Null);
    };
    return QJsonObject{{QStringLiteral("passed"), score.passed},
                       {QStringLiteral("failed"), score.failed},
                       {QStringLiteral("manual"), score.manual},
                       {QStringLiteral("manual_attested_pass"), score.manualAttestedPass},
                       {QStringLiteral("manual_attested_fail"), score.manualAttestedFail},
                       {QStringLiteral("manual_not_attested"), score.manualNotAttested},
                       {QStringLiteral("mixed_manual_attested_pass"), score.mixedManualAttestedPass},
                       {QStringLiteral("mixed_manual_attested_fail"), score.mixedManualAttestedFail},
                       {QStringLiteral("mixed_manual_not_attested"), score.mixedManualNotAttested},
                       {QStringLiteral("errors"), score.errors},
                       {QStringLiteral("not_applicable"), score.notApplicable},
                       {QStringLiteral("percent"), optional(score.percent)},
                       {QStringLiteral("weighted_percent"), optional(score.weightedPercent)}};
}

QJsonObject runDocument(const RunInfo &run, const QList<AssetRunRecord> &assets, const QList<StoredResult> &results,
                        const QHash<qint64, QString> &evidenceSha, const Score &score)
{
    QJsonObject runObject{{QStringLiteral("id"), run.id},
                          {QStringLiteral("template"), run.templateId},
                          {QStringLiteral("template_version"), run.templateVersion},
                          {QStringLiteral("template_sha256"), run.templateSha256},
                          {QStringLiteral("tailoring"), run.tailoringName},
                          {QStringLiteral("tailoring_version"), run.tailoringId ? QJsonValue(run.tailoringVersion) : QJsonValue()},
                          {QStringLiteral("tailoring_sha256"), run.tailoringId ? QJsonValue(run.tailoringSha256) : QJsonValue()},
                          {QStringLiteral("started_at"), timeJson(run.startedAt)},
                          {QStringLiteral("finished_at"), timeJson(run.finishedAt)},
                          {QStringLiteral("status"), toString(run.status)},
                          {QStringLiteral("operator"), run.operatorName},
                          {QStringLiteral("app_version"), run.appVersion}};

    QJsonArray assetArray;
    for (const AssetRunRecord &a : assets) {
        assetArray.append(QJsonObject{{QStringLiteral("name"), a.assetName},
                                      {QStringLiteral("status"), toString(a.status)},
                                      {QStringLiteral("error"), a.error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.error)},
                                      {QStringLiteral("duration_ms"), a.durationMs},
                                      {QStringLiteral("timing"), toJson(a.timings)},
                                      {QStringLiteral("hostname"), a.facts.hostname},
                                      {QStringLiteral("os"), a.facts.osPrettyName},
                                      {QStringLiteral("kernel"), a.facts.kernel}});
    }

    QJsonArray resultArray;
    for (const StoredResult &r : results) {
        QJsonArray hashes;
        for (qint64 evidenceId : r.evidenceIds)
            hashes.append(evidenceSha.value(evidenceId));
        resultArray.append(QJsonObject{{QStringLiteral("asset"), r.assetName},
                                       {QStringLiteral("check_id"), r.result.checkId},
                                       {QStringLiteral("title"), r.title},
                                       {QStringLiteral("severity"), toString(r.severity)},
                                       {QStringLiteral("subject"), r.result.subject},
                                       {QStringLiteral("status"), toString(r.result.status)},
                                       {QStringLiteral("raw_status"), toString(r.rawStatus)},
                                       {QStringLiteral("requirements"), QJsonArray::fromStringList(r.requirementIds)},
                                       {QStringLiteral("expected"), r.result.expected},
                                       {QStringLiteral("actual"), r.result.actual},
                                       {QStringLiteral("message"), r.result.message},
                                       {QStringLiteral("evidence_sha256"), hashes}});
    }

    return QJsonObject{{QStringLiteral("run"), runObject},
                       {QStringLiteral("assets"), assetArray},
                       {QStringLiteral("results"), resultArray},
                       {QStringLiteral("score"), scoreJson(score)}};
}

Result<QJsonObject> runDocument(ProjectDatabase &db, qint64 runId, const Score &score)
{
    auto run = db.run(runId);
    if (!run)
        return run.error();
    auto assets = db.runAssets(runId);
    if (!assets)
        return assets.error();
    auto results = db.results(runId);
    if (!results)
        return results.error();
    auto evidence = db.evidenceSummaries(runId);
    if (!evidence)
        return evidence.error();
    QHash<qint64, QString> shaById;
    for (const EvidenceSummary &e : std::as_const(*evidence))
        shaById.insert(e.id, e.sha256);
    return runDocument(*run, *assets, *results, shaById, score);
}

} // namespace triad
