// The start page: recent projects, "Scan this computer" on the real local transport, window state,
// themes and the keyboard shortcuts dialog. Offscreen, with settings in Qt's test location.
#include "db/ProjectDatabase.h"
#include "ui/MainWindow.h"
#include "ui/ProjectCreation.h"
#include "ui/QuickScan.h"
#include "ui/RecentProjects.h"
#include "ui/ShortcutsDialog.h"
#include "ui/StartPage.h"
#include "ui/TemplatesView.h"
#include "ui/models/TemplateListModel.h"
#include "ui/models/RequirementTreeModel.h"
#include "ui/Theme.h"
#include "ui/models/ResultTableModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QSysInfo>
#include <QTabWidget>
#include <QTimer>

using namespace triad;

namespace {

QString makeProject(const QString &path, const QString &name)
{
    ProjectInfo info;
    info.name = name;
    auto db = ProjectDatabase::create(path, info);
    if (!db)
        qFatal("%s", qPrintable(db.error().toString()));
    return path;
}

} // namespace

class TestStartPage final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("TriadTest"));
        QApplication::setApplicationName(QStringLiteral("tst_start_page"));
    }

    void init()
    {
        QSettings().clear();
    }

    void recentProjectsKeepOrderAndCap()
    {
        QTemporaryDir dir;
        const QString a = makeProject(dir.filePath(QStringLiteral("a.triad")), QStringLiteral("Alpha"));
        const QString b = makeProject(dir.filePath(QStringLiteral("b.triad")), QStringLiteral("Beta"));
        RecentProjectsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);

        RecentProjects::add(a, QStringLiteral("Alpha"));
        RecentProjects::add(b, QStringLiteral("Beta"));
        model.reload();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.projectAt(0)->path, b);          // most recent first
        QCOMPARE(model.projectAt(1)->name, QStringLiteral("Alpha"));
        QVERIFY(model.data(model.index(0)).toString().startsWith(QStringLiteral("Beta\n")));

        // Opening again moves it to the top instead of repeating it; relative paths count as the same file.
        QDir::setCurrent(dir.path());
        RecentProjects::add(QStringLiteral("./a.triad"), QStringLiteral("Alpha renamed"));
        model.reload();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.projectAt(0)->path, a);
        QCOMPARE(model.projectAt(0)->name, QStringLiteral("Alpha renamed"));

        // A file that disappears stays listed, greyed and marked, until removed.
        QVERIFY(QFile::remove(b));
        model.reload();
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.existsAt(0));
        QVERIFY(!model.existsAt(1));
        QCOMPARE(model.data(model.index(1), RecentProjectsModel::ExistsRole).toBool(), false);
        QVERIFY(model.data(model.index(1)).toString().contains(QStringLiteral("file not found")));
        QCOMPARE(model.data(model.index(1), Qt::ForegroundRole).value<QBrush>().color(),
                 QApplication::palette().color(QPalette::Disabled, QPalette::Text));
        RecentProjects::remove(b);
        model.reload();
        QCOMPARE(model.rowCount(), 1);

        // At most kMaxEntries, the oldest dropped.
        for (int i = 0; i < RecentProjects::kMaxEntries + 3; ++i)
            RecentProjects::add(dir.filePath(QStringLiteral("p%1.triad").arg(i)), QStringLiteral("P%1").arg(i));
        model.reload();
        QCOMPARE(model.rowCount(), RecentProjects::kMaxEntries);
        QCOMPARE(model.projectAt(0)->name, QStringLiteral("P%1").arg(RecentProjects::kMaxEntries + 2));
        QCOMPARE(model.projectAt(RecentProjects::kMaxEntries - 1)->name, QStringLiteral("P3"));

        RecentProjects::clear();
        model.reload();
        QCOMPARE(model.rowCount(), 0);
    }

    void damagedSettingsGiveNoEmptyOrRepeatedRows()
    {
        QSettings settings;
        settings.beginWriteArray(QStringLiteral("recentProjects"), 4);
        const QStringList paths{QStringLiteral("/x/one.triad"), QString(), QStringLiteral("/x/one.triad"),
                                QStringLiteral("/x/two.triad")};
        for (int i = 0; i < paths.size(); ++i) {
            settings.setArrayIndex(i);
            settings.setValue(QStringLiteral("path"), paths[i]);
            settings.setValue(QStringLiteral("lastOpened"), QStringLiteral("not a date"));
        }
        settings.endArray();
        settings.sync();
        RecentProjectsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.projectAt(1)->path, QStringLiteral("/x/two.triad"));
        QVERIFY(model.data(model.index(0)).toString().startsWith(QStringLiteral("one\n")));
    }

    void startPageListsRecentAndHandlesMissingFiles()
    {
        QTemporaryDir dir;
        const QString kept = makeProject(dir.filePath(QStringLiteral("kept.triad")), QStringLiteral("Kept"));
        const QString gone = dir.filePath(QStringLiteral("gone.triad"));
        RecentProjects::add(kept, QStringLiteral("Kept"));
        RecentProjects::add(gone, QStringLiteral("Gone"));
        StartPage page;
        page.show();
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QSignalSpy chosen(&page, &StartPage::projectChosen);
        QCOMPARE(page.recentModel()->rowCount(), 2);
        auto *open = page.findChild<QPushButton *>(QStringLiteral("openRecentButton"));
        auto *remove = page.findChild<QPushButton *>(QStringLiteral("removeRecentButton"));
        QVERIFY(open && remove);

        // The missing one: Open is disabled, activating it explains instead of crashing or opening.
        page.recentView()->setCurrentIndex(page.recentModel()->index(0));
        QVERIFY(!open->isEnabled());
        QVERIFY(remove->isEnabled());
        emit page.recentView()->activated(page.recentModel()->index(0));
        QCOMPARE(chosen.count(), 0);
        QVERIFY(page.messageLabel()->isVisible());
        QVERIFY(page.messageLabel()->text().contains(QStringLiteral("not there any more")));
        page.recentView()->setFocus();
        QTest::keyClick(page.recentView(), Qt::Key_Delete);
        QCOMPARE(page.recentModel()->rowCount(), 1);
        QCOMPARE(RecentProjects::load().size(), 1);

        page.recentView()->setCurrentIndex(page.recentModel()->index(0));
        QVERIFY(open->isEnabled());
        open->click();
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), kept);

        remove->click();
        QCOMPARE(page.recentModel()->rowCount(), 0);
        auto *empty = page.findChild<QLabel *>(QStringLiteral("noRecentProjects"));
        QVERIFY(empty && empty->isVisible());
    }

    void openingAProjectPutsItOnTopOfTheList()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir.filePath(QStringLiteral("audit.triad")), QStringLiteral("Audit <2026>"));
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::projectLoaded);
        window.openProject(path);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 10000);
        const QList<RecentProject> recent = RecentProjects::load();
        QCOMPARE(recent.size(), 1);
        QCOMPARE(recent.first().path, path);
        QCOMPARE(recent.first().name, QStringLiteral("Audit <2026>"));
        // File > Open Recent lists it (built when the menu opens).
        QMenu *recentMenu = nullptr;
        for (QMenu *m : window.menuBar()->findChildren<QMenu *>())
            if (m->title() == QStringLiteral("Open &Recent"))
                recentMenu = m;
        QVERIFY(recentMenu);
        emit recentMenu->aboutToShow();
        QCOMPARE(recentMenu->actions().value(0)->text(), QStringLiteral("Audit <2026>"));
        QVERIFY(recentMenu->actions().value(0)->isEnabled());

        window.closeProject();
        QVERIFY(window.projectPath().isEmpty());
        QCOMPARE(window.windowTitle(), QStringLiteral("Triad"));
        QVERIFY(window.startPage()->isVisible());
        QCOMPARE(window.startPage()->recentModel()->rowCount(), 1);
    }

    void aFileThatIsNotAProjectIsExplainedOnTheStartPage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("<notes>.triad"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("plain text");
        f.close();
        MainWindow window;
        window.show();
        window.openProject(path);
        QLabel *message = window.startPage()->messageLabel();
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("Cannot open")), 10000);
        QVERIFY(message->isVisible());
        // The file name is quoted as text, not markup.
        QVERIFY(message->text().contains(QStringLiteral("&lt;notes&gt;.triad")));
        QVERIFY(RecentProjects::load().isEmpty());      // a failed open is not remembered
        if (const QString shots = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR"); !shots.isEmpty()) {
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.grab().save(shots + QStringLiteral("/start-page-error.png")));
        }
    }

    void scanThisComputerReachesResults()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.show();
        // The first paint (fonts) and the catalog load are start-up costs, not the scan's.
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(300);
        StartPage *page = window.startPage();
        QuickScan::Options options;
        options.folder = dir.filePath(QStringLiteral("Triad"));     // made by the scan
        page->setQuickScanOptions(options);
        QSignalSpy progress(page->quickScan(), &QuickScan::progress);
        QSignalSpy finished(page->quickScan(), &QuickScan::finished);
        QSignalSpy loaded(&window, &MainWindow::projectLoaded);
        QSignalSpy runLoaded(&window, &MainWindow::runLoaded);
        auto *button = page->findChild<QPushButton *>(QStringLiteral("scanThisComputerButton"));
        QVERIFY(button);

        // The GUI thread keeps turning while this computer is collected (the long stage, seconds):
        // a 20 ms timer fires throughout. The bound is loose because this machine is shared; a
        // scan on the GUI thread would stall it for the whole collection.
        QElapsedTimer clock;
        qint64 last = 0;
        qint64 worstGap = 0;
        int beats = 0;
        qint64 collectingFor = 0;
        QTimer beat;
        beat.setInterval(20);
        connect(&beat, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worstGap = std::max(worstGap, now - last);
            last = now;
            ++beats;
        });
        const QString shots = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR");
        connect(page->quickScan(), &QuickScan::progress, this, [&](int step) {
            if (step == QuickScan::Collecting && !beat.isActive()) {
                // For tests/screenshots.sh: the start page while the scan runs.
                if (!shots.isEmpty())
                    window.grab().save(shots + QStringLiteral("/quick-scan-running.png"));
                clock.start();
                beat.start();
            } else if (step > QuickScan::Collecting && beat.isActive()) {
                beat.stop();
                collectingFor = clock.elapsed();
                worstGap = std::max(worstGap, collectingFor - last);
            }
        });
        button->click();
        QVERIFY(!button->isEnabled());
        QVERIFY(page->findChild<QWidget *>(QStringLiteral("quickScanPanel"))->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() > 0, 240000);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(runLoaded.count() > 0, 10000);
        QVERIFY2(collectingFor > 0, "no Collecting stage was reported");
        QVERIFY2(worstGap < 1000, qPrintable(QStringLiteral("GUI thread stalled %1 ms while collecting").arg(worstGap)));
        QVERIFY2(beats >= collectingFor / 20 / 4,
                 qPrintable(QStringLiteral("%1 timer beats in %2 ms of collection").arg(beats).arg(collectingFor)));
        QVERIFY(progress.count() >= 2);
        QCOMPARE(progress.last().at(0).toInt(), int(QuickScan::Finished));

        const auto outcome = finished.at(0).at(0).value<QuickScanOutcome>();
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        QCOMPARE(outcome.runStatus, QStringLiteral("completed"));
        QVERIFY(outcome.projectPath.startsWith(options.folder));
        QCOMPARE(window.projectPath(), outcome.projectPath);
        QCOMPARE(window.currentView(), MainWindow::View::Dashboard);   // the landing page of an open project

        // Read back with the core: one local asset, one cis-linux run with its results stored.
        auto db = ProjectDatabase::open(outcome.projectPath, ProjectDatabase::OpenMode::ReadOnly);
        QVERIFY(db);
        auto assets = (*db)->assets();
        QVERIFY(assets);
        QCOMPARE(assets->size(), 1);
        QCOMPARE(assets->first().transport, QStringLiteral("local"));
        auto runs = (*db)->runs();
        QVERIFY(runs && runs->size() == 1);
        QCOMPARE(runs->first().id, outcome.runId);
        QCOMPARE(runs->first().templateId, QStringLiteral("cis-linux"));
        auto results = (*db)->results(outcome.runId);
        QVERIFY(results);
        QCOMPARE(int(results->size()), outcome.resultCount);
        QVERIFY(outcome.resultCount > 50);
        QCOMPARE(RecentProjects::load().value(0).path, outcome.projectPath);
        QCOMPARE(RecentProjects::load().value(0).name, QStringLiteral("This computer (%1)").arg(QSysInfo::machineHostName()));
        QCOMPARE((*db)->projectInfo()->name, outcome.projectName);

        // The results page shows that run.
        // By name: the tailoring editor's check table has as many columns.
        auto *resultView = window.findChild<QTableView *>(QStringLiteral("resultTable"));
        QVERIFY(resultView);
        QCOMPARE(resultView->model()->rowCount(), outcome.resultCount);
    }

    void cancelledScanKeepsTheProjectAndSaysSo()
    {
        QTemporaryDir dir;
        StartPage page;
        page.show();
        QuickScan::Options options;
        options.folder = dir.path();
        page.setQuickScanOptions(options);
        QSignalSpy finished(page.quickScan(), &QuickScan::finished);
        QSignalSpy chosen(&page, &StartPage::projectChosen);
        page.startQuickScan();
        QVERIFY(page.quickScan()->isRunning());
        QVERIFY(!page.quickScan()->start(options));     // one at a time
        page.findChild<QPushButton *>(QStringLiteral("cancelScanButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() > 0, 120000);
        const auto outcome = finished.at(0).at(0).value<QuickScanOutcome>();
        QCOMPARE(outcome.runStatus, QStringLiteral("cancelled"));
        QCOMPARE(chosen.count(), 0);
        QVERIFY(page.messageLabel()->text().contains(QStringLiteral("Scan cancelled")));
        QVERIFY(QFileInfo(outcome.projectPath).isFile());
        QCOMPARE(page.recentModel()->projectAt(0)->path, outcome.projectPath);
        // A second scan on the same day gets a new file, never the first one.
        const QString next = unusedProjectPath(dir.path(), QFileInfo(outcome.projectPath).completeBaseName());
        QVERIFY(next != outcome.projectPath);
        QVERIFY(!QFileInfo::exists(next));
    }

    void scanFromTheFileMenuClosesTheOpenProject()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir.filePath(QStringLiteral("open.triad")), QStringLiteral("Open one"));
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::projectLoaded);
        window.openProject(path);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 10000);
        QuickScan::Options options;
        options.folder = dir.path();
        window.startPage()->setQuickScanOptions(options);
        QAction *scan = nullptr;
        for (QAction *a : window.menuBar()->findChildren<QAction *>())
            if (a->text() == QStringLiteral("&Scan This Computer"))
                scan = a;
        QVERIFY(scan);
        QSignalSpy finished(window.startPage()->quickScan(), &QuickScan::finished);
        scan->trigger();
        QVERIFY(window.projectPath().isEmpty());
        QVERIFY(window.startPage()->isVisible());
        QVERIFY(window.startPage()->quickScan()->isRunning());
        window.startPage()->quickScan()->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() > 0, 120000);
    }

    void windowStateAndThemeRoundTrip()
    {
        QByteArray splitterState;
        {
            MainWindow window;
            window.resize(1111, 777);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *splitter = window.findChild<QSplitter *>(QStringLiteral("resultsRunSplitter"));
            QVERIFY(splitter);
            splitter->setSizes({500, 600});
            splitterState = splitter->saveState();
            window.close();
        }
        QSettings settings;
        QVERIFY(!settings.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
        {
            MainWindow window;
            QCOMPARE(window.size(), QSize(1111, 777));
            auto *splitter = window.findChild<QSplitter *>(QStringLiteral("resultsRunSplitter"));
            QCOMPARE(splitter->saveState(), splitterState);
        }

        const QPalette startPalette = QApplication::palette();
        QVERIFY(Theme::saved() == Theme::Choice::System);
        Theme::save(Theme::Choice::Dark);
        QVERIFY(Theme::saved() == Theme::Choice::Dark);
        Theme::apply(Theme::saved());
        QVERIFY(Theme::isDark(QApplication::palette()));
        // Meaningful colours switch to shades readable on the dark base.
        const QColor failOnDark = Theme::color(Theme::Tone::Bad);
        QVERIFY(failOnDark.lightness() > QApplication::palette().color(QPalette::Base).lightness() + 80);
        ResultTableModel results;
        StoredResult r;
        r.result.checkId = QStringLiteral("x");
        r.result.status = CheckStatus::Fail;
        results.setResults({r});
        QCOMPARE(results.data(results.index(0, ResultTableModel::Status), Qt::ForegroundRole).value<QBrush>().color(),
                 failOnDark);
        Theme::apply(Theme::Choice::Light);
        QVERIFY(!Theme::isDark(QApplication::palette()));
        QVERIFY(Theme::color(Theme::Tone::Bad).lightness() < QApplication::palette().color(QPalette::Base).lightness() - 80);
        Theme::apply(Theme::Choice::System);
        QCOMPARE(QApplication::palette().color(QPalette::Window), startPalette.color(QPalette::Window));

        // View > Theme > Dark applies and remembers the choice.
        MainWindow window;
        QAction *dark = nullptr;
        for (QAction *a : window.menuBar()->findChildren<QAction *>())
            if (a->data().toString() == QStringLiteral("dark"))
                dark = a;
        QVERIFY(dark);
        Theme::save(Theme::Choice::Light);
        dark->trigger();
        QVERIFY(Theme::saved() == Theme::Choice::Dark);
        QVERIFY(Theme::isDark(QApplication::palette()));
        Theme::apply(Theme::Choice::System);
        QVERIFY(Theme::fromString(QStringLiteral("nonsense"), Theme::Choice::Light) == Theme::Choice::Light);
    }

    /// Browse Templates: the template library without a project, read-only; the other pages come
    /// back (and the project lands on its dashboard) once a project is opened.
    void templatesCanBeBrowsedWithoutAProject()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir.filePath(QStringLiteral("later.triad")), QStringLiteral("Later"));
        MainWindow window;
        window.show();
        window.activateWindow();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.templatesView()->templateModel()->rowCount() > 0, 20000);   // the catalog
        auto *browse = window.startPage()->findChild<QPushButton *>(QStringLiteral("browseTemplatesButton"));
        QVERIFY(browse);
        QVERIFY(browse->isVisible());
        browse->click();

        QVERIFY(window.isBrowsingTemplates());
        QVERIFY(window.projectPath().isEmpty());
        QVERIFY(!window.startPage()->isVisible());
        QVERIFY(window.templatesView()->isVisible());
        QCOMPARE(window.currentView(), MainWindow::View::Templates);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("templateTable"));
        auto *sideBar = window.findChild<QListWidget *>(QStringLiteral("sideBar"));
        QStringList shownRows;
        for (int row = 0; row < sideBar->count(); ++row)
            if (!sideBar->isRowHidden(row))
                shownRows << sideBar->item(row)->text();
        QCOMPARE(shownRows, QStringList{QStringLiteral("Templates")});
        // Read-only: the tailoring tab (kept in a project) is off; the requirement tree is there.
        auto *tabs = window.templatesView()->findChild<QTabWidget *>(QStringLiteral("templateTabs"));
        QVERIFY(!tabs->isTabEnabled(1));
        QCOMPARE(tabs->currentIndex(), 0);
        QTRY_VERIFY(window.templatesView()->treeModel()->rowCount() > 0);
        if (const QString shots = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR"); !shots.isEmpty()) {
            window.resize(1400, 860);
            QVERIFY(window.grab().save(shots + QStringLiteral("/templates-browse.png")));
        }
        // Pages that need a project stay away.
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_1));
        QCOMPARE(window.currentView(), MainWindow::View::Templates);

        QSignalSpy loaded(&window, &MainWindow::projectLoaded);
        window.openProject(path);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 10000);
        QVERIFY(!window.isBrowsingTemplates());
        QCOMPARE(window.currentView(), MainWindow::View::Dashboard);
        for (int row = 0; row < sideBar->count(); ++row)
            QVERIFY(!sideBar->isRowHidden(row));
        QVERIFY(tabs->isTabEnabled(1));

        // Browsing again from the start page after closing the project, then closing it.
        window.closeProject();
        browse->click();
        QVERIFY(window.isBrowsingTemplates());
        window.closeProject();
        QVERIFY(!window.isBrowsingTemplates());
        QVERIFY(window.startPage()->isVisible());
    }

    void shortcutsDialogListsTheMenuShortcuts()
    {
        MainWindow window;
        ShortcutsDialog dialog(window.menuBar());
        const auto rows = dialog.rows();
        if (const QString shots = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR"); !shots.isEmpty()) {
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().save(shots + QStringLiteral("/keyboard-shortcuts.png")));
        }
        auto shortcutOf = [&rows](const QString &action) {
            for (const auto &[name, keys] : rows)
                if (name == action)
                    return keys;
            return QString();
        };
        QCOMPARE(shortcutOf(QStringLiteral("File › New Project…")), QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText));
        QCOMPARE(shortcutOf(QStringLiteral("File › Open Project…")), QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText));
        QVERIFY(!shortcutOf(QStringLiteral("File › Scan This Computer")).isEmpty());
        QVERIFY(!shortcutOf(QStringLiteral("File › Close Project")).isEmpty());
        QVERIFY(!shortcutOf(QStringLiteral("View › Issues")).isEmpty());
        QVERIFY(!shortcutOf(QStringLiteral("Help › Keyboard Shortcuts")).isEmpty());
        // No shortcut is given to two actions.
        QSet<QString> seen;
        for (const auto &[name, keys] : rows) {
            for (const QString &key : keys.split(QStringLiteral(", "))) {
                QVERIFY2(!seen.contains(key), qPrintable(QStringLiteral("%1 used twice (%2)").arg(key, name)));
                seen.insert(key);
            }
        }
    }

};

QTEST_MAIN(TestStartPage)
#include "tst_start_page.moc"
