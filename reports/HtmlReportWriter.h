#pragma once

#include "ReportModel.h"

#include <QByteArray>

namespace triad::report {

/// One self-contained HTML file with the content of the PDF: inline CSS, inline SVG charts, no
/// script, no external resource (a Content-Security-Policy forbids loading any), so it opens
/// offline and cannot run anything a host put into its evidence.
class HtmlReportWriter final {
public:
    QByteArray render(const ReportModel &model) const;
};

} // namespace triad::report
