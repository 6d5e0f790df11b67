#include "JunitReportWriter.h"

#include "TextSanitizer.h"

#include <QMap>
#include <QXmlStreamWriter>

namespace triad::report {
namespace {

/// visibleText() leaves only characters XML 1.0 allows (tab and newline among the controls).
QString xml(const QString &s)
{
    return visibleText(s);
}

struct SuiteCounts {
    int tests = 0, failures = 0, errors = 0, skipped = 0;
};

} // namespace

QByteArray JunitReportWriter::render(const ReportModel &m) const
{
    QMap<QString, QList<const StoredResult *>> byAsset;
    QMap<QString, SuiteCounts> counts;
    for (const StoredResult &r : m.results) {
        byAsset[r.assetName] << &r;
        SuiteCounts &c = counts[r.assetName];
        ++c.tests;
        switch (r.result.status) {
        case CheckStatus::Fail: ++c.failures; break;
        case CheckStatus::Error: ++c.errors; break;
        case CheckStatus::Pass: break;
        default: ++c.skipped; break;
        }
    }
    // An asset that gave no result (unreachable) is one erroring test case of its own.
    for (const AssetRunRecord &a : m.runAssets)
        if (!byAsset.contains(a.assetName)) {
            SuiteCounts &c = counts[a.assetName];
            c.tests = 1;
            c.errors = 1;
        }
    // The manual parts of the requirements are one suite of their own: outstanding evidence is
    // skipped (not passed), a failed attestation is a failure.
    SuiteCounts manual;
    for (const ManualRequirement &q : m.manualRequirements) {
        ++manual.tests;
        manual.failures += q.part == ManualPart::AttestedFail ? 1 : 0;
        manual.skipped += q.part == ManualPart::NotAttested ? 1 : 0;
    }
    SuiteCounts total = manual;
    for (const SuiteCounts &c : std::as_const(counts)) {
        total.tests += c.tests;
        total.failures += c.failures;
        total.errors += c.errors;
        total.skipped += c.skipped;
    }
    const double seconds = m.run.startedAt.isValid() && m.run.finishedAt.isValid() ? double(m.run.startedAt.msecsTo(m.run.finishedAt)) / 1000 : 0;

    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("testsuites"));
    w.writeAttribute(QStringLiteral("name"), xml(QStringLiteral("Triad %1 run %2").arg(m.run.templateId).arg(m.run.id)));
    w.writeAttribute(QStringLiteral("tests"), QString::number(total.tests));
    w.writeAttribute(QStringLiteral("failures"), QString::number(total.failures));
    w.writeAttribute(QStringLiteral("errors"), QString::number(total.errors));
    w.writeAttribute(QStringLiteral("skipped"), QString::number(total.skipped));
    w.writeAttribute(QStringLiteral("time"), QString::number(seconds, 'f', 3));

