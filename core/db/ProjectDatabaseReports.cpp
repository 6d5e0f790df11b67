// The exported reports of a project (schema 4): each report's SHA-256, recorded when it is
// written and looked up by verify-report.
#include "ProjectDatabase.h"

#include "db/SqlValues.h"

#include <QSqlQuery>

namespace triad {

using namespace sql;

namespace {

const QString kReportColumns = QStringLiteral(
    "id, run_id, format, file_name, sha256, size, paper, created_by, created_at, signature_sha256, signer_subject");

ReportRecord reportFrom(const QSqlQuery &q)
{
    ReportRecord r;
    r.id = q.value(0).toLongLong();
    r.runId = q.value(1).toLongLong();
    r.format = q.value(2).toString();
    r.fileName = q.value(3).toString();
    r.sha256 = q.value(4).toString();
    r.size = q.value(5).toLongLong();
    r.paper = q.value(6).toString();
    r.createdBy = q.value(7).toString();
    r.createdAt = timeFrom(q.value(8));
    r.signatureSha256 = q.value(9).toString();
    r.signerSubject = q.value(10).toString();
    return r;
}

} // namespace

Result<qint64> ProjectDatabase::recordReport(const ReportRecord &r)
{
    if (r.sha256.size() != 64)
        return makeError(Error::Code::InvalidInput, QStringLiteral("a report record needs the SHA-256 of the file"), m_path);
    const QDateTime at = r.createdAt.isValid() ? r.createdAt : QDateTime::currentDateTimeUtc();
    qint64 id = 0;
    const Status s = inTransaction(QStringLiteral("record the report"), [&]() -> Status {
        auto q = exec(QStringLiteral("INSERT INTO reports (run_id, format, file_name, sha256, size, paper, created_by, created_at, "
                                     "signature_sha256, signer_subject) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {idOrNull(r.runId), r.format, r.fileName, r.sha256, r.size, r.paper, r.createdBy, timeText(at),
                       r.signatureSha256, r.signerSubject});
        if (!q)
            return q.error();
        id = q->lastInsertId().toLongLong();
        return appendAudit(r.createdBy, QStringLiteral("report.exported"),
                           QStringLiteral("report %1 of run %2 (%3) written to %4, SHA-256 %5%6")
                               .arg(id).arg(r.runId).arg(r.format, r.fileName, r.sha256,
                                                        r.signerSubject.isEmpty() ? QString()
                                                                                  : QStringLiteral(", signed by ") + r.signerSubject));
    });
    if (!s)
        return s.error();
    return id;
}

Status ProjectDatabase::setReportSignature(qint64 reportId, const QString &signatureSha256, const QString &signerSubject)
{
    return execOne(QStringLiteral("UPDATE reports SET signature_sha256 = ?, signer_subject = ? WHERE id = ?"),
                   {signatureSha256, signerSubject, reportId}, QStringLiteral("report %1").arg(reportId));
}

Result<QList<ReportRecord>> ProjectDatabase::reports()
{
    return selectAll<ReportRecord>(QStringLiteral("SELECT ") + kReportColumns + QStringLiteral(" FROM reports ORDER BY id"), {},
                                   reportFrom);
}

Result<QList<ReportRecord>> ProjectDatabase::reportsWithSha256(const QString &sha256)
{
    return selectAll<ReportRecord>(QStringLiteral("SELECT ") + kReportColumns +
                                       QStringLiteral(" FROM reports WHERE sha256 = ? ORDER BY id"),
                                   {sha256.toLower()}, reportFrom);
}

Result<QList<EvidenceSummary>> ProjectDatabase::evidenceSummaries(qint64 runId)
{
    return selectAll<EvidenceSummary>(
        QStringLiteral("SELECT e.id, e.asset_id, COALESCE(ra.asset_name, ''), e.collector_key, e.command, e.exit_code, e.status, "
                       "e.truncated, length(e.stdout), e.sha256, e.collected_at FROM evidence e "
                       "LEFT JOIN run_assets ra ON ra.run_id = e.run_id AND ra.asset_id = e.asset_id "
                       "WHERE e.run_id = ? ORDER BY e.id"),
        {runId}, [](const QSqlQuery &q) {
            EvidenceSummary e;
            e.id = q.value(0).toLongLong();
            e.assetId = q.value(1).toLongLong();
            e.assetName = q.value(2).toString();
            e.collectorKey = q.value(3).toString();
            e.command = q.value(4).toString();
            e.exitCode = q.value(5).toInt();
            e.status = q.value(6).toString();
            e.truncated = q.value(7).toBool();
            e.size = q.value(8).toLongLong();
            e.sha256 = q.value(9).toString();
            e.collectedAt = timeFrom(q.value(10));
            return e;
        });
}

Result<QMap<qint64, QMap<QString, int>>> ProjectDatabase::issueEventCountsByRun()
{
    auto q = exec(QStringLiteral("SELECT run_id, event, count(*) FROM issue_events WHERE run_id IS NOT NULL GROUP BY run_id, event"));
    if (!q)
        return q.error();
    QMap<qint64, QMap<QString, int>> counts;
    while (q->next())
        counts[q->value(0).toLongLong()][q->value(1).toString()] = q->value(2).toInt();
    return counts;
}

} // namespace triad
