#include "CompareView.h"

#include "models/ComparisonModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPointer>
#include <QSet>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace triad {
namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString runLabel(const RunInfo &run)
{
    return QObject::tr("Run %1 · %2 · %3")
        .arg(run.id)
        .arg(run.templateId, run.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

QString statusCell(const std::optional<CheckStatus> &status)
{
    return status ? QStringLiteral("<b>%1</b>").arg(esc(toString(*status)))
                  : QObject::tr("<i>not in this run</i>");
}

QString evidenceCell(const QList<EvidenceDigest> &digests, const QList<EvidenceDigest> &other)
{
    if (digests.isEmpty())
        return QObject::tr("<i>none recorded</i>");
    QSet<QString> otherHashes;
    for (const EvidenceDigest &d : other)
        otherHashes.insert(d.sha256);
    QStringList lines;
    for (const EvidenceDigest &d : digests) {
        // A digest the other side does not have is output that changed: marked, not coloured,
        // so that it reads in any palette.
        const bool changed = !other.isEmpty() && !otherHashes.contains(d.sha256);
        lines << QStringLiteral("%1<br><code>%2</code>%3")
                     .arg(esc(d.collectorKey), esc(d.sha256),
                          changed ? QObject::tr(" <b>(changed)</b>") : QString());
    }
    return lines.join(QStringLiteral("<br>"));
}

} // namespace

CompareView::CompareView(QWidget *parent) : QWidget(parent)
{
    buildUi();
}

void CompareView::buildUi()
{
    m_model = new ComparisonModel(this);
    m_proxy = new ComparisonFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);

    m_empty = new QLabel(m_stack);
    m_empty->setObjectName(QStringLiteral("compareEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_empty);

    auto *page = new QWidget(m_stack);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);

    auto *runBar = new QHBoxLayout;
    auto *fromLabel = new QLabel(tr("Compare &before:"), page);
    m_runA = new QComboBox(page);
    m_runA->setObjectName(QStringLiteral("compareRunA"));
    m_runA->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fromLabel->setBuddy(m_runA);
    auto *toLabel = new QLabel(tr("&after:"), page);
    m_runB = new QComboBox(page);
    m_runB->setObjectName(QStringLiteral("compareRunB"));
    m_runB->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    toLabel->setBuddy(m_runB);
    m_swap = new QToolButton(page);
    m_swap->setText(tr("Swap"));
    m_swap->setToolTip(tr("Exchange the two runs"));
    m_summary = new QLabel(page);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    runBar->addWidget(fromLabel);
    runBar->addWidget(m_runA);
    runBar->addWidget(toLabel);
    runBar->addWidget(m_runB);
    runBar->addWidget(m_swap);
    runBar->addSpacing(12);
    runBar->addWidget(m_summary, 1);
    pageLayout->addLayout(runBar);

    auto *filterBar = new QHBoxLayout;
    m_tabs = new QTabBar(page);
    m_tabs->setObjectName(QStringLiteral("compareTabs"));
    m_tabs->setDrawBase(false);
    m_tabs->setExpanding(false);
    m_tabs->addTab(QString());
    for (int k = 0; k < kChangeKindCount; ++k)
        m_tabs->addTab(QString());
    m_asset = new QComboBox(page);
    m_asset->setObjectName(QStringLiteral("compareAsset"));
    m_asset->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_severity = new QComboBox(page);
    m_severity->setObjectName(QStringLiteral("compareSeverity"));
    m_severity->addItem(tr("Every severity"), -1);
    for (Severity s : {Severity::Critical, Severity::High, Severity::Medium, Severity::Low})
        m_severity->addItem(tr("%1 and above").arg(toString(s)), int(s));
    filterBar->addWidget(m_tabs, 1);
    filterBar->addWidget(m_asset);
    filterBar->addWidget(m_severity);
    pageLayout->addLayout(filterBar);

    auto *splitter = new QSplitter(Qt::Vertical, page);
    m_table = new QTableView(splitter);
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setTabKeyNavigation(false);   // Tab moves on; arrow keys move in the table
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ComparisonModel::Change, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_detail = new QTextBrowser(splitter);
    m_detail->setObjectName(QStringLiteral("compareDetail"));
    m_detail->setOpenLinks(false);
    m_detail->setPlaceholderText(
        tr("Select a row to see its status, actual value and evidence in both runs."));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    pageLayout->addWidget(splitter, 1);
    m_stack->addWidget(page);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);

    // Ctrl+PgDown / Ctrl+PgUp step through the kinds of change, as in tabbed editors.
    auto *nextTab = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown), this);
    nextTab->setContext(Qt::WidgetWithChildrenShortcut);
    connect(nextTab, &QShortcut::activated, this,
            [this] { m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count()); });
    auto *previousTab = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp), this);
    previousTab->setContext(Qt::WidgetWithChildrenShortcut);
    connect(previousTab, &QShortcut::activated, this, [this] {
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
    });

    setTabOrder(m_runA, m_runB);
    setTabOrder(m_runB, m_swap);
    setTabOrder(m_swap, m_tabs);
    setTabOrder(m_tabs, m_asset);
    setTabOrder(m_asset, m_severity);
    setTabOrder(m_severity, m_table);
    setTabOrder(m_table, m_detail);

    auto runChanged = [this] {
        if (!m_settingRuns)
            requestComparison();
    };
    connect(m_runA, &QComboBox::currentIndexChanged, this, runChanged);
    connect(m_runB, &QComboBox::currentIndexChanged, this, runChanged);
    connect(m_swap, &QToolButton::clicked, this,
            [this] { compare(m_runB->currentData().toLongLong(), m_runA->currentData().toLongLong()); });
    // After a filter change the detail pane follows the first row the filter leaves.
    connect(m_tabs, &QTabBar::currentChanged, this, [this](int tab) {
        m_proxy->setKind(tab - 1);
        selectRow(0);
    });
    connect(m_asset, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setAsset(m_asset->currentData().toString());
        selectRow(0);
    });
    connect(m_severity, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setMinimumSeverity(m_severity->currentData().toInt());
        selectRow(0);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (const ComparisonRow *row = m_model->rowAt(m_proxy->mapToSource(current).row()))
                    showDetail(*row);
                else
                    m_detail->clear();
            });
    updateTabs();
}

