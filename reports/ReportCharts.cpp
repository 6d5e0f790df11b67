#include "ReportCharts.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace triad::report {
namespace {

const QString kScoreColor = QStringLiteral("#1f5fa8");
const QString kFailBarColor = QStringLiteral("#e9b7b2");
const QString kGridColor = QStringLiteral("#d5d9e0");
const QString kTextColor = QStringLiteral("#333a44");

/// Geometry shared by the painter and the SVG versions of the trend chart.
struct TrendLayout {
    QRectF plot;
    int maxFailed = 1;
    double x(qsizetype i, qsizetype n) const
    {
        const double step = plot.width() / double(std::max<qsizetype>(n, 1));
        return plot.left() + step * (double(i) + 0.5);
    }
    double barWidth(qsizetype n) const { return std::min(plot.width() / double(std::max<qsizetype>(n, 1)) * 0.5, plot.width() / 8); }
    double yPercent(double p) const { return plot.bottom() - plot.height() * p / 100.0; }
    double yFailed(int f) const { return plot.bottom() - plot.height() * double(f) / double(maxFailed); }
};

TrendLayout trendLayout(const QRectF &rect, const QList<TrendPoint> &trend, double unit)
{
    TrendLayout l;
    l.plot = rect.adjusted(unit * 5.5, unit * 1.8, -unit * 5.5, -unit * 4.2);
    for (const TrendPoint &p : trend)
        l.maxFailed = std::max(l.maxFailed, p.failed);
    // A round top for the bar scale, divisible by 4 so that the grid lines carry whole numbers.
    const int magnitude = std::max(1, int(std::pow(10, std::floor(std::log10(double(l.maxFailed))))));
    const int step = std::max(1, magnitude / 2);
    l.maxFailed = ((l.maxFailed + step - 1) / step) * step;
    l.maxFailed = ((l.maxFailed + 3) / 4) * 4;
    return l;
}

} // namespace

QString severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Critical: return QStringLiteral("#7b1020");
    case Severity::High: return QStringLiteral("#c0392b");
    case Severity::Medium: return QStringLiteral("#e67e22");
    case Severity::Low: return QStringLiteral("#d4ac0d");
    case Severity::Info: return QStringLiteral("#7f8c8d");
    }
    return QStringLiteral("#7f8c8d");
}

QString statusColor(const QString &status)
{
    if (status == QLatin1String("pass"))
        return QStringLiteral("#1e8449");
    if (status == QLatin1String("fail"))
        return QStringLiteral("#c0392b");
    if (status == QLatin1String("error"))
        return QStringLiteral("#8e44ad");
    if (status == QLatin1String("waived"))
        return QStringLiteral("#2874a6");
    if (status == QLatin1String("manual"))
        return QStringLiteral("#b9770e");
    return QStringLiteral("#707b7c");
}

