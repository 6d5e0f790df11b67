// The Compare view on real project files: the comparison model against the core's
// compareRuns, the tabs' counts, the filters, the before/after detail with evidence digests,
// the empty states and errors shown in place.
#include "common/Hash.h"
#include "db/ProjectDatabase.h"
#include "ui/CompareView.h"
#include "ui/MainWindow.h"
#include "ui/models/ComparisonModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace triad;

namespace {

struct Verdict {
    QString asset;
    QString check;
    CheckStatus status;
    Severity severity;
    QString subject = {};
};

/// Builds a project through the real database API; each run stores, per asset, one evidence row
/// (collector "linux/sshd") that every result of the asset reads, with the given output.
class CompareProject {
public:
    explicit CompareProject(const QString &path)
    {
        ProjectInfo info;
        info.name = QStringLiteral("Compare test");
        info.createdAt = QDateTime::currentDateTimeUtc();
        auto db = ProjectDatabase::create(path, info);
        if (!db)
            qFatal("%s", qPrintable(db.error().toString()));
        m_db = std::move(*db);
        for (const QString &name : {QStringLiteral("web-01"), QStringLiteral("db-01")}) {
            Asset asset;
            asset.name = name;
            asset.transport = QStringLiteral("local");
            auto id = m_db->addAsset(asset);
            if (!id)
                qFatal("%s", qPrintable(id.error().toString()));
            m_assets.insert(name, *id);
        }
    }

    ProjectDatabase &db() { return *m_db; }

    qint64 addRun(const QList<Verdict> &verdicts, const QHash<QString, QByteArray> &outputByAsset,
                  const QString &templateId = QStringLiteral("cis-linux"))
    {
        RunInfo run;
        run.templateId = templateId;
        run.templateVersion = QStringLiteral("1.0.0");
        run.startedAt = QDateTime::currentDateTimeUtc();
        run.status = RunStatus::Running;
        auto runId = m_db->beginRun(run);
        if (!runId)
            qFatal("%s", qPrintable(runId.error().toString()));
        QMap<QString, QList<StoredResult>> byAsset;
        for (const Verdict &v : verdicts) {
            StoredResult r;
            r.result.checkId = v.check;
            r.result.status = v.status;
            r.result.subject = v.subject;
            r.result.expected = QStringLiteral("expected of ") + v.check;
            r.result.actual = QStringLiteral("<i>%1</i> in run %2").arg(v.check).arg(*runId);
            r.result.collectorKeys = {QStringLiteral("linux/sshd")};
            r.rawStatus = v.status;
            r.severity = v.severity;
            r.title = QStringLiteral("Title of ") + v.check;
            byAsset[v.asset] << r;
        }
        for (auto it = byAsset.cbegin(); it != byAsset.cend(); ++it) {
            RawOutput raw;
            raw.collectorKey = QStringLiteral("linux/sshd");
            raw.command = QStringLiteral("sshd -T");
            raw.exitCode = 0;
            raw.stdoutData = outputByAsset.value(it.key());
            raw.status = CollectionStatus::Ok;
            raw.collectedAt = QDateTime::currentDateTimeUtc();
            AssetRunRecord record;
            record.runId = *runId;
            record.assetId = m_assets.value(it.key());
            record.assetName = it.key();
            record.status = AssetRunStatus::Ok;
            if (auto s = m_db->storeAssetResults(*runId, record, {raw}, it.value()); !s)
                qFatal("%s", qPrintable(s.error().toString()));
        }
        (void)m_db->finishRun(*runId, RunStatus::Completed, QDateTime::currentDateTimeUtc());
        return *runId;
    }

private:
    std::unique_ptr<ProjectDatabase> m_db;
    QHash<QString, qint64> m_assets;
};

QList<RunInfo> runsOf(ProjectDatabase &db)
{
    auto runs = db.runs();
    if (!runs)
        qFatal("%s", qPrintable(runs.error().toString()));
    return *runs;
}

ComparisonRow row(ChangeKind kind, const QString &asset, const QString &check, Severity severity)
{
    ComparisonRow r;
    r.kind = kind;
    r.assetName = asset;
    r.checkId = check;
    r.severity = severity;
    r.before = CheckStatus::Fail;
    r.after = kind == ChangeKind::Fixed ? CheckStatus::Pass : CheckStatus::Fail;
    return r;
}

int visibleRowsOfKind(const ComparisonFilterProxy &proxy, ChangeKind kind)
{
    int n = 0;
    for (int r = 0; r < proxy.rowCount(); ++r)
        n += proxy.index(r, 0).data(ComparisonModel::KindRole).toInt() == int(kind) ? 1 : 0;
    return n;
}

/// Waits for the next signal of `spy` unless it came already. A continuation attached with
/// QFuture::then(context, ...) to a future that has finished runs at once, inside the call that
/// attaches it, so a quick worker's signal can come before wait() starts. Clear the spy before
/// the action.
bool arrived(QSignalSpy &spy, int ms = 10000)
{
    return !spy.isEmpty() || spy.wait(ms);
}

} // namespace

