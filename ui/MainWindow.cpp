#include "MainWindow.h"
#include "TableViews.h"

#include "AssetsView.h"
#include "AssessmentsView.h"
#include "CheckDetailHtml.h"
#include "CompareView.h"
#include "DashboardView.h"
#include "IssuesView.h"
#include "ProjectLoader.h"
#include "RegisterView.h"
#include "RequirementsView.h"
#include "TemplatesView.h"
#include "ReportDialog.h"
#include "VerifyReportDialog.h"
#include "NewProjectWizard.h"
#include "OpenProjectPrompt.h"
#include "PageFocus.h"
#include "RecentProjects.h"
#include "ShortcutsDialog.h"
#include "ProjectVault.h"
#include "StartPage.h"
#include "Theme.h"
#include "WindowState.h"
#include "engine/Catalog.h"
#include "models/ResultTableModel.h"
#include "models/RunListModel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace triad {
namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Triad"));
    buildUi();
    resize(1400, 860);
    WindowState::restore(*this);
    QPointer<MainWindow> self(this);
    ProjectLoader::loadCatalog().then(this, [self](std::shared_ptr<const Catalog> catalog) {
        if (!self)
            return;
        self->m_catalog = std::move(catalog);
        self->m_issues->setCatalog(self->m_catalog);
        self->m_templates->setCatalog(self->m_catalog);
        self->m_assessments->setCatalog(self->m_catalog);
        self->m_register->setCatalog(self->m_catalog);
        self->m_requirements->setCatalog(self->m_catalog);
        // The texts of the shown result depend on the catalog: draw it again now that it is here.
        if (const StoredResult *shown = self->m_results->resultAt(int(self->m_shownResultRow)))
            self->showResult(*shown);
    });
}

MainWindow::~MainWindow() = default;

