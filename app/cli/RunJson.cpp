#include "RunJson.h"

#include "db/ProjectDatabase.h"

#include <QHash>
#include <QJsonArray>

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
                       {QStringLiteral("errors"), score.errors},
                       {QStringLiteral("not_applicable"), score.notApplicable},
                       {QStringLiteral("percent"), optional(score.percent)},
                       {QStringLiteral("weighted_percent"), optional(score.weightedPercent)}};
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

    QJsonObject runObject{{QStringLiteral("id"), runId},
                          {QStringLiteral("template"), run->templateId},
                          {QStringLiteral("template_version"), run->templateVersion},
                          {QStringLiteral("template_sha256"), run->templateSha256},
                          {QStringLiteral("tailoring"), run->tailoringName},
                          {QStringLiteral("tailoring_version"), run->tailoringId ? QJsonValue(run->tailoringVersion) : QJsonValue()},
                          {QStringLiteral("tailoring_sha256"), run->tailoringId ? QJsonValue(run->tailoringSha256) : QJsonValue()},
                          {QStringLiteral("started_at"), timeJson(run->startedAt)},
                          {QStringLiteral("finished_at"), timeJson(run->finishedAt)},
                          {QStringLiteral("status"), toString(run->status)},
                          {QStringLiteral("operator"), run->operatorName},
                          {QStringLiteral("app_version"), run->appVersion}};

    QJsonArray assetArray;
    for (const AssetRunRecord &a : std::as_const(*assets)) {
        assetArray.append(QJsonObject{{QStringLiteral("name"), a.assetName},
                                      {QStringLiteral("status"), toString(a.status)},
                                      {QStringLiteral("error"), a.error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.error)},
                                      {QStringLiteral("duration_ms"), a.durationMs},
                                      {QStringLiteral("hostname"), a.facts.hostname},
                                      {QStringLiteral("os"), a.facts.osPrettyName},
                                      {QStringLiteral("kernel"), a.facts.kernel}});
    }

    QHash<qint64, QString> shaById;
    QJsonArray resultArray;
    for (const StoredResult &r : std::as_const(*results)) {
        QJsonArray hashes;
        for (qint64 evidenceId : r.evidenceIds) {
            auto it = shaById.constFind(evidenceId);
            if (it == shaById.cend()) {
                auto evidence = db.evidence(evidenceId);
                if (!evidence)
                    return evidence.error();
                it = shaById.insert(evidenceId, evidence->sha256);
            }
            hashes.append(*it);
        }
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

} // namespace triad
