#pragma once

#include <QString>

namespace triad {

/// Where a template element was written: reported in every validation error.
/// Lines and columns are 1-based, as editors show them.
struct SourceLocation {
    QString file;
    int line = 0;
    int column = 0;

    /// "file:line:column" (parts that are unknown are left out).
    [[nodiscard]] QString toString() const
    {
        QString s = file;
        if (line > 0) {
            s += QLatin1Char(':') + QString::number(line);
            if (column > 0)
                s += QLatin1Char(':') + QString::number(column);
        }
        return s;
    }
};

} // namespace triad
