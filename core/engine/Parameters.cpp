#include "Parameters.h"

#include <QRegularExpression>
#include <QStringList>

namespace triad::Parameters {

namespace {

QString asText(const QVariant &v)
{
    if (v.typeId() == QMetaType::Bool)
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.typeId() == QMetaType::QVariantList || v.typeId() == QMetaType::QStringList)
        return v.toStringList().join(QLatin1Char(' '));
    return v.toString();
}

Error bad(const ParameterDef &def, const QString &message)
{
    return makeError(Error::Code::InvalidInput, QStringLiteral("parameter %1: %2").arg(def.name, message), def.location.toString());
}

} // namespace

Result<QVariant> coerce(const ParameterDef &def, const QVariant &value)
{
    switch (def.type) {
    case ParameterDef::Type::Int: {
        bool ok = false;
        const qint64 n = value.typeId() == QMetaType::Bool ? 0 : value.toString().trimmed().toLongLong(&ok);
        if (!ok)
            return bad(def, QStringLiteral("'%1' is not a whole number").arg(asText(value)));
        if (def.min && n < *def.min)
            return bad(def, QStringLiteral("%1 is below the minimum %2").arg(n).arg(*def.min));
        if (def.max && n > *def.max)
            return bad(def, QStringLiteral("%1 is above the maximum %2").arg(n).arg(*def.max));
        return QVariant(n);
    }
    case ParameterDef::Type::Bool: {
        if (value.typeId() == QMetaType::Bool)
            return value;
        const QString s = value.toString();
        if (s == QLatin1String("true") || s == QLatin1String("false"))
            return QVariant(s == QLatin1String("true"));
        return bad(def, QStringLiteral("'%1' is not true or false").arg(s));
    }
    case ParameterDef::Type::Mode: {
        bool ok = false;
        const QString s = value.toString().trimmed();
        const uint mode = s.toUInt(&ok, 8);
        if (!ok || mode > 07777)
            return bad(def, QStringLiteral("'%1' is not an octal file mode such as 0644").arg(s));
        return QVariant(QStringLiteral("%1").arg(mode, 4, 8, QLatin1Char('0')));
    }
    case ParameterDef::Type::List: {
        if (value.typeId() != QMetaType::QVariantList && value.typeId() != QMetaType::QStringList)
            return bad(def, QStringLiteral("expected a list"));
        return QVariant(value.toStringList());
    }
    case ParameterDef::Type::Path: {
        const QString s = value.toString();
        if (!s.startsWith(QLatin1Char('/')))
            return bad(def, QStringLiteral("'%1' is not an absolute path").arg(s));
        if (s.contains(QChar(0)) || s.contains(QLatin1Char('\n')))
            return bad(def, QStringLiteral("a path cannot hold NUL or newline characters"));
        return QVariant(s);
    }
    case ParameterDef::Type::String: {
        if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QVariantMap)
            return bad(def, QStringLiteral("expected text"));
        const QString s = asText(value);
        if (!def.allowed.isEmpty() && !def.allowed.contains(s))
            return bad(def, QStringLiteral("'%1' is not one of: %2").arg(s, def.allowed.join(QStringLiteral(", "))));
        return QVariant(s);
    }
    }
    return bad(def, QStringLiteral("unknown type"));
}

QString substitute(const QString &text, const QVariantMap &values)
{
    if (!text.contains(QLatin1String("${")))
        return text;
    static const QRegularExpression ref(QStringLiteral("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = ref.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        const auto v = values.constFind(m.captured(1));
        out += v == values.cend() ? m.captured(0) : asText(*v);
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QVariant substituteValue(const QVariant &value, const QVariantMap &values)
{
    if (value.typeId() == QMetaType::QVariantList) {
        QVariantList list;
        for (const QVariant &v : value.toList())
            list << substituteValue(v, values);
        return list;
    }
    if (value.typeId() != QMetaType::QString)
        return value;
    static const QRegularExpression whole(QStringLiteral("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}$"));
    const auto m = whole.match(value.toString());
    if (m.hasMatch() && values.contains(m.captured(1))) {
        const QVariant v = values.value(m.captured(1));
        if (v.typeId() == QMetaType::QStringList) {
            QVariantList list;
            for (const QString &s : v.toStringList())
                list << s;
            return list;
        }
        return v;
    }
    return substitute(value.toString(), values);
}

QStringList substituteList(const QStringList &words, const QVariantMap &values)
{
    QStringList out;
    for (const QString &word : words) {
        const QVariant v = substituteValue(word, values);
        if (v.typeId() == QMetaType::QVariantList) {
            for (const QVariant &item : v.toList())
                out << asText(item);
        } else {
            out << v.toString();
        }
    }
    return out;
}

} // namespace triad::Parameters
