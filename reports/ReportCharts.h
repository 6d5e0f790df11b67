#pragma once

// The two charts of the executive summary, drawn for print: as QPainter vector paths (PDF) and
// as inline SVG (HTML), from the same data and the same layout rules.

#include "ReportModel.h"

#include <QRectF>
#include <QString>

class QPainter;

namespace triad::report {

/// Score per run (line, 0..100 %) with the failed requirement count as bars behind it.
void drawTrendChart(QPainter &painter, const QRectF &rect, const QList<TrendPoint> &trend);
/// Failed results per severity, critical first, as horizontal bars.
void drawSeverityChart(QPainter &painter, const QRectF &rect, const QList<int> &failedBySeverity);

QString trendChartSvg(const QList<TrendPoint> &trend, int width, int height);
QString severityChartSvg(const QList<int> &failedBySeverity, int width, int height);

/// Print colours of the five severities (info .. critical) and of the statuses.
QString severityColor(Severity severity);
QString statusColor(const QString &status);

} // namespace triad::report
