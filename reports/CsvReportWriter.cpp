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
            QStringLiteral("evidence_ids"), QStringLiteral("evidence_sha256")};
}

QByteArray CsvReportWriter::render(const ReportModel &m) const
{
    QString out;
    out += columns().join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const StoredResult &r : m.results) {
        QStringList ids, hashes;
        for (qint64 id : r.evidenceIds) {
            ids << QString::number(id);
            hashes << m.evidenceSha.value(id);
        }
        const QStringList cells{QString::number(r.runId), r.assetName, r.result.checkId, r.title, toString(r.severity),
                                r.result.subject, toString(r.result.status), toString(r.rawStatus),
                                r.requirementIds.join(QLatin1Char(' ')), r.result.expected, r.result.actual, r.result.message,
                                ids.join(QLatin1Char(' ')), hashes.join(QLatin1Char(' '))};
        QStringList quoted;
        quoted.reserve(cells.size());
        for (const QString &c : cells)
            quoted << csvCell(c);
        out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace triad::report
