#pragma once

#include <QString>
#include <QStringList>

namespace triad {

/// One CSV record (RFC 4180): fields with a comma, quote, CR or LF are quoted, quotes doubled.
/// Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a
/// leading apostrophe: host-supplied strings must not execute when an auditor opens the file.
QString csvRecord(const QStringList &fields);

} // namespace triad