void drawTrendChart(QPainter &painter, const QRectF &rect, const QList<TrendPoint> &trend)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(7);
    painter.setFont(font);
    const QFontMetricsF fm(font, painter.device());
    const double unit = fm.height();
    const TrendLayout l = trendLayout(rect, trend, unit);
    const qsizetype n = trend.size();

    // Grid and the two scales: score on the left, failed requirements on the right.
    for (int p = 0; p <= 100; p += 25) {
        const double y = l.yPercent(p);
        painter.setPen(QPen(QColor(kGridColor), unit * 0.05));
        painter.drawLine(QPointF(l.plot.left(), y), QPointF(l.plot.right(), y));
        painter.setPen(QColor(kTextColor));
        painter.drawText(QRectF(rect.left(), y - unit / 2, unit * 5, unit), Qt::AlignRight | Qt::AlignVCenter,
                         QStringLiteral("%1 %").arg(p));
        painter.drawText(QRectF(l.plot.right() + unit * 0.5, y - unit / 2, unit * 5, unit), Qt::AlignLeft | Qt::AlignVCenter,
                         QString::number(l.maxFailed * p / 100));
    }
    // Failed requirements as bars.
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(kFailBarColor));
    for (qsizetype i = 0; i < n; ++i) {
        const double bw = l.barWidth(n);
        const double top = l.yFailed(trend.at(i).failed);
        painter.drawRect(QRectF(l.x(i, n) - bw / 2, top, bw, l.plot.bottom() - top));
    }
    // Score as a line with labelled points; a run without data leaves a gap.
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(kScoreColor), unit * 0.14));
    QPainterPath path;
    bool open = false;
    for (qsizetype i = 0; i < n; ++i) {
        if (!trend.at(i).percent) {
            open = false;
            continue;
        }
        const QPointF pt(l.x(i, n), l.yPercent(*trend.at(i).percent));
        open ? path.lineTo(pt) : path.moveTo(pt);
        open = true;
    }
    painter.drawPath(path);
    painter.setBrush(QColor(kScoreColor));
    for (qsizetype i = 0; i < n; ++i) {
        painter.setPen(QColor(kTextColor));
        painter.drawText(QRectF(l.x(i, n) - unit * 4, l.plot.bottom() + unit * 0.3, unit * 8, unit), Qt::AlignCenter,
                         QStringLiteral("run %1").arg(trend.at(i).runId));
        painter.drawText(QRectF(l.x(i, n) - unit * 4, l.plot.bottom() + unit * 1.2, unit * 8, unit), Qt::AlignCenter,
                         trend.at(i).startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd")));
        if (!trend.at(i).percent)
            continue;
        const QPointF pt(l.x(i, n), l.yPercent(*trend.at(i).percent));
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(pt, unit * 0.22, unit * 0.22);
        painter.setPen(QColor(kScoreColor));
        painter.drawText(QRectF(pt.x() - unit * 3, pt.y() - unit * 1.3, unit * 6, unit), Qt::AlignCenter,
                         QStringLiteral("%1").arg(*trend.at(i).percent, 0, 'f', 1));
    }
    // Legend.
    const double ly = rect.bottom() - unit * 1.1;
    painter.setPen(QPen(QColor(kScoreColor), unit * 0.14));
    painter.drawLine(QPointF(l.plot.left(), ly + unit / 2), QPointF(l.plot.left() + unit * 1.5, ly + unit / 2));
    painter.setPen(QColor(kTextColor));
    painter.drawText(QRectF(l.plot.left() + unit * 1.8, ly, unit * 14, unit), Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("score (left scale)"));
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(kFailBarColor));
    painter.drawRect(QRectF(l.plot.left() + unit * 13, ly + unit * 0.15, unit * 1.5, unit * 0.7));
    painter.setPen(QColor(kTextColor));
    painter.drawText(QRectF(l.plot.left() + unit * 14.8, ly, unit * 30, unit), Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("failed requirements \u00d7 assets (right scale)"));
    painter.restore();
}

void drawSeverityChart(QPainter &painter, const QRectF &rect, const QList<int> &failedBySeverity)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(7.5);
    painter.setFont(font);
    const QFontMetricsF fm(font, painter.device());
    const double unit = fm.height();
    int maxCount = 1;
    for (int v : failedBySeverity)
        maxCount = std::max(maxCount, v);
    const double labelWidth = unit * 5;
    const double countWidth = unit * 4;
    const double rowHeight = rect.height() / 5;
    const double barMax = rect.width() - labelWidth - countWidth;
    for (int row = 0; row < 5; ++row) {
        const auto sev = Severity(4 - row);
        const int count = failedBySeverity.value(int(sev));
        const double y = rect.top() + rowHeight * row;
        painter.setPen(QColor(kTextColor));
        painter.drawText(QRectF(rect.left(), y, labelWidth - unit * 0.4, rowHeight), Qt::AlignRight | Qt::AlignVCenter,
                         severityLabel(sev));
        const double w = barMax * double(count) / double(maxCount);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(severityColor(sev)));
        painter.drawRect(QRectF(rect.left() + labelWidth, y + rowHeight * 0.2, std::max(w, unit * 0.08), rowHeight * 0.6));
        painter.setPen(QColor(kTextColor));
        painter.drawText(QRectF(rect.left() + labelWidth + w + unit * 0.4, y, countWidth, rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         QString::number(count));
    }
    painter.restore();
}

