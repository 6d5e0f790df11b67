// The main window on a real project file, offscreen.
#include "db/ProjectDatabase.h"
#include "WindowReady.h"
#include "ui/MainWindow.h"
#include "ui/OpenProjectPrompt.h"
#include "ui/ShortcutsDialog.h"
#include "ui/models/ResultTableModel.h"
#include "ui/models/RunListModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QPointer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace triad;

namespace {

CheckResult checkResult(const QString &id, CheckStatus status, const QString &actual)
{
    CheckResult r;
    r.checkId = id;
    r.status = status;
    r.expected = QStringLiteral("maxauthtries <= 4");
    r.actual = actual;
    r.collectorKeys = {QStringLiteral("linux-ssh/sshd_effective")};
    return r;
}

/// A project with one asset and one run of three results, written through the real database API.
QString makeProject(const QString &dir)
{
    const QString path = dir + QStringLiteral("/ui.triad");
    ProjectInfo info;
    info.name = QStringLiteral("UI test");
    info.createdAt = QDateTime::currentDateTimeUtc();
    auto db = ProjectDatabase::create(path, info);
    if (!db)
        qFatal("%s", qPrintable(db.error().toString()));
    Asset asset;
    asset.name = QStringLiteral("web-01");
    asset.kind = QStringLiteral("linux");
    asset.transport = QStringLiteral("local");
    auto assetId = (*db)->addAsset(asset);
    RunInfo run;
    run.templateId = QStringLiteral("cis-linux");
    run.templateVersion = QStringLiteral("0.1.0");
    run.startedAt = QDateTime::currentDateTimeUtc();
    run.status = RunStatus::Running;
    auto runId = (*db)->beginRun(run);

    RawOutput raw;
    raw.collectorKey = QStringLiteral("linux-ssh/sshd_effective");
    raw.command = QStringLiteral("sshd -T");
    raw.exitCode = 0;
    raw.stdoutData = "maxauthtries 6\n<script>alert(1)</script>\n";
    raw.status = CollectionStatus::Ok;
    raw.collectedAt = QDateTime::currentDateTimeUtc();

    QList<StoredResult> results;
    const QList<std::pair<QString, CheckStatus>> rows{{QStringLiteral("ssh.max-auth-tries"), CheckStatus::Fail},
                                                      {QStringLiteral("ssh.permit-root-login"), CheckStatus::Pass},
                                                      {QStringLiteral("ssh.banner"), CheckStatus::Error}};
    for (const auto &[id, status] : rows) {
        StoredResult r;
        r.result = checkResult(id, status, QStringLiteral("<b>6</b> & more"));
        r.rawStatus = status;
        r.title = QStringLiteral("Title of ") + id;
        r.severity = Severity::High;
        r.requirementIds = {QStringLiteral("5.1.16")};
        results << r;
    }
    AssetRunRecord record;
    record.runId = *runId;
    record.assetId = *assetId;
    record.assetName = asset.name;
    record.status = AssetRunStatus::Ok;
    if (auto s = (*db)->storeAssetResults(*runId, record, {raw}, results); !s)
        qFatal("%s", qPrintable(s.error().toString()));
    (void)(*db)->finishRun(*runId, RunStatus::Completed, QDateTime::currentDateTimeUtc());
    return path;
}

/// The offscreen platform does not activate a shown window by itself; shortcuts need an active one.
bool showActive(QWidget *window)
{
    window->show();
    window->activateWindow();
    QApplication::setActiveWindow(window);
    return QTest::qWaitForWindowActive(window);
}

} // namespace

class TestMainWindow final : public QObject {
    Q_OBJECT
private slots:
    // The window remembers recent projects and its geometry: keep that out of the user's settings.
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void modelsPassTheModelTester()
    {
        RunListModel runs;
        QAbstractItemModelTester runTester(&runs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RunInfo a;
        a.id = 1;
        RunInfo b;
        b.id = 2;
        runs.setRuns({a, b});
        QCOMPARE(runs.rowCount(), 2);
        QCOMPARE(runs.data(runs.index(0, RunListModel::Id)).toLongLong(), 2);   // newest first

        ResultTableModel results;
        ResultFilterProxy proxy;
        proxy.setSourceModel(&results);
        QAbstractItemModelTester resultTester(&results, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        StoredResult pass;
        pass.result = checkResult(QStringLiteral("a.pass"), CheckStatus::Pass, QStringLiteral("1"));
        pass.assetName = QStringLiteral("db-01");
        StoredResult fail;
        fail.result = checkResult(QStringLiteral("b.fail"), CheckStatus::Fail, QStringLiteral("9"));
        fail.assetName = QStringLiteral("web-01");
        results.setResults({pass, fail});
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setStatusFilter(int(CheckStatus::Fail));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, ResultTableModel::Check).data().toString(), QStringLiteral("b.fail"));
        proxy.setStatusFilter(-1);
        proxy.setText(QStringLiteral("db-0"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, ResultTableModel::Asset).data().toString(), QStringLiteral("db-01"));
    }