void MainWindow::buildUi()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open Project…"), this, &MainWindow::chooseProject);
    open->setShortcut(QKeySequence::Open);
    QAction *reload = file->addAction(tr("&Reload"), this, [this] {
        if (!m_projectPath.isEmpty())
            openProject(m_projectPath);
    });
    reload->setShortcut(QKeySequence::Refresh);
    m_exportReport = file->addAction(tr("&Export Report…"), this, &MainWindow::openExportDialog);
    m_exportReport->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportReport->setEnabled(false);
    // Verify Report (as triad-cli verify-report) checks files exported from this project: it is
    // there when Export Report is.
    QAction *verify = file->addAction(tr("&Verify Report…"), this, [this] { VerifyReportPrompt::ask(this, m_projectPath); });
    verify->setEnabled(false);
    connect(m_exportReport, &QAction::enabledChanged, verify, &QAction::setEnabled);
    buildStartMenus(file, open);
    buildVaultControls(file);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    m_runs = new RunListModel(this);
    m_results = new ResultTableModel(this);
    m_filter = new ResultFilterProxy(this);
    m_filter->setSourceModel(m_results);
    m_filter->setSortRole(Qt::DisplayRole);

    m_stack = new QStackedWidget(this);
    // The start page (recent projects, new, open, scan this computer) is shown while no project is;
    // its message label carries errors such as a file that is not a project.
    m_startPage = new StartPage(m_stack);
    m_emptyState = m_startPage->messageLabel();
    m_stack->addWidget(m_startPage);
    connect(m_startPage, &StartPage::newProjectRequested, this, &MainWindow::newProject);
    connect(m_startPage, &StartPage::openProjectRequested, this, &MainWindow::chooseProject);
    connect(m_startPage, &StartPage::browseTemplatesRequested, this, &MainWindow::browseTemplates);
    connect(m_startPage, &StartPage::projectChosen, this, &MainWindow::openProject);

    auto *workspace = new QWidget(m_stack);
    auto *workspaceLayout = new QHBoxLayout(workspace);
    workspaceLayout->setContentsMargins(4, 4, 4, 4);
    m_sideBar = new QListWidget(workspace);
    m_sideBar->setObjectName(QStringLiteral("sideBar"));
    m_sideBar->setFrameShape(QFrame::NoFrame);
    m_sideBar->setSpacing(2);
    m_pages = new QStackedWidget(workspace);
    workspaceLayout->addWidget(m_sideBar);
    workspaceLayout->addWidget(m_pages, 1);

    m_resultsPage = new QStackedWidget(m_pages);
    m_noRuns = new QLabel(m_resultsPage);
    m_noRuns->setObjectName(QStringLiteral("noRunsState"));
    m_noRuns->setAlignment(Qt::AlignCenter);
    m_noRuns->setWordWrap(true);
    m_resultsPage->addWidget(m_noRuns);
    auto *splitter = new QSplitter(Qt::Horizontal, m_resultsPage);
    splitter->setObjectName(QStringLiteral("resultsRunSplitter"));   // named: WindowState remembers it
    m_runView = makeRecordTable(m_runs, splitter);
    m_runView->setObjectName(QStringLiteral("runTable"));
    m_runView->setMinimumWidth(320);

    // The selected run's results, and its requirements with their manual evidence.
    auto *runTabs = new QTabWidget(splitter);
    runTabs->setObjectName(QStringLiteral("resultTabs"));
    auto *right = new QSplitter(Qt::Vertical, runTabs);
    right->setObjectName(QStringLiteral("resultsDetailSplitter"));
    auto *resultPane = new QWidget(right);
    auto *resultLayout = new QVBoxLayout(resultPane);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    auto *filterBar = new QHBoxLayout;
    m_runSummary = new QLabel(resultPane);
    m_statusFilter = new QComboBox(resultPane);
    m_statusFilter->setObjectName(QStringLiteral("resultStatusFilter"));
    m_statusFilter->addItem(tr("All statuses"), -1);
    for (CheckStatus s : {CheckStatus::Fail, CheckStatus::Error, CheckStatus::Pass, CheckStatus::NotApplicable,
                          CheckStatus::Manual, CheckStatus::Waived})
        m_statusFilter->addItem(toString(s), int(s));
    m_search = new QLineEdit(resultPane);
    m_search->setObjectName(QStringLiteral("resultSearch"));
    m_search->setPlaceholderText(tr("Search checks, assets, requirements…"));
    m_search->setClearButtonEnabled(true);
    filterBar->addWidget(m_runSummary, 1);
    filterBar->addWidget(m_statusFilter);
    filterBar->addWidget(m_search, 1);
    resultLayout->addLayout(filterBar);
    m_resultView = makeRecordTable(m_filter, resultPane);
    m_resultView->setObjectName(QStringLiteral("resultTable"));
    m_resultView->setSortingEnabled(true);
    m_resultView->sortByColumn(ResultTableModel::Severity, Qt::DescendingOrder);
    // resizeColumnsToContents() measures this many rows per column (Qt's default is 1000): a run
    // of 50 hosts has 20 000 results, and measuring 1000 of them held the GUI thread for 135 ms.
    m_resultView->horizontalHeader()->setResizeContentsPrecision(100);
    resultLayout->addWidget(m_resultView);

    m_detail = new QTextBrowser(right);
    m_detail->setObjectName(QStringLiteral("resultDetail"));
    m_detail->setOpenLinks(false);
    m_detail->setPlaceholderText(tr("Select a result to see its evidence, remediation and verification."));
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    runTabs->addTab(right, tr("Results"));
    m_requirements = new RequirementsView(runTabs);
    runTabs->addTab(m_requirements, tr("Requirements"));
    splitter->setStretchFactor(1, 1);
    m_resultsPage->addWidget(splitter);
    m_issues = new IssuesView(m_pages);
    m_register = new RegisterView(m_pages);
    m_templates = new TemplatesView(m_pages);
    m_assets = new AssetsView(m_pages);
    m_compare = new CompareView(m_pages);
    m_dashboard = new DashboardView(m_pages);
    m_assessments = new AssessmentsView(m_pages);
    // The side bar follows an engagement: look at the dashboard, list the assets, choose and
    // tailor a template, assess, then read the results and issues, waive, and compare runs.
    for (const Page &page : pages()) {
        m_pages->addWidget(pageOf(page.view));
        m_sideBar->addItem(page.sideBarText);
    }
    m_sideBar->setFixedWidth(m_sideBar->sizeHintForColumn(0) + 24);
    // One unlocked vault per open project, whichever page asked for it first.
    m_assets->setVault(m_vault);
    m_assessments->setVault(m_vault);
    m_stack->addWidget(workspace);
    setCentralWidget(m_stack);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    // Ctrl+0 to Ctrl+7 in side-bar order: the keys count down the side bar.
    const QList<Page> shownPages = pages();
    for (int n = 0; n < shownPages.size(); ++n) {
        QAction *action
            = view->addAction(shownPages[n].menuText, this, [this, v = shownPages[n].view] { showView(v); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + n)));
    }
    view->addSeparator();
    view->addAction(m_issues->waiveAction());
    view->addAction(m_assessments->newAssessmentAction());
    view->addAction(m_assessments->cancelAction());
    buildThemeAndHelpMenus(view);
    connect(m_sideBar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_sideBar, &QListWidget::activated, this, &MainWindow::focusCurrentPage);
    m_sideBar->setCurrentRow(0);
    connect(m_issues, &IssuesView::issuesLoaded, this, &MainWindow::issuesLoaded);
    connect(m_issues, &IssuesView::detailShown, this, &MainWindow::issueDetailShown);
    connect(m_register, &RegisterView::registerLoaded, this, &MainWindow::registerLoaded);
    connect(m_templates, &TemplatesView::detailShown, this, &MainWindow::templateDetailShown);
    connect(m_assets, &AssetsView::assetsLoaded, this, &MainWindow::assetsLoaded);
    connect(m_compare, &CompareView::comparisonLoaded, this, &MainWindow::comparisonLoaded);
    connect(m_issues, &IssuesView::waiverAdded, m_register, &RegisterView::reload);
    connect(m_register, &RegisterView::waiverEnded, m_issues, &IssuesView::reload);
    connect(m_dashboard, &DashboardView::dashboardLoaded, this, &MainWindow::dashboardLoaded);
    connect(m_dashboard, &DashboardView::issuesRequested, this,
            [this](const IssueFilter &filter, const QString &requirementId) {
                m_issues->setFilter(filter, requirementId);
                showView(View::Issues);
            });
    connect(m_issues, &IssuesView::waiverAdded, m_dashboard, &DashboardView::reload);
    connect(m_register, &RegisterView::waiverEnded, m_dashboard, &DashboardView::reload);
    // An attestation changes the requirements' status wherever it was recorded.
    connect(m_register, &RegisterView::attestationRecorded, m_requirements, &RequirementsView::reload);
    connect(m_requirements, &RequirementsView::attestationRecorded, m_register, &RegisterView::reload);
    // Scores count attested manual evidence: the dashboard and the runs' scores read it again.
    connect(m_register, &RegisterView::attestationRecorded, m_dashboard, &DashboardView::reload);
    connect(m_requirements, &RequirementsView::attestationRecorded, m_dashboard, &DashboardView::reload);
    connect(m_register, &RegisterView::attestationRecorded, m_assessments, &AssessmentsView::reload);
    connect(m_requirements, &RequirementsView::attestationRecorded, m_assessments, &AssessmentsView::reload);
    // A finished assessment changes runs, results and issues: every view reads the project again.
    connect(m_assessments, &AssessmentsView::runFinished, this, [this] {
        if (!m_projectPath.isEmpty())
            openProject(m_projectPath);
    });
    // Ctrl+R works from every page; the live view is on the Assessments page.
    connect(m_assessments, &AssessmentsView::scanStarted, this, [this] { showView(View::Assessments); });

    connect(m_statusFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setStatusFilter(m_statusFilter->currentData().toInt()); });
    connect(m_search, &QLineEdit::textChanged, m_filter, &ResultFilterProxy::setText);
    connect(m_runView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (const RunInfo *run = m_runs->runAt(current.row()))
                    selectRun(run->id);
            });
    connect(m_resultView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QModelIndex source = m_filter->mapToSource(current);
                m_shownResultRow = source.row();
                if (const StoredResult *r = m_results->resultAt(source.row()))
                    showResult(*r);
            });
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::chooseProject()
{
    QPointer<MainWindow> self(this);
    OpenProjectPrompt::ask(this, [self](const QString &path) {
        if (self)
            self->openProject(path);
    });
}

