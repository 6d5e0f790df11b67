#include "TextSanitizer.h"

#include <QStringList>

namespace triad::report {
namespace {

bool isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

QString cutNote(qsizetype cut)
{
    return QStringLiteral(" \u2026 [+%1 characters]").arg(cut);
}

} // namespace

QString visibleText(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
            continue;
        }
        if (c.isSurrogate() || u == 0xFFFE || u == 0xFFFF) {
            out += QChar(0xFFFD);
        } else if (u == u'\n' || u == u'\t') {
            out += c;
        } else if (u == u'\r') {
            // CRLF line ends read as plain newlines; a lone CR would overwrite a terminal line.
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                continue;
            out += QStringLiteral("\\r");
        } else if (u < 0x20 || (u >= 0x7F && u < 0xA0)) {
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        } else if (isBidiControl(u) || u == 0x2028 || u == 0x2029 || u == 0xFEFF) {
            out += QStringLiteral("<U+%1>").arg(int(u), 4, 16, QLatin1Char('0')).toUpper();
        } else {
            out += c;
        }
    }
    return out;
}

QString oneLine(QStringView text, int maxChars)
{
    QString s = visibleText(text);
    s.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\t'), QLatin1Char(' '));
    if (maxChars > 0 && s.size() > maxChars)
        return s.left(maxChars) + cutNote(s.size() - maxChars);
    return s;
}

QString capped(QStringView text, int maxChars)
{
    QString s = visibleText(text);
    if (maxChars > 0 && s.size() > maxChars)
        return s.left(maxChars) + cutNote(s.size() - maxChars);
    return s;
}

QString excerpt(QStringView text, int maxLines, int maxChars, int lineChars, bool *cut)
{
    bool wasCut = false;
    // Only the start of a large output can be shown: escape that much, not megabytes.
    const qsizetype window = qsizetype(maxChars) * 4 + 4096;
    const QString visible = visibleText(text.size() > window ? text.left(window) : text);
    if (text.size() > window)
        wasCut = true;
    QStringList lines = visible.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    QString out;
    int kept = 0;
    for (const QString &line : std::as_const(lines)) {
        if (kept >= maxLines || out.size() >= maxChars) {
            wasCut = true;
            break;
        }
        QString l = line;
        l.replace(QLatin1Char('\t'), QStringLiteral("    "));
        if (l.size() > lineChars) {
            l = l.left(lineChars) + cutNote(l.size() - lineChars);
            wasCut = true;
        }
        out += l + QLatin1Char('\n');
        ++kept;
    }
    if (out.endsWith(QLatin1Char('\n')))
        out.chop(1);
    if (cut)
        *cut = wasCut;
    return out;
}

} // namespace triad::report
