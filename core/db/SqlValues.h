#pragma once

// How Triad writes values into its SQLite columns and reads them back: times as UTC ISO 8601
// text with milliseconds, JSON as compact text, text never bound as NULL.

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QVariant>

namespace triad::sql {

inline QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

inline QDateTime timeFrom(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

inline QString jsonText(const QJsonValue &v)
{
    return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

inline QStringList stringListFrom(const QVariant &v)
{
    QStringList list;
    for (const QJsonValue &item : QJsonDocument::fromJson(v.toString().toUtf8()).array())
        list << item.toString();
    return list;
}

/// A null QString would be bound as SQL NULL; Triad's text columns are NOT NULL with '' meaning
/// "none", so text is always bound as a (possibly empty) string.
inline QVariant bindable(const QVariant &v)
{
    if (v.typeId() == QMetaType::QString && v.toString().isNull())
        return QStringLiteral("");
    return v;
}

/// NULL for 0 (an optional foreign key).
inline QVariant idOrNull(qint64 id)
{
    return id ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

} // namespace triad::sql
