#pragma once

#include <QString>
#include <QStringList>

namespace triad {

/// The one function through which every value reaches a shell, local or remote.
/// Returns the argument as a single POSIX sh word: wrapped in single quotes, with each embedded
/// single quote written as '\''. Newlines, $(), backticks, globs and NUL-free binary stay data.
/// A NUL byte cannot be passed through a shell at all, so it is dropped (callers reject such
/// values earlier; this keeps the guarantee that the result is one word).
QString shellQuote(const QString &argument);

/// shellQuote applied to each element, joined by single spaces: a safe command line for argv.
QString shellJoin(const QStringList &argv);

} // namespace triad