void MainWindow::showMessage(const QString &text)
{
    setBrowsingTemplates(false);
    m_startPage->setMessage(text);
    m_startPage->reloadRecent();
    m_stack->setCurrentWidget(m_startPage);
}

void MainWindow::openProject(const QString &path)
{
    statusBar()->showMessage(tr("Opening %1…").arg(path));
    QPointer<MainWindow> self(this);
    ProjectLoader::loadProject(path).then(this, [self, path](const Result<ProjectSnapshot> &snapshot) {
        if (!self)
            return;
        if (!snapshot) {
            self->showMessage(tr("<h2>Cannot open the project</h2><p>%1</p>").arg(esc(snapshot.error().toString())));
            self->statusBar()->showMessage(tr("Open failed"));
            return;
        }
        self->m_projectPath = path;
        RecentProjects::add(path, snapshot->info.name);
        self->m_startPage->setMessage({});
        self->setWindowTitle(tr("%1 — Triad").arg(snapshot->info.name));
        self->setBrowsingTemplates(false);
        self->m_runs->setRuns(snapshot->runs);
        self->m_runView->resizeColumnsToContents();
        self->m_stack->setCurrentIndex(1);
        self->m_vault->setProject(path);
        self->m_changePassphrase->setEnabled(true);
        self->m_issues->setProject(path, snapshot->assets, snapshot->runs);
        self->m_register->setProject(path);
        self->m_templates->setProject(path);
        self->m_assets->setProject(path);
        self->m_compare->setProject(path, snapshot->runs);
        self->m_projectName = snapshot->info.name;
        self->m_projectRuns = snapshot->runs;
        self->m_exportReport->setEnabled(!snapshot->runs.isEmpty());
        self->m_dashboard->setProject(path);
        self->m_assessments->setProject(path);
        if (snapshot->runs.isEmpty()) {
            self->m_noRuns->setText(tr("<h2>%1</h2><p>This project has %2 asset(s) and no assessment yet.</p>"
                                       "<p>Run one with <code>triad-cli scan %3 --template cis-linux</code>.</p>")
                                        .arg(esc(snapshot->info.name)).arg(snapshot->assets.size()).arg(esc(path)));
            self->m_resultsPage->setCurrentWidget(self->m_noRuns);
        } else {
            self->m_resultsPage->setCurrentIndex(1);
            self->m_runView->selectRow(0);
        }
        self->statusBar()->showMessage(tr("%1: %2 asset(s), %3 run(s)")
                                           .arg(snapshot->info.name).arg(snapshot->assets.size()).arg(snapshot->runs.size()));
        emit self->projectLoaded(path);
    });
}

