#include "IssuesView.h"

#include "CheckDetailHtml.h"
#include "IssueQueries.h"
#include "WaiverDialog.h"
#include "models/IssueTableModel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace triad {
namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString eventColor(IssueEvent event)
{
    switch (event) {
    case IssueEvent::Opened:
    case IssueEvent::Regressed:
        return QStringLiteral("#c62828");
    case IssueEvent::Fixed:
        return QStringLiteral("#2e7d32");
    case IssueEvent::Waived:
    case IssueEvent::Unwaived:
        return QStringLiteral("#6a1b9a");
    }
    return {};
}

} // namespace

IssuesView::IssuesView(QWidget *parent) : QWidget(parent)
{
    buildUi();
}

void IssuesView::buildUi()
{
    m_model = new IssueTableModel(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("issueStateFilter"));
    m_state->addItem(tr("Open"), QStringList {QStringLiteral("open")});
    m_state->addItem(tr("Waived"), QStringList {QStringLiteral("waived")});
    m_state->addItem(tr("Open and waived"), QStringList {QStringLiteral("open"), QStringLiteral("waived")});
    m_state->addItem(tr("Fixed"), QStringList {QStringLiteral("fixed")});
    m_state->addItem(tr("All states"), QStringList {});
    m_severity = new QComboBox(this);
    m_severity->setObjectName(QStringLiteral("issueSeverityFilter"));
    m_severity->addItem(tr("All severities"), -1);
    m_severity->addItem(tr("Critical"), int(Severity::Critical));
    m_severity->addItem(tr("High and above"), int(Severity::High));
    m_severity->addItem(tr("Medium and above"), int(Severity::Medium));
    m_severity->addItem(tr("Low and above"), int(Severity::Low));
    m_asset = new QComboBox(this);
    m_asset->setObjectName(QStringLiteral("issueAssetFilter"));
    m_asset->addItem(tr("All assets"), QString());
    m_asset->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("issueSearch"));
    m_search->setPlaceholderText(tr("Search check, title, subject, asset…"));
    m_search->setClearButtonEnabled(true);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("issueCount"));
    m_waive = new QAction(tr("&Waive…"), this);
    m_waive->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    m_waive->setToolTip(tr("Accept the failure of the selected issue's check for a time (Ctrl+Shift+W)"));
    m_waive->setEnabled(false);
    addAction(m_waive);
    m_waiveButton = new QPushButton(m_waive->text(), this);
    m_waiveButton->setObjectName(QStringLiteral("waiveButton"));
    m_waiveButton->setToolTip(m_waive->toolTip());
    m_waiveButton->setEnabled(false);
    bar->addWidget(m_state);
    bar->addWidget(m_severity);
    bar->addWidget(m_asset);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_count);
    bar->addWidget(m_waiveButton);
    layout->addLayout(bar);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_stack = new QStackedWidget(splitter);
    m_table = new QTableView(m_stack);
    m_table->setObjectName(QStringLiteral("issueTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(IssueTableModel::Title, QHeaderView::Stretch);
    // Widths in character cells, so that they follow the font (high DPI, larger fonts).
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('m'));
    for (auto [column, width] : {std::pair {IssueTableModel::State, 6},
                                 {IssueTableModel::Severity, 6},
                                 {IssueTableModel::Asset, 8},
                                 {IssueTableModel::Check, 19},
                                 {IssueTableModel::Subject, 10},
                                 {IssueTableModel::FirstSeen, 11},
                                 {IssueTableModel::LastSeen, 11},
                                 {IssueTableModel::Regressions, 7}})
        m_table->setColumnWidth(column, width * em);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_empty = new QLabel(m_stack);
    m_empty->setObjectName(QStringLiteral("issuesEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);
    m_detail = new QTextBrowser(splitter);
    m_detail->setObjectName(QStringLiteral("issueDetail"));
    m_detail->setOpenLinks(false);
    m_detail->setPlaceholderText(tr("Select an issue to see its check, latest result and history."));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("issueStatus"));
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);

    connect(m_state, &QComboBox::currentIndexChanged, this, &IssuesView::applyFilter);
    connect(m_severity, &QComboBox::currentIndexChanged, this, &IssuesView::applyFilter);
    connect(m_asset, &QComboBox::currentIndexChanged, this, &IssuesView::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &IssuesView::applyFilter);
    connect(m_model, &IssueTableModel::pageLoaded, this, [this](bool first) {
        if (first)
            onFirstPage();
        else
            m_count->setText(tr("%n issue(s)", nullptr, m_model->totalCount()));
    });
    connect(m_model, &IssueTableModel::loadFailed, this,
            [this](const QString &error) { setStatus(tr("Cannot read the issues: %1").arg(error), true); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showIssue(current.row()); });
    connect(m_waive, &QAction::triggered, this, &IssuesView::waiveSelected);
    connect(m_waiveButton, &QPushButton::clicked, m_waive, &QAction::trigger);
    connect(m_waive, &QAction::changed, this, [this] { m_waiveButton->setEnabled(m_waive->isEnabled()); });
}

