#include "OscalReportWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QUuid>

namespace triad::report {
namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);  // version 4 (random)
}

QString timeText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

/// OSCAL markup-line and prop values must not be empty nor begin or end with white space.
QString nonEmpty(const QString &s, const QString &fallback)
{
    const QString t = s.simplified();
    return t.isEmpty() ? fallback : t;
}

QJsonObject prop(const QString &name, const QString &value, bool ours = true)
{
    QJsonObject p{{QStringLiteral("name"), name}, {QStringLiteral("value"), nonEmpty(value, QStringLiteral("-"))}};
    if (ours)
        p.insert(QStringLiteral("ns"), QString::fromLatin1(OscalReportWriter::kNamespace));
    return p;
}

QJsonArray sha256Hash(const QString &value)
{
    return QJsonArray{QJsonObject{{QStringLiteral("algorithm"), QStringLiteral("SHA-256")}, {QStringLiteral("value"), value}}};
}

} // namespace

QString oscalControlId(const QString &requirementId)
{
    QString id = QStringLiteral("req-");
    for (const QChar c : requirementId)
        id += c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char('_') ? c : QLatin1Char('_');
    return id;
}

QJsonObject OscalReportWriter::document(const ReportModel &m) const
{
    const CoverFacts &c = m.cover;
    QJsonArray resources;

    // The assessment plan is Triad's template and tailoring: described as a back-matter resource.
    const QString planUuid = uuid();
    QJsonArray planProps{prop(QStringLiteral("template-id"), c.templateId), prop(QStringLiteral("template-version"), c.templateVersion)};
    if (!c.tailoring.isEmpty())
        planProps.append(prop(QStringLiteral("tailoring"), c.tailoring));
    QJsonObject plan{{QStringLiteral("uuid"), planUuid},
                     {QStringLiteral("title"), nonEmpty(QStringLiteral("Assessment plan: %1 %2").arg(c.templateTitle, c.templateVersion), c.templateId)},
                     {QStringLiteral("description"), QStringLiteral("The Triad assessment template the run used, identified by the SHA-256 of its text.")},
                     {QStringLiteral("props"), planProps}};
    if (c.templateSha256.size() == 64)
        plan.insert(QStringLiteral("rlinks"), QJsonArray{QJsonObject{{QStringLiteral("href"), QStringLiteral("templates/%1.yaml").arg(c.templateId)},
                                                                     {QStringLiteral("hashes"), sha256Hash(c.templateSha256)}}});
    resources.append(plan);

    // Assets as inventory items.
    QHash<QString, QString> assetUuid;
    QJsonArray inventory;
    for (const AssetRunRecord &a : m.runAssets) {
        const QString id = uuid();
        assetUuid.insert(a.assetName, id);
        QJsonArray props{prop(QStringLiteral("asset-name"), a.assetName), prop(QStringLiteral("run-status"), toString(a.status))};
        if (!a.facts.hostname.isEmpty())
            props.append(prop(QStringLiteral("fqdn"), a.facts.hostname, false));
        if (!a.facts.osPrettyName.isEmpty())
            props.append(prop(QStringLiteral("os"), a.facts.osPrettyName));
        inventory.append(QJsonObject{{QStringLiteral("uuid"), id},
                                     {QStringLiteral("description"), nonEmpty(QStringLiteral("Asset %1").arg(a.assetName), QStringLiteral("Asset"))},
                                     {QStringLiteral("props"), props}});
    }

    // Evidence as back-matter resources with their SHA-256.
    QHash<qint64, QString> evidenceUuid;
    for (const EvidenceSummary &e : m.evidenceIndex) {
        const QString id = uuid();
        evidenceUuid.insert(e.id, id);
        resources.append(QJsonObject{
            {QStringLiteral("uuid"), id},
            {QStringLiteral("title"), nonEmpty(QStringLiteral("Evidence E%1: %2 on %3").arg(e.id).arg(e.collectorKey, e.assetName), QStringLiteral("Evidence"))},
            {QStringLiteral("props"), QJsonArray{prop(QStringLiteral("command"), e.command), prop(QStringLiteral("exit-code"), QString::number(e.exitCode)),
                                                 prop(QStringLiteral("collected"), timeText(e.collectedAt))}},
            {QStringLiteral("rlinks"), QJsonArray{QJsonObject{{QStringLiteral("href"), QStringLiteral("evidence/E%1").arg(e.id)},
                                                              {QStringLiteral("hashes"), sha256Hash(e.sha256)}}}}});
    }

    // One observation per result.
    QJsonArray observations;
    QMap<QString, QStringList> observationsByRequirement;
    for (const StoredResult &r : m.results) {
        const QString id = uuid();
        QJsonArray evidence;
        for (qint64 e : r.evidenceIds)
            if (evidenceUuid.contains(e))
                evidence.append(QJsonObject{{QStringLiteral("href"), QString(QLatin1Char('#') + evidenceUuid.value(e))},
                                            {QStringLiteral("description"), QStringLiteral("SHA-256 %1").arg(m.evidenceSha.value(e))}});
        QJsonArray props{prop(QStringLiteral("check-id"), r.result.checkId), prop(QStringLiteral("status"), toString(r.result.status)),
                         prop(QStringLiteral("raw-status"), toString(r.rawStatus)), prop(QStringLiteral("severity"), toString(r.severity))};
        if (!r.result.subject.isEmpty())
            props.append(prop(QStringLiteral("subject"), r.result.subject));
        QString description = QStringLiteral("%1 on %2: %3. Expected: %4. Actual: %5.")
                                  .arg(r.result.checkId, r.assetName, toString(r.result.status), r.result.expected, r.result.actual);
        if (!r.result.message.isEmpty())
            description += QStringLiteral(" ") + r.result.message;
        QJsonObject o{{QStringLiteral("uuid"), id},
                      {QStringLiteral("title"), nonEmpty(r.title, r.result.checkId)},
                      {QStringLiteral("description"), description},
                      {QStringLiteral("props"), props},
                      {QStringLiteral("methods"), QJsonArray{QStringLiteral("TEST")}},
                      {QStringLiteral("collected"), timeText(m.run.startedAt)}};
        if (assetUuid.contains(r.assetName))
            o.insert(QStringLiteral("subjects"), QJsonArray{QJsonObject{{QStringLiteral("subject-uuid"), assetUuid.value(r.assetName)},
                                                                        {QStringLiteral("type"), QStringLiteral("inventory-item")}}});
        if (!evidence.isEmpty())
            o.insert(QStringLiteral("relevant-evidence"), evidence);
        observations.append(o);
        for (const QString &req : r.requirementIds)
            observationsByRequirement[req] << id;
    }

    // One finding per assessed requirement, and every requirement as a reviewed control.
    QJsonArray findings, controls;
    QSet<QString> seenControls;
    for (const RequirementSection &s : m.sections) {
        for (const RequirementRow &r : s.rows) {
            const QString controlId = oscalControlId(r.id);
            if (!seenControls.contains(controlId)) {
                seenControls.insert(controlId);
                controls.append(QJsonObject{{QStringLiteral("control-id"), controlId}});
            }
            // A manual-only requirement without a verdict has no finding yet; a mixed one whose manual
            // evidence is outstanding was assessed by its checks and is not satisfied until attested.
            if (r.status == QLatin1String("not_assessed") || (r.manual && r.status == QLatin1String("manual")))
                continue;
            const bool satisfied = r.status == QLatin1String("pass") || r.status == QLatin1String("waived");
            const QString reason = r.status == QLatin1String("pass") ? QStringLiteral("pass")
                                 : r.status == QLatin1String("fail") ? QStringLiteral("fail")
                                                                     : QStringLiteral("other");
            QJsonArray props{prop(QStringLiteral("requirement-id"), r.id), prop(QStringLiteral("status"), r.status)};
            if (r.manualPart != ManualPart::None)
                props.append(prop(QStringLiteral("manual-part"), manualPartWord(r.manualPart)));
            QJsonObject target{{QStringLiteral("type"), QStringLiteral("objective-id")},
                               {QStringLiteral("target-id"), controlId},
                               {QStringLiteral("status"), QJsonObject{{QStringLiteral("state"), satisfied ? QStringLiteral("satisfied") : QStringLiteral("not-satisfied")},
                                                                      {QStringLiteral("reason"), reason}}},
                               {QStringLiteral("props"), props}};
            QString description = r.manual ? QStringLiteral("Manual requirement, attested %1.").arg(r.attestation)
                                           : QStringLiteral("Across assets: %1 pass, %2 fail, %3 error, %4 waived, %5 not applicable.")
                                                 .arg(r.assets.pass).arg(r.assets.fail).arg(r.assets.error).arg(r.assets.waived).arg(r.assets.notApplicable);
            if (!r.manual && r.manualPart != ManualPart::None)
                description += QStringLiteral(" %1.").arg(r.statusText);
            QJsonObject f{{QStringLiteral("uuid"), uuid()},
                          {QStringLiteral("title"), nonEmpty(QStringLiteral("%1 %2").arg(r.id, r.title), controlId)},
                          {QStringLiteral("description"), description},
                          {QStringLiteral("target"), target}};
            QJsonArray related;
            for (const QString &o : observationsByRequirement.value(r.id))
                related.append(QJsonObject{{QStringLiteral("observation-uuid"), o}});
            if (!related.isEmpty())
                f.insert(QStringLiteral("related-observations"), related);
            findings.append(f);
        }
    }

    QJsonObject reviewed{{QStringLiteral("control-selections"),
                          QJsonArray{controls.isEmpty() ? QJsonObject{{QStringLiteral("include-all"), QJsonObject{}}}
                                                        : QJsonObject{{QStringLiteral("include-controls"), controls}}}}};
    QJsonObject result{{QStringLiteral("uuid"), uuid()},
                       {QStringLiteral("title"), nonEmpty(QStringLiteral("Triad run %1 of %2").arg(c.runId).arg(c.templateTitle), QStringLiteral("Triad run"))},
                       {QStringLiteral("description"), QStringLiteral("Automated assessment by Triad %1 (run status %2).").arg(c.appVersion, c.runStatus)},
                       {QStringLiteral("start"), timeText(m.run.startedAt)},
                       {QStringLiteral("reviewed-controls"), reviewed},
                       {QStringLiteral("props"), QJsonArray{prop(QStringLiteral("run-id"), QString::number(c.runId))}}};
    if (m.run.finishedAt.isValid())
        result.insert(QStringLiteral("end"), timeText(m.run.finishedAt));
    if (!inventory.isEmpty())
        result.insert(QStringLiteral("local-definitions"), QJsonObject{{QStringLiteral("inventory-items"), inventory}});
    if (!observations.isEmpty())
        result.insert(QStringLiteral("observations"), observations);
    if (!findings.isEmpty())
        result.insert(QStringLiteral("findings"), findings);

    QJsonObject metadata{{QStringLiteral("title"), nonEmpty(QStringLiteral("%1: %2").arg(c.projectName, c.templateTitle), QStringLiteral("Assessment results"))},
                         {QStringLiteral("last-modified"), timeText(c.generatedAt)},
                         {QStringLiteral("version"), QStringLiteral("run-%1").arg(c.runId)},
                         {QStringLiteral("oscal-version"), QString::fromLatin1(kOscalVersion)}};
    QJsonArray parties;
    if (!c.customer.trimmed().isEmpty())
        parties.append(QJsonObject{{QStringLiteral("uuid"), uuid()}, {QStringLiteral("type"), QStringLiteral("organization")},
                                   {QStringLiteral("name"), nonEmpty(c.customer, QStringLiteral("customer"))}});
    if (!c.operatorName.trimmed().isEmpty())
        parties.append(QJsonObject{{QStringLiteral("uuid"), uuid()}, {QStringLiteral("type"), QStringLiteral("person")},
                                   {QStringLiteral("name"), nonEmpty(c.operatorName, QStringLiteral("operator"))}});
    if (!parties.isEmpty())
        metadata.insert(QStringLiteral("parties"), parties);

    return QJsonObject{{QStringLiteral("assessment-results"),
                        QJsonObject{{QStringLiteral("uuid"), uuid()},
                                    {QStringLiteral("metadata"), metadata},
                                    {QStringLiteral("import-ap"), QJsonObject{{QStringLiteral("href"), QString(QLatin1Char('#') + planUuid)}}},
                                    {QStringLiteral("results"), QJsonArray{result}},
                                    {QStringLiteral("back-matter"), QJsonObject{{QStringLiteral("resources"), resources}}}}}};
}

QByteArray OscalReportWriter::render(const ReportModel &m) const
{
    return QJsonDocument(document(m)).toJson(QJsonDocument::Indented);
}

} // namespace triad::report