ReportDialog *MainWindow::openExportDialog()
{
    if (m_projectPath.isEmpty() || m_projectRuns.isEmpty())
        return nullptr;
    auto *dialog = new ReportDialog(m_projectPath, m_projectName, m_projectRuns, m_catalog, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_shownRun)
        dialog->setRun(m_shownRun);
    dialog->open();
    return dialog;
}

QList<MainWindow::Page> MainWindow::pages()
{
    // mainControl: where focus goes when the page is shown (PageFocus falls back to the first
    // control of the page when it is hidden, e.g. in an empty state).
    return {
        {View::Dashboard, tr("Dashboard"), tr("&Dashboard"), QStringLiteral("scoreTrendChart")},
        {View::Assets, tr("Assets"), tr("&Assets"), QStringLiteral("assetTable")},
        {View::Templates, tr("Templates"), tr("&Templates and Tailoring"), QStringLiteral("templateTable")},
        {View::Assessments, tr("Assessments"), tr("A&ssessments"), QStringLiteral("assessmentRuns")},
        {View::Results, tr("Runs & results"), tr("&Runs and Results"), QStringLiteral("resultTable")},
        {View::Issues, tr("Issues"), tr("&Issues"), QStringLiteral("issueTable")},
        {View::Register, tr("Waivers & attestations"), tr("&Waivers and Attestations"),
         QStringLiteral("waiverTable")},
        {View::Compare, tr("Compare runs"), tr("&Compare Runs"), QStringLiteral("compareTable")}};
}

