#pragma once

#include "ui/DashboardQueries.h"

#include <QColor>

#include <functional>

class QChart;
class QPalette;

namespace triad {

/// The Qt Charts of the dashboard, built from the data the queries read. Each bar chart calls
/// back with what was clicked, so that the dashboard can open the Issues view filtered by it.
/// Every QBarSet carries an objectName (the event or severity word) for tests and accessibility.
namespace DashboardCharts {
/// Score per run, one line per template (automated requirements, in percent).
QChart *scoreTrend(const QList<TemplateTrend> &trends);
/// Issues opened, fixed and regressed per run (the last kMaxRuns runs), stacked.
QChart *issueEvents(const QList<RunEventCounts> &runs,
                    std::function<void(qint64 runId, IssueEvent event)> onClick);
/// Open issues per severity, most severe first.
QChart *severityBreakdown(const QMap<Severity, int> &counts, std::function<void(Severity severity)> onClick);
/// The checks with the most open issues, the most at the top, coloured by severity.
QChart *topChecks(const QList<CheckIssueCount> &checks, std::function<void(const QString &checkId)> onClick);
/// Light or dark chart theme following the widget palette (called again when it changes).
void followPalette(QChart *chart, const QPalette &palette);
QColor severityColor(Severity severity);
inline constexpr int kMaxRuns = 20;
} // namespace DashboardCharts

} // namespace triad
