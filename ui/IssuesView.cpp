#include "IssuesView.h"

#include "IssueDetailHtml.h"
#include "IssueQueries.h"
#include "Theme.h"
#include "WaiverDialog.h"
#include "engine/Catalog.h"
#include "models/IssueTableModel.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QCompleter>
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
#include <QStringListModel>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace triad {
namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

constexpr int kExactSeverityRole = Qt::UserRole + 1;

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
    // Exactly one severity: what a dashboard bar counts.
    for (auto [text, severity] : {std::pair {tr("High only"), Severity::High},
                                  {tr("Medium only"), Severity::Medium},
                                  {tr("Low only"), Severity::Low},
                                  {tr("Info only"), Severity::Info}}) {
        m_severity->addItem(text, int(severity));
        m_severity->setItemData(m_severity->count() - 1, true, kExactSeverityRole);
    }
    m_asset = new QComboBox(this);
    m_asset->setObjectName(QStringLiteral("issueAssetFilter"));
    m_asset->addItem(tr("All assets"), QString());
    m_asset->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("issueSearch"));
    m_search->setPlaceholderText(tr("Search check, title, subject, asset…"));
    m_search->setClearButtonEnabled(true);
    m_requirement = new QLineEdit(this);
    m_requirement->setObjectName(QStringLiteral("issueRequirementFilter"));
    m_requirement->setPlaceholderText(tr("Requirement, e.g. 8.3.6"));
    m_requirement->setMinimumWidth(
        m_requirement->fontMetrics().horizontalAdvance(m_requirement->placeholderText()) + 40);
    m_requirementHelp = tr("Issues of the checks a template requirement maps to; \"8.3\" takes all of 8.3.x");
    m_requirement->setToolTip(m_requirementHelp);
    m_requirement->setClearButtonEnabled(true);
    auto *completer = new QCompleter(new QStringListModel(m_requirement), m_requirement);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_requirement->setCompleter(completer);
    m_scope = new QLabel(this);
    m_scope->setObjectName(QStringLiteral("issueScope"));
    m_scope->setTextFormat(Qt::PlainText);
    m_scope->hide();
    m_scopeClear = new QToolButton(this);
    m_scopeClear->setObjectName(QStringLiteral("issueScopeClear"));
    m_scopeClear->setText(QStringLiteral("×"));
    m_scopeClear->setToolTip(tr("Show the issues of every check and run again"));
    m_scopeClear->setAutoRaise(true);
    m_scopeClear->hide();
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    addAction(find);
    connect(find, &QAction::triggered, m_search, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
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
    bar->addWidget(m_requirement);
    bar->addWidget(m_scope);
    bar->addWidget(m_scopeClear);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_count);
    bar->addWidget(m_waiveButton);
    layout->addLayout(bar);
    // Left to right as laid out (the requirement field was added after the search field).
    setTabOrder(m_asset, m_requirement);
    setTabOrder(m_requirement, m_scopeClear);
    setTabOrder(m_scopeClear, m_search);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_stack = new QStackedWidget(splitter);
    m_table = new QTableView(m_stack);
    m_table->setObjectName(QStringLiteral("issueTable"));
    m_table->setTabKeyNavigation(false);   // Tab moves on; arrow keys move in the table
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
    connect(m_requirement, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_scopeClear, &QToolButton::clicked, this, [this] {
        m_scopeCheck.clear();
        m_scopeEvent.reset();
        m_scopeRun = 0;
        updateScope();
        applyFilter();
    });
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
    m_templateIds.clear();
    for (const RunInfo &run : runs) {
        m_runTimes.insert(run.id, run.startedAt);
        if (!m_templateIds.contains(run.templateId))
            m_templateIds << run.templateId;
    }
    updateRequirementCompleter();
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
    updateRequirementCompleter();
    // A requirement typed (or asked for by the dashboard) before the templates were loaded waits
    // for them to be resolved into checks.
    if (!m_requirement->text().trimmed().isEmpty() && !m_path.isEmpty())
        applyFilter();
    else
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
    if (const int severity = m_severity->currentData().toInt(); severity >= 0) {
        if (m_severity->currentData(kExactSeverityRole).toBool())
            filter.severity = Severity(severity);
        else
            filter.minSeverity = Severity(severity);
    }
    filter.assetName = m_asset->currentData().toString();
    filter.text = m_search->text().trimmed();
    filter.checkId = m_scopeCheck;
    filter.event = m_scopeEvent;
    filter.eventRunId = m_scopeEvent ? m_scopeRun : 0;
    if (const QString requirement = requirementFilter(); !requirement.isEmpty())
        filter.checkIds = checksOfRequirement(requirement);
    return filter;
}

