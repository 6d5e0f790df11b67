#include "JsonReportWriter.h"

#include "RunJson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace triad::report {
namespace {

QJsonValue timeJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QJsonValue percentJson(const std::optional<double> &p)
{
    return p ? QJsonValue(std::round(*p * 10) / 10) : QJsonValue(QJsonValue::Null);
}

QJsonObject countsJson(const StatusCounts &c)
{
    return {{QStringLiteral("pass"), c.pass},     {QStringLiteral("fail"), c.fail},
            {QStringLiteral("error"), c.error},   {QStringLiteral("not_applicable"), c.notApplicable},
            {QStringLiteral("manual"), c.manual}, {QStringLiteral("waived"), c.waived}};
}

QJsonArray comparedJson(const QList<ComparedResult> &items)
{
    QJsonArray a;
    for (const ComparedResult &c : items)
        a.append(QJsonObject{{QStringLiteral("asset"), c.assetName},
                             {QStringLiteral("check_id"), c.checkId},
                             {QStringLiteral("subject"), c.subject},
                             {QStringLiteral("severity"), toString(c.severity)},
                             {QStringLiteral("before"), c.before ? QJsonValue(toString(*c.before)) : QJsonValue(QJsonValue::Null)},
                             {QStringLiteral("after"), c.after ? QJsonValue(toString(*c.after)) : QJsonValue(QJsonValue::Null)}});
    return a;
}

} // namespace

QJsonObject requirementJson(const QString &section, const RequirementRow &row)
{
    return QJsonObject{{QStringLiteral("id"), row.id},
                       {QStringLiteral("section"), section},
                       {QStringLiteral("title"), row.title},
                       {QStringLiteral("status"), row.status},
                       {QStringLiteral("manual"), row.manual},
                       {QStringLiteral("checks"), QJsonArray::fromStringList(row.checks)},
                       {QStringLiteral("assets"), countsJson(row.assets)},
                       {QStringLiteral("failing_assets"), row.failingAssetsTotal},
                       {QStringLiteral("attestation"), row.attestation.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(row.attestation)},
                       {QStringLiteral("automated_status"), row.automatedStatus.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(row.automatedStatus)},
                       {QStringLiteral("manual_part"), row.manualPart == ManualPart::None ? QJsonValue(QJsonValue::Null) : QJsonValue(manualPartWord(row.manualPart))},
                       {QStringLiteral("met"), row.met},
                       {QStringLiteral("status_text"), row.statusText}};
}

