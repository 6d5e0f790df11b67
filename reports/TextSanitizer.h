#pragma once

#include <QString>
#include <QStringView>

namespace triad::report {

/// Host-supplied text made safe to show: control characters other than newline and tab become
/// visible escapes ("\x1b"), bidirectional embedding, override and isolate marks (U+202A..U+202E,
/// U+2066..U+2069, and the LRM/RLM/ALM marks) become "<U+202E>", so that a hostile host name or
/// file cannot hide or reorder what a reader sees. Format escaping (HTML, XML) is the writers'.
QString visibleText(QStringView text);

/// visibleText() on one line: newlines and tabs become spaces, capped at `maxChars` with the
/// count of what was cut ("… [+9842 characters]").
QString oneLine(QStringView text, int maxChars);

/// visibleText() keeping newlines, each line capped at `lineChars`, at most `maxLines` lines and
/// `maxChars` in all. `cut` is set when anything was left out.
QString excerpt(QStringView text, int maxLines, int maxChars, int lineChars, bool *cut = nullptr);

/// visibleText() capped at `maxChars` (newlines kept).
QString capped(QStringView text, int maxChars);

} // namespace triad::report
