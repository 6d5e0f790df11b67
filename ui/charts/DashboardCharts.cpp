#include "DashboardCharts.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QPalette>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace triad::DashboardCharts {
namespace {

QString tr(const char *text)
{
    return QChart::tr(text);
}

const QList<Severity> kSeverities {Severity::Critical, Severity::High, Severity::Medium, Severity::Low,
                                   Severity::Info};

QString severityLabel(Severity s)
{
    switch (s) {
    case Severity::Critical:
        return QChart::tr("Critical");
    case Severity::High:
        return QChart::tr("High");
    case Severity::Medium:
        return QChart::tr("Medium");
    case Severity::Low:
        return QChart::tr("Low");
    case Severity::Info:
        return QChart::tr("Info");
    }
    return {};
}

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

/// Shows `text` as a tooltip while the mouse is over a bar of `set`.
void tipOnHover(QBarSet *set, std::function<QString(int index)> text)
{
    QObject::connect(set, &QBarSet::hovered, set, [text = std::move(text)](bool over, int index) {
        if (over)
            QToolTip::showText(QCursor::pos(), text(index));
        else
            QToolTip::hideText();
    });
}

/// A value axis from 0 with whole-number ticks, for counts.
QValueAxis *countAxis(int max)
{
    auto *axis = new QValueAxis;
    int top = std::max(4, max + (max + 9) / 10);
    int step = 1; // 1, 2, 5, 10, 20, 50, ...: at most 8 ticks
    for (int i = 0; top / step > 8; ++i)
        step = i % 3 == 1 ? step * 5 / 2 : step * 2;
    top = (top + step - 1) / step * step;
    axis->setRange(0, top);
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    return axis;
}

} // namespace

QColor severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return QColor(0xb7, 0x1c, 0x1c);
    case Severity::High:
        return QColor(0xe5, 0x39, 0x35);
    case Severity::Medium:
        return QColor(0xfb, 0x8c, 0x00);
    case Severity::Low:
        return QColor(0x1e, 0x88, 0xe5);
    case Severity::Info:
        return QColor(0x90, 0xa4, 0xae);
    }
    return {};
}

void followPalette(QChart *chart, const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    const QColor text = palette.color(QPalette::WindowText);
    chart->setBackgroundBrush(window);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setTitleBrush(text);
    QFont title = chart->titleFont();
    title.setBold(true);
    chart->setTitleFont(title);
    chart->legend()->setLabelColor(text);
    QColor grid = text;
    grid.setAlpha(40);
    for (QAbstractSeries *series : chart->series())
        if (auto *line = qobject_cast<QXYSeries *>(series))
            line->setPointLabelsColor(text);
    for (QAbstractSeries *series : chart->series())
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series);
            bars && bars->labelsPosition() == QAbstractBarSeries::LabelsOutsideEnd)
            for (QBarSet *set : bars->barSets())
                set->setLabelColor(text);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setLinePenColor(palette.color(QPalette::Mid));
        axis->setGridLineColor(grid);
        axis->setTitleBrush(text);
    }
}

QChart *scoreTrend(const QList<TemplateTrend> &trends)
{
    QChart *chart = newChart(tr("Score per run (automated requirements)"));
    auto *x = new QValueAxis;
    x->setTitleText(tr("Run"));
    x->setLabelFormat(QStringLiteral("%d"));
    auto *y = new QValueAxis;
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d %"));
    y->setTickCount(6);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    qint64 first = 0;
    qint64 last = 0;
    int points = 0;
    static const QList<QColor> colors {QColor(0x1e, 0x88, 0xe5), QColor(0x8e, 0x24, 0xaa),
                                       QColor(0x00, 0x89, 0x7b), QColor(0xf4, 0x51, 0x1e),
                                       QColor(0x6d, 0x4c, 0x41)};
    for (const TemplateTrend &trend : trends) {
        auto *line = new QLineSeries(chart);
        line->setName(trend.templateId);
        line->setObjectName(trend.templateId);
        for (const ScorePoint &p : trend.points) {
            line->append(double(p.runId), std::round(p.percent * 10) / 10);
            first = first ? std::min(first, p.runId) : p.runId;
            last = std::max(last, p.runId);
            ++points;
        }
        line->setPointsVisible(true);
        QPen pen(colors.at(chart->series().size() % colors.size()), 2.5);
        line->setPen(pen);
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        if (trend.points.size() <= 12) {
            line->setPointLabelsVisible(true);
            line->setPointLabelsFormat(QStringLiteral("@yPoint %"));
            line->setPointLabelsClipping(false);
        }
    }
    x->setRange(double(first) - 0.5, double(last) + 0.5);
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(double(first));
    x->setTickInterval(std::max<qint64>(1, (last - first) / 10 + 1));
    chart->legend()->setVisible(trends.size() > 1 || points > 0);
    return chart;
}