QString IssuesView::requirementFilter() const
{
    return m_requirement->text().trimmed();
}

QStringList IssuesView::checksOfRequirement(const QString &requirementId, QStringList *matched,
                                            bool *anyManual) const
{
    QStringList checks;
    if (!m_catalog || requirementId.isEmpty())
        return checks;
    // The templates the project ran; a project without runs (or with unknown templates) looks
    // through every shipped one.
    QList<const AssessmentTemplate *> templates;
    for (const QString &id : m_templateIds)
        if (const AssessmentTemplate *t = m_catalog->assessment(id))
            templates << t;
    if (templates.isEmpty())
        for (const AssessmentTemplate &t : m_catalog->assessments())
            templates << &t;
    QString prefix = requirementId;
    if (!prefix.endsWith(QLatin1Char('.')))
        prefix += QLatin1Char('.');
    for (const AssessmentTemplate *t : std::as_const(templates)) {
        for (const RequirementDef &req : t->requirements) {
            if (req.id.compare(requirementId, Qt::CaseInsensitive) != 0
                && !req.id.startsWith(prefix, Qt::CaseInsensitive))
                continue;
            if (matched && !matched->contains(req.id))
                *matched << req.id;
            if (anyManual && req.checks.isEmpty())
                *anyManual = true;
            for (const QString &check : req.checks)
                if (!checks.contains(check))
                    checks << check;
        }
    }
    return checks;
}

void IssuesView::setFilter(const IssueFilter &filter, const QString &requirementId)
{
    {
        const QSignalBlocker blockState(m_state);
        const QSignalBlocker blockSeverity(m_severity);
        const QSignalBlocker blockAsset(m_asset);
        const QSignalBlocker blockSearch(m_search);
        const QSignalBlocker blockRequirement(m_requirement);
        int state = m_state->count() - 1; // "All states"
        for (int i = 0; i < m_state->count(); ++i)
            if (m_state->itemData(i).toStringList() == filter.states)
                state = i;
        m_state->setCurrentIndex(state);
        int severity = 0;
        const std::optional<Severity> wanted = filter.severity ? filter.severity : filter.minSeverity;
        for (int i = 1; wanted && i < m_severity->count(); ++i)
            if (m_severity->itemData(i).toInt() == int(*wanted)
                && m_severity->itemData(i, kExactSeverityRole).toBool() == filter.severity.has_value())
                severity = i;
        // "Critical" is the exact and the minimum item at once.
        if (wanted == Severity::Critical)
            severity = m_severity->findData(int(Severity::Critical));
        m_severity->setCurrentIndex(severity);
        m_asset->setCurrentIndex(std::max(0, m_asset->findData(filter.assetName)));
        m_search->setText(filter.text);
        m_requirement->setText(requirementId);
    }
    m_scopeCheck = filter.checkId;
    m_scopeEvent = filter.event;
    m_scopeRun = filter.eventRunId;
    updateScope();
    applyFilter();
}

void IssuesView::updateScope()
{
    QString text;
    if (!m_scopeCheck.isEmpty())
        text = tr("Check %1").arg(m_scopeCheck);
    if (m_scopeEvent) {
        QString event;
        switch (*m_scopeEvent) {
        case IssueEvent::Opened:
            event = tr("Opened in run %1");
            break;
        case IssueEvent::Fixed:
            event = tr("Fixed in run %1");
            break;
        case IssueEvent::Regressed:
            event = tr("Regressed in run %1");
            break;
        case IssueEvent::Waived:
            event = tr("Waived in run %1");
            break;
        case IssueEvent::Unwaived:
            event = tr("Unwaived in run %1");
            break;
        }
        event = event.arg(m_scopeRun);
        text = text.isEmpty() ? event : text + QStringLiteral(" · ") + event;
    }
    m_scope->setText(text);
    m_scope->setVisible(!text.isEmpty());
    m_scopeClear->setVisible(!text.isEmpty());
}

