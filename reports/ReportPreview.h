#pragma once

#include "PdfReportWriter.h"
#include "ReportFormat.h"
#include "ReportModel.h"
#include "common/Result.h"

#include <QImage>
#include <QList>
#include <QString>

namespace triad::report {

struct PreviewOptions {
    int maxPages = 3; ///< PDF: pages painted
    double dpi = 60; ///< PDF: resolution of the page images
    int maxLines = 200; ///< other formats: lines of text kept
};

/// What an export would produce, before it is written: the first pages of a PDF as images, the
/// first lines of a text format.
struct ReportPreview {
    ReportFormat format = ReportFormat::Pdf;
    QList<QImage> pages; ///< PDF: the first pages, white paper
    int pageCount = 0; ///< PDF: pages of the whole report
    QString text; ///< other formats: the first lines
    int lineCount = 0; ///< other formats: lines of the whole report
    qint64 size = 0; ///< other formats: bytes of the whole report
};

/// Renders the preview of `model` in `format`. A PDF is laid out exactly as PdfReportWriter lays
/// out the file and its first pages are painted on images by the same code, so the preview shows
/// the real pages and the real page count. Runs on any thread (no Qt Widgets).
Result<ReportPreview> previewReport(const ReportModel &model, ReportFormat format, PaperSize paper,
                                    const PreviewOptions &options = {});

} // namespace triad::report