void CompareView::setProject(const QString &path, const QList<RunInfo> &runs)
{
    m_path = path;
    m_runs = runs;
    std::sort(m_runs.begin(), m_runs.end(), [](const RunInfo &a, const RunInfo &b) { return a.id > b.id; });
    m_settingRuns = true;
    m_runA->clear();
    m_runB->clear();
    for (const RunInfo &run : std::as_const(m_runs)) {
        m_runA->addItem(runLabel(run), run.id);
        m_runB->addItem(runLabel(run), run.id);
    }
    m_settingRuns = false;
    const auto [a, b] = CompareQueries::defaultPair(m_runs);
    if (a == 0) {
        ++m_generation;
        m_model->clear();
        m_data = {};
        m_empty->setText(
            m_runs.isEmpty()
                ? tr("<h2>Nothing to compare yet</h2><p>This project has no assessment. Run one, "
                     "fix what it finds, and run it again: this page then shows what was fixed, "
                     "what is new and what regressed.</p>")
                : tr("<h2>Only one run so far</h2><p>Comparing needs two runs. Run the "
                     "assessment again (for example <code>triad-cli scan %1 --template %2</code>) "
                     "after fixing some of its findings.</p>")
                      .arg(esc(path), esc(m_runs.first().templateId)));
        m_stack->setCurrentWidget(m_empty);
        updateTabs();
        emit comparisonLoaded(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    compare(a, b);
}

void CompareView::clear()
{
    m_path.clear();
    m_runs.clear();
    ++m_generation;
    m_data = {};
    m_model->clear();
    m_detail->clear();
    updateTabs();
}

void CompareView::compare(qint64 runA, qint64 runB)
{
    const int a = m_runA->findData(runA);
    const int b = m_runB->findData(runB);
    if (a < 0 || b < 0)
        return;
    m_settingRuns = true;
    m_runA->setCurrentIndex(a);
    m_runB->setCurrentIndex(b);
    m_settingRuns = false;
    requestComparison();
}

void CompareView::requestComparison()
{
    const qint64 runA = m_runA->currentData().toLongLong();
    const qint64 runB = m_runB->currentData().toLongLong();
    if (m_path.isEmpty() || runA == 0 || runB == 0)
        return;
    if (runA == runB) {
        ++m_generation;
        m_model->clear();
        m_data = {};
        updateTabs();
        setStatus(tr("Choose two different runs: the earlier one as “before”, the later one as “after”."));
        emit comparisonLoaded(0);
        return;
    }
    const quint64 generation = ++m_generation;
    setStatus(tr("Comparing run %1 with run %2…").arg(runA).arg(runB));
    QPointer<CompareView> self(this);
    CompareQueries::compare(m_path, runA, runB)
        .then(this, [self, generation](const Result<RunComparisonData> &answer) {
            if (!self || self->m_generation != generation)
                return; // the user chose other runs meanwhile
            if (!answer) {
                self->m_model->clear();
                self->m_data = {};
                self->updateTabs();
                self->setStatus(tr("Cannot compare the runs: %1").arg(answer.error().toString()), true);
                emit self->comparisonLoaded(0);
                return;
            }
            self->setStatus({});
            self->showComparison(*answer);
        });
}

void CompareView::showComparison(const RunComparisonData &comparison)
{
    m_data = comparison;
    m_model->setRows(comparison.rows);
    m_detail->clear();

    // The asset filter offers the assets that have changes; the chosen one stays when it can.
    const QString chosen = m_asset->currentData().toString();
    QStringList assets;
    for (const ComparisonRow &row : comparison.rows)
        assets << row.assetName;
    assets.removeDuplicates();
    assets.sort();
    QSignalBlocker blocker(m_asset);
    m_asset->clear();
    m_asset->addItem(tr("Every asset"), QString());
    for (const QString &asset : std::as_const(assets))
        m_asset->addItem(asset, asset);
    m_asset->setCurrentIndex(std::max(0, m_asset->findData(chosen)));
    m_proxy->setAsset(m_asset->currentData().toString());

    QString summary
        = tr("Run %1 (%2) → run %3 (%4)")
              .arg(comparison.runA.id)
              .arg(comparison.runA.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")))
              .arg(comparison.runB.id)
              .arg(comparison.runB.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")));
    if (comparison.runA.templateId != comparison.runB.templateId)
        summary += tr(" · different templates (%1, %2): only checks both share can match")
                       .arg(comparison.runA.templateId, comparison.runB.templateId);
    m_summary->setText(summary);
    updateTabs();
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(ComparisonModel::Subject,
                            std::min(m_table->columnWidth(ComparisonModel::Subject), 220));
    m_table->setColumnWidth(ComparisonModel::Check,
                            std::min(m_table->columnWidth(ComparisonModel::Check), 320));
    if (m_proxy->rowCount() > 0)
        selectRow(0);
    else if (comparison.rows.isEmpty())
        m_detail->setHtml(tr("<p>No difference in failures or evidence between run %1 and run %2.</p>")
                              .arg(comparison.runA.id)
                              .arg(comparison.runB.id));
    emit comparisonLoaded(int(comparison.rows.size()));
}

void CompareView::updateTabs()
{
    m_tabs->setTabText(0, tr("All (%1)").arg(m_data.rows.size()));
    for (int k = 0; k < kChangeKindCount; ++k) {
        const auto kind = ChangeKind(k);
        m_tabs->setTabText(k + 1, tr("%1 (%2)").arg(changeKindName(kind)).arg(m_data.count(kind)));
    }
}

void CompareView::showKind(int kind)
{
    m_tabs->setCurrentIndex(kind + 1);
}

void CompareView::setAssetFilter(const QString &asset)
{
    m_asset->setCurrentIndex(std::max(0, m_asset->findData(asset)));
}

void CompareView::setMinimumSeverity(int severity)
{
    m_severity->setCurrentIndex(std::max(0, m_severity->findData(severity)));
}

void CompareView::selectRow(int row)
{
    const QModelIndex target = m_proxy->index(row, 0);
    if (!target.isValid()) {
        m_detail->clear();
        return;
    }
    if (m_table->currentIndex().row() == row) {
        // Already current (a filter change kept it there): no signal would redraw the pane.
        if (const ComparisonRow *shown = m_model->rowAt(m_proxy->mapToSource(target).row()))
            showDetail(*shown);
    }
    m_table->selectionModel()->setCurrentIndex(
        target, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void CompareView::showDetail(const ComparisonRow &row)
{
    const bool evidence = row.kind == ChangeKind::Evidence;
    QString html;
    if (evidence) {
        html = tr("<h3>Changed output of %1</h3><p>%2 · asset %3</p><p><code>$ %4</code></p>")
                   .arg(esc(row.collectorKey), esc(changeKindName(row.kind)), esc(row.assetName),
                        esc(row.command));
    } else {
        html = QStringLiteral("<h3>%1</h3><p><b>%2</b> · %3 · severity %4 · asset %5%6</p>")
                   .arg(esc(row.title), esc(changeKindName(row.kind)), esc(row.checkId),
                        esc(toString(row.severity)), esc(row.assetName),
                        row.subject.isEmpty() ? QString() : tr(" · subject %1").arg(esc(row.subject)));
    }
    html += tr("<table cellpadding=4 cellspacing=0 border=1 width=100%><tr><th></th><th align=left>Before: "
               "run %1</th>"
               "<th align=left>After: run %2</th></tr>")
                .arg(m_data.runA.id)
                .arg(m_data.runB.id);
    if (!evidence) {
        html += tr("<tr><td><b>Status</b></td><td>%1</td><td>%2</td></tr>")
                    .arg(statusCell(row.before), statusCell(row.after));
        html += tr("<tr><td><b>Actual</b></td><td>%1</td><td>%2</td></tr>")
                    .arg(row.before ? esc(row.actualBefore) : QString(),
                         row.after ? esc(row.actualAfter) : QString());
    }
    html += tr("<tr><td><b>Evidence</b></td><td>%1</td><td>%2</td></tr></table>")
                .arg(evidenceCell(row.evidenceBefore, row.evidenceAfter),
                     evidenceCell(row.evidenceAfter, row.evidenceBefore));
    m_detail->setHtml(html);
    emit detailShown(int(row.kind));
}

void CompareView::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
    m_status->setVisible(!text.isEmpty());
}

} // namespace triad