void IssuesView::updateRequirementCompleter()
{
    QStringList ids;
    if (m_catalog) {
        for (const QString &id : m_templateIds)
            if (const AssessmentTemplate *t = m_catalog->assessment(id))
                for (const RequirementDef &req : t->requirements)
                    if (!ids.contains(req.id))
                        ids << req.id;
    }
    if (auto *model = qobject_cast<QStringListModel *>(m_requirement->completer()->model()))
        model->setStringList(ids);
}

QString IssuesView::matchedRequirementsText() const
{
    QStringList lines;
    if (!m_catalog)
        return {};
    QStringList matched;
    const QStringList checks = checksOfRequirement(requirementFilter(), &matched);
    for (const QString &id : m_templateIds) {
        const AssessmentTemplate *t = m_catalog->assessment(id);
        for (const RequirementDef &req : t ? t->requirements : QList<RequirementDef> {})
            if (matched.contains(req.id))
                lines << QStringLiteral("%1 %2: %3").arg(id, req.id, req.title);
    }
    lines << tr("%n check(s): %1", nullptr, int(checks.size())).arg(checks.join(QStringLiteral(", ")));
    return lines.join(QLatin1Char('\n'));
}

QString IssuesView::requirementEmptyText() const
{
    const QString requirement = requirementFilter();
    QStringList matched;
    bool manual = false;
    const QStringList checks = checksOfRequirement(requirement, &matched, &manual);
    if (!checks.isEmpty())
        return {};
    if (!matched.isEmpty() && manual)
        return tr("<h3>Requirement %1 is checked by hand</h3><p>No automated check maps to it, so it has no "
                  "issues: it is attested under <b>Waivers &amp; attestations</b>.</p>")
            .arg(esc(requirement));
    return tr("<h3>No requirement %1</h3><p>None of this project's templates (%2) has a requirement with "
              "this "
              "id. Clear the requirement filter, or type an id such as 5.2.7 or 8.3.6.</p>")
        .arg(esc(requirement), esc(m_templateIds.join(QStringLiteral(", "))));
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
    m_requirement->setToolTip(m_requirementHelp);
    if (!requirementFilter().isEmpty()) {
        if (!m_catalog) {
            m_count->setText(tr("Loading…"));
            setStatus(
                tr("Reading the templates to find the checks of requirement %1…").arg(requirementFilter()));
            return;
        }
        if (const QString empty = requirementEmptyText(); !empty.isEmpty()) {
            // No check maps to it: an empty filter of checks would mean "every check".
            m_model->clear();
            m_count->setText(tr("%n issue(s)", nullptr, 0));
            m_detail->setVisible(false);
            m_empty->setText(empty);
            m_stack->setCurrentWidget(m_empty);
            emit issuesLoaded(0);
            return;
        }
        m_requirement->setToolTip(matchedRequirementsText());
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
        const bool narrowed = !filter.text.isEmpty() || !filter.assetName.isEmpty()
            || filter.minSeverity.has_value() || filter.severity.has_value() || !filter.checkIds.isEmpty()
            || !filter.checkId.isEmpty() || filter.event.has_value();
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
            m_empty->setText(
                tr("<h3>No issue matches these filters</h3><p>Clear the search and the requirement, "
                   "remove the check or run scope, or choose <b>All assets</b> and <b>All "
                   "severities</b>.</p>"));
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
    // Kept so that a theme change can draw the pane again in the new palette's colours.
    m_detailIssue = issue;
    m_detailData = detail ? std::make_shared<const IssueDetail>(*detail) : nullptr;
    m_detail->setHtml(issueDetailHtml(issue, detail, m_runTimes, m_catalog.get()));
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
    m_statusIsError = error;
    colourStatus();
    m_status->setVisible(!text.isEmpty());
}

void IssuesView::colourStatus()
{
    // A palette colour rather than a style sheet, set again on a theme change (changeEvent).
    QPalette palette;   // only the roles set here override the inherited palette
    if (m_statusIsError)
        palette.setColor(QPalette::WindowText, Theme::color(Theme::Tone::Bad));
    m_status->setPalette(palette);
}

void IssuesView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::PaletteChange)
        return;
    colourStatus();
    if (m_detailIssue && m_detailIssue->id == m_shownIssue)
        m_detail->setHtml(issueDetailHtml(*m_detailIssue, m_detailData.get(), m_runTimes,
                                          m_catalog.get()));
}

} // namespace triad
