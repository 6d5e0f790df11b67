#pragma once

#include "ReportModel.h"

#include <QByteArray>

namespace triad::report {

/// One row per result of the run (RFC 4180, UTF-8, CRLF). A cell that a spreadsheet would read
/// as a formula (=, +, @, a leading tab or carriage return, or '-' before a non-digit) is
/// prefixed with an apostrophe.
class CsvReportWriter final {
public:
    static QStringList columns();
    QByteArray render(const ReportModel &model) const;
};

/// One CSV cell, quoted when needed and defused against formula injection.
QString csvCell(const QString &value);

} // namespace triad::report
