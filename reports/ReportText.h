#pragma once

// Wording and small formatting shared by the PDF and HTML writers, so that both say the same.

#include "ReportModel.h"

#include <QString>

namespace triad::report {

/// Host text escaped for HTML (and Qt rich text): visibleText() then toHtmlEscaped(), newlines
/// kept as <br/> when `breaks` is true.
QString html(const QString &text, bool breaks = false);

QString dateTimeText(const QDateTime &t);   ///< "2026-11-24 10:31 UTC", "-" when invalid
QString dateText(const QDate &d);
/// "2026-11-24 10:31 – 10:33 UTC", the day repeated only when it changes.
QString periodText(const QDateTime &from, const QDateTime &to);
QString statusLabel(const QString &status); ///< "Pass", "Not applicable", "Not assessed", ...
QString findingId(int index);               ///< "F-001"
QString evidenceRef(qint64 id);             ///< "E42"
QString bytesText(qint64 bytes);            ///< "1.2 KB"

/// The sentences of the report that do not depend on the data.
namespace text {
extern const char *const kIntro;
extern const char *const kScoreRule;
extern const char *const kFindingsIntro;
extern const char *const kWaiverIntro;
extern const char *const kAttestationIntro;
extern const char *const kEvidenceIntro;
extern const char *const kEvidenceSummarised;
extern const char *const kSignOffIntro;
extern const char *const kIntegrity;
} // namespace text

} // namespace triad::report
