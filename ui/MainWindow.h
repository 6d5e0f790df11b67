#pragma once

#include "db/ProjectTypes.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QCloseEvent;
class QComboBox;
class QLabel;
class QListWidget;
class QMenu;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QTextBrowser;

namespace triad {

class AssetsView;
class AssessmentsView;
class Catalog;
class CompareView;
class StartPage;
class DashboardView;
class ProjectVault;
class IssuesView;
class ReportDialog;
class RegisterView;
class RequirementsView;
class TemplatesView;
class ResultFilterProxy;
class ResultTableModel;
class RunListModel;
struct StoredResult;

/// Opens a project and shows, through a side bar, its runs with the results of the selected run and
/// the evidence of the selected result; its issues; and its waiver and attestation registers.
/// Every database read runs on a worker thread.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Starts loading `path`; errors are shown in the window, never in a blocking dialog.
    void openProject(const QString &path);
    [[nodiscard]] QString projectPath() const { return m_projectPath; }

    /// The pages. The values are stable (not the side-bar order, see pages()).
    enum class View { Results, Issues, Register, Templates, Assets, Compare, Dashboard, Assessments };
    /// Shows the page and moves keyboard focus into it (its main table or first control).
    void showView(View view);
    [[nodiscard]] View currentView() const;
    [[nodiscard]] IssuesView *issuesView() const { return m_issues; }
    [[nodiscard]] RegisterView *registerView() const { return m_register; }
    /// The Requirements tab of the Runs & results page: the selected run's requirements.
    [[nodiscard]] RequirementsView *requirementsView() const { return m_requirements; }
    [[nodiscard]] TemplatesView *templatesView() const { return m_templates; }
    [[nodiscard]] AssetsView *assetsView() const { return m_assets; }
    [[nodiscard]] ProjectVault *vault() const { return m_vault; }
    [[nodiscard]] QAction *lockVaultAction() const { return m_lockVault; }
    [[nodiscard]] QAction *changePassphraseAction() const { return m_changePassphrase; }
    [[nodiscard]] CompareView *compareView() const { return m_compare; }
    /// File › Export Report… (Ctrl+E): opens the export dialog on the project (window-modal,
    /// no nested event loop) and returns it; null when no project with runs is open.
    ReportDialog *openExportDialog();
    [[nodiscard]] StartPage *startPage() const { return m_startPage; }
    /// File › New Project…: the wizard, then the new project is opened.
    void newProject();
    /// File › Close Project: back to the start page.
    void closeProject();
    /// Start page › Browse Templates: the Templates page, read-only, without a project; the other
    /// pages leave the side bar until a project is opened.
    void browseTemplates();
    [[nodiscard]] bool isBrowsingTemplates() const { return m_browsingTemplates; }
    [[nodiscard]] DashboardView *dashboardView() const { return m_dashboard; }
    [[nodiscard]] AssessmentsView *assessmentsView() const { return m_assessments; }

signals:
    /// Emitted once a project (or a run) has been loaded and shown: lets tests and scripts wait.
    void projectLoaded(const QString &path);
    void runLoaded(qint64 runId);
    /// The Issues view shows the first page of its filter (`total` issues match).
    void issuesLoaded(int total);
    /// The Issues view's detail pane shows the history of an issue.
    void issueDetailShown(qint64 issueId);
    void registerLoaded();
    /// The Templates view shows the details of a requirement or check.
    void templateDetailShown(const QString &itemId);
    /// The Assets page shows the project's `count` assets.
    void assetsLoaded(int count);
    /// File › Change Vault Passphrase ended: `error` is empty when the passphrase was changed.
    void vaultPassphraseChanged(const QString &error);
    /// The Compare view shows a comparison (`rows` changes) or its empty state (0).
    void comparisonLoaded(int rows);
    /// The dashboard shows the project's charts (or its empty state).
    void dashboardLoaded();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void buildStartMenus(QMenu *file, QAction *openAction);
    void buildVaultControls(QMenu *file);
    void fillRecentMenu();
    void buildThemeAndHelpMenus(QMenu *view);
    /// File › Open Project…: the file dialog (OpenProjectPrompt), then the chosen project opens.
    void chooseProject();
    void showMessage(const QString &text);
    void selectRun(qint64 runId);
    void showResult(const StoredResult &result);
    [[nodiscard]] QWidget *pageOf(View view) const;
    /// Keyboard focus into the shown page (PageFocus).
    void focusCurrentPage();
    void setBrowsingTemplates(bool browsing);

    struct Page {
        View view;
        QString sideBarText;
        QString menuText;   ///< View menu, with its mnemonic
        QString mainControl;  ///< object name of the widget that gets focus when the page is shown
    };
    /// The pages in side-bar order, which is also the order of Ctrl+0…Ctrl+7.
    [[nodiscard]] static QList<Page> pages();

    std::shared_ptr<const Catalog> m_catalog;   ///< for remediation and verification texts
    QString m_projectPath;
    qint64 m_shownResultRow = -1;   ///< source row of the result in the detail pane
    qint64 m_shownRun = 0;
    RunListModel *m_runs = nullptr;
    ResultTableModel *m_results = nullptr;
    ResultFilterProxy *m_filter = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_emptyState = nullptr;
    StartPage *m_startPage = nullptr;
    QMenu *m_recentMenu = nullptr;
    QListWidget *m_sideBar = nullptr;
    QStackedWidget *m_pages = nullptr;
    QStackedWidget *m_resultsPage = nullptr;
    QLabel *m_noRuns = nullptr;
    IssuesView *m_issues = nullptr;
    RegisterView *m_register = nullptr;
    RequirementsView *m_requirements = nullptr;
    TemplatesView *m_templates = nullptr;
    AssetsView *m_assets = nullptr;
    CompareView *m_compare = nullptr;
    QAction *m_exportReport = nullptr;
    QString m_projectName;
    QList<RunInfo> m_projectRuns;   ///< for the export dialog
    DashboardView *m_dashboard = nullptr;
    AssessmentsView *m_assessments = nullptr;
    ProjectVault *m_vault = nullptr;    ///< the open project's credential vault, shared by the pages
    QAction *m_lockVault = nullptr;
    QAction *m_changePassphrase = nullptr;
    QLabel *m_vaultState = nullptr;
    bool m_browsingTemplates = false;   ///< the workspace shows the Templates page without a project
    QTableView *m_runView = nullptr;
    QTableView *m_resultView = nullptr;
    QTextBrowser *m_detail = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_runSummary = nullptr;
};

} // namespace triad
