#include "DashboardView.h"

#include "charts/DashboardCharts.h"
#include "charts/HeatMapWidget.h"
#include "charts/KeyboardChartView.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPointer>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace triad {

DashboardView::DashboardView(QWidget *parent) : QWidget(parent)
{
    buildUi();
}

void DashboardView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("dashboardSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("dashboardStatus"));
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);

    m_stack = new QStackedWidget(this);
    m_empty = new QLabel(m_stack);
    m_empty->setObjectName(QStringLiteral("dashboardEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stack->addWidget(m_empty);

    auto *scroll = new QScrollArea(m_stack);
    scroll->setObjectName(QStringLiteral("dashboardScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *charts = new QWidget(scroll);
    auto *grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    auto makeView = [charts](const char *name, const QString &accessibleName) {
        // Keyboard users choose a bar with the arrow keys and press Enter for what a click does.
        auto *view = new KeyboardChartView(charts);
        view->setObjectName(QLatin1String(name));
        view->setAccessibleName(accessibleName);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(320, 260);
        view->setFrameShape(QFrame::NoFrame);
        return view;
    };
    m_trend = makeView("scoreTrendChart", tr("Score trend per template"));
    m_events = makeView("issueEventsChart", tr("Issues opened, fixed and regressed per run"));
    m_severity = makeView("severityChart", tr("Open issues by severity"));
    m_topChecks = makeView("topChecksChart", tr("Top failing checks"));
    m_heatTitle = new QLabel(charts);
    m_heatTitle->setObjectName(QStringLiteral("heatMapTitle"));
    m_heatTitle->setWordWrap(true);
    m_heatMap = new HeatMapWidget(charts);
    m_heatMap->setMinimumHeight(220);
    // Three charts side by side; below them the top checks and the heat map, which needs the
    // width for its requirement columns.
    auto *heat = new QVBoxLayout;
    heat->addWidget(m_heatTitle);
    heat->addWidget(m_heatMap, 1);
    grid->addWidget(m_trend, 0, 0);
    grid->addWidget(m_events, 0, 1);
    grid->addWidget(m_severity, 0, 2);
    grid->addWidget(m_topChecks, 1, 0);
    grid->addLayout(heat, 1, 1, 1, 2);
    grid->setRowStretch(0, 2);
    grid->setRowStretch(1, 3);
    // The first column is a little wider: the top checks' ids are long.
    grid->setColumnStretch(0, 5);
    grid->setColumnStretch(1, 4);
    grid->setColumnStretch(2, 4);
    // Ten horizontal bars need room for their check ids to be readable.
    m_topChecks->setMinimumHeight(m_topChecks->fontMetrics().height() * 3 * DashboardQueries::kTopChecks / 2
                                  + 80);
    scroll->setWidget(charts);
    m_stack->addWidget(scroll);
    layout->addWidget(m_stack, 1);

    connect(m_heatMap, &HeatMapWidget::cellClicked, this,
            [this](const QString &asset, const QString &requirement) {
                IssueFilter filter = DashboardQueries::openIssues();
                filter.assetName = asset;
                emit issuesRequested(filter, requirement);
            });
    clear();
}

void DashboardView::setProject(const QString &path)
{
    m_path = path;
    reload();
}

void DashboardView::clear()
{
    m_path.clear();
    ++m_generation;
    m_data = {};
    m_summary->clear();
    m_empty->setText(tr("<h3>No project open</h3><p>Open a project to see its dashboard.</p>"));
    m_stack->setCurrentWidget(m_empty);
}

void DashboardView::reload()
{
    if (m_path.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    setStatus(tr("Reading the project…"));
    QPointer<DashboardView> self(this);
    const QString path = m_path;
    DashboardQueries::load(path).then(this, [self, generation, path](const Result<DashboardData> &data) {
        if (!self || self->m_generation != generation)
            return;
        if (!data) {
            self->setStatus(tr("Cannot read the dashboard of %1: %2").arg(path, data.error().toString()),
                            true);
            emit self->dashboardLoaded();
            return;
        }
        self->setStatus({});
        self->showData(*data);
        if (data->runs.isEmpty()) {
            emit self->dashboardLoaded();
            return;
        }
        // The trends read every result of every run: they follow when ready.
        DashboardQueries::loadTrends(path, data->runs)
            .then(self, [self, generation, path](const Result<TrendData> &trends) {
                if (!self || self->m_generation != generation)
                    return;
                if (!trends) {
                    self->setStatus(
                        tr("Cannot compute the scores of %1: %2").arg(path, trends.error().toString()), true);
                } else {
                    self->m_data.trends = trends->trends;
                    self->m_trendElapsedMs = trends->elapsedMs;
                    self->setChart(self->m_trend, DashboardCharts::scoreTrend(trends->trends));
                }
                emit self->dashboardLoaded();
            });
    });
}

void DashboardView::setChart(QChartView *view, QChart *chart)
{
    QChart *old = view->chart();
    DashboardCharts::followPalette(chart, palette());
    view->setChart(chart);
    delete old;
}

void DashboardView::showData(const DashboardData &data)
{
    m_data = data;
    if (data.runs.isEmpty()) {
        m_summary->clear();
        m_empty->setText(
            tr("<h3>No assessment yet</h3><p>The dashboard shows scores, issues and a heat map once "
               "an assessment has run.</p><p>Run one, e.g. <code>triad-cli scan %1 --template "
               "cis-linux</code></p>")
                .arg(m_path.toHtmlEscaped()));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    const RunInfo &latest = data.runs.last();
    int open = 0;
    for (int n : data.openBySeverity)
        open += n;
    m_summary->setText(
        tr("%n run(s) · latest: run %1, %2, %3 · %4 open issue(s) · click a bar or a cell (or choose it "
           "with the arrow keys and press Enter) to list its issues",
           nullptr, int(data.runs.size()))
            .arg(latest.id)
            .arg(latest.templateId.toHtmlEscaped(),
                 latest.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
            .arg(open));
    m_summary->setToolTip(tr("Read in %1 ms").arg(data.elapsedMs));

    QChart *pending = DashboardCharts::scoreTrend({});
    pending->setTitle(
        tr("Score per run: computing the scores of %n run(s)…", nullptr, int(data.runs.size())));
    setChart(m_trend, pending);
    QPointer<DashboardView> self(this);
    setChart(m_events, DashboardCharts::issueEvents(data.events, [self](qint64 runId, IssueEvent event) {
                 if (!self)
                     return;
                 IssueFilter filter;
                 filter.eventRunId = runId;
                 filter.event = event;
                 emit self->issuesRequested(filter, {});
             }));
    setChart(m_severity, DashboardCharts::severityBreakdown(data.openBySeverity, [self](Severity severity) {
                 if (!self)
                     return;
                 IssueFilter filter = DashboardQueries::openIssues();
                 filter.severity = severity;
                 emit self->issuesRequested(filter, {});
             }));
    setChart(m_topChecks, DashboardCharts::topChecks(data.topChecks, [self](const QString &checkId) {
                 if (!self)
                     return;
                 IssueFilter filter = DashboardQueries::openIssues();
                 filter.checkId = checkId;
                 emit self->issuesRequested(filter, {});
             }));
    m_heatMap->setData(data.heatMap);
    m_heatTitle->setText(
        data.heatMap.isEmpty()
            ? tr("<b>Assets × requirements</b>: run %1 has no results mapped to requirements.").arg(latest.id)
            : tr("<b>Assets × requirements</b> of run %1 (%2): worst verdict of each requirement's checks, "
                 "most failing first")
                  .arg(latest.id)
                  .arg(latest.templateId.toHtmlEscaped()));
    m_stack->setCurrentIndex(1);
}

void DashboardView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        for (QChartView *view : {m_trend, m_events, m_severity, m_topChecks})
            if (view && view->chart())
                DashboardCharts::followPalette(view->chart(), palette());
    }
    QWidget::changeEvent(event);
}

void DashboardView::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
    m_status->setVisible(!text.isEmpty());
}

} // namespace triad
