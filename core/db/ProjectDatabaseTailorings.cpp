// Tailorings kept in the project: every distinct text of a (template, name) is a new version,
// and a run names the version it used, so a report can show exactly what was adjusted.
#include "ProjectDatabase.h"

#include "common/Hash.h"
#include "db/SqlValues.h"

#include <QSqlQuery>

namespace triad {

using namespace sql;

namespace {

const QString kTailoringColumns = QStringLiteral("id, template_id, name, version, yaml, sha256, created_at");

StoredTailoring tailoringFrom(const QSqlQuery &q)
{
    return StoredTailoring{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt(),
                           q.value(4).toString(), q.value(5).toString(), timeFrom(q.value(6))};
}

} // namespace

Result<StoredTailoring> ProjectDatabase::storeTailoring(const QString &templateId, const QString &name, const QString &yaml,
                                                        const QString &actor)
{
    if (templateId.isEmpty() || name.trimmed().isEmpty())
        return makeError(Error::Code::InvalidInput, QStringLiteral("a tailoring needs a template and a name"), m_path);
    const QString sha = sha256Hex(yaml.toUtf8());
    auto latest = latestTailoring(templateId, name);
    if (latest && latest->sha256 == sha)
        return latest;
    if (!latest && latest.error().code != Error::Code::NotFound)
        return latest.error();
    const int version = latest ? latest->version + 1 : 1;
    qint64 id = 0;
    const Status s = inTransaction(QStringLiteral("store the tailoring"), [&]() -> Status {
        auto q = exec(QStringLiteral("INSERT INTO tailorings (template_id, name, version, yaml, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                      {templateId, name, version, yaml, sha, timeText(QDateTime::currentDateTimeUtc())});
        if (!q)
            return q.error();
        id = q->lastInsertId().toLongLong();
        return appendAudit(actor, QStringLiteral("tailoring.saved"),
                           QStringLiteral("tailoring '%1' of %2, version %3, sha256 %4").arg(name, templateId).arg(version).arg(sha));
    });
    if (!s)
        return s.error();
    return tailoring(id);
}

Result<StoredTailoring> ProjectDatabase::tailoring(qint64 id)
{
    auto q = exec(QStringLiteral("SELECT ") + kTailoringColumns + QStringLiteral(" FROM tailorings WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(Error::Code::NotFound, QStringLiteral("no tailoring %1 in this project").arg(id), m_path);
    return tailoringFrom(*q);
}

Result<StoredTailoring> ProjectDatabase::latestTailoring(const QString &templateId, const QString &name, int version)
{
    auto q = exec(QStringLiteral("SELECT ") + kTailoringColumns +
                      QStringLiteral(" FROM tailorings WHERE template_id = ? AND name = ? AND (? = 0 OR version = ?) "
                                     "ORDER BY version DESC LIMIT 1"),
                  {templateId, name, version, version});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(Error::Code::NotFound,
                         version ? QStringLiteral("no version %1 of tailoring '%2' for template %3").arg(version).arg(name, templateId)
                                 : QStringLiteral("no tailoring '%1' for template %2 in this project").arg(name, templateId),
                         m_path);
    return tailoringFrom(*q);
}

Result<QList<StoredTailoring>> ProjectDatabase::tailorings()
{
    return selectAll<StoredTailoring>(QStringLiteral("SELECT ") + kTailoringColumns +
                                          QStringLiteral(" FROM tailorings ORDER BY template_id, name, version"),
                                      {}, tailoringFrom);
}

} // namespace triad