QChart *issueEvents(const QList<RunEventCounts> &allRuns, std::function<void(qint64, IssueEvent)> onClick)
{
    const QList<RunEventCounts> runs
        = allRuns.size() > kMaxRuns ? allRuns.mid(allRuns.size() - kMaxRuns) : allRuns;
    QChart *chart = newChart(allRuns.size() > kMaxRuns
                                 ? tr("Issues opened, fixed and regressed (last %1 runs)").arg(kMaxRuns)
                                 : tr("Issues opened, fixed and regressed per run"));
    auto *series = new QStackedBarSeries(chart);
    struct Kind {
        IssueEvent event;
        QString label;
        QColor color;
        int RunEventCounts::*count;
    };
    const QList<Kind> kinds {
        {IssueEvent::Opened, tr("Opened"), QColor(0xe5, 0x39, 0x35), &RunEventCounts::opened},
        {IssueEvent::Fixed, tr("Fixed"), QColor(0x43, 0xa0, 0x47), &RunEventCounts::fixed},
        {IssueEvent::Regressed, tr("Regressed"), QColor(0x8e, 0x24, 0xaa), &RunEventCounts::regressed}};
    QStringList categories;
    int max = 0;
    for (const RunEventCounts &r : runs) {
        categories << QString::number(r.runId); // "Run 12" would be elided under twenty bars
        max = std::max(max, r.opened + r.fixed + r.regressed);
    }
    for (const Kind &kind : kinds) {
        auto *set = new QBarSet(kind.label, series);
        set->setObjectName(toString(kind.event));
        set->setColor(kind.color);
        set->setBorderColor(kind.color);
        for (const RunEventCounts &r : runs)
            *set << r.*kind.count;
        QObject::connect(set, &QBarSet::clicked, set, [runs, onClick, event = kind.event](int index) {
            if (index >= 0 && index < runs.size())
                onClick(runs.at(index).runId, event);
        });
        tipOnHover(set, [runs, kind](int index) {
            const RunEventCounts &r = runs.at(index);
            return QChart::tr("Run %1 (%2, %3): %4 %5. Click to list them.")
                .arg(r.runId)
                .arg(r.templateId, r.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                .arg(r.*kind.count)
                .arg(kind.label.toLower());
        });
        series->append(set);
    }
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(tr("Run"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QValueAxis *y = countAxis(max);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    return chart;
}

QChart *severityBreakdown(const QMap<Severity, int> &counts, std::function<void(Severity)> onClick)
{
    int total = 0;
    for (int n : counts)
        total += n;
    QChart *chart = newChart(tr("Open issues by severity (%1)").arg(total));
    // Horizontal, so that the severity names have room; one set per severity with a value in its
    // own row only, so that each bar has its colour. Bar categories grow upwards: critical last.
    auto *series = new QHorizontalStackedBarSeries(chart);
    const QList<Severity> bottomUp(kSeverities.crbegin(), kSeverities.crend());
    QStringList categories;
    int max = 0;
    for (Severity s : bottomUp) {
        categories << severityLabel(s);
        max = std::max(max, counts.value(s));
    }
    for (int row = 0; row < bottomUp.size(); ++row) {
        const Severity s = bottomUp.at(row);
        auto *set = new QBarSet(severityLabel(s), series);
        set->setObjectName(toString(s));
        set->setColor(severityColor(s));
        set->setBorderColor(severityColor(s));
        for (int i = 0; i < bottomUp.size(); ++i)
            *set << (i == row ? counts.value(s) : 0);
        QObject::connect(set, &QBarSet::clicked, set, [onClick, s](int) { onClick(s); });
        tipOnHover(set, [counts, s](int) {
            return QChart::tr("%1 open %2 issue(s). Click to list them.")
                .arg(counts.value(s))
                .arg(toString(s));
        });
        series->append(set);
    }
    series->setBarWidth(0.7);
    // The count beside each bar; followPalette() gives it the text colour.
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    y->setGridLineVisible(false);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    QValueAxis *x = countAxis(max);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    chart->legend()->setVisible(false);
    return chart;
}

QChart *topChecks(const QList<CheckIssueCount> &checks, std::function<void(const QString &)> onClick)
{
    QChart *chart
        = newChart(QChart::tr("Top %n failing check(s) by open issues", nullptr, int(checks.size())));
    auto *series = new QHorizontalStackedBarSeries(chart);
    // Bar categories grow upwards: the most failing check goes last so that it is drawn on top.
    QList<CheckIssueCount> bottomUp(checks.crbegin(), checks.crend());
    QStringList categories;
    int max = 0;
    for (const CheckIssueCount &c : bottomUp) {
        // The bar shows the count (and the tooltip the title): the label only needs the id.
        categories << c.checkId;
        max = std::max(max, c.issues);
    }
    for (Severity s : kSeverities) {
        bool any = false;
        auto *set = new QBarSet(severityLabel(s), series);
        set->setObjectName(toString(s));
        set->setColor(severityColor(s));
        set->setBorderColor(severityColor(s));
        for (const CheckIssueCount &c : bottomUp) {
            *set << (c.severity == s ? c.issues : 0);
            any |= c.severity == s;
        }
        if (!any) {
            delete set;
            continue;
        }
        QObject::connect(set, &QBarSet::clicked, set, [bottomUp, onClick](int index) {
            if (index >= 0 && index < bottomUp.size())
                onClick(bottomUp.at(index).checkId);
        });
        tipOnHover(set, [bottomUp](int index) {
            const CheckIssueCount &c = bottomUp.at(index);
            return QChart::tr("%1\n%2\n%3 open issue(s) on %4 asset(s), %5. Click to list them.")
                .arg(c.checkId, c.title)
                .arg(c.issues)
                .arg(c.assets)
                .arg(toString(c.severity));
        });
        series->append(set);
    }
    // Bars as thick as ten would be, when there are fewer.
    series->setBarWidth(std::clamp(0.07 * double(checks.size()), 0.3, 0.7));
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    y->setGridLineVisible(false);
    QFont small = y->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    y->setLabelsFont(small);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    QValueAxis *x = countAxis(max);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    return chart;
}

} // namespace triad::DashboardCharts