QString trendChartSvg(const QList<TrendPoint> &trend, int width, int height)
{
    const double unit = 12;
    const TrendLayout l = trendLayout(QRectF(0, 0, width, height), trend, unit);
    const qsizetype n = trend.size();
    QString s = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %1 %2\" width=\"%1\" height=\"%2\" "
                               "role=\"img\" aria-label=\"Score per run\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"10\">")
                    .arg(width).arg(height);
    for (int p = 0; p <= 100; p += 25) {
        const double y = l.yPercent(p);
        s += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"%4\" stroke-width=\"0.6\"/>")
                 .arg(l.plot.left()).arg(y).arg(l.plot.right()).arg(kGridColor);
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\" fill=\"%3\">%4 %</text>")
                 .arg(l.plot.left() - 4).arg(y + 3).arg(kTextColor).arg(p);
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"%3\">%4</text>")
                 .arg(l.plot.right() + 4).arg(y + 3).arg(kTextColor).arg(l.maxFailed * p / 100);
    }
    QString points;
    for (qsizetype i = 0; i < n; ++i) {
        const TrendPoint &p = trend.at(i);
        const double bw = l.barWidth(n);
        const double top = l.yFailed(p.failed);
        s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"><title>run %6: %7 failed</title></rect>")
                 .arg(l.x(i, n) - bw / 2).arg(top).arg(bw).arg(l.plot.bottom() - top).arg(kFailBarColor).arg(p.runId).arg(p.failed);
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\" fill=\"%3\">run %4</text>")
                 .arg(l.x(i, n)).arg(l.plot.bottom() + 13).arg(kTextColor).arg(p.runId);
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\" fill=\"%3\">%4</text>")
                 .arg(l.x(i, n)).arg(l.plot.bottom() + 25).arg(kTextColor, p.startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd")));
        if (p.percent)
            points += QStringLiteral("%1,%2 ").arg(l.x(i, n)).arg(l.yPercent(*p.percent));
    }
    s += QStringLiteral("<polyline points=\"%1\" fill=\"none\" stroke=\"%2\" stroke-width=\"2\"/>").arg(points.trimmed(), kScoreColor);
    for (qsizetype i = 0; i < n; ++i) {
        const TrendPoint &p = trend.at(i);
        if (!p.percent)
            continue;
        const double y = l.yPercent(*p.percent);
        s += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"3\" fill=\"%3\"/>").arg(l.x(i, n)).arg(y).arg(kScoreColor);
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\" fill=\"%3\">%4</text>")
                 .arg(l.x(i, n)).arg(y - 6).arg(kScoreColor).arg(*p.percent, 0, 'f', 1);
    }
    const double ly = height - 6;
    s += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"%4\" stroke-width=\"2\"/>")
             .arg(l.plot.left()).arg(ly - 4).arg(l.plot.left() + 18).arg(kScoreColor);
    s += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"%3\">score (left scale)</text>").arg(l.plot.left() + 22).arg(ly).arg(kTextColor);
    s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"18\" height=\"8\" fill=\"%3\"/>").arg(l.plot.left() + 150).arg(ly - 8).arg(kFailBarColor);
    s += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"%3\">failed requirements \u00d7 assets (right scale)</text>")
             .arg(l.plot.left() + 172).arg(ly).arg(kTextColor);
    return s + QStringLiteral("</svg>");
}

QString severityChartSvg(const QList<int> &failedBySeverity, int width, int height)
{
    int maxCount = 1;
    for (int v : failedBySeverity)
        maxCount = std::max(maxCount, v);
    const double labelWidth = 70, countWidth = 50;
    const double rowHeight = double(height) / 5;
    const double barMax = width - labelWidth - countWidth;
    QString s = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %1 %2\" width=\"%1\" height=\"%2\" "
                               "role=\"img\" aria-label=\"Failed results by severity\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"11\">")
                    .arg(width).arg(height);
    for (int row = 0; row < 5; ++row) {
        const auto sev = Severity(4 - row);
        const int count = failedBySeverity.value(int(sev));
        const double y = rowHeight * row;
        const double w = std::max(barMax * double(count) / double(maxCount), 1.0);
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"end\" fill=\"%3\">%4</text>")
                 .arg(labelWidth - 6).arg(y + rowHeight / 2 + 4).arg(kTextColor, severityLabel(sev));
        s += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"/>")
                 .arg(labelWidth).arg(y + rowHeight * 0.2).arg(w).arg(rowHeight * 0.6).arg(severityColor(sev));
        s += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"%3\">%4</text>")
                 .arg(labelWidth + w + 5).arg(y + rowHeight / 2 + 4).arg(kTextColor).arg(count);
    }
    return s + QStringLiteral("</svg>");
}

} // namespace triad::report