// Pages are found by widget, not by side-bar row, so that moving a page in the side bar leaves
// the View values (used by main.cpp's --view and the tests) alone.
QWidget *MainWindow::pageOf(View view) const
{
    switch (view) {
    case View::Results: return m_resultsPage;
    case View::Issues: return m_issues;
    case View::Register: return m_register;
    case View::Dashboard: return m_dashboard;
    case View::Templates: return m_templates;
    case View::Assets: return m_assets;
    case View::Compare: return m_compare;
    case View::Assessments: return m_assessments;
    }
    return nullptr;
}

void MainWindow::showView(View view)
{
    if (m_browsingTemplates && view != View::Templates)
        return;   // the other pages need a project
    m_sideBar->setCurrentRow(m_pages->indexOf(pageOf(view)));
    focusCurrentPage();
}

// Not on every side-bar row change: arrow keys in the side bar browse the pages and must keep
// focus there; Enter on a row (or a shortcut) goes into the page.
void MainWindow::focusCurrentPage()
{
    if (m_stack->currentWidget() == m_startPage)
        return;
    const View view = currentView();
    for (const Page &page : pages())
        if (page.view == view && !PageFocus::enter(pageOf(view), page.mainControl))
            m_sideBar->setFocus(Qt::ShortcutFocusReason);   // an empty state: nothing to work on there
}

MainWindow::View MainWindow::currentView() const
{
    for (const Page &page : pages())
        if (pageOf(page.view) == m_pages->currentWidget())
            return page.view;
    return View::Dashboard;
}

void MainWindow::selectRun(qint64 runId)
{
    if (runId == m_shownRun)
        return;
    m_shownRun = runId;
    m_requirements->setRun(m_projectPath, runId);
    QPointer<MainWindow> self(this);
    ProjectLoader::loadRun(m_projectPath, runId).then(this, [self, runId](const Result<RunDetails> &details) {
        if (!self || self->m_shownRun != runId)
            return;     // the user moved on to another run meanwhile
        if (!details) {
            self->m_runSummary->setText(esc(details.error().toString()));
            return;
        }
        int failed = 0;
        int passed = 0;
        for (const StoredResult &r : details->results) {
            failed += r.result.status == CheckStatus::Fail ? 1 : 0;
            passed += r.result.status == CheckStatus::Pass ? 1 : 0;
        }
        self->m_results->setResults(details->results);
        self->m_resultView->resizeColumnsToContents();
        self->m_runSummary->setText(tr("Run %1 · %2 · %3 asset(s) · %4 passed · %5 failed")
                                        .arg(runId).arg(details->run.templateId).arg(details->assets.size())
                                        .arg(passed).arg(failed));
        self->m_detail->clear();
        if (self->m_filter->rowCount() > 0)
            self->m_resultView->selectRow(0);
        emit self->runLoaded(runId);
    });
}

