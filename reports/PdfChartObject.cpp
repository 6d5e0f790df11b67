#include "PdfChartObject.h"

#include "ReportCharts.h"

#include <QPainter>

namespace triad::report {

QSizeF PdfChartObject::intrinsicSize(QTextDocument *, int, const QTextFormat &format)
{
    return format.property(kSizeProperty).toSizeF();
}

void PdfChartObject::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int, const QTextFormat &format)
{
    switch (ChartKind(format.intProperty(kKindProperty))) {
    case ChartKind::Trend:
        drawTrendChart(*painter, rect, m_model.trend);
        break;
    case ChartKind::Severity:
        drawSeverityChart(*painter, rect, m_model.failedBySeverity);
        break;
    }
}

} // namespace triad::report
