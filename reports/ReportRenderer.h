#pragma once

#include "PdfReportWriter.h"
#include "ReportFormat.h"
#include "ReportModel.h"
#include "common/Result.h"

#include <QByteArray>

namespace triad::report {

struct RenderedReport {
    QByteArray bytes;
    int pages = 0;          ///< PDF only
};

/// The one entry point the CLI and the GUI use: the model rendered in `format`.
Result<RenderedReport> renderReport(const ReportModel &model, ReportFormat format, PaperSize paper = PaperSize::A4);

} // namespace triad::report
