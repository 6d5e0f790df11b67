#include "CsvReportWriter.h"

namespace triad::report {

QString csvCell(const QString &value)
{
    QString v = value;
    if (!v.isEmpty()) {
        const QChar first = v.at(0);
        const bool dash = first == QLatin1Char('-') && !(v.size() > 1 && (v.at(1).isDigit() || v.at(1) == QLatin1Char('.')));
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('@') || first == QLatin1Char('\t') ||
            first == QLatin1Char('\r') || dash)
            v.prepend(QLatin1Char('\''));
    }
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r')))
        return QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return v;
}

QStringList CsvReportWriter::columns()
{
    return {QStringLiteral("run_id"),       QStringLiteral("asset"),    QStringLiteral("check_id"), QStringLiteral("title"),
            QStringLiteral("severity"),     QStringLiteral("subject"),  QStringLiteral("status"),   QStringLiteral("raw_status"),
            QStringLiteral("requirements"), QStringLiteral("expected"), QStringLiteral("actual"),   QStringLiteral("message"),
            QStringLiteral("evidence_ids"), QStringLiteral("evidence_sha256"),
            // Added after the first release, so at the end: which of the result's requirements
            // still wait for manual evidence, and which had it attested as failed.
            QStringLiteral("requirements_manual_outstanding"), QStringLiteral("requirements_manual_failed")};
}

QByteArray CsvReportWriter::render(const ReportModel &m) const
{
    QString out;
    out += columns().join(QLatin1Char(',')) + QStringLiteral("\r\n");
    QHash<QString, ManualPart> manualParts;
    for (const ManualRequirement &q : m.manualRequirements)
        manualParts.insert(q.id, q.part);
    for (const StoredResult &r : m.results) {
        QStringList outstanding, failed;
        for (const QString &req : r.requirementIds) {
            const ManualPart part = manualParts.value(req, ManualPart::None);
            if (part == ManualPart::NotAttested)
                outstanding << req;
            else if (part == ManualPart::AttestedFail)
                failed << req;
        }
        QStringList ids, hashes;
        for (qint64 id : r.evidenceIds) {
            ids << QString::number(id);
            hashes << m.evidenceSha.value(id);
        }
        const QStringList cells{QString::number(r.runId), r.assetName, r.result.checkId, r.title, toString(r.severity),
                                r.result.subject, toString(r.result.status), toString(r.rawStatus),
                                r.requirementIds.join(QLatin1Char(' ')), r.result.expected, r.result.actual, r.result.message,
                                ids.join(QLatin1Char(' ')), hashes.join(QLatin1Char(' ')),
                                outstanding.join(QLatin1Char(' ')), failed.join(QLatin1Char(' '))};
        QStringList quoted;
        quoted.reserve(cells.size());
        for (const QString &c : cells)
            quoted << csvCell(c);
        out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace triad::report
