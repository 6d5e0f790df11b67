#pragma once

#include "common/Result.h"
#include "model/SourceLocation.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <yaml-cpp/yaml.h>

#include <optional>

namespace triad {

/// Collects every problem of one file, each with file:line:column and the key path.
struct YamlContext {
    QString file;
    QList<Error> errors;

    SourceLocation locationOf(const YAML::Node &node) const;
    void error(const YAML::Node &node, const QString &path, const QString &message);
};

/// Typed access to one YAML mapping, remembering which keys were read so that finish() can
/// report the ones nobody expected (a misspelt key must never be silently ignored).
class MapReader {
public:
    MapReader(const YAML::Node &node, QString path, YamlContext &context);

    [[nodiscard]] bool valid() const { return m_valid; }
    [[nodiscard]] bool has(const char *key) const;
    [[nodiscard]] YAML::Node node(const char *key);
    [[nodiscard]] QString keyPath(const char *key) const;

    QString string(const char *key, bool required = false);
    std::optional<qint64> integer(const char *key, qint64 min, qint64 max);
    std::optional<bool> boolean(const char *key);
    QStringList stringList(const char *key);
    /// One of `allowed` (reports the choices when it is not).
    QString choice(const char *key, const QStringList &allowed, const QString &fallback);

    /// Reports keys that were never read.
    void finish();

    [[nodiscard]] SourceLocation location() const { return m_context.locationOf(m_node); }
    YamlContext &context() { return m_context; }

private:
    YAML::Node m_node;
    QString m_path;
    YamlContext &m_context;
    QSet<QString> m_read;
    bool m_valid = false;
};

/// A scalar as a typed value: unquoted integers become qint64, true/false bool, the rest text.
QVariant scalarValue(const YAML::Node &node);
/// Scalars and sequences (of scalars) as QVariant; maps are not values in templates.
QVariant yamlValue(const YAML::Node &node);
QString scalarText(const YAML::Node &node);
QString describeNodeType(const YAML::Node &node);

} // namespace triad