void IssuesView::setProject(const QString &path, const QList<Asset> &assets, const QList<RunInfo> &runs)
{
    m_path = path;
    m_runCount = int(runs.size());
    m_assetCount = int(assets.size());
    m_runTimes.clear();
    for (const RunInfo &run : runs)
        m_runTimes.insert(run.id, run.startedAt);
    m_model->setRunTimes(m_runTimes);
    QSet<QString> tags;
    {
        const QSignalBlocker block(m_asset);
        m_asset->clear();
        m_asset->addItem(tr("All assets"), QString());
        for (const Asset &asset : assets) {
            m_asset->addItem(asset.name, asset.name);
            for (const QString &tag : asset.tags)
                tags.insert(tag);
        }
    }
    m_tags = QStringList(tags.begin(), tags.end());
    m_tags.sort();
    applyFilter();
}

void IssuesView::setCatalog(std::shared_ptr<const Catalog> catalog)
{
    m_catalog = std::move(catalog);
    showIssue(m_table->currentIndex().row());
}

void IssuesView::clear()
{
    m_path.clear();
    m_model->clear();
    m_detail->clear();
}

void IssuesView::reload()
{
    applyFilter();
}

IssueFilter IssuesView::currentFilter() const
{
    IssueFilter filter;
    filter.states = m_state->currentData().toStringList();
    if (const int severity = m_severity->currentData().toInt(); severity >= 0)
        filter.minSeverity = Severity(severity);
    filter.assetName = m_asset->currentData().toString();
    filter.text = m_search->text().trimmed();
    return filter;
}

void IssuesView::applyFilter()
{
    m_searchDelay->stop();
    m_shownIssue = 0;
    m_detail->clear();
    m_waive->setEnabled(false);
    setStatus({});
    if (m_path.isEmpty()) {
        m_model->clear();
        return;
    }
    m_count->setText(tr("Loading…"));
    m_model->setQuery(m_path, currentFilter());
}

void IssuesView::onFirstPage()
{
    const int total = m_model->totalCount();
    m_count->setText(tr("%n issue(s)", nullptr, total));
    // An empty detail pane under an empty state only looks broken.
    m_detail->setVisible(total > 0);
    if (total > 0) {
        m_stack->setCurrentWidget(m_table);
        m_table->selectRow(0);
    } else {
        const IssueFilter filter = currentFilter();
        const bool narrowed
            = !filter.text.isEmpty() || !filter.assetName.isEmpty() || filter.minSeverity.has_value();
        if (m_assetCount == 0) {
            m_empty->setText(
                tr("<h3>No issues yet</h3><p>This project has no assets. Add one, then run an "
                   "assessment, e.g.<br><code>triad-cli assets add %1 localhost --transport local</code><br>"
                   "<code>triad-cli scan %1 --template cis-linux</code></p>")
                    .arg(esc(m_path)));
        } else if (m_runCount == 0) {
            m_empty->setText(
                tr("<h3>No issues yet</h3><p>Issues appear once an assessment has run: a failing check "
                   "on an asset opens one.</p><p>Run an assessment first, e.g. "
                   "<code>triad-cli scan %1 --template cis-linux</code></p>")
                    .arg(esc(m_path)));
        } else if (narrowed) {
            m_empty->setText(tr("<h3>No issue matches these filters</h3><p>Clear the search, or choose "
                                "<b>All assets</b> and <b>All severities</b>.</p>"));
        } else if (filter.states == QStringList {QStringLiteral("open")}) {
            m_empty->setText(tr("<h3>No open issues</h3><p>Every failing check is fixed or waived. Choose "
                                "<b>All states</b> to see the history.</p>"));
        } else {
            m_empty->setText(
                tr("<h3>No issues in this state</h3><p>Choose <b>All states</b> to see every issue "
                   "of the project.</p>"));
        }
        m_stack->setCurrentWidget(m_empty);
    }
    emit issuesLoaded(total);
}

void IssuesView::showIssue(int row)
{
    const IssueRecord *issue = m_model->issueAt(row);
    m_waive->setEnabled(issue && issue->state == IssueState::Open);
    if (!issue) {
        m_shownIssue = 0;
        return;
    }
    const IssueRecord shown = *issue;
    m_shownIssue = shown.id;
    showDetail(shown, nullptr);
    QPointer<IssuesView> self(this);
    IssueQueries::loadDetail(m_path, shown).then(this, [self, shown](const Result<IssueDetail> &detail) {
        if (!self || self->m_shownIssue != shown.id)
            return; // another issue was selected meanwhile
        if (!detail) {
            self->setStatus(
                tr("Cannot read the history of issue %1: %2").arg(shown.id).arg(detail.error().toString()),
                true);
            return;
        }
        self->showDetail(shown, &*detail);
        emit self->detailShown(shown.id);
    });
}

