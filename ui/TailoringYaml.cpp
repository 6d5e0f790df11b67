#include "TailoringYaml.h"

namespace triad {
namespace {

QString yamlValue(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return QString::number(value.toLongLong());
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        QStringList items;
        for (const QString &item : value.toStringList())
            items << yamlQuoted(item);
        return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    default:
        // Modes ("0644"), paths and words stay text: quoting keeps "0644" from reading as a number
        // and "true" from reading as a bool.
        return yamlQuoted(value.toString());
    }
}

} // namespace

QString yamlQuoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            out += QStringLiteral("\\\"");
            break;
        case '\\':
            out += QStringLiteral("\\\\");
            break;
        case '\n':
            out += QStringLiteral("\\n");
            break;
        case '\t':
            out += QStringLiteral("\\t");
            break;
        case '\r':
            out += QStringLiteral("\\r");
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f || (c.unicode() >= 0x80 && c.unicode() < 0xa0)
                || c.unicode() == 0xfeff)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString tailoringToYaml(const Tailoring &t)
{
    QString yaml = QStringLiteral("# Tailoring of %1, written by Triad. triad-cli scan --tailoring accepts this file.\n")
                       .arg(t.templateId.simplified());
    yaml += QStringLiteral("tailoring: {template: %1, name: %2}\n").arg(yamlQuoted(t.templateId), yamlQuoted(t.name));
    if (!t.parameters.isEmpty()) {
        yaml += QStringLiteral("parameters:\n");
        for (auto it = t.parameters.cbegin(); it != t.parameters.cend(); ++it)
            yaml += QStringLiteral("  %1: %2\n").arg(yamlQuoted(it.key()), yamlValue(it.value()));
    }
    if (!t.disabledChecks.isEmpty()) {
        yaml += QStringLiteral("disable:\n");
        for (auto it = t.disabledChecks.cbegin(); it != t.disabledChecks.cend(); ++it)
            yaml += QStringLiteral("  - {check: %1, reason: %2}\n").arg(yamlQuoted(it.key()), yamlQuoted(it.value()));
    }
    if (!t.severityOverrides.isEmpty()) {
        yaml += QStringLiteral("severity:\n");
        for (auto it = t.severityOverrides.cbegin(); it != t.severityOverrides.cend(); ++it)
            yaml += QStringLiteral("  %1: %2\n").arg(yamlQuoted(it.key()), toString(it.value()));
    }
    return yaml;
}

} // namespace triad