class TestCompareView final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    QList<qint64> m_runs;
    const QByteArray m_webBefore = "maxauthtries 6\npermitrootlogin yes\n";
    const QByteArray m_webAfter = "maxauthtries 4\npermitrootlogin yes\n";
    const QByteArray m_db = "maxauthtries 4\n";

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("compare.triad"));
        CompareProject p(m_path);
        const QString web = QStringLiteral("web-01");
        const QString db = QStringLiteral("db-01");
        // Run 1: three failures. Run 2: one fixed, one new. Run 3: the fixed one regresses,
        // a critical one is new, one is fixed, one stays open; web-01's output changes.
        m_runs << p.addRun({{web, QStringLiteral("ssh.max-auth"), CheckStatus::Fail, Severity::High},
                            {web, QStringLiteral("ssh.root-login"), CheckStatus::Fail, Severity::Medium},
                            {web, QStringLiteral("fs.tmp"), CheckStatus::Pass, Severity::Low},
                            {db, QStringLiteral("ssh.max-auth"), CheckStatus::Fail, Severity::High}},
                           {{web, m_webBefore}, {db, m_db}});
        m_runs << p.addRun({{web, QStringLiteral("ssh.max-auth"), CheckStatus::Pass, Severity::High},
                            {web, QStringLiteral("ssh.root-login"), CheckStatus::Fail, Severity::Medium},
                            {web, QStringLiteral("fs.tmp"), CheckStatus::Fail, Severity::Low},
                            {db, QStringLiteral("ssh.max-auth"), CheckStatus::Fail, Severity::High}},
                           {{web, m_webBefore}, {db, m_db}});
        m_runs << p.addRun({{web, QStringLiteral("ssh.max-auth"), CheckStatus::Fail, Severity::High},
                            {web, QStringLiteral("ssh.root-login"), CheckStatus::Fail, Severity::Medium},
                            {web, QStringLiteral("fs.tmp"), CheckStatus::Pass, Severity::Low},
                            {web, QStringLiteral("kernel.aslr"), CheckStatus::Fail, Severity::Critical},
                            {db, QStringLiteral("ssh.max-auth"), CheckStatus::Pass, Severity::High}},
                           {{web, m_webAfter}, {db, m_db}});
        // A run of another template after them: the default pair stays on cis-linux.
        m_runs << p.addRun({{db, QStringLiteral("pci.logging"), CheckStatus::Fail, Severity::Medium}},
                           {{db, m_db}}, QStringLiteral("pci-dss-4"));
    }

    void modelPassesTheModelTesterAndFilters()
    {
        ComparisonModel model;
        ComparisonFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ComparisonRow evidence;
        evidence.kind = ChangeKind::Evidence;
        evidence.assetName = QStringLiteral("db-01");
        evidence.collectorKey = QStringLiteral("linux/sshd");
        evidence.evidenceBefore = {{QStringLiteral("linux/sshd"), QStringLiteral("aaaaaaaaaaaaaaaa")}};
        evidence.evidenceAfter = {{QStringLiteral("linux/sshd"), QStringLiteral("bbbbbbbbbbbbbbbb")}};
        model.setRows(
            {row(ChangeKind::New, QStringLiteral("web-01"), QStringLiteral("a"), Severity::Critical),
             row(ChangeKind::Fixed, QStringLiteral("db-01"), QStringLiteral("b"), Severity::Low),
             row(ChangeKind::StillOpen, QStringLiteral("web-01"), QStringLiteral("c"), Severity::Medium),
             evidence});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(1, ComparisonModel::After).data().toString(), QStringLiteral("pass"));
        QCOMPARE(model.index(3, ComparisonModel::Check).data().toString(), QStringLiteral("linux/sshd"));
        QCOMPARE(model.index(3, ComparisonModel::Before).data().toString(), QStringLiteral("aaaaaaaaaaaa"));
        QCOMPARE(model.index(3, ComparisonModel::Severity).data().toString(), QString());
        proxy.setKind(int(ChangeKind::Fixed));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, ComparisonModel::Check).data().toString(), QStringLiteral("b"));
        proxy.setKind(-1);
        proxy.setAsset(QStringLiteral("web-01"));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setAsset({});
        proxy.setMinimumSeverity(int(Severity::Medium));
        QCOMPARE(proxy.rowCount(), 2); // critical and medium; not low, not the evidence row
        proxy.setMinimumSeverity(-1);
        QCOMPARE(proxy.rowCount(), 4);
        proxy.sort(ComparisonModel::Severity, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, ComparisonModel::Check).data().toString(), QStringLiteral("a"));
        model.clear();
        QCOMPARE(proxy.rowCount(), 0);
    }

    void defaultPairIsTheLatestTwoOfATemplate()
    {
        QCOMPARE(CompareQueries::defaultPair({}), std::make_pair(qint64(0), qint64(0)));
        auto db = ProjectDatabase::open(m_path, ProjectDatabase::OpenMode::ReadOnly);
        QVERIFY(db);
        QList<RunInfo> runs = runsOf(**db);
        // The newest run is the only pci-dss-4 one: its template has no earlier run, so the
        // run before it is taken.
        QCOMPARE(CompareQueries::defaultPair(runs), std::make_pair(m_runs.at(2), m_runs.at(3)));
        runs.removeIf([this](const RunInfo &r) { return r.id == m_runs.at(3); });
        QCOMPARE(CompareQueries::defaultPair(runs), std::make_pair(m_runs.at(1), m_runs.at(2)));
    }

    void comparisonMatchesTheCore()
    {
        auto db = ProjectDatabase::open(m_path, ProjectDatabase::OpenMode::ReadOnly);
        QVERIFY(db);
        auto core = (*db)->compareRuns(m_runs.at(1), m_runs.at(2));
        QVERIFY(core);

        CompareView view;
        QSignalSpy loaded(&view, &CompareView::comparisonLoaded);
        view.setProject(m_path, runsOf(**db));
        QVERIFY(arrived(loaded));
        loaded.clear();
        view.compare(m_runs.at(1), m_runs.at(2));
        QVERIFY(arrived(loaded));
        QAbstractItemModelTester tester(view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        const RunComparisonData &data = view.comparison();
        QCOMPARE(data.runA.id, m_runs.at(1));
        QCOMPARE(data.runB.id, m_runs.at(2));
        QCOMPARE(data.count(ChangeKind::New), int(core->newFailures.size()));
        QCOMPARE(data.count(ChangeKind::Regressed), int(core->regressed.size()));
        QCOMPARE(data.count(ChangeKind::Fixed), int(core->fixed.size()));
        QCOMPARE(data.count(ChangeKind::StillOpen), int(core->stillOpen.size()));
        QCOMPARE(data.count(ChangeKind::Evidence), int(core->changedEvidence.size()));
        // What the scenario makes of it, so that a core that found nothing fails here too.
        QCOMPARE(data.count(ChangeKind::New), 1); // kernel.aslr
        QCOMPARE(data.count(ChangeKind::Regressed), 1); // web-01 ssh.max-auth
        QCOMPARE(data.count(ChangeKind::Fixed), 2); // web-01 fs.tmp, db-01 ssh.max-auth
        QCOMPARE(data.count(ChangeKind::StillOpen), 1); // ssh.root-login
        QCOMPARE(data.count(ChangeKind::Evidence), 1); // web-01's sshd output
        QCOMPARE(view.model()->rowCount(), 6);

        auto *tabs = view.findChild<QTabBar *>(QStringLiteral("compareTabs"));
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(0), QStringLiteral("All (6)"));
        QCOMPARE(tabs->tabText(1 + int(ChangeKind::New)), QStringLiteral("New (1)"));
        QCOMPARE(tabs->tabText(1 + int(ChangeKind::Fixed)), QStringLiteral("Fixed (2)"));
        QCOMPARE(tabs->tabText(1 + int(ChangeKind::Evidence)), QStringLiteral("Changed evidence (1)"));

        // A tab shows its kind only; the asset and severity filters narrow it further.
        tabs->setCurrentIndex(1 + int(ChangeKind::Fixed));
        QCOMPARE(view.proxy()->rowCount(), 2);
        QCOMPARE(visibleRowsOfKind(*view.proxy(), ChangeKind::Fixed), 2);
        view.setAssetFilter(QStringLiteral("db-01"));
        QCOMPARE(view.proxy()->rowCount(), 1);
        QCOMPARE(view.proxy()->index(0, ComparisonModel::Check).data().toString(),
                 QStringLiteral("ssh.max-auth"));
        view.setAssetFilter({});
        view.showKind(-1);
        view.setMinimumSeverity(int(Severity::High));
        QCOMPARE(view.proxy()->rowCount(), 3); // kernel.aslr, both ssh.max-auth
        view.setMinimumSeverity(-1);
        QCOMPARE(view.proxy()->rowCount(), 6);

        // Ctrl+PgDown steps to the next kind of change.
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showKind(-1);
        view.activateWindow();
        auto *table = view.findChild<QTableView *>(QStringLiteral("compareTable"));
        table->setFocus();
        QTest::keyClick(table, Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), 1);
        QCOMPARE(view.proxy()->rowCount(), 1); // New
        QTest::keyClick(table, Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), 0);
    }

    void detailShowsBeforeAndAfter()
    {
        auto db = ProjectDatabase::open(m_path, ProjectDatabase::OpenMode::ReadOnly);
        QVERIFY(db);
        CompareView view;
        QSignalSpy loaded(&view, &CompareView::comparisonLoaded);
        view.setProject(m_path, runsOf(**db));
        QVERIFY(arrived(loaded));
        loaded.clear();
        view.compare(m_runs.at(1), m_runs.at(2));
        QVERIFY(arrived(loaded));
        auto *detail = view.findChild<QTextBrowser *>(QStringLiteral("compareDetail"));
        QVERIFY(detail);

        // The regressed row: pass before, fail after, each side's actual value and digest.
        view.showKind(int(ChangeKind::Regressed));
        QCOMPARE(view.proxy()->rowCount(), 1);
        QSignalSpy shown(&view, &CompareView::detailShown);
        view.selectRow(0);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.at(0).at(0).toInt(), int(ChangeKind::Regressed));
        const QString text = detail->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Before: run %1").arg(m_runs.at(1))), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("After: run %1").arg(m_runs.at(2))));
        QVERIFY(text.contains(QStringLiteral("pass")));
        QVERIFY(text.contains(QStringLiteral("fail")));
        // Host text is escaped: the markup in the actual value shows as text.
        QVERIFY(text.contains(QStringLiteral("<i>ssh.max-auth</i> in run %1").arg(m_runs.at(1))));
        QVERIFY(text.contains(QStringLiteral("<i>ssh.max-auth</i> in run %1").arg(m_runs.at(2))));
        QVERIFY(text.contains(sha256Hex(m_webBefore)));
        QVERIFY(text.contains(sha256Hex(m_webAfter)));
        QVERIFY(text.contains(QStringLiteral("(changed)")));

        // The changed-evidence row: the command and both digests.
        view.showKind(int(ChangeKind::Evidence));
        QCOMPARE(view.proxy()->rowCount(), 1);
        view.selectRow(0);
        const QString evidence = detail->toPlainText();
        QVERIFY(evidence.contains(QStringLiteral("$ sshd -T")));
        QVERIFY(evidence.contains(sha256Hex(m_webBefore)));
        QVERIFY(evidence.contains(sha256Hex(m_webAfter)));
        QCOMPARE(view.proxy()->index(0, ComparisonModel::Asset).data().toString(), QStringLiteral("web-01"));
    }

    void emptyStatesAndErrorsInPlace()
    {
        // One run only: the empty state says what to do next.
        const QString single = m_dir.filePath(QStringLiteral("single.triad"));
        {
            CompareProject p(single);
            p.addRun({{QStringLiteral("web-01"), QStringLiteral("a"), CheckStatus::Fail, Severity::High}},
                     {});
        }
        auto db = ProjectDatabase::open(single, ProjectDatabase::OpenMode::ReadOnly);
        QVERIFY(db);
        CompareView view;
        QSignalSpy loaded(&view, &CompareView::comparisonLoaded);
        view.setProject(single, runsOf(**db));
        QCOMPARE(loaded.size(), 1); // no worker needed to know there is nothing to compare
        auto *empty = view.findChild<QLabel *>(QStringLiteral("compareEmptyState"));
        QVERIFY(empty);
        auto *stack = view.findChild<QStackedWidget *>();
        QCOMPARE(stack->currentWidget(), empty);
        QVERIFY(empty->text().contains(QStringLiteral("Only one run")));
        QVERIFY(empty->text().contains(QStringLiteral("triad-cli scan")));

        // The same run on both sides: a hint, no comparison.
        auto full = ProjectDatabase::open(m_path, ProjectDatabase::OpenMode::ReadOnly);
        QVERIFY(full);
        loaded.clear();
        view.setProject(m_path, runsOf(**full));
        QVERIFY(arrived(loaded));
        view.compare(m_runs.at(2), m_runs.at(2));
        auto *status = view.findChild<QLabel *>(QStringLiteral("compareStatus"));
        QVERIFY(status);
        QVERIFY(status->text().contains(QStringLiteral("two different runs")));
        QCOMPARE(view.model()->rowCount(), 0);

        // The project file is not there: the error is shown in the view.
        loaded.clear();
        view.setProject(m_dir.filePath(QStringLiteral("missing.triad")), runsOf(**full));
        QVERIFY(arrived(loaded));
        QVERIFY2(status->text().startsWith(QStringLiteral("Cannot compare the runs")),
                 qPrintable(status->text()));
        QVERIFY(!status->isHidden());
        QCOMPARE(view.model()->rowCount(), 0);
    }

    /// The view in a dark palette, saved for a person to look at when TRIAD_UI_SCREENSHOT_DIR is
    /// set. Checks either way that the view draws with the palette's roles: the detail pane's
    /// text is the light text colour of the dark palette.
    void darkPalette()
    {
        const QPalette original = QApplication::palette();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Highlight, QColor(0x2a, 0x6f, 0xb0));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        QApplication::setPalette(dark);
        auto db = ProjectDatabase::open(m_path, ProjectDatabase::OpenMode::ReadOnly);
        QVERIFY(db);
        CompareView view;
        view.resize(1200, 700);
        QSignalSpy loaded(&view, &CompareView::comparisonLoaded);
        view.setProject(m_path, runsOf(**db));
        QVERIFY(arrived(loaded));
        loaded.clear();
        view.compare(m_runs.at(1), m_runs.at(2));
        QVERIFY(arrived(loaded));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *detail = view.findChild<QTextBrowser *>(QStringLiteral("compareDetail"));
        QCOMPARE(detail->palette().color(QPalette::Text), QColor(0xe8, 0xe8, 0xe8));
        const QImage shot = view.grab().toImage();
        // The table's empty area and the detail pane are drawn dark.
        QVERIFY(qGray(shot.pixel(shot.width() - 20, shot.height() - 20)) < 80);
        if (const QString dir = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(shot.save(dir + QStringLiteral("/compare-dark.png")));
        QApplication::setPalette(original);
    }

    void mainWindowHasTheComparePage()
    {
        MainWindow window;
        QSignalSpy compared(&window, &MainWindow::comparisonLoaded);
        window.openProject(m_path);
        QVERIFY(arrived(compared));
        QVERIFY(compared.at(0).at(0).toInt() > 0);
        // View › Compare Runs, Ctrl+7 (the last page of the side bar).
        QAction *compareRuns = nullptr;
        for (QAction *menu : window.menuBar()->actions())
            if (menu->menu())
                for (QAction *a : menu->menu()->actions())
                    if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_7))
                        compareRuns = a;
        QVERIFY(compareRuns);
        compareRuns->trigger();
        QCOMPARE(window.currentView(), MainWindow::View::Compare);
        QVERIFY(window.compareView()->isVisibleTo(&window));
        QCOMPARE(window.compareView()->comparison().runB.id, m_runs.at(3));
    }
};

QTEST_MAIN(TestCompareView)
#include "tst_compare_view.moc"
