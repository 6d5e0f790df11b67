// The credential vault's rows of ProjectDatabase: sealed blobs in, sealed blobs out.
#include "ProjectDatabase.h"

#include "db/SqlValues.h"

#include <QSqlQuery>
#include <QTimeZone>

namespace triad {

using namespace sql;

Result<QByteArray> ProjectDatabase::vaultCheckValue()
{
    auto q = exec(QStringLiteral("SELECT check_value FROM vault WHERE id = 1"));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toByteArray() : QByteArray();
}

Status ProjectDatabase::createVault(const QByteArray &sealedCheckValue)
{
    if (sealedCheckValue.isEmpty())
        return makeError(Error::Code::InvalidInput, QStringLiteral("the vault check value is empty"), m_path);
    auto existing = vaultCheckValue();
    if (!existing)
        return existing.error();
    if (!existing->isEmpty())
        return makeError(Error::Code::InvalidInput,
                         QStringLiteral("this project has a credential vault already"), m_path);
    return execOne(QStringLiteral("INSERT INTO vault (id, check_value, created_at) VALUES (1, ?, ?)"),
                   {sealedCheckValue, timeText(QDateTime::currentDateTimeUtc())}, QStringLiteral("the credential vault"));
}

Status ProjectDatabase::replaceVaultCheckValue(const QByteArray &sealedCheckValue)
{
    if (sealedCheckValue.isEmpty())
        return makeError(Error::Code::InvalidInput, QStringLiteral("the vault check value is empty"), m_path);
    return execOne(QStringLiteral("UPDATE vault SET check_value = ? WHERE id = 1"), {sealedCheckValue},
                   QStringLiteral("credential vault in this project"));
}

Status ProjectDatabase::storeCredential(const QString &name, const QString &kind, const QByteArray &sealed)
{
    if (name.trimmed().isEmpty() || sealed.isEmpty())
        return makeError(Error::Code::InvalidInput,
                         QStringLiteral("a credential needs a name and a sealed value"), m_path);
    return execOne(
        QStringLiteral("INSERT INTO credentials (name, kind, sealed, created_at) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, sealed = excluded.sealed"),
        {name, kind, sealed, timeText(QDateTime::currentDateTimeUtc())}, QStringLiteral("credential '%1'").arg(name));
}

Result<QList<StoredCredential>> ProjectDatabase::credentials()
{
    return selectAll<StoredCredential>(
        QStringLiteral("SELECT id, name, kind, sealed, created_at FROM credentials ORDER BY name"), {},
        [](const QSqlQuery &q) {
            StoredCredential c;
            c.id = q.value(0).toLongLong();
            c.name = q.value(1).toString();
            c.kind = q.value(2).toString();
            c.sealed = q.value(3).toByteArray();
            c.createdAt = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
            c.createdAt.setTimeZone(QTimeZone::utc());
            return c;
        });
}

Status ProjectDatabase::removeCredential(const QString &name)
{
    return execOne(QStringLiteral("DELETE FROM credentials WHERE name = ?"), {name},
                   QStringLiteral("credential '%1'").arg(name));
}

} // namespace triad
