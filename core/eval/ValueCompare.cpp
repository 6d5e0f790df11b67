#include "ValueCompare.h"

#include <QRegularExpression>
#include <QStringList>

namespace triad {

namespace {

bool isList(const QVariant &v)
{
    return v.typeId() == QMetaType::QVariantList || v.typeId() == QMetaType::QStringList;
}

QVariantList asList(const QVariant &v)
{
    if (v.typeId() == QMetaType::QStringList) {
        QVariantList list;
        for (const QString &s : v.toStringList())
            list << s;
        return list;
    }
    if (v.typeId() == QMetaType::QVariantList)
        return v.toList();
    // A text value listed with commas or spaces ("aes256-ctr,aes128-ctr") is a list of its words.
    QVariantList list;
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    for (const QString &s : v.toString().split(separators, Qt::SkipEmptyParts))
        list << s;
    return list;
}

QString text(const QVariant &v)
{
    if (v.typeId() == QMetaType::Bool)
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString();
}

QString opWord(Operator op)
{
    switch (op) {
    case Operator::Exists: return QStringLiteral("is set");
    case Operator::Absent: return QStringLiteral("is not set");
    case Operator::Eq: return QStringLiteral("==");
    case Operator::Ne: return QStringLiteral("!=");
    case Operator::Lt: return QStringLiteral("<");
    case Operator::Le: return QStringLiteral("<=");
    case Operator::Gt: return QStringLiteral(">");
    case Operator::Ge: return QStringLiteral(">=");
    case Operator::Regex: return QStringLiteral("matches");
    case Operator::NotRegex: return QStringLiteral("does not match");
    case Operator::In: return QStringLiteral("is one of");
    case Operator::NotIn: return QStringLiteral("is none of");
    case Operator::Contains: return QStringLiteral("contains");
    case Operator::NotContains: return QStringLiteral("does not contain");
    case Operator::SubsetOf: return QStringLiteral("only uses");
    case Operator::ModeMax: return QStringLiteral("is at most");
    }
    return {};
}

} // namespace

std::optional<qint64> toInteger(const QVariant &v)
{
    if (v.typeId() == QMetaType::Bool || !v.isValid() || isList(v))
        return std::nullopt;
    bool ok = false;
    const qint64 n = v.toString().trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

std::optional<bool> toBoolean(const QVariant &v)
{
    if (v.typeId() == QMetaType::Bool)
        return v.toBool();
    const QString s = v.toString().trimmed().toLower();
    if (s == QLatin1String("true") || s == QLatin1String("yes") || s == QLatin1String("on") || s == QLatin1String("1"))
        return true;
    if (s == QLatin1String("false") || s == QLatin1String("no") || s == QLatin1String("off") || s == QLatin1String("0"))
        return false;
    return std::nullopt;
}

std::optional<uint> toMode(const QVariant &v)
{
    if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int) {
        // A YAML integer such as 644 was meant as octal digits, as chmod reads them.
        bool ok = false;
        const uint mode = QString::number(v.toLongLong()).toUInt(&ok, 8);
        return ok ? std::optional<uint>(mode & 07777) : std::nullopt;
    }
    bool ok = false;
    const uint mode = v.toString().trimmed().toUInt(&ok, 8);
    return ok && mode <= 07777 ? std::optional<uint>(mode) : std::nullopt;
}

int compareVersions(const QString &a, const QString &b)
{
    static const QRegularExpression split(QStringLiteral("[.\\-:+~_]"));
    const QStringList x = a.split(split);
    const QStringList y = b.split(split);
    for (qsizetype i = 0; i < std::max(x.size(), y.size()); ++i) {
        const QString sx = x.value(i, QStringLiteral("0"));
        const QString sy = y.value(i, QStringLiteral("0"));
        bool okX = false;
        bool okY = false;
        const qint64 nx = sx.toLongLong(&okX);
        const qint64 ny = sy.toLongLong(&okY);
        const int c = okX && okY ? (nx < ny ? -1 : nx > ny ? 1 : 0) : QString::compare(sx, sy);
        if (c != 0)
            return c < 0 ? -1 : 1;
    }
    return 0;
}

QString describeValue(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return QStringLiteral("(not set)");
    if (isList(value)) {
        const QVariantList list = asList(value);
        QStringList parts;
        for (qsizetype i = 0; i < std::min<qsizetype>(list.size(), 10); ++i)
            parts << describeValue(list.at(i));
        QString s = QLatin1Char('[') + parts.join(QStringLiteral(", "));
        if (list.size() > 10)
            s += QStringLiteral(", … (%1 more)").arg(list.size() - 10);
        return s + QLatin1Char(']');
    }
    if (value.typeId() == QMetaType::QVariantMap) {
        const QVariantMap map = value.toMap();
        QStringList parts;
        for (auto it = map.cbegin(); it != map.cend() && parts.size() < 10; ++it)
            parts << it.key() + QStringLiteral(": ") + describeValue(it.value());
        return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + (map.size() > 10 ? QStringLiteral(", …}") : QStringLiteral("}"));
    }
    QString s = text(value);
    if (s.isEmpty())
        return QStringLiteral("(empty)");
    if (s.size() > 300)
        s = s.left(300) + QStringLiteral("…");
    return s;
}

Assertion::Assertion(const AssertDef &def) : m_def(def)
{
    if (def.op == Operator::Regex || def.op == Operator::NotRegex) {
        m_regex.setPattern(def.value.toString());
        if (def.ignoreCase)
            m_regex.setPatternOptions(QRegularExpression::CaseInsensitiveOption);
        if (!m_regex.isValid())
            m_regexError = QStringLiteral("invalid regular expression /%1/: %2").arg(def.value.toString(), m_regex.errorString());
    }
}

QString Assertion::describe() const
{
    QString s = opWord(m_def.op);
    switch (m_def.op) {
    case Operator::Exists:
    case Operator::Absent: return s;
    case Operator::Regex:
    case Operator::NotRegex: return s + QStringLiteral(" /") + m_def.value.toString() + QLatin1Char('/');
    case Operator::ModeMax: {
        const auto mode = toMode(m_def.value);
        return s + QLatin1Char(' ') + (mode ? QStringLiteral("%1").arg(*mode, 4, 8, QLatin1Char('0')) : m_def.value.toString());
    }
    default: return s + QLatin1Char(' ') + describeValue(m_def.value);
    }
}

bool Assertion::equals(const QVariant &actual, const QVariant &expected) const
{
    switch (m_def.type) {
    case ValueType::Int: {
        const auto a = toInteger(actual);
        const auto e = toInteger(expected);
        return a && e && *a == *e;
    }
    case ValueType::Bool: {
        const auto a = toBoolean(actual);
        const auto e = toBoolean(expected);
        return a && e && *a == *e;
    }
    case ValueType::Mode: {
        const auto a = toMode(actual);
        const auto e = toMode(expected);
        return a && e && *a == *e;
    }
    case ValueType::Version: return compareVersions(text(actual), text(expected)) == 0;
    case ValueType::Auto: {
        const auto a = toInteger(actual);
        const auto e = toInteger(expected);
        if (a && e)
            return *a == *e;
        if (expected.typeId() == QMetaType::Bool) {
            const auto b = toBoolean(actual);
            return b && *b == expected.toBool();
        }
        break;
    }
    case ValueType::String: break;
    }
    return QString::compare(text(actual), text(expected), m_def.ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive) == 0;
}

AssertOutcome Assertion::compare(const QVariant &actual, const QVariant &expected) const
{
    if (m_def.type == ValueType::Version) {
        const int c = compareVersions(text(actual), text(expected));
        switch (m_def.op) {
        case Operator::Lt: return {c < 0, {}};
        case Operator::Le: return {c <= 0, {}};
        case Operator::Gt: return {c > 0, {}};
        default: return {c >= 0, {}};
        }
    }
    const auto a = toInteger(actual);
    const auto e = toInteger(expected);
    if (!e)
        return {false, QStringLiteral("the expected value %1 is not a number").arg(describeValue(expected))};
    if (!a)
        return {false, {}};     // "abc" is not <= 4: a fail, with the actual value shown
    switch (m_def.op) {
    case Operator::Lt: return {*a < *e, {}};
    case Operator::Le: return {*a <= *e, {}};
    case Operator::Gt: return {*a > *e, {}};
    default: return {*a >= *e, {}};
    }
}

AssertOutcome Assertion::test(const QVariant &actual) const
{
    const QVariant &expected = m_def.value;
    switch (m_def.op) {
    case Operator::Exists: return {actual.isValid(), {}};
    case Operator::Absent: return {!actual.isValid(), {}};
    case Operator::Eq: return {equals(actual, expected), {}};
    case Operator::Ne: return {!equals(actual, expected), {}};
    case Operator::Lt:
    case Operator::Le:
    case Operator::Gt:
    case Operator::Ge: return compare(actual, expected);
    case Operator::Regex:
    case Operator::NotRegex: {
        if (!m_regexError.isEmpty())
            return {false, m_regexError};
        const bool match = m_regex.match(text(actual)).hasMatch();
        return {m_def.op == Operator::Regex ? match : !match, {}};
    }
    case Operator::In:
    case Operator::NotIn: {
        bool found = false;
        for (const QVariant &e : asList(expected))
            found = found || equals(actual, e);
        return {m_def.op == Operator::In ? found : !found, {}};
    }
    case Operator::Contains:
    case Operator::NotContains: {
        bool found = false;
        if (isList(actual)) {
            for (const QVariant &a : asList(actual))
                found = found || equals(a, expected);
        } else {
            found = text(actual).contains(text(expected), m_def.ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive);
        }
        return {m_def.op == Operator::Contains ? found : !found, {}};
    }
    case Operator::SubsetOf: {
        const QVariantList allowed = asList(expected);
        for (const QVariant &a : asList(actual)) {
            bool ok = false;
            for (const QVariant &e : allowed)
                ok = ok || equals(a, e);
            if (!ok)
                return {false, {}};
        }
        return {true, {}};
    }
    case Operator::ModeMax: {
        const auto max = toMode(expected);
        if (!max)
            return {false, QStringLiteral("mode_max needs an octal mode, not %1").arg(describeValue(expected))};
        const auto mode = toMode(actual);
        if (!mode)
            return {false, {}};
        return {(*mode & ~*max & 07777) == 0, {}};
    }
    }
    return {false, QStringLiteral("unknown operator")};
}

} // namespace triad
