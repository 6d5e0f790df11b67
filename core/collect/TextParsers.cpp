#include "TextParsers.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QStringList>

#include <yaml-cpp/yaml.h>

namespace triad {

namespace {

bool isComment(const QString &trimmed, const ParseSpec &spec)
{
    return trimmed.isEmpty() || (!spec.comment.isEmpty() && trimmed.startsWith(spec.comment));
}

QStringList splitLines(const QByteArray &text)
{
    QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (QString &line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    }
    return lines;
}

void insertKey(QVariantMap &map, const QString &key, const QString &value, const ParseSpec &spec)
{
    switch (spec.duplicates) {
    case ParseSpec::Duplicates::First:
        if (!map.contains(key))
            map.insert(key, value);
        break;
    case ParseSpec::Duplicates::Last:
        map.insert(key, value);
        break;
    case ParseSpec::Duplicates::List: {
        QStringList values = map.value(key).toStringList();
        values << value;
        map.insert(key, values);
        break;
    }
    }
}

QVariant parseKeyValue(const ParseSpec &spec, const QByteArray &text)
{
    QVariantMap map;
    const bool whitespace = spec.separator.isEmpty() || spec.separator == QLatin1String("whitespace");
    for (const QString &rawLine : splitLines(text)) {
        const QString line = rawLine.trimmed();
        if (isComment(line, spec))
            continue;
        QString key;
        QString value;
        if (whitespace) {
            const qsizetype at = line.indexOf(QRegularExpression(QStringLiteral("\\s")));
            key = at < 0 ? line : line.left(at);
            value = at < 0 ? QString() : line.mid(at).trimmed();
        } else {
            const qsizetype at = line.indexOf(spec.separator);
            if (at < 0)
                continue;   // a line without the separator carries no setting
            key = line.left(at).trimmed();
            value = line.mid(at + spec.separator.size()).trimmed();
        }
        if (key.isEmpty())
            continue;
        if (spec.keyCase == ParseSpec::KeyCase::Lower)
            key = key.toLower();
        insertKey(map, key, value, spec);
    }
    return map;
}

QVariant parseIni(const ParseSpec &spec, const QByteArray &text)
{
    QVariantMap map;
    QString section;
    ParseSpec commentSpec = spec;
    for (const QString &rawLine : splitLines(text)) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')) || isComment(line, spec))
            continue;
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            section = line.mid(1, line.size() - 2).trimmed();
            continue;
        }
        qsizetype at = line.indexOf(QLatin1Char('='));
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (at < 0 || (colon >= 0 && colon < at && spec.separator == QLatin1String(":")))
            at = colon;
        if (at <= 0)
            continue;
        QString key = line.left(at).trimmed();
        if (spec.keyCase == ParseSpec::KeyCase::Lower)
            key = key.toLower();
        insertKey(map, section.isEmpty() ? key : section + QLatin1Char('.') + key, line.mid(at + 1).trimmed(), commentSpec);
    }
    return map;
}

QVariant yamlToVariant(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QVariantMap map;
        for (const auto &item : node)
            map.insert(QString::fromStdString(item.first.as<std::string>()), yamlToVariant(item.second));
        return map;
    }
    case YAML::NodeType::Sequence: {
        QVariantList list;
        for (const auto &item : node)
            list << yamlToVariant(item);
        return list;
    }
    case YAML::NodeType::Scalar: {
        const QString text = QString::fromStdString(node.Scalar());
        if (node.Tag() == "!")     // quoted in the document: keep it a string
            return text;
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        if (ok)
            return n;
        if (text == QLatin1String("true") || text == QLatin1String("false"))
            return text == QLatin1String("true");
        return text;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return {};
    }
    return {};
}

} // namespace

Result<QVariant> parseText(const ParseSpec &spec, const QByteArray &text)
{
    switch (spec.format) {
    case ParseSpec::Format::Raw: {
        QString s = QString::fromUtf8(text);
        if (s.endsWith(QLatin1Char('\n')))
            s.chop(1);
        return QVariant(s);
    }
    case ParseSpec::Format::Lines: {
        QStringList kept;
        for (const QString &line : splitLines(text)) {
            if (spec.comment.isEmpty() || !isComment(line.trimmed(), spec))
                kept << line;
        }
        return QVariant(kept);
    }
    case ParseSpec::Format::KeyValue: return parseKeyValue(spec, text);
    case ParseSpec::Format::Ini: return parseIni(spec, text);
    case ParseSpec::Format::Json: {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
        if (error.error != QJsonParseError::NoError)
            return makeError(Error::Code::InvalidInput,
                             QStringLiteral("JSON: %1 at byte %2").arg(error.errorString()).arg(error.offset));
        return doc.toVariant();
    }
    case ParseSpec::Format::Yaml:
        try {
            const YAML::Node doc = YAML::Load(text.toStdString());
            return yamlToVariant(doc);
        } catch (const YAML::Exception &e) {
            return makeError(Error::Code::InvalidInput, QStringLiteral("YAML: %1 at line %2, column %3")
                                                            .arg(QString::fromStdString(e.msg))
                                                            .arg(e.mark.line + 1)
                                                            .arg(e.mark.column + 1));
        } catch (const std::exception &e) {
            return makeError(Error::Code::InvalidInput, QStringLiteral("YAML: %1").arg(QString::fromUtf8(e.what())));
        }
    }
    return makeError(Error::Code::Internal, QStringLiteral("unknown parse format"));
}

} // namespace triad