    void opensProjectAndShowsEscapedEvidence()
    {
        QTemporaryDir dir;
        const QString project = makeProject(dir.path());
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::projectLoaded);
        QSignalSpy runLoaded(&window, &MainWindow::runLoaded);
        window.show();
        window.openProject(project);
        // Not loaded.wait(): a load that finishes before openProject() attaches its continuation
        // emits projectLoaded before the wait starts.
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 10000);
        QVERIFY(runLoaded.count() > 0 || runLoaded.wait(10000));
        QVERIFY(window.windowTitle().contains(QStringLiteral("UI test")));

        // By name: the tailoring editor's check table has as many columns.
        auto *resultView = window.findChild<QTableView *>(QStringLiteral("resultTable"));
        QVERIFY(resultView);
        QCOMPARE(resultView->model()->columnCount(), int(ResultTableModel::ColumnCount));
        QCOMPARE(resultView->model()->rowCount(), 3);

        auto *search = window.findChild<QLineEdit *>(QStringLiteral("resultSearch"));
        QVERIFY(search);
        search->setText(QStringLiteral("banner"));
        QCOMPARE(resultView->model()->rowCount(), 1);
        search->clear();

        auto *detail = window.findChild<QTextBrowser *>(QStringLiteral("resultDetail"));
        QVERIFY(detail);
        resultView->selectRow(0);
        QTRY_VERIFY_WITH_TIMEOUT(detail->toPlainText().contains(QStringLiteral("SHA-256")), 10000);
        // Host-supplied text is shown as text, never interpreted as markup.
        QVERIFY(detail->toPlainText().contains(QStringLiteral("<script>alert(1)</script>")));
        QVERIFY(detail->toPlainText().contains(QStringLiteral("<b>6</b> & more")));
    }

    /// The side bar lists the pages in the order of an engagement, and Ctrl+0…Ctrl+7 count down it.
    void sideBarAndShortcutsFollowAnEngagement()
    {
        QTemporaryDir dir;
        const QString project = makeProject(dir.path());
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::projectLoaded);
        QVERIFY(showActive(&window));
        window.openProject(project);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 10000);

        using View = MainWindow::View;
        const QList<std::pair<QString, View>> order{
            {QStringLiteral("Dashboard"), View::Dashboard},           {QStringLiteral("Assets"), View::Assets},
            {QStringLiteral("Templates"), View::Templates},           {QStringLiteral("Assessments"), View::Assessments},
            {QStringLiteral("Runs & results"), View::Results},        {QStringLiteral("Issues"), View::Issues},
            {QStringLiteral("Waivers & attestations"), View::Register}, {QStringLiteral("Compare runs"), View::Compare}};
        auto *sideBar = window.findChild<QListWidget *>(QStringLiteral("sideBar"));
        QVERIFY(sideBar);
        QCOMPARE(sideBar->count(), int(order.size()));
        for (int n = 0; n < order.size(); ++n)
            QCOMPARE(sideBar->item(n)->text(), order[n].first);

        // Backwards, so that every key changes the page.
        for (int n = int(order.size()) - 1; n >= 0; --n) {
            QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + n)));
            QCOMPARE(window.currentView(), order[n].second);
            QCOMPARE(sideBar->currentItem()->text(), order[n].first);
        }
        // Clicking a row shows its page too.
        sideBar->setCurrentRow(1);
        QCOMPARE(window.currentView(), View::Assets);

        // Help › Keyboard Shortcuts lists the View entries in the same order.
        ShortcutsDialog shortcuts(window.menuBar());
        QStringList keys;
        for (const auto &[action, key] : shortcuts.rows())
            if (action.startsWith(QStringLiteral("View › ")) && key.size() == 6 && key.startsWith(QStringLiteral("Ctrl+"))
                && key.back().isDigit())
                keys << action.mid(7) + QLatin1Char('=') + key;
        QCOMPARE(keys, (QStringList{QStringLiteral("Dashboard=Ctrl+0"), QStringLiteral("Assets=Ctrl+1"),
                                    QStringLiteral("Templates and Tailoring=Ctrl+2"), QStringLiteral("Assessments=Ctrl+3"),
                                    QStringLiteral("Runs and Results=Ctrl+4"), QStringLiteral("Issues=Ctrl+5"),
                                    QStringLiteral("Waivers and Attestations=Ctrl+6"), QStringLiteral("Compare Runs=Ctrl+7")}));
    }

    /// After Ctrl+N the keyboard is in the page: its main table (or, in an empty state, its first
    /// control, as Record Attestation on the register without waivers; the side bar when the page
    /// has none, as Compare with one run).
    /// Arrow keys in the side bar browse the pages there; Enter goes into the page.
    void showingAPageMovesFocusIntoIt()
    {
        QTemporaryDir dir;
        const QString project = makeProject(dir.path());
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::projectLoaded);
        QVERIFY(showActive(&window));
        window.openProject(project);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 10000);
        QVERIFY(triad::test::pagesLoaded(window));
        QTest::qWait(300);   // the pages' other loads (empty states or tables)

        const QStringList expected{QStringLiteral("scoreTrendChart"), QStringLiteral("assetTable"),
                                   QStringLiteral("templateTable"),   QStringLiteral("assessmentRuns"),
                                   QStringLiteral("resultTable"),     QStringLiteral("issueTable"),
                                   QStringLiteral("recordAttestationButton"), QStringLiteral("sideBar")};
        // (The project has no waiver and one run: the register and Compare show empty states.)
        auto *sideBar = window.findChild<QListWidget *>(QStringLiteral("sideBar"));
        sideBar->setFocus();
        for (int n = 0; n < expected.size(); ++n) {   // each from the control the previous one focused
            QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + n)));
            QWidget *focus = QApplication::focusWidget();
            QVERIFY2(focus, qPrintable(expected[n]));
            QCOMPARE(focus->objectName(), expected[n]);
        }

        sideBar->setFocus();
        sideBar->setCurrentRow(0);
        QTest::keyClick(sideBar, Qt::Key_Down);
        QCOMPARE(window.currentView(), MainWindow::View::Assets);
        QCOMPARE(QApplication::focusWidget(), sideBar);
        QTest::keyClick(sideBar, Qt::Key_Return);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("assetTable"));
    }

    /// File › Open Project (Ctrl+O) opens its file dialog with open(): the call returns while the
    /// dialog is up (no nested event loop), and choosing a file opens the project. Scripted
    /// through OpenProjectPrompt, then once for real with the dialog shown.
    void openProjectDialogDoesNotBlock()
    {
        QTemporaryDir dir;
        const QString project = makeProject(dir.path());
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::projectLoaded);
        QVERIFY(showActive(&window));

        // Cancelled: nothing opens, nothing is left behind.
        bool asked = false;
        OpenProjectPrompt::setNextScript([&](QFileDialog &dialog) {
            asked = dialog.fileMode() == QFileDialog::ExistingFile && dialog.acceptMode() == QFileDialog::AcceptOpen
                    && dialog.nameFilters().value(0).contains(QStringLiteral("*.triad"));
            return false;   // Cancel
        });
        QTest::keySequence(&window, QKeySequence::Open);
        QVERIFY(asked);
        QTRY_VERIFY(!window.findChild<QFileDialog *>());
        QVERIFY(window.projectPath().isEmpty());

        // A project chosen.
        OpenProjectPrompt::setNextScript([&](QFileDialog &dialog) {
            dialog.selectFile(project);
            return true;
        });
        QTest::keySequence(&window, QKeySequence::Open);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 10000);
        QCOMPARE(window.projectPath(), project);
        window.closeProject();
        loaded.clear();

        // Unscripted: the key press returns with the dialog shown and window-modal.
        QTest::keySequence(&window, QKeySequence::Open);
        QPointer<QFileDialog> dialog = window.findChild<QFileDialog *>(QStringLiteral("openProjectDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->windowModality(), Qt::WindowModal);
        QVERIFY(loaded.isEmpty());
        dialog->selectFile(project);
        static_cast<QDialog *>(dialog.data())->accept();   // what its Open button does
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 10000);
        QTRY_VERIFY(!dialog);   // deleted when closed
    }

    void refusesAFileThatIsNotAProject()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.triad"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("plain text");
        f.close();
        MainWindow window;
        window.openProject(path);
        auto *message = window.findChild<QLabel *>(QStringLiteral("emptyState"));
        QVERIFY(message);
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("Cannot open")), 10000);
        QVERIFY(message->text().contains(QStringLiteral("not a Triad project")));
        QVERIFY(window.projectPath().isEmpty());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