QJsonObject JsonReportWriter::document(const ReportModel &m) const
{
    QJsonObject doc = runDocument(m.run, m.runAssets, m.results, m.evidenceSha, m.score);
    const CoverFacts &c = m.cover;
    doc.insert(QStringLiteral("report"), QJsonObject{{QStringLiteral("schema"), QStringLiteral("triad-report/1")},
                                                     {QStringLiteral("generated_at"), timeJson(c.generatedAt)},
                                                     {QStringLiteral("app_version"), c.reportAppVersion}});
    doc.insert(QStringLiteral("project"), QJsonObject{{QStringLiteral("name"), c.projectName}, {QStringLiteral("customer"), c.customer}});
    doc.insert(QStringLiteral("template"), QJsonObject{{QStringLiteral("id"), c.templateId},
                                                       {QStringLiteral("title"), c.templateTitle},
                                                       {QStringLiteral("version"), c.templateVersion},
                                                       {QStringLiteral("sha256"), c.templateSha256},
                                                       {QStringLiteral("framework"), c.frameworkName},
                                                       {QStringLiteral("framework_version"), c.frameworkVersion},
                                                       {QStringLiteral("source"), c.templateSource}});
    QJsonArray trend;
    for (const TrendPoint &p : m.trend)
        trend.append(QJsonObject{{QStringLiteral("run"), p.runId},
                                 {QStringLiteral("started_at"), timeJson(p.startedAt)},
                                 {QStringLiteral("percent"), percentJson(p.percent)},
                                 {QStringLiteral("passed"), p.passed},
                                 {QStringLiteral("failed"), p.failed},
                                 {QStringLiteral("opened"), p.opened},
                                 {QStringLiteral("fixed"), p.fixed},
                                 {QStringLiteral("regressed"), p.regressed}});
    doc.insert(QStringLiteral("trend"), trend);
    const ChangeSummary &ch = m.changes;
    doc.insert(QStringLiteral("changes"),
               QJsonObject{{QStringLiteral("previous_run"), ch.previousRunId ? QJsonValue(ch.previousRunId) : QJsonValue(QJsonValue::Null)},
                           {QStringLiteral("new"), ch.newCount},
                           {QStringLiteral("fixed"), ch.fixedCount},
                           {QStringLiteral("regressed"), ch.regressedCount},
                           {QStringLiteral("still_open"), ch.stillOpenCount},
                           {QStringLiteral("changed_evidence"), ch.changedEvidenceCount},
                           {QStringLiteral("new_items"), comparedJson(ch.newItems)},
                           {QStringLiteral("fixed_items"), comparedJson(ch.fixedItems)},
                           {QStringLiteral("regressed_items"), comparedJson(ch.regressedItems)}});
    QJsonArray requirements;
    for (const RequirementSection &s : m.sections)
        for (const RequirementRow &r : s.rows)
            requirements.append(requirementJson(s.name, r));
    doc.insert(QStringLiteral("requirements"), requirements);
    // What is left for a person to attest, manual-only and mixed requirements together.
    QJsonArray outstanding;
    for (const ManualRequirement &r : m.manualRequirements)
        if (r.part == ManualPart::NotAttested)
            outstanding.append(r.id);
    doc.insert(QStringLiteral("manual_evidence"),
               QJsonObject{{QStringLiteral("outstanding"), m.score.manualNotAttested},
                           {QStringLiteral("outstanding_mixed"), m.score.mixedManualNotAttested},
                           {QStringLiteral("attested_pass"), m.score.manualAttestedPass},
                           {QStringLiteral("attested_fail"), m.score.manualAttestedFail},
                           {QStringLiteral("outstanding_requirements"), outstanding}});
    QJsonArray findings;
    for (const Finding &f : m.findings)
        findings.append(QJsonObject{{QStringLiteral("check_id"), f.checkId},
                                    {QStringLiteral("title"), f.title},
                                    {QStringLiteral("severity"), toString(f.severity)},
                                    {QStringLiteral("requirements"), QJsonArray::fromStringList(f.requirementIds)},
                                    {QStringLiteral("failed"), f.failCount},
                                    {QStringLiteral("waived"), f.waivedCount},
                                    {QStringLiteral("errors"), f.errorCount},
                                    {QStringLiteral("assets"), f.affectedAssets},
                                    {QStringLiteral("remediation"), f.remediation.summary.trimmed()}});
    doc.insert(QStringLiteral("findings"), findings);
    QJsonArray waivers;
    for (const WaiverRow &w : m.waivers)
        waivers.append(QJsonObject{{QStringLiteral("id"), w.waiver.id},
                                   {QStringLiteral("check_id"), w.waiver.checkId},
                                   {QStringLiteral("scope"), w.waiver.assetScope},
                                   {QStringLiteral("justification"), w.waiver.justification},
                                   {QStringLiteral("approver"), w.waiver.approver},
                                   {QStringLiteral("ticket"), w.waiver.ticket},
                                   {QStringLiteral("expires"), w.waiver.expiresOn.toString(Qt::ISODate)},
                                   {QStringLiteral("state"), w.state},
                                   {QStringLiteral("waived_results"), w.waivedResults}});
    doc.insert(QStringLiteral("waivers"), waivers);
    QJsonArray attestations;
    for (const AttestationRow &a : m.attestations) {
        QJsonArray files;
        for (const AttestationFile &f : a.attestation.files)
            files.append(QJsonObject{{QStringLiteral("name"), f.fileName}, {QStringLiteral("sha256"), f.sha256}, {QStringLiteral("size"), f.size}});
        attestations.append(QJsonObject{{QStringLiteral("requirement"), a.attestation.requirementId},
                                        {QStringLiteral("status"), toString(a.attestation.status)},
                                        {QStringLiteral("statement"), a.attestation.statement},
                                        {QStringLiteral("attester"), a.attestation.attester},
                                        {QStringLiteral("attested_at"), timeJson(a.attestation.attestedAt)},
                                        {QStringLiteral("current"), !a.stale},
                                        {QStringLiteral("files"), files}});
    }
    doc.insert(QStringLiteral("attestations"), attestations);
    QJsonArray evidence;
    for (const EvidenceSummary &e : m.evidenceIndex)
        evidence.append(QJsonObject{{QStringLiteral("id"), e.id},
                                    {QStringLiteral("asset"), e.assetName},
                                    {QStringLiteral("collector"), e.collectorKey},
                                    {QStringLiteral("command"), e.command},
                                    {QStringLiteral("exit_code"), e.exitCode},
                                    {QStringLiteral("status"), e.status},
                                    {QStringLiteral("size"), e.size},
                                    {QStringLiteral("truncated"), e.truncated},
                                    {QStringLiteral("sha256"), e.sha256},
                                    {QStringLiteral("collected_at"), timeJson(e.collectedAt)}});
    doc.insert(QStringLiteral("evidence"), evidence);
    return doc;
}

QByteArray JsonReportWriter::render(const ReportModel &m) const
{
    return QJsonDocument(document(m)).toJson(QJsonDocument::Indented);
}

} // namespace triad::report
