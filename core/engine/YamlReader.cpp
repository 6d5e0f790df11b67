#include "YamlReader.h"

namespace triad {

SourceLocation YamlContext::locationOf(const YAML::Node &node) const
{
    const YAML::Mark mark = node.Mark();
    if (mark.is_null())
        return SourceLocation{file, 0, 0};
    return SourceLocation{file, mark.line + 1, mark.column + 1};
}

void YamlContext::error(const YAML::Node &node, const QString &path, const QString &message)
{
    errors << makeError(Error::Code::InvalidInput, path.isEmpty() ? message : path + QStringLiteral(": ") + message,
                        locationOf(node).toString());
}

QString scalarText(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

QString describeNodeType(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: return QStringLiteral("a mapping");
    case YAML::NodeType::Sequence: return QStringLiteral("a list");
    case YAML::NodeType::Scalar: return QStringLiteral("a value");
    case YAML::NodeType::Null: return QStringLiteral("nothing");
    case YAML::NodeType::Undefined: return QStringLiteral("nothing");
    }
    return {};
}

QVariant scalarValue(const YAML::Node &node)
{
    const QString text = scalarText(node);
    if (node.Tag() == "!")
        return text;    // quoted: the author wants a string
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    const bool leadingZero = text.size() > 1 && text.startsWith(QLatin1Char('0'));
    if (ok && !leadingZero)
        return n;
    if (text == QLatin1String("true") || text == QLatin1String("false"))
        return text == QLatin1String("true");
    return text;    // "0644" stays text: modes keep their leading zero
}

QVariant yamlValue(const YAML::Node &node)
{
    if (node.IsSequence()) {
        QVariantList list;
        for (const auto &item : node)
            list << yamlValue(item);
        return list;
    }
    if (node.IsScalar())
        return scalarValue(node);
    return {};
}

MapReader::MapReader(const YAML::Node &node, QString path, YamlContext &context)
    : m_node(node), m_path(std::move(path)), m_context(context)
{
    m_valid = node.IsMap();
    if (!m_valid && node.IsDefined())
        context.error(node, m_path, QStringLiteral("expected a mapping, found %1").arg(describeNodeType(node)));
}

bool MapReader::has(const char *key) const
{
    return m_valid && m_node[key].IsDefined() && !m_node[key].IsNull();
}

YAML::Node MapReader::node(const char *key)
{
    m_read.insert(QString::fromLatin1(key));
    return m_valid ? m_node[key] : YAML::Node();
}

QString MapReader::keyPath(const char *key) const
{
    return m_path.isEmpty() ? QString::fromLatin1(key) : m_path + QLatin1Char('.') + QLatin1String(key);
}

QString MapReader::string(const char *key, bool required)
{
    const YAML::Node n = node(key);
    if (!n.IsDefined() || n.IsNull()) {
        if (required)
            m_context.error(m_node, m_path, QStringLiteral("missing required key '%1'").arg(QLatin1String(key)));
        return {};
    }
    if (!n.IsScalar()) {
        m_context.error(n, keyPath(key), QStringLiteral("expected a value, found %1").arg(describeNodeType(n)));
        return {};
    }
    return scalarText(n);
}

std::optional<qint64> MapReader::integer(const char *key, qint64 min, qint64 max)
{
    const YAML::Node n = node(key);
    if (!n.IsDefined() || n.IsNull())
        return std::nullopt;
    bool ok = false;
    const qint64 v = n.IsScalar() ? scalarText(n).toLongLong(&ok) : 0;
    if (!ok) {
        m_context.error(n, keyPath(key), QStringLiteral("expected a whole number"));
        return std::nullopt;
    }
    if (v < min || v > max) {
        m_context.error(n, keyPath(key), QStringLiteral("%1 is outside %2..%3").arg(v).arg(min).arg(max));
        return std::nullopt;
    }
    return v;
}

std::optional<bool> MapReader::boolean(const char *key)
{
    const YAML::Node n = node(key);
    if (!n.IsDefined() || n.IsNull())
        return std::nullopt;
    const QString t = n.IsScalar() ? scalarText(n) : QString();
    if (t == QLatin1String("true") || t == QLatin1String("false"))
        return t == QLatin1String("true");
    m_context.error(n, keyPath(key), QStringLiteral("expected true or false"));
    return std::nullopt;
}

QStringList MapReader::stringList(const char *key)
{
    const YAML::Node n = node(key);
    QStringList list;
    if (!n.IsDefined() || n.IsNull())
        return list;
    if (n.IsScalar())
        return {scalarText(n)};
    if (!n.IsSequence()) {
        m_context.error(n, keyPath(key), QStringLiteral("expected a list, found %1").arg(describeNodeType(n)));
        return list;
    }
    for (std::size_t i = 0; i < n.size(); ++i) {
        if (!n[i].IsScalar()) {
            m_context.error(n[i], keyPath(key) + QStringLiteral("[%1]").arg(i), QStringLiteral("expected a value"));
            continue;
        }
        list << scalarText(n[i]);
    }
    return list;
}

QString MapReader::choice(const char *key, const QStringList &allowed, const QString &fallback)
{
    const YAML::Node n = node(key);
    if (!n.IsDefined() || n.IsNull())
        return fallback;
    const QString v = n.IsScalar() ? scalarText(n) : QString();
    if (!allowed.contains(v)) {
        m_context.error(n, keyPath(key),
                        QStringLiteral("'%1' is not one of: %2").arg(v, allowed.join(QStringLiteral(", "))));
        return fallback;
    }
    return v;
}

void MapReader::finish()
{
    if (!m_valid)
        return;
    for (const auto &item : m_node) {
        const QString key = QString::fromStdString(item.first.as<std::string>(""));
        if (!m_read.contains(key))
            m_context.error(item.first, m_path, QStringLiteral("unknown key '%1'").arg(key));
    }
}

} // namespace triad