void MainWindow::showResult(const StoredResult &result)
{
    QString html = QStringLiteral("<h3>%1</h3><p><b>%2</b> · %3 · severity %4 · asset %5%6</p>")
                       .arg(esc(result.title), esc(toString(result.result.status).toUpper()), esc(result.result.checkId),
                            esc(toString(result.severity)), esc(result.assetName),
                            result.result.subject.isEmpty() ? QString() : QStringLiteral(" · subject ") + esc(result.result.subject));
    html += QStringLiteral("<table cellpadding=3><tr><td><b>Expected</b></td><td>%1</td></tr>"
                           "<tr><td><b>Actual</b></td><td>%2</td></tr>")
                .arg(esc(result.result.expected), esc(result.result.actual));
    if (!result.result.message.isEmpty())
        html += QStringLiteral("<tr><td><b>Note</b></td><td>%1</td></tr>").arg(esc(result.result.message));
    if (!result.requirementIds.isEmpty())
        html += QStringLiteral("<tr><td><b>Requirements</b></td><td>%1</td></tr>").arg(esc(result.requirementIds.join(QStringLiteral(", "))));
    html += QStringLiteral("</table>");
    html += checkDetailHtml(m_catalog.get(), result.result.checkId);
    m_detail->setHtml(html + tr("<p><i>Loading evidence…</i></p>"));

    QPointer<MainWindow> self(this);
    const qint64 resultId = result.id;
    ProjectLoader::loadEvidence(m_projectPath, resultId).then(this, [self, html](const Result<QList<StoredEvidence>> &evidence) {
        if (!self)
            return;
        QString text = html + QStringLiteral("<h4>Evidence</h4>");
        if (!evidence) {
            text += QStringLiteral("<p>%1</p>").arg(esc(evidence.error().toString()));
        } else {
            for (const StoredEvidence &e : *evidence) {
                text += QStringLiteral("<p><code>$ %1</code> — exit %2, %3 · SHA-256 <code>%4</code>%5</p>")
                            .arg(esc(e.raw.command)).arg(e.raw.exitCode).arg(esc(toString(e.raw.status)), esc(e.sha256),
                                 e.raw.truncated ? tr(" · truncated") : QString());
                const QString out = QString::fromUtf8(e.raw.stdoutData.left(16 * 1024));
                text += QStringLiteral("<pre>%1</pre>").arg(esc(out));
            }
        }
        self->m_detail->setHtml(text);
    });
}

void MainWindow::buildStartMenus(QMenu *file, QAction *openAction)
{
    QAction *create = new QAction(tr("&New Project…"), file);
    create->setShortcut(QKeySequence::New);
    connect(create, &QAction::triggered, this, &MainWindow::newProject);
    file->insertAction(openAction, create);
    m_recentMenu = new QMenu(tr("Open &Recent"), file);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addMenu(m_recentMenu);
    QAction *scan = file->addAction(tr("&Scan This Computer"), this, [this] {
        closeProject();     // the scan's progress is on the start page; its project opens when done
        m_startPage->startQuickScan();
    });
    scan->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));    // L for the local transport
    QAction *close = file->addAction(tr("&Close Project"), this, &MainWindow::closeProject);
    close->setShortcuts(QKeySequence::Close);   // Ctrl+W and Ctrl+F4 where the platform has both
}

