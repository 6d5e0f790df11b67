// The issue lifecycle's rows of ProjectDatabase: waivers applied to fresh results, issues and
// their events updated in the same transaction as the results that caused them, attestations,
// and comparisons of two runs. The decisions themselves are lifecycle/IssueRules (pure).
#include "ProjectDatabase.h"

#include "common/Hash.h"
#include "db/SqlValues.h"

#include <QSet>
#include <QSqlQuery>

namespace triad {

using namespace sql;

namespace {

const char *const kSeverityRank =
    "CASE i.severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END";

QString resultKey(const QString &checkId, const QString &subject)
{
    return checkId + QChar(0x1f) + subject;
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

Waiver waiverFrom(const QSqlQuery &q)
{
    Waiver w;
    w.id = q.value(0).toLongLong();
    w.checkId = q.value(1).toString();
    w.assetScope = q.value(2).toString();
    w.justification = q.value(3).toString();
    w.approver = q.value(4).toString();
    w.ticket = q.value(5).toString();
    w.createdBy = q.value(6).toString();
    w.createdAt = timeFrom(q.value(7));
    w.expiresOn = QDate::fromString(q.value(8).toString(), Qt::ISODate);
    w.endedAt = timeFrom(q.value(9));
    return w;
}

const QString kWaiverColumns = QStringLiteral(
    "id, check_id, asset_scope, justification, approver, ticket, created_by, created_at, expires_at, ended_at");

} // namespace

// ---- waivers -------------------------------------------------------------------------------

Result<qint64> ProjectDatabase::addWaiver(const Waiver &w, const QString &actor)
{
    if (w.checkId.isEmpty() || w.justification.trimmed().isEmpty() || w.approver.trimmed().isEmpty())
        return makeError(Error::Code::InvalidInput, QStringLiteral("a waiver needs a check, a justification and an approver"), m_path);
    if (!w.expiresOn.isValid())
        return makeError(Error::Code::InvalidInput, QStringLiteral("a waiver needs an expiry date"), m_path);
    if (!w.assetScope.isEmpty() && !w.assetScope.startsWith(QLatin1String("asset:")) && !w.assetScope.startsWith(QLatin1String("tag:")))
        return makeError(Error::Code::InvalidInput, QStringLiteral("waiver scope '%1' is not asset:NAME or tag:TAG").arg(w.assetScope), m_path);
    qint64 id = 0;
    const Status s = inTransaction(QStringLiteral("store the waiver"), [&]() -> Status {
        auto q = exec(QStringLiteral("INSERT INTO waivers (check_id, asset_scope, justification, approver, ticket, created_by, "
                                     "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                      {w.checkId, w.assetScope, w.justification, w.approver, w.ticket, actor,
                       timeText(QDateTime::currentDateTimeUtc()), w.expiresOn.toString(Qt::ISODate)});
        if (!q)
            return q.error();
        id = q->lastInsertId().toLongLong();
        return appendAudit(actor, QStringLiteral("waiver.created"),
                           QStringLiteral("waiver %1: check %2, scope %3, approver %4, ticket %5, expires %6: %7")
                               .arg(id).arg(w.checkId, w.assetScope.isEmpty() ? QStringLiteral("all assets") : w.assetScope,
                                            w.approver, w.ticket.isEmpty() ? QStringLiteral("-") : w.ticket,
                                            w.expiresOn.toString(Qt::ISODate), w.justification));
    });
    if (!s)
        return s.error();
    return id;
}

Status ProjectDatabase::changeWaiverExpiry(qint64 id, const QDate &expiresOn, const QString &actor)
{
    if (!expiresOn.isValid())
        return makeError(Error::Code::InvalidInput, QStringLiteral("a waiver needs an expiry date"), m_path);
    return inTransaction(QStringLiteral("change the waiver"), [&]() -> Status {
        if (auto s = execOne(QStringLiteral("UPDATE waivers SET expires_at = ? WHERE id = ? AND ended_at IS NULL"),
                             {expiresOn.toString(Qt::ISODate), id}, QStringLiteral("active waiver %1").arg(id));
            !s)
            return s;
        return appendAudit(actor, QStringLiteral("waiver.changed"),
                           QStringLiteral("waiver %1 now expires %2").arg(id).arg(expiresOn.toString(Qt::ISODate)));
    });
}

Status ProjectDatabase::endWaiver(qint64 id, const QString &actor, const QString &reason)
{
    return inTransaction(QStringLiteral("end the waiver"), [&]() -> Status {
        if (auto s = execOne(QStringLiteral("UPDATE waivers SET ended_at = ? WHERE id = ? AND ended_at IS NULL"),
                             {timeText(QDateTime::currentDateTimeUtc()), id}, QStringLiteral("active waiver %1").arg(id));
            !s)
            return s;
        return appendAudit(actor, QStringLiteral("waiver.ended"), QStringLiteral("waiver %1 ended: %2").arg(id).arg(reason));
    });
}

Result<QList<Waiver>> ProjectDatabase::waivers()
{
    return selectAll<Waiver>(QStringLiteral("SELECT ") + kWaiverColumns + QStringLiteral(" FROM waivers ORDER BY id"), {}, waiverFrom);
}

Result<QHash<QString, qint64>> ProjectDatabase::applyWaivers(qint64 assetId, const QString &assetName, QList<StoredResult> &results,
                                                             const QDateTime &at)
{
    QHash<QString, qint64> waiverByKey;
    auto all = waivers();
    if (!all)
        return all.error();
    QList<Waiver> active;
    for (const Waiver &w : std::as_const(*all))
        if (w.isActiveAt(at))
            active << w;
    if (active.isEmpty())
        return waiverByKey;
    QStringList tags;
    if (assetId) {
        auto q = exec(QStringLiteral("SELECT tags FROM assets WHERE id = ?"), {assetId});
        if (!q)
            return q.error();
        if (q->next())
            tags = stringListFrom(q->value(0));
    }
    for (StoredResult &r : results) {
        if (r.rawStatus != CheckStatus::Fail)
            continue;
        for (const Waiver &w : std::as_const(active)) {
            if (w.covers(r.result.checkId, assetName, tags)) {
                r.result.status = CheckStatus::Waived;
                waiverByKey.insert(resultKey(r.result.checkId, r.result.subject), w.id);
                break;
            }
        }
    }
    return waiverByKey;
}

// ---- issues --------------------------------------------------------------------------------

Status ProjectDatabase::trackIssues(qint64 runId, const QString &assetName, const QList<StoredResult> &results,
                                    const QHash<QString, qint64> &waiverByKey, const QDateTime &at)
{
    QList<TrackedIssue> existing;
    {
        auto q = exec(QStringLiteral("SELECT id, check_id, subject, state, waiver_id FROM issues WHERE asset_name = ?"), {assetName});
        if (!q)
            return q.error();
        while (q->next())
            existing << TrackedIssue{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                                     q->value(3).toString() == QLatin1String("fixed") ? IssueState::Fixed : IssueState::Open,
                                     q->value(4).toLongLong()};
    }
    QList<TrackedResult> tracked;
    QHash<QString, const StoredResult *> byKey;
    tracked.reserve(results.size());
    for (const StoredResult &r : results) {
        const QString key = resultKey(r.result.checkId, r.result.subject);
        tracked << TrackedResult{r.result.checkId, r.result.subject, r.rawStatus, waiverByKey.value(key)};
        byKey.insert(key, &r);
    }
    const QList<IssueChange> changes = planIssueChanges(existing, tracked);
    if (changes.isEmpty())
        return {};

    const QString now = timeText(at);
    QSqlQuery insertIssue(m_db);
    insertIssue.prepare(QStringLiteral("INSERT INTO issues (asset_name, check_id, subject, state, severity, title, first_seen_run, "
                                       "last_seen_run, regressions, waiver_id) VALUES (?, ?, ?, 'open', ?, ?, ?, ?, 0, ?)"));
    QSqlQuery seen(m_db);
    seen.prepare(QStringLiteral("UPDATE issues SET state = 'open', last_seen_run = ?, fixed_run = NULL, "
                                "regressions = regressions + ?, waiver_id = ?, severity = ?, title = ? WHERE id = ?"));
    QSqlQuery fixed(m_db);
    fixed.prepare(QStringLiteral("UPDATE issues SET state = 'fixed', fixed_run = ?, waiver_id = NULL WHERE id = ?"));
    QSqlQuery event(m_db);
    event.prepare(QStringLiteral("INSERT INTO issue_events (issue_id, run_id, event, at) VALUES (?, ?, ?, ?)"));

    for (const IssueChange &c : changes) {
        qint64 issueId = c.issueId;
        const StoredResult *r = byKey.value(resultKey(c.checkId, c.subject));
        QSqlQuery *q = nullptr;
        if (c.newState == IssueState::Fixed) {
            q = &fixed;
            q->bindValue(0, runId);
            q->bindValue(1, issueId);
        } else if (!issueId) {
            q = &insertIssue;
            const QVariantList values{assetName, c.checkId, c.subject, toString(r->severity), r->title, runId, runId, idOrNull(c.waiverId)};
            for (int i = 0; i < values.size(); ++i)
                q->bindValue(i, bindable(values.at(i)));
        } else {
            q = &seen;
            const QVariantList values{runId, c.regressionsAdded, idOrNull(c.waiverId), toString(r->severity), r->title, issueId};
            for (int i = 0; i < values.size(); ++i)
                q->bindValue(i, bindable(values.at(i)));
        }
        if (!q->exec())
            return sqlError(*q, QStringLiteral("cannot update the issue of %1 / %2").arg(assetName, c.checkId));
        if (!issueId)
            issueId = q->lastInsertId().toLongLong();
        for (IssueEvent e : c.events) {
            event.bindValue(0, issueId);
            event.bindValue(1, runId);
            event.bindValue(2, toString(e));
            event.bindValue(3, now);
            if (!event.exec())
                return sqlError(event, QStringLiteral("cannot record an issue event"));
        }
    }
    return {};
}

namespace {

/// WHERE clause and values of an issue filter, evaluated against `now`.
QString issueWhere(const IssueFilter &f, const QDateTime &now, QVariantList &values)
{
    const QString waived = QStringLiteral("(i.state = 'open' AND w.id IS NOT NULL AND (w.ended_at IS NULL OR w.ended_at > ?) "
                                          "AND w.expires_at >= ?)");
    QStringList where;
    if (!f.states.isEmpty()) {
        QStringList any;
        for (const QString &s : f.states) {
            if (s == QLatin1String("waived")) {
                any << waived;
                values << timeText(now) << now.date().toString(Qt::ISODate);
            } else if (s == QLatin1String("open")) {
                any << QStringLiteral("(i.state = 'open' AND NOT ") + waived + QLatin1Char(')');
                values << timeText(now) << now.date().toString(Qt::ISODate);
            } else {
                any << QStringLiteral("i.state = 'fixed'");
            }
        }
        where << QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    if (f.minSeverity) {
        where << QString::fromLatin1(kSeverityRank) + QStringLiteral(" >= ?");
        values << int(*f.minSeverity);
    }
    if (!f.assetName.isEmpty()) {
        where << QStringLiteral("i.asset_name = ?");
        values << f.assetName;
    }
    if (!f.checkId.isEmpty()) {
        where << QStringLiteral("i.check_id = ?");
        values << f.checkId;
    }
    if (!f.checkPrefix.isEmpty()) {
        where << QStringLiteral("i.check_id LIKE ? ESCAPE '\\'");
        values << likePattern(f.checkPrefix).mid(1);
    }
    if (!f.checkIds.isEmpty()) {
        QStringList marks;
        for (const QString &id : f.checkIds) {
            marks << QStringLiteral("?");
            values << id;
        }
        where << QStringLiteral("i.check_id IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    if (f.severity) {
        where << QStringLiteral("i.severity = ?");
        values << toString(*f.severity);
    }
    if (f.event) {
        where << QStringLiteral("EXISTS (SELECT 1 FROM issue_events e WHERE e.issue_id = i.id AND e.run_id = ? AND e.event = ?)");
        values << f.eventRunId << toString(*f.event);
    }
    if (!f.text.isEmpty()) {
        where << QStringLiteral("(i.check_id LIKE ? ESCAPE '\\' OR i.title LIKE ? ESCAPE '\\' OR i.subject LIKE ? ESCAPE '\\' "
                                "OR i.asset_name LIKE ? ESCAPE '\\')");
        for (int n = 0; n < 4; ++n)
            values << likePattern(f.text);
    }
    return where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
}

} // namespace

Result<QList<IssueRecord>> ProjectDatabase::issues(const IssueFilter &filter)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVariantList values{timeText(now), now.date().toString(Qt::ISODate)};
    QString sql = QStringLiteral("SELECT i.id, i.asset_name, i.check_id, i.subject, i.title, i.severity, i.state, i.first_seen_run, "
                                 "i.last_seen_run, i.fixed_run, i.regressions, i.waiver_id, "
                                 "(w.id IS NOT NULL AND (w.ended_at IS NULL OR w.ended_at > ?) AND w.expires_at >= ?) "
                                 "FROM issues i LEFT JOIN waivers w ON w.id = i.waiver_id");
    sql += issueWhere(filter, now, values);
    sql += QStringLiteral(" ORDER BY i.state = 'fixed', ") + QString::fromLatin1(kSeverityRank) +
           QStringLiteral(" DESC, i.asset_name, i.check_id, i.subject");
    if (filter.limit > 0) {
        sql += QStringLiteral(" LIMIT ? OFFSET ?");
        values << filter.limit << filter.offset;
    }
    return selectAll<IssueRecord>(sql, values, [](const QSqlQuery &q) {
        IssueRecord r;
        r.id = q.value(0).toLongLong();
        r.assetName = q.value(1).toString();
        r.checkId = q.value(2).toString();
        r.subject = q.value(3).toString();
        r.title = q.value(4).toString();
        r.severity = severityFromString(q.value(5).toString()).value_or(Severity::Medium);
        r.state = q.value(6).toString() == QLatin1String("fixed") ? IssueState::Fixed : IssueState::Open;
        r.firstSeenRun = q.value(7).toLongLong();
        r.lastSeenRun = q.value(8).toLongLong();
        r.fixedRun = q.value(9).toLongLong();
        r.regressions = q.value(10).toInt();
        r.waiverId = q.value(11).toLongLong();
        r.waived = r.state == IssueState::Open && q.value(12).toBool();
        r.waiverExpired = r.state == IssueState::Open && r.waiverId && !r.waived;
        return r;
    });
}

Result<int> ProjectDatabase::countIssues(const IssueFilter &filter)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVariantList values;
    const QString sql = QStringLiteral("SELECT COUNT(*) FROM issues i LEFT JOIN waivers w ON w.id = i.waiver_id") +
                        issueWhere(filter, now, values);
    auto q = exec(sql, values);
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Result<QList<IssueEventRecord>> ProjectDatabase::issueEvents(qint64 issueId)
{
    return selectAll<IssueEventRecord>(
        QStringLiteral("SELECT id, issue_id, run_id, event, at FROM issue_events WHERE issue_id = ? ORDER BY id"), {issueId},
        [](const QSqlQuery &q) {
            IssueEventRecord e;
            e.id = q.value(0).toLongLong();
            e.issueId = q.value(1).toLongLong();
            e.runId = q.value(2).toLongLong();
            const QString name = q.value(3).toString();
            for (IssueEvent candidate : {IssueEvent::Opened, IssueEvent::Fixed, IssueEvent::Regressed, IssueEvent::Waived,
                                         IssueEvent::Unwaived})
                if (toString(candidate) == name)
                    e.event = candidate;
            e.at = timeFrom(q.value(4));
            return e;
        });
}

Result<StoredResult> ProjectDatabase::resultForIssue(qint64 issueId)
{
    // results_check narrows to one check's rows across runs and assets: a few thousand at most,
    // where reading the issue's whole run costs every result of it.
    auto q = exec(QStringLiteral("SELECT r.id, r.run_id, r.asset_id, r.asset_name, r.check_id, r.subject, r.title, r.severity, "
                                 "r.raw_status, r.status, r.expected, r.actual, r.message, r.requirements_json "
                                 "FROM issues i JOIN results r ON r.check_id = i.check_id AND r.asset_name = i.asset_name "
                                 "AND r.subject = i.subject WHERE i.id = ? ORDER BY r.run_id DESC, r.id DESC LIMIT 1"),
                  {issueId});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(Error::Code::NotFound, QStringLiteral("no stored result of issue %1").arg(issueId), m_path);
    StoredResult r;
    r.id = q->value(0).toLongLong();
    r.runId = q->value(1).toLongLong();
    r.assetId = q->value(2).toLongLong();
    r.assetName = q->value(3).toString();
    r.result.checkId = q->value(4).toString();
    r.result.subject = q->value(5).toString();
    r.title = q->value(6).toString();
    r.severity = severityFromString(q->value(7).toString()).value_or(Severity::Medium);
    r.rawStatus = checkStatusFromString(q->value(8).toString()).value_or(CheckStatus::Error);
    r.result.status = checkStatusFromString(q->value(9).toString()).value_or(CheckStatus::Error);
    r.result.expected = q->value(10).toString();
    r.result.actual = q->value(11).toString();
    r.result.message = q->value(12).toString();
    r.requirementIds = stringListFrom(q->value(13));
    auto links = exec(QStringLiteral("SELECT evidence_id FROM result_evidence WHERE result_id = ? ORDER BY evidence_id"), {r.id});
    if (!links)
        return links.error();
    while (links->next())
        r.evidenceIds << links->value(0).toLongLong();
    return r;
}

Result<QMap<Severity, int>> ProjectDatabase::issueCountsBySeverity(const IssueFilter &filter)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVariantList values;
    const QString sql = QStringLiteral("SELECT i.severity, COUNT(*) FROM issues i LEFT JOIN waivers w ON w.id = i.waiver_id") +
                        issueWhere(filter, now, values) + QStringLiteral(" GROUP BY i.severity");
    auto q = exec(sql, values);
    if (!q)
        return q.error();
    QMap<Severity, int> counts;
    while (q->next())
        if (const auto severity = severityFromString(q->value(0).toString()))
            counts[*severity] += q->value(1).toInt();
    return counts;
}

Result<QList<CheckIssueCount>> ProjectDatabase::issueCountsByCheck(const IssueFilter &filter, int limit)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVariantList values;
    QString sql = QStringLiteral("SELECT i.check_id, MAX(i.title), MAX(") + QString::fromLatin1(kSeverityRank) +
                  QStringLiteral("), COUNT(*), COUNT(DISTINCT i.asset_name) FROM issues i LEFT JOIN waivers w ON w.id = i.waiver_id") +
                  issueWhere(filter, now, values) + QStringLiteral(" GROUP BY i.check_id ORDER BY COUNT(*) DESC, i.check_id");
    if (limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        values << limit;
    }
    return selectAll<CheckIssueCount>(sql, values, [](const QSqlQuery &q) {
        CheckIssueCount c;
        c.checkId = q.value(0).toString();
        c.title = q.value(1).toString();
        c.severity = Severity(qBound(0, q.value(2).toInt(), int(Severity::Critical)));
        c.issues = q.value(3).toInt();
        c.assets = q.value(4).toInt();
        return c;
    });
}

// ---- attestations --------------------------------------------------------------------------

Result<qint64> ProjectDatabase::addAttestation(const Attestation &a, const QList<QPair<QString, QByteArray>> &files)
{
    if (a.status != CheckStatus::Pass && a.status != CheckStatus::Fail)
        return makeError(Error::Code::InvalidInput, QStringLiteral("an attestation is pass or fail"), m_path);
    if (a.statement.trimmed().isEmpty() || a.attester.trimmed().isEmpty())
        return makeError(Error::Code::InvalidInput, QStringLiteral("an attestation needs a statement and an attester"), m_path);
    const QDateTime at = a.attestedAt.isValid() ? a.attestedAt : QDateTime::currentDateTimeUtc();
    qint64 id = 0;
    const Status s = inTransaction(QStringLiteral("store the attestation"), [&]() -> Status {
        auto q = exec(QStringLiteral("INSERT INTO attestations (template_id, requirement_id, status, statement, attester, attested_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?)"),
                      {a.templateId, a.requirementId, toString(a.status), a.statement, a.attester, timeText(at)});
        if (!q)
            return q.error();
        id = q->lastInsertId().toLongLong();
        QStringList hashes;
        for (const auto &[name, content] : files) {
            const QString sha = sha256Hex(content);
            hashes << name + QStringLiteral(" sha256:") + sha;
            if (auto f = exec(QStringLiteral("INSERT INTO attestation_files (attestation_id, file_name, content, sha256) VALUES (?, ?, ?, ?)"),
                              {id, name, content.isNull() ? QByteArray("") : content, sha});
                !f)
                return f.error();
        }
        return appendAudit(a.attester, QStringLiteral("attestation.created"),
                           QStringLiteral("attestation %1: %2 %3 %4%5").arg(id).arg(a.templateId, a.requirementId, toString(a.status),
                                                                              hashes.isEmpty() ? QString() : QStringLiteral("; files: ") + hashes.join(QStringLiteral(", "))));
    });
    if (!s)
        return s.error();
    return id;
}

Result<QList<Attestation>> ProjectDatabase::attestations(const QString &templateId)
{
    auto list = selectAll<Attestation>(
        QStringLiteral("SELECT id, template_id, requirement_id, status, statement, attester, attested_at FROM attestations "
                       "WHERE ? = '' OR template_id = ? ORDER BY id"),
        {templateId, templateId}, [](const QSqlQuery &q) {
            Attestation a;
            a.id = q.value(0).toLongLong();
            a.templateId = q.value(1).toString();
            a.requirementId = q.value(2).toString();
            a.status = checkStatusFromString(q.value(3).toString()).value_or(CheckStatus::Fail);
            a.statement = q.value(4).toString();
            a.attester = q.value(5).toString();
            a.attestedAt = timeFrom(q.value(6));
            return a;
        });
    if (!list)
        return list;
    for (Attestation &a : *list) {
        auto files = selectAll<AttestationFile>(
            QStringLiteral("SELECT id, file_name, sha256, length(content) FROM attestation_files WHERE attestation_id = ? ORDER BY id"),
            {a.id}, [](const QSqlQuery &q) {
                return AttestationFile{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()};
            });
        if (!files)
            return files.error();
        a.files = *files;
    }
    return list;
}

Result<QByteArray> ProjectDatabase::attestationFileContent(qint64 fileId)
{
    auto q = exec(QStringLiteral("SELECT content FROM attestation_files WHERE id = ?"), {fileId});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(Error::Code::NotFound, QStringLiteral("no attestation file %1").arg(fileId), m_path);
    return q->value(0).toByteArray();
}

// ---- comparisons ---------------------------------------------------------------------------

Result<RunComparison> ProjectDatabase::compareRuns(qint64 runA, qint64 runB)
{
    for (qint64 id : {runA, runB}) {
        auto r = run(id);
        if (!r)
            return r.error();
    }
    struct Row {
        QString asset, check, subject, title, actual;
        Severity severity;
        CheckStatus raw;
    };
    auto load = [this](qint64 runId) -> Result<QHash<QString, Row>> {
        auto q = exec(QStringLiteral("SELECT asset_name, check_id, subject, title, severity, raw_status, actual FROM results WHERE run_id = ?"),
                      {runId});
        if (!q)
            return q.error();
        QHash<QString, Row> rows;
        while (q->next()) {
            Row r{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
                  q->value(6).toString(), severityFromString(q->value(4).toString()).value_or(Severity::Medium),
                  checkStatusFromString(q->value(5).toString()).value_or(CheckStatus::Error)};
            rows.insert(r.asset + QChar(0x1e) + resultKey(r.check, r.subject), r);
        }
        return rows;
    };
    auto a = load(runA);
    if (!a)
        return a.error();
    auto b = load(runB);
    if (!b)
        return b.error();
    // Keys that had failed in some run up to A: an issue first seen at or before A.
    QSet<QString> failedBefore;
    {
        auto q = exec(QStringLiteral("SELECT asset_name, check_id, subject FROM issues WHERE first_seen_run <= ?"), {runA});
        if (!q)
            return q.error();
        while (q->next())
            failedBefore.insert(q->value(0).toString() + QChar(0x1e) + resultKey(q->value(1).toString(), q->value(2).toString()));
    }

    RunComparison c;
    c.runA = runA;
    c.runB = runB;
    auto compared = [](const Row &r, const Row *before, const Row *after) {
        ComparedResult x;
        x.assetName = r.asset;
        x.checkId = r.check;
        x.subject = r.subject;
        x.title = r.title;
        x.severity = r.severity;
        if (before) {
            x.before = before->raw;
            x.actualBefore = before->actual;
        }
        if (after) {
            x.after = after->raw;
            x.actualAfter = after->actual;
        }
        return x;
    };
    for (auto it = b->cbegin(); it != b->cend(); ++it) {
        const Row *before = a->contains(it.key()) ? &(*a)[it.key()] : nullptr;
        const bool failedA = before && before->raw == CheckStatus::Fail;
        if (it->raw == CheckStatus::Fail) {
            if (failedA)
                c.stillOpen << compared(*it, before, &*it);
            else if (failedBefore.contains(it.key()))
                c.regressed << compared(*it, before, &*it);
            else
                c.newFailures << compared(*it, before, &*it);
        } else if (failedA && it->raw == CheckStatus::Pass) {
            c.fixed << compared(*it, before, &*it);
        }
    }
    // Subjects that failed in A and are gone from B while the check passed there are fixed too.
    QSet<QString> passedChecksB;
    for (const Row &r : std::as_const(*b))
        if (r.raw == CheckStatus::Pass || r.raw == CheckStatus::Fail)
            passedChecksB.insert(r.asset + QChar(0x1e) + r.check);
    for (auto it = a->cbegin(); it != a->cend(); ++it) {
        if (it->raw == CheckStatus::Fail && !b->contains(it.key()) && passedChecksB.contains(it->asset + QChar(0x1e) + it->check))
            c.fixed << compared(*it, &*it, nullptr);
    }
    auto order = [](const ComparedResult &x, const ComparedResult &y) {
        if (x.severity != y.severity)
            return x.severity > y.severity;
        return std::tie(x.assetName, x.checkId, x.subject) < std::tie(y.assetName, y.checkId, y.subject);
    };
    for (QList<ComparedResult> *list : {&c.newFailures, &c.fixed, &c.regressed, &c.stillOpen})
        std::sort(list->begin(), list->end(), order);

    auto q = exec(QStringLiteral("SELECT ra.asset_name, ea.collector_key, eb.command, ea.sha256, eb.sha256 "
                                 "FROM evidence ea JOIN evidence eb ON eb.asset_id = ea.asset_id AND eb.collector_key = ea.collector_key "
                                 "JOIN run_assets ra ON ra.run_id = ea.run_id AND ra.asset_id = ea.asset_id "
                                 "WHERE ea.run_id = ? AND eb.run_id = ? AND ea.sha256 <> eb.sha256 ORDER BY ra.asset_name, ea.collector_key"),
                  {runA, runB});
    if (!q)
        return q.error();
    while (q->next())
        c.changedEvidence << EvidenceChange{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                                            q->value(3).toString(), q->value(4).toString()};
    return c;
}

} // namespace triad
