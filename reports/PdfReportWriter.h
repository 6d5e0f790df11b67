#pragma once

#include "ReportModel.h"
#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSizeF>
#include <QString>

class QPainter;
class QPdfWriter;

namespace triad::report {

enum class PaperSize { A4, Letter };

/// Where the report's pages are painted: the PDF file, or images for a preview (ReportPreview).
/// Coordinates are the PDF's device pixels at PdfReportWriter::resolution() dots per inch.
class PageTarget {
public:
    PageTarget() = default;
    virtual ~PageTarget() = default;
    PageTarget(const PageTarget &) = delete;
    PageTarget &operator=(const PageTarget &) = delete;
    /// The painter for page `index` (0-based), or null when the page cannot be started.
    virtual QPainter *beginPage(int index) = 0;
};

/// The audit-ready PDF: a cover painted with QPainter, then the body laid out by QTextDocument on
/// the same page geometry (table of contents with page numbers, summary with vector charts,
/// requirements, findings, exceptions, attestations, evidence appendix, sign-off), a header and a
/// "page X of Y" footer on every page. No Qt Widgets.
class PdfReportWriter final {
public:
    explicit PdfReportWriter(PaperSize paper = PaperSize::A4) : m_paper(paper) {}

    Result<QByteArray> render(const ReportModel &model);
    /// Lays the whole report out as render() does and paints its first `maxPages` pages on
    /// `target` (a preview); returns the page count of the whole report.
    Result<int> paintPages(const ReportModel &model, PageTarget &target, int maxPages);
    /// The size of one page in the device pixels the pages are painted in.
    static QSizeF pageSizeInPixels(PaperSize paper);
    /// Dots per inch of the pages' coordinates.
    static int resolution();
    /// Pages of the last render.
    [[nodiscard]] int pageCount() const { return m_pageCount; }
    /// Milliseconds spent in each phase of the last render (for the benchmark).
    [[nodiscard]] const QList<QPair<QString, qint64>> &phases() const { return m_phases; }

private:
    /// Lays the report out on `writer` and paints up to `maxPages` pages on `target`.
    Result<int> paint(const ReportModel &model, QPdfWriter &writer, PageTarget &target, int maxPages);

    PaperSize m_paper;
    int m_pageCount = 0;
    QList<QPair<QString, qint64>> m_phases;
};

} // namespace triad::report