void MainWindow::buildVaultControls(QMenu *file)
{
    m_vault = new ProjectVault(this);
    m_lockVault = file->addAction(tr("&Lock Credential Vault"), m_vault, &ProjectVault::lock);
    m_lockVault->setStatusTip(tr("Forget the unlocked passwords; the passphrase is asked again when one is needed"));
    m_lockVault->setEnabled(false);
    m_changePassphrase = file->addAction(tr("Change Vault &Passphrase…"), this, [this] {
        m_vault->changePassphrase(this, [this](const QString &error) {
            if (error.isEmpty())
                statusBar()->showMessage(tr("The vault passphrase was changed. Use the new one from now on."));
            else
                statusBar()->showMessage(tr("The vault passphrase was not changed: %1").arg(error));
            emit vaultPassphraseChanged(error);
        });
    });
    m_changePassphrase->setEnabled(false);
    // Visible while secrets are held in memory, so an auditor leaving the desk knows to lock.
    m_vaultState = new QLabel(tr("Vault unlocked"), this);
    m_vaultState->setToolTip(tr("The project's stored passwords are unlocked. File › Lock Credential Vault forgets them."));
    m_vaultState->setVisible(false);
    statusBar()->addPermanentWidget(m_vaultState);
    connect(m_vault, &ProjectVault::stateChanged, this, [this](bool unlocked) {
        m_lockVault->setEnabled(unlocked);
        m_vaultState->setVisible(unlocked);
    });
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QList<RecentProject> projects = RecentProjects::load();
    for (const RecentProject &p : projects) {
        const bool exists = QFileInfo(p.path).isFile();
        // "&&": a project named "R&D" must not turn D into a mnemonic.
        QString label = (p.name.isEmpty() ? QFileInfo(p.path).completeBaseName() : p.name);
        label.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *action = m_recentMenu->addAction(exists ? label : tr("%1 (not found)").arg(label),
                                                  this, [this, path = p.path] { openProject(path); });
        action->setToolTip(p.path);
        action->setEnabled(exists);
    }
    if (projects.isEmpty())
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
    m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear List"), this, [this] {
        RecentProjects::clear();
        m_startPage->reloadRecent();
    });
    clear->setEnabled(!projects.isEmpty());
}

void MainWindow::buildThemeAndHelpMenus(QMenu *view)
{
    QMenu *theme = view->addMenu(tr("&Theme"));
    auto *group = new QActionGroup(theme);
    const QList<std::pair<QString, Theme::Choice>> choices{
        {tr("&System"), Theme::Choice::System}, {tr("&Light"), Theme::Choice::Light}, {tr("&Dark"), Theme::Choice::Dark}};
    for (const auto &[text, choice] : choices) {
        QAction *action = theme->addAction(text, this, [choice] {
            Theme::apply(choice);
            Theme::save(choice);
        });
        action->setCheckable(true);
        action->setChecked(Theme::current() == choice);
        action->setData(Theme::toString(choice));
        group->addAction(action);
    }
    // The theme may be changed elsewhere (main.cpp's --theme): show the one in use when opened.
    connect(theme, &QMenu::aboutToShow, theme, [group] {
        for (QAction *a : group->actions())
            a->setChecked(a->data().toString() == Theme::toString(Theme::current()));
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto *dialog = new ShortcutsDialog(menuBar(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
}

void MainWindow::newProject()
{
    QPointer<MainWindow> self(this);
    NewProjectPrompt::ask(this, [self](const QString &path) {
        if (self)
            self->openProject(path);
    });
}

void MainWindow::closeProject()
{
    m_projectPath.clear();
    m_shownRun = 0;
    m_shownResultRow = -1;
    m_runs->setRuns({});
    m_results->setResults({});
    m_detail->clear();
    m_issues->clear();
    m_register->clear();
    m_requirements->clear();
    m_vault->setProject({});    // a closed project's secrets do not stay in memory
    m_changePassphrase->setEnabled(false);
    setBrowsingTemplates(false);
    setWindowTitle(tr("Triad"));
    m_startPage->setMessage({});
    m_startPage->reloadRecent();
    m_stack->setCurrentWidget(m_startPage);
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::browseTemplates()
{
    if (!m_projectPath.isEmpty()) {
        showView(View::Templates);
        return;
    }
    setBrowsingTemplates(true);
    setWindowTitle(tr("Template Library — Triad"));
    m_stack->setCurrentIndex(1);
    showView(View::Templates);
}

void MainWindow::setBrowsingTemplates(bool browsing)
{
    if (m_browsingTemplates && !browsing)
        m_sideBar->setCurrentRow(m_pages->indexOf(m_dashboard));   // a project opens on its landing page
    m_browsingTemplates = browsing;
    const int templatesRow = m_pages->indexOf(m_templates);
    for (int row = 0; row < m_sideBar->count(); ++row)
        m_sideBar->setRowHidden(row, browsing && row != templatesRow);
    m_templates->setReadOnly(browsing);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    WindowState::save(*this);
    QMainWindow::closeEvent(event);
}

} // namespace triad
