#include "ReportRenderer.h"

#include "CsvReportWriter.h"
#include "HtmlReportWriter.h"
#include "JsonReportWriter.h"
#include "JunitReportWriter.h"
#include "OscalReportWriter.h"

namespace triad::report {

Result<RenderedReport> renderReport(const ReportModel &model, ReportFormat format, PaperSize paper)
{
    RenderedReport r;
    switch (format) {
    case ReportFormat::Pdf: {
        PdfReportWriter writer(paper);
        auto bytes = writer.render(model);
        if (!bytes)
            return bytes.error();
        r.bytes = std::move(*bytes);
        r.pages = writer.pageCount();
        break;
    }
    case ReportFormat::Html: r.bytes = HtmlReportWriter().render(model); break;
    case ReportFormat::Csv: r.bytes = CsvReportWriter().render(model); break;
    case ReportFormat::Json: r.bytes = JsonReportWriter().render(model); break;
    case ReportFormat::Junit: r.bytes = JunitReportWriter().render(model); break;
    case ReportFormat::Oscal: r.bytes = OscalReportWriter().render(model); break;
    }
    return r;
}

} // namespace triad::report
