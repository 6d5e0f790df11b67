#include "RunTimingPane.h"

#include "AssessmentQueries.h"

#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QTableWidget>
#include <QVBoxLayout>

namespace triad {

namespace {

constexpr int kTopCollectors = 10;

QString milliseconds(qint64 ms)
{
    return ms >= 10000 ? QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1) : QStringLiteral("%1 ms").arg(ms);
}

QString kib(qint64 bytes)
{
    return QStringLiteral("%1 KiB").arg((bytes + 1023) / 1024);
}

QTableWidget *makeTable(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setTabKeyNavigation(false);      // Tab leaves the table, as everywhere in Triad
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void setRow(QTableWidget *table, int row, const QStringList &cells)
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells.at(c));
        if (c > 0)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(row, c, item);
    }
}

QStringList timingCells(const QString &name, const QString &status, const AssetTimings &t)
{
    return {name, status, milliseconds(t.connectMs), milliseconds(t.authMs), milliseconds(t.collectMs),
            milliseconds(t.evaluateMs), milliseconds(t.storeMs), kib(t.bytesSent), kib(t.bytesReceived),
            QString::number(t.commands)};
}

} // namespace

RunTimingPane::RunTimingPane(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_heading = new QLabel(tr("Select a run to see where its time went."), this);
    m_heading->setObjectName(QStringLiteral("runTimingHeading"));
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);
    m_assets = makeTable({tr("Asset"), tr("Status"), tr("Connect"), tr("Auth"), tr("Collect"), tr("Evaluate"), tr("Store"),
                          tr("Sent"), tr("Received"), tr("Commands")},
                         QStringLiteral("runTimingAssets"), this);
    layout->addWidget(m_assets, 3);
    auto *slowest = new QLabel(tr("Slowest collectors (time summed over assets):"), this);
    layout->addWidget(slowest);
    m_collectors = makeTable({tr("Collector"), tr("Total"), tr("Max on one asset"), tr("Assets"), tr("Command")},
                             QStringLiteral("runTimingCollectors"), this);
    layout->addWidget(m_collectors, 2);
}

QString RunTimingPane::headingText() const
{
    return m_heading->text();
}

void RunTimingPane::showRun(const QString &path, qint64 runId)
{
    const quint64 generation = ++m_generation;
    m_assets->setRowCount(0);
    m_collectors->setRowCount(0);
    if (runId <= 0) {
        m_heading->setText(tr("Select a run to see where its time went."));
        return;
    }
    m_heading->setText(tr("Reading the timings of run %1…").arg(runId));
    QPointer<RunTimingPane> self(this);
    AssessmentQueries::loadTimings(path, runId, kTopCollectors).then(this, [self, generation, runId](const Result<RunTimings> &timings) {
        if (!self || generation != self->m_generation)
            return;
        if (!timings) {
            self->m_heading->setText(tr("The timings of run %1 could not be read: %2").arg(runId).arg(timings.error().toString()));
            emit self->timingsShown(runId, false);
            return;
        }
        self->fill(*timings);
        emit self->timingsShown(runId, true);
    });
}

void RunTimingPane::fill(const RunTimings &timings)
{
    m_heading->setText(tr("Run %1: %2 %3, %4 asset(s), wall time %5")
                           .arg(timings.run.id)
                           .arg(timings.run.templateId, timings.run.templateVersion)
                           .arg(timings.assets.size())
                           .arg(timings.wallMs < 0 ? tr("(not finished)") : milliseconds(timings.wallMs)));
    const bool withSum = timings.assets.size() > 1;
    m_assets->setRowCount(int(timings.assets.size()) + (withSum ? 1 : 0));
    int row = 0;
    for (const AssetRunRecord &a : timings.assets)
        setRow(m_assets, row++, timingCells(a.assetName, toString(a.status), a.timings));
    if (withSum)
        setRow(m_assets, row, timingCells(tr("(sum over assets)"), QString(), timings.sum));
    m_assets->resizeColumnsToContents();
    m_collectors->setRowCount(int(timings.slowest.size()));
    row = 0;
    for (const CollectorTime &c : timings.slowest)
        setRow(m_collectors, row++, {c.collectorKey, milliseconds(c.totalMs), milliseconds(c.maxMs), QString::number(c.assets),
                                     c.command.simplified()});
    for (int r = 0; r < m_collectors->rowCount(); ++r)
        m_collectors->item(r, 4)->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);    // a command reads left to right
    m_collectors->resizeColumnsToContents();
}

} // namespace triad