void IssuesView::showDetail(const IssueRecord &issue, const IssueDetail *detail)
{
    auto runText = [this](qint64 run) {
        if (run <= 0)
            return QStringLiteral("—");
        const QDateTime at = m_runTimes.value(run);
        return at.isValid()
            ? tr("run %1 (%2)").arg(run).arg(at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
            : tr("run %1").arg(run);
    };
    QString state = esc(issue.displayState().toUpper());
    if (issue.waiverExpired)
        state += tr(" (its waiver %1 has expired or ended)").arg(issue.waiverId);
    QString html = QStringLiteral("<h3>%1</h3><p><b>%2</b> · severity %3 · <code>%4</code> · asset %5%6</p>")
                       .arg(esc(issue.title.isEmpty() ? issue.checkId : issue.title), state,
                            esc(toString(issue.severity)), esc(issue.checkId), esc(issue.assetName),
                            issue.subject.isEmpty() ? QString() : tr(" · subject ") + esc(issue.subject));
    html += QStringLiteral(
                "<table "
                "cellpadding=2><tr><td><b>%1</b></td><td>%2</td></tr><tr><td><b>%3</b></td><td>%4</td></tr>")
                .arg(tr("First seen"), runText(issue.firstSeenRun), tr("Last seen"),
                     runText(issue.lastSeenRun));
    if (issue.fixedRun > 0)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(tr("Fixed in"), runText(issue.fixedRun));
    if (issue.regressions > 0)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(tr("Regressions"))
                    .arg(issue.regressions);
    if (issue.waiverId > 0)
        html
            += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(tr("Waiver")).arg(issue.waiverId);
    if (detail && detail->latest) {
        const CheckResult &r = detail->latest->result;
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr><tr><td><b>%3</b></td><td>%4</td></tr>")
                    .arg(tr("Expected"), esc(r.expected), tr("Actual"), esc(r.actual));
        if (!r.message.isEmpty())
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(tr("Note"), esc(r.message));
        if (!detail->latest->requirementIds.isEmpty())
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(tr("Requirements"),
                             esc(detail->latest->requirementIds.join(QStringLiteral(", "))));
    }
    html += QStringLiteral("</table>");
    html += QStringLiteral("<h4>%1</h4>").arg(tr("History"));
    if (!detail) {
        html += tr("<p><i>Loading the history…</i></p>");
    } else if (detail->events.isEmpty()) {
        html += tr("<p>No events recorded.</p>");
    } else {
        html += QStringLiteral("<table cellpadding=2>");
        for (const IssueEventRecord &e : detail->events) {
            // An event of a run is shown at the run's start, which is when the host was seen so;
            // the row's own time is when it was stored (later for an imported or re-evaluated run).
            const QDateTime runAt = m_runTimes.value(e.runId);
            const QDateTime when = runAt.isValid() ? runAt : e.at;
            html += QStringLiteral(
                        "<tr><td>%1</td><td><b><font color=\"%2\">%3</font></b></td><td>%4</td></tr>")
                        .arg(esc(when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
                             eventColor(e.event), esc(toString(e.event)),
                             e.runId > 0 ? tr("run %1").arg(e.runId) : tr("outside a run"));
        }
        html += QStringLiteral("</table>");
    }
    html += checkDetailHtml(m_catalog.get(), issue.checkId);
    m_detail->setHtml(html);
}

void IssuesView::waiveSelected()
{
    const IssueRecord *issue = m_model->issueAt(m_table->currentIndex().row());
    if (!issue || m_path.isEmpty())
        return;
    const QString path = m_path;
    QPointer<IssuesView> self(this);
    WaiverPrompt::ask(this, issue->checkId, issue->assetName, m_tags, [self, path](const Waiver &waiver) {
        if (!self)
            return;
        self->setStatus(tr("Storing the waiver…"));
        IssueQueries::addWaiver(path, waiver, IssueQueries::operatorName())
            .then(self, [self, waiver](const Result<qint64> &id) {
                if (!self)
                    return;
                if (!id) {
                    self->setStatus(tr("The waiver was not stored: %1").arg(id.error().toString()), true);
                    return;
                }
                self->setStatus(
                    tr("Waiver %1 of %2 stored, expiring %3. It applies to the issues from the next "
                       "assessment or re-evaluation on.")
                        .arg(*id)
                        .arg(waiver.checkId, waiver.expiresOn.toString(Qt::ISODate)));
                emit self->waiverAdded(*id);
            });
    });
}

void IssuesView::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
    m_status->setVisible(!text.isEmpty());
}

} // namespace triad
