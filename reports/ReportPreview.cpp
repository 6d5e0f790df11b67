#include "ReportPreview.h"

#include "ReportRenderer.h"

#include <QPainter>

#include <cmath>
#include <vector>

namespace triad::report {
namespace {

/// Paints each page on its own image. The images claim the PDF's resolution, so that fonts given
/// in points get the same pixel sizes as in the PDF, and the painter scales the page down to the
/// preview's resolution.
class ImagePageTarget final : public PageTarget {
public:
    ImagePageTarget(PaperSize paper, double dpi)
        : m_scale(dpi / PdfReportWriter::resolution()),
          m_size((PdfReportWriter::pageSizeInPixels(paper) * m_scale).toSize())
    {
    }
    ~ImagePageTarget() override { finish(); }

    QPainter *beginPage(int) override
    {
        finish();
        QImage page(m_size, QImage::Format_ARGB32_Premultiplied);
        const int dotsPerMeter = int(std::lround(PdfReportWriter::resolution() / 0.0254));
        page.setDotsPerMeterX(dotsPerMeter);
        page.setDotsPerMeterY(dotsPerMeter);
        page.fill(Qt::white);
        m_pages.push_back(std::move(page));
        if (!m_painter.begin(&m_pages.back()))
            return nullptr;
        m_painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                                 | QPainter::SmoothPixmapTransform);
        m_painter.scale(m_scale, m_scale);
        return &m_painter;
    }

    /// Ends the painting of the last page; the images are complete after this.
    void finish()
    {
        if (m_painter.isActive())
            m_painter.end();
    }

    QList<QImage> takePages()
    {
        finish();
        QList<QImage> pages(m_pages.begin(), m_pages.end());
        m_pages.clear();
        return pages;
    }

private:
    double m_scale;
    QSize m_size;
    std::vector<QImage> m_pages; ///< the painter is ended before one is added: no dangling device
    QPainter m_painter;
};

} // namespace

Result<ReportPreview> previewReport(const ReportModel &model, ReportFormat format, PaperSize paper,
                                    const PreviewOptions &options)
{
    ReportPreview preview;
    preview.format = format;
    if (format == ReportFormat::Pdf) {
        PdfReportWriter writer(paper);
        ImagePageTarget target(paper, options.dpi);
        auto pages = writer.paintPages(model, target, options.maxPages);
        if (!pages)
            return pages.error();
        preview.pageCount = *pages;
        preview.pages = target.takePages();
        return preview;
    }
    auto rendered = renderReport(model, format, paper);
    if (!rendered)
        return rendered.error();
    preview.size = rendered->bytes.size();
    const QString text = QString::fromUtf8(rendered->bytes);
    QStringList lines = text.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    preview.lineCount = int(lines.size());
    preview.text = lines.mid(0, options.maxLines).join(QLatin1Char('\n'));
    return preview;
}

} // namespace triad::report