    for (const AssetRunRecord &a : m.runAssets) {
        const QList<const StoredResult *> results = byAsset.value(a.assetName);
        const SuiteCounts c = counts.value(a.assetName);
        w.writeStartElement(QStringLiteral("testsuite"));
        w.writeAttribute(QStringLiteral("name"), xml(a.assetName));
        w.writeAttribute(QStringLiteral("tests"), QString::number(c.tests));
        w.writeAttribute(QStringLiteral("failures"), QString::number(c.failures));
        w.writeAttribute(QStringLiteral("errors"), QString::number(c.errors));
        w.writeAttribute(QStringLiteral("skipped"), QString::number(c.skipped));
        w.writeAttribute(QStringLiteral("time"), QString::number(double(a.durationMs) / 1000, 'f', 3));
        w.writeAttribute(QStringLiteral("timestamp"), m.run.startedAt.toUTC().toString(Qt::ISODate));
        if (!a.facts.hostname.isEmpty())
            w.writeAttribute(QStringLiteral("hostname"), xml(a.facts.hostname));
        w.writeStartElement(QStringLiteral("properties"));
        for (const auto &[name, value] : {std::pair{QStringLiteral("template"), m.run.templateId},
                                          std::pair{QStringLiteral("template_version"), m.run.templateVersion},
                                          std::pair{QStringLiteral("run"), QString::number(m.run.id)}}) {
            w.writeEmptyElement(QStringLiteral("property"));
            w.writeAttribute(QStringLiteral("name"), name);
            w.writeAttribute(QStringLiteral("value"), xml(value));
        }
        w.writeEndElement();
        if (results.isEmpty()) {
            w.writeStartElement(QStringLiteral("testcase"));
            w.writeAttribute(QStringLiteral("classname"), xml(a.assetName));
            w.writeAttribute(QStringLiteral("name"), QStringLiteral("asset reachable"));
            w.writeStartElement(QStringLiteral("error"));
            w.writeAttribute(QStringLiteral("message"), xml(QStringLiteral("%1: %2").arg(toString(a.status), a.error)));
            w.writeAttribute(QStringLiteral("type"), toString(a.status));
            w.writeEndElement();
            w.writeEndElement();
        }
        for (const StoredResult *r : results) {
            w.writeStartElement(QStringLiteral("testcase"));
            w.writeAttribute(QStringLiteral("classname"), xml(r->result.checkId));
            QString name = r->title.isEmpty() ? r->result.checkId : r->title;
            if (!r->result.subject.isEmpty())
                name += QStringLiteral(" [") + r->result.subject + QLatin1Char(']');
            w.writeAttribute(QStringLiteral("name"), xml(name));
            w.writeAttribute(QStringLiteral("file"), xml(a.assetName));
            const QString detail = QStringLiteral("asset: %1\ncheck: %2\nseverity: %3\nrequirements: %4\nexpected: %5\nactual: %6%7")
                                       .arg(r->assetName, r->result.checkId, toString(r->severity),
                                            r->requirementIds.join(QStringLiteral(", ")), r->result.expected, r->result.actual,
                                            r->result.message.isEmpty() ? QString() : QStringLiteral("\nmessage: ") + r->result.message);
            switch (r->result.status) {
            case CheckStatus::Fail:
                w.writeStartElement(QStringLiteral("failure"));
                w.writeAttribute(QStringLiteral("message"), xml(QStringLiteral("expected %1, found %2").arg(r->result.expected, r->result.actual)));
                w.writeAttribute(QStringLiteral("type"), toString(r->severity));
                w.writeCharacters(xml(detail));
                w.writeEndElement();
                break;
            case CheckStatus::Error:
                w.writeStartElement(QStringLiteral("error"));
                w.writeAttribute(QStringLiteral("message"), xml(r->result.message.isEmpty() ? QStringLiteral("could not be evaluated") : r->result.message));
                w.writeAttribute(QStringLiteral("type"), QStringLiteral("error"));
                w.writeCharacters(xml(detail));
                w.writeEndElement();
                break;
            case CheckStatus::Pass:
                break;
            default:
                w.writeEmptyElement(QStringLiteral("skipped"));
                w.writeAttribute(QStringLiteral("message"),
                                 xml(r->result.status == CheckStatus::Waived
                                         ? QStringLiteral("waived (raw status %1)").arg(toString(r->rawStatus))
                                         : toString(r->result.status) + (r->result.message.isEmpty() ? QString() : QStringLiteral(": ") + r->result.message)));
                break;
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    if (manual.tests > 0) {
        w.writeStartElement(QStringLiteral("testsuite"));
        w.writeAttribute(QStringLiteral("name"), QStringLiteral("manual evidence"));
        w.writeAttribute(QStringLiteral("tests"), QString::number(manual.tests));
        w.writeAttribute(QStringLiteral("failures"), QString::number(manual.failures));
        w.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
        w.writeAttribute(QStringLiteral("skipped"), QString::number(manual.skipped));
        for (const ManualRequirement &q : m.manualRequirements) {
            w.writeStartElement(QStringLiteral("testcase"));
            w.writeAttribute(QStringLiteral("classname"), QStringLiteral("manual evidence"));
            w.writeAttribute(QStringLiteral("name"), xml(QStringLiteral("%1 %2").arg(q.id, q.title)));
            if (q.part == ManualPart::NotAttested) {
                w.writeEmptyElement(QStringLiteral("skipped"));
                w.writeAttribute(QStringLiteral("message"), xml(q.statusText));
            } else if (q.part == ManualPart::AttestedFail) {
                w.writeStartElement(QStringLiteral("failure"));
                w.writeAttribute(QStringLiteral("message"), xml(q.statusText));
                w.writeAttribute(QStringLiteral("type"), QStringLiteral("attestation"));
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

} // namespace triad::report
