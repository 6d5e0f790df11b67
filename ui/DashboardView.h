#pragma once

#include "DashboardQueries.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QStackedWidget;

namespace triad {

class HeatMapWidget;

/// The landing page of an open project: score trend per template, issues opened / fixed /
/// regressed per run, open issues by severity, the top failing checks and an asset x requirement
/// heat map of the latest run. Everything is aggregated in SQL on a worker thread. Clicking a
/// bar or a cell, or choosing it with the arrow keys and pressing Enter, asks for the Issues view
/// filtered by it (issuesRequested).
class DashboardView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardView)
public:
    explicit DashboardView(QWidget *parent = nullptr);

    void setProject(const QString &path);
    void clear();
    /// Reads the project again (after a scan or a waiver).
    void reload();

    [[nodiscard]] const DashboardData &data() const { return m_data; }
    /// How long the score trends took to compute (after the rest was shown).
    [[nodiscard]] qint64 trendElapsedMs() const { return m_trendElapsedMs; }
    [[nodiscard]] QChartView *scoreTrendView() const { return m_trend; }
    [[nodiscard]] QChartView *issueEventsView() const { return m_events; }
    [[nodiscard]] QChartView *severityView() const { return m_severity; }
    [[nodiscard]] QChartView *topChecksView() const { return m_topChecks; }
    [[nodiscard]] HeatMapWidget *heatMap() const { return m_heatMap; }

signals:
    /// The charts show the project (or its empty state, or an error).
    void dashboardLoaded();
    /// A chart element was clicked: show these issues; `requirementId` narrows them to the checks
    /// a template requirement maps to (resolved by the Issues view with the catalog).
    void issuesRequested(const IssueFilter &filter, const QString &requirementId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void showData(const DashboardData &data);
    void setChart(QChartView *view, QChart *chart);
    void setStatus(const QString &text, bool error = false);

    QString m_path;
    quint64 m_generation = 0; ///< answers to an older request are dropped
    DashboardData m_data;
    qint64 m_trendElapsedMs = 0;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_heatTitle = nullptr;
    QLabel *m_status = nullptr;
    QChartView *m_trend = nullptr;
    QChartView *m_events = nullptr;
    QChartView *m_severity = nullptr;
    QChartView *m_topChecks = nullptr;
    HeatMapWidget *m_heatMap = nullptr;
};

} // namespace triad
