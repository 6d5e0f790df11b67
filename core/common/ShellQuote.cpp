#include "ShellQuote.h"

namespace triad {

QString shellQuote(const QString &argument)
{
    QString quoted;
    quoted.reserve(argument.size() + 2);
    quoted += QLatin1Char('\'');
    for (const QChar c : argument) {
        if (c == QLatin1Char('\''))
            quoted += QStringLiteral("'\\''");
        else if (c != QChar(0))
            quoted += c;
    }
    quoted += QLatin1Char('\'');
    return quoted;
}

QString shellJoin(const QStringList &argv)
{
    QStringList words;
    words.reserve(argv.size());
    for (const QString &arg : argv)
        words << shellQuote(arg);
    return words.join(QLatin1Char(' '));
}

} // namespace triad
