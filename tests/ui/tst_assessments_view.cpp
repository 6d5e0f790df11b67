// The Assessments page on real project files, offscreen: the run dialog scripted through
// RunPrompt, real scans of this machine with the local transport over a lab template, cancel,
// the runs list with scores, and the vault seam.
#include "AssessmentLab.h"
#include "SignalWait.h"

#include "db/ProjectDatabase.h"
#include "ui/AssessmentsView.h"
#include "ui/AssetDialog.h"
#include "ui/AssetsView.h"
#include "ui/MainWindow.h"
#include "ui/ProjectVault.h"
#include "ui/ReevaluateDialog.h"
#include "ui/RunDialog.h"
#include "ui/RunTimingPane.h"
#include "ui/ScanController.h"
#include "ui/VaultUnlockDialog.h"
#include "ui/models/RunListModel.h"
#include "ui/models/ScanProgressModel.h"
#include "vault/CredentialVault.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTableView>
#include <QComboBox>
#include <QPushButton>
#include <QTableWidget>
#include <QAction>
#include <QItemSelectionModel>

using namespace triad;
using namespace triad::test;

namespace {

RunDialogInput dialogInput(ProjectDatabase &db, const Catalog &catalog)
{
    RunDialogInput input;
    input.assets = *db.assets();
    input.templates = catalog.assessments();
    input.tailorings = *db.tailorings();
    return input;
}

QString stageText(const ScanProgressModel &model, const QString &asset)
{
    const std::optional<AssetStage> stage = model.stageOf(asset);
    return stage ? toString(*stage) : QStringLiteral("(not listed)");
}

QString cell(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

class TestAssessmentsView final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::shared_ptr<const Catalog> m_catalog;
    QString m_state;
    int m_projects = 0;

    /// A fresh lab project; `pauseSeconds` is what the "slow" tailoring waits on each host.
    QString newProject(int pauseSeconds = 3)
    {
        const QString path = m_dir.filePath(QStringLiteral("lab-%1.triad").arg(++m_projects));
        makeLabProject(path, m_state, pauseSeconds);
        return path;
    }

    /// An Assessments page showing `path`, ready to start.
    std::unique_ptr<AssessmentsView> openView(const QString &path)
    {
        auto view = std::make_unique<AssessmentsView>();
        view->resize(1100, 700);
        QSignalSpy loaded(view.get(), &AssessmentsView::runsLoaded);
        view->setCatalog(m_catalog);
        view->setProject(path);
        view->show();
        // The first load may be delivered while another spy's wait() is still returning: count.
        if (!QTest::qWaitFor([&loaded] { return loaded.count() > 0; }, 20000))
            qWarning("the runs were not loaded");
        return view;
    }

    static void scriptRun(const QString &tag, const QString &tailoring, int concurrency = 16)
    {
        RunPrompt::setNextScript([tag, tailoring, concurrency](RunDialog &dialog) {
            dialog.setScope(RunDialog::Scope::ByTag);
            dialog.setChecked({tag});
            if (!dialog.setTemplate(QStringLiteral("lab-template")) || !dialog.setTailoring(tailoring))
                return false;
            dialog.setConcurrency(concurrency);
            return true;
        });
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_catalog = makeLabCatalog(m_dir.filePath(QStringLiteral("templates")));
        m_state = m_dir.filePath(QStringLiteral("lab.conf"));
        writeLabFile(m_state, "hardened=no\n");
    }

    void modelsPassTheModelTester()
    {
        ScanProgressModel progress;
        ScanProgressSortProxy order;
        order.setSourceModel(&progress);
        order.sort(ScanProgressModel::Stage);
        QAbstractItemModelTester progressTester(&progress, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester orderTester(&order, QAbstractItemModelTester::FailureReportingMode::QtTest);
        progress.start(3);
        progress.setStage(QStringLiteral("a"), AssetStage::Queued, {});
        progress.setStage(QStringLiteral("b"), AssetStage::Queued, {});
        progress.setStage(QStringLiteral("a"), AssetStage::Collecting, {});
        progress.setStage(QStringLiteral("a"), AssetStage::Done, {});
        progress.setStage(QStringLiteral("a"), AssetStage::Collecting, {});     // late report: ignored
        progress.setStage(QStringLiteral("b"), AssetStage::Failed, QStringLiteral("connection refused"));
        progress.setStage(QStringLiteral("c"), AssetStage::Connecting, {});
        progress.tick();
        QCOMPARE(progress.rowCount(), 3);
        QCOMPARE(progress.finishedCount(), 2);
        QCOMPARE(cell(progress, 0, ScanProgressModel::Stage), QStringLiteral("done"));
        QCOMPARE(cell(progress, 1, ScanProgressModel::Detail), QStringLiteral("connection refused"));
        QVERIFY(cell(progress, 0, ScanProgressModel::Elapsed).endsWith(QStringLiteral(" s")));
        // Under way first, then failed, then done: what moves stays in sight.
        QCOMPARE(cell(order, 0, ScanProgressModel::Asset), QStringLiteral("c"));
        QCOMPARE(cell(order, 1, ScanProgressModel::Asset), QStringLiteral("b"));
        QCOMPARE(cell(order, 2, ScanProgressModel::Asset), QStringLiteral("a"));
        progress.finishUnfinished(AssetStage::Cancelled, QStringLiteral("stopped"));
        QCOMPARE(stageText(progress, QStringLiteral("c")), QStringLiteral("cancelled"));
        QCOMPARE(progress.finishedCount(), 3);
        QCOMPARE(progress.countIn(AssetStage::Done), 1);

        RunListModel runs;
        QAbstractItemModelTester runTester(&runs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RunOverview older;
        older.run.id = 1;
        older.run.status = RunStatus::Cancelled;
        older.assetCount = 2;
        older.reachedAssets = 1;
        RunOverview newer;
        newer.run.id = 2;
        newer.run.status = RunStatus::Completed;
        newer.run.tailoringName = QStringLiteral("prod");
        newer.run.tailoringVersion = 3;
        Score score;
        score.passed = 1;
        score.failed = 3;
        score.percent = 25.0;
        newer.score = score;
        runs.setOverviews({older, newer});
        QCOMPARE(runs.columnCount(), int(RunListModel::ColumnCount));
        QCOMPARE(cell(runs, 0, RunListModel::Id), QStringLiteral("2"));
        QCOMPARE(cell(runs, 0, RunListModel::Score), QStringLiteral("25.0 %"));
        QCOMPARE(cell(runs, 0, RunListModel::Tailoring), QStringLiteral("prod (v3)"));
        QCOMPARE(cell(runs, 1, RunListModel::Status), QStringLiteral("cancelled"));
        QCOMPARE(cell(runs, 1, RunListModel::Reached), QStringLiteral("1 of 2"));
        QCOMPARE(cell(runs, 1, RunListModel::Tailoring), QStringLiteral("none"));
        runs.setRuns({older.run});      // the Results page's plain list keeps its five columns
        QCOMPARE(runs.columnCount(), int(RunListModel::BasicColumnCount));
    }

    void runDialogChoosesByTagSelectionTemplateAndTailoring()
    {
        auto db = makeLabProject(m_dir.filePath(QStringLiteral("dialog.triad")), m_state, 1);
        RunDialogInput input = dialogInput(*db, *m_catalog);
        Asset vaulted = localAsset(QStringLiteral("vaulted"), {QStringLiteral("lab")});
        vaulted.credentialRef = QStringLiteral("vault:root-password");
        input.assets << vaulted;
        RunDialog dialog(input);
        QVERIFY(dialog.isComplete());
        QCOMPARE(dialog.choice().assetCount, 6);           // all assets by default
        QVERIFY(dialog.choice().assetSelectors.isEmpty());

        dialog.setScope(RunDialog::Scope::ByTag);
        QCOMPARE(dialog.listedItems(), (QStringList{QStringLiteral("lab"), QStringLiteral("slow")}));
        QVERIFY(!dialog.isComplete());                      // nothing checked yet
        QCOMPARE(dialog.hint(), QStringLiteral("Check at least one tag."));
        dialog.setChecked({QStringLiteral("slow")});
        QCOMPARE(dialog.choice().assetCount, 4);
        QCOMPARE(dialog.choice().assetSelectors, QStringList{QStringLiteral("slow")});
        QVERIFY(!dialog.choice().needsVault);
        dialog.setChecked({QStringLiteral("lab")});
        QCOMPARE(dialog.choice().assetCount, 2);
        QVERIFY(dialog.choice().needsVault);                // "vaulted" keeps its password in the vault

        dialog.setScope(RunDialog::Scope::BySelection);
        dialog.setChecked({QStringLiteral("slow-2"), QStringLiteral("lab-1")});
        QCOMPARE(dialog.choice().assetCount, 2);
        QCOMPARE(dialog.choice().assetSelectors, (QStringList{QStringLiteral("lab-1"), QStringLiteral("slow-2")}));

        QVERIFY(dialog.setTemplate(QStringLiteral("lab-template")));
        QCOMPARE(dialog.tailoringNames(), (QStringList{QStringLiteral("None (template defaults)"), QStringLiteral("lab (version 1)"),
                                                       QStringLiteral("slow (version 1)")}));
        QVERIFY(!dialog.choice().tailoring);
        QVERIFY(dialog.setTailoring(QStringLiteral("slow")));
        QVERIFY(!dialog.setTailoring(QStringLiteral("no-such-tailoring")));
        dialog.setConcurrency(3);
        dialog.setAcceptNewHostKeys(true);
        const RunChoice c = dialog.choice();
        QCOMPARE(c.templateId, QStringLiteral("lab-template"));
        QVERIFY(c.tailoring);
        QCOMPARE(c.tailoring->name, QStringLiteral("slow"));
        QVERIFY(c.tailoring->yaml.contains(QStringLiteral("pause_s: 1")));
        QCOMPARE(c.concurrency, 3);
        QVERIFY(c.acceptNewHostKeys);

        // A project without assets says what to do first.
        RunDialog empty(RunDialogInput{{}, m_catalog->assessments(), {}, {}});
        QVERIFY(!empty.isComplete());
        QVERIFY(empty.hint().contains(QStringLiteral("no assets")));
    }

    void localScanReachesDoneAndResultsAppear()
    {
        const QString path = newProject();
        auto view = openView(path);
        QVERIFY(view->emptyStateText().contains(QStringLiteral("No assessment yet")));
        QVERIFY(view->newAssessmentAction()->isEnabled());

        scriptRun(QStringLiteral("lab"), QStringLiteral("lab"));
        QSignalSpy finished(view.get(), &AssessmentsView::runFinished);
        QSignalSpy stages(view->controller(), &ScanController::assetStageChanged);
        view->startAssessment();
        QVERIFY(view->isScanning());
        QVERIFY(!view->newAssessmentAction()->isEnabled());     // one assessment at a time
        QVERIFY(finished.wait(60000));
        const qint64 runId = finished.at(0).at(0).toLongLong();
        QVERIFY(runId > 0);

        // The live view went through the stages and ended at done.
        QStringList seen;
        for (const QList<QVariant> &s : std::as_const(stages))
            seen << toString(s.at(1).value<AssetStage>());
        QCOMPARE(seen.first(), QStringLiteral("queued"));
        QVERIFY(seen.contains(QStringLiteral("collecting")));
        QCOMPARE(seen.last(), QStringLiteral("done"));
        QCOMPARE(view->progressModel()->rowCount(), 1);
        QCOMPARE(stageText(*view->progressModel(), QStringLiteral("lab-1")), QStringLiteral("done"));
        QCOMPARE(view->overallProgress(), 1);
        QVERIFY2(view->liveSummaryText().contains(QStringLiteral("Run %1 completed").arg(runId)), qPrintable(view->liveSummaryText()));
        QVERIFY(view->liveSummaryText().contains(QStringLiteral("1 of 1 asset(s) reached")));
        // lab.setting fails (hardened=no), lab.pause passes: one of two requirements.
        QVERIFY2(view->liveSummaryText().contains(QStringLiteral("score <b>50.0 %</b>")), qPrintable(view->liveSummaryText()));

        // The runs list shows the new run with its score, once read back from the project.
        // Reloaded when the run started (running) and when it ended: wait for the second.
        RunListModel *runs = view->runModel();
        QTRY_COMPARE_WITH_TIMEOUT(cell(*runs, 0, RunListModel::Status), QStringLiteral("completed"), 20000);
        QCOMPARE(runs->rowCount(), 1);
        QCOMPARE(runs->data(runs->index(0, RunListModel::Id), RunListModel::RunIdRole).toLongLong(), runId);
        QCOMPARE(cell(*runs, 0, RunListModel::Status), QStringLiteral("completed"));
        QCOMPARE(cell(*runs, 0, RunListModel::Score), QStringLiteral("50.0 %"));
        QCOMPARE(cell(*runs, 0, RunListModel::Reached), QStringLiteral("1 of 1"));
        QCOMPARE(cell(*runs, 0, RunListModel::Tailoring), QStringLiteral("lab (v1)"));
        QVERIFY(view->scoreLineText().contains(QStringLiteral("lab-template")));
        QVERIFY(view->emptyStateText().isEmpty());

        // And the results are in the project, as any other view reads them.
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        QVERIFY(db);
        auto results = (*db)->results(runId);
        QVERIFY(results);
        QCOMPARE(results->size(), 2);
        for (const StoredResult &r : std::as_const(*results)) {
            QCOMPARE(r.assetName, QStringLiteral("lab-1"));
            QCOMPARE(toString(r.result.status), toString(r.result.checkId == QLatin1String("lab.setting") ? CheckStatus::Fail : CheckStatus::Pass));
        }
        QCOMPARE((*db)->run(runId)->operatorName.isEmpty(), false);
    }

    /// Selecting a run shows its per-asset phases and slowest collectors (as triad-cli timing):
    /// the "slow" tailoring waits one second on each of four hosts, so every asset's collection
    /// took a second or more and the pause collector is the slowest, summed over four assets.
    void selectedRunShowsItsTimings()
    {
        const QString path = newProject(1);
        auto view = openView(path);
        scriptRun(QStringLiteral("slow"), QStringLiteral("slow"));
        QSignalSpy finished(view.get(), &AssessmentsView::runFinished);
        view->startAssessment();
        QVERIFY(finished.wait(60000));
        const qint64 runId = finished.at(0).at(0).toLongLong();
        RunListModel *runs = view->runModel();
        QTRY_COMPARE_WITH_TIMEOUT(cell(*runs, 0, RunListModel::Status), QStringLiteral("completed"), 20000);

        RunTimingPane *pane = view->timingPane();
        QSignalSpy shown(pane, &RunTimingPane::timingsShown);
        view->runTable()->selectionModel()->setCurrentIndex(runs->index(0, 0),
                                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 20000);
        QCOMPARE(shown.last().at(0).toLongLong(), runId);
        QVERIFY(shown.last().at(1).toBool());
        QVERIFY2(pane->headingText().startsWith(QStringLiteral("Run %1: lab-template 1.0.0, 4 asset(s), wall time").arg(runId)),
                 qPrintable(pane->headingText()));

        QTableWidget *assets = pane->assetTable();
        QCOMPARE(assets->rowCount(), 5);    // four assets and their sum
        QCOMPARE(assets->columnCount(), 10);
        const auto ms = [](QTableWidget *t, int row, int column) {
            const QString text = t->item(row, column)->text();
            return text.endsWith(QStringLiteral(" s")) ? qint64(text.chopped(2).toDouble() * 1000) : text.chopped(3).toLongLong();
        };
        QStringList names;
        for (int row = 0; row < 4; ++row) {
            names << assets->item(row, 0)->text();
            QCOMPARE(assets->item(row, 1)->text(), QStringLiteral("ok"));
            QVERIFY2(ms(assets, row, 4) >= 1000, qPrintable(assets->item(row, 4)->text()));   // collect: the 1 s pause
            QVERIFY(assets->item(row, 9)->text().toInt() >= 1);                                 // commands run
        }
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("slow-1"), QStringLiteral("slow-2"), QStringLiteral("slow-3"), QStringLiteral("slow-4")}));
        QCOMPARE(assets->item(4, 0)->text(), QStringLiteral("(sum over assets)"));
        QVERIFY(ms(assets, 4, 4) >= 4000);

        QTableWidget *collectors = pane->collectorTable();
        QVERIFY(collectors->rowCount() >= 1);
        QVERIFY2(collectors->item(0, 0)->text().contains(QStringLiteral("pause")), qPrintable(collectors->item(0, 0)->text()));
        QVERIFY2(ms(collectors, 0, 1) >= 3900, qPrintable(collectors->item(0, 1)->text()));     // 10 ms resolution
        QCOMPARE(collectors->item(0, 3)->text(), QStringLiteral("4"));
        if (const QString dir = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(view->grab().save(dir + QStringLiteral("/assessments-run-timing.png")));
    }

    /// Re-evaluate… applies a stored tailoring to a stored run's evidence: the derived run is
    /// recorded with that tailoring, and its results change as the tailoring says (the failing
    /// lab.setting check is disabled, so only the passing pause check is left).
    void reevaluateAppliesAStoredTailoring()
    {
        const QString path = newProject();
        qint64 lenientId = 0;
        {
            auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadWrite);
            QVERIFY(db);
            auto lenient = (*db)->storeTailoring(
                QStringLiteral("lab-template"), QStringLiteral("lenient"),
                QStringLiteral("tailoring: {template: lab-template, name: lenient}\n"
                               "parameters: {state_file: \"%1\", pause_s: 0}\n"
                               "disable:\n  - {check: lab.setting, reason: \"accepted for the lab\"}\n").arg(m_state),
                QStringLiteral("test"));
            QVERIFY2(lenient, lenient ? "" : qPrintable(lenient.error().toString()));
            lenientId = lenient->id;
        }
        auto view = openView(path);
        scriptRun(QStringLiteral("lab"), QStringLiteral("lab"));
        QSignalSpy finished(view.get(), &AssessmentsView::runFinished);
        view->startAssessment();
        QVERIFY(finished.wait(60000));
        const qint64 scanned = finished.at(0).at(0).toLongLong();
        RunListModel *runs = view->runModel();
        QTRY_COMPARE_WITH_TIMEOUT(cell(*runs, 0, RunListModel::Status), QStringLiteral("completed"), 20000);
        QCOMPARE(cell(*runs, 0, RunListModel::Score), QStringLiteral("50.0 %"));

        auto *button = view->findChild<QPushButton *>(QStringLiteral("reevaluateRun"));
        QVERIFY(button);
        QVERIFY(!button->isEnabled());      // nothing selected yet
        view->runTable()->selectionModel()->setCurrentIndex(runs->index(0, 0),
                                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(button->isEnabled());
        QString offered;
        ReevaluatePrompt::setNextScript([&](ReevaluateDialog &dialog) {
            auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("reevaluateTailoring"));
            for (int i = 0; i < combo->count(); ++i)
                offered += combo->itemText(i) + QLatin1Char('|');
            return dialog.setTailoring(QStringLiteral("lenient"));
        });
        finished.clear();
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(offered, QStringLiteral("The run's own tailoring|No tailoring|lab (v1)|lenient (v1)|slow (v1)|"));
        const qint64 derived = finished.at(0).at(0).toLongLong();
        QVERIFY(derived > scanned);
        QVERIFY2(view->statusText().contains(QStringLiteral("Run %1 re-evaluated from the evidence of run %2 with lenient (v1)")
                                                 .arg(derived).arg(scanned)),
                 qPrintable(view->statusText()));
        QTRY_COMPARE_WITH_TIMEOUT(runs->rowCount(), 2, 20000);
        QCOMPARE(runs->data(runs->index(0, RunListModel::Id), RunListModel::RunIdRole).toLongLong(), derived);
        QCOMPARE(cell(*runs, 0, RunListModel::Tailoring), QStringLiteral("lenient (v1)"));
        QCOMPARE(cell(*runs, 0, RunListModel::Score), QStringLiteral("100.0 %"));

        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        QVERIFY(db);
        auto run = (*db)->run(derived);
        QVERIFY(run);
        QCOMPARE(run->derivedFromRunId, scanned);
        QCOMPARE(run->tailoringId, lenientId);
        auto before = (*db)->results(scanned);
        auto after = (*db)->results(derived);
        QVERIFY(before && after);
        QCOMPARE(before->size(), 2);
        for (const StoredResult &r : std::as_const(*after)) {
            if (r.result.checkId == QLatin1String("lab.setting"))
                QVERIFY2(r.result.status != CheckStatus::Fail, "the disabled check still fails");
            else
                QCOMPARE(toString(r.result.status), toString(CheckStatus::Pass));
        }
        auto audit = (*db)->auditLog();
        QVERIFY(audit);
        bool logged = false;
        for (const AuditEntry &e : std::as_const(*audit))
            logged = logged || (e.details.contains(QStringLiteral("run %1 from the evidence of run %2").arg(derived).arg(scanned))
                                && e.details.contains(QStringLiteral("tailoring lenient v1")));
        QVERIFY(logged);
        if (const QString dir = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(view->grab().save(dir + QStringLiteral("/assessments-reevaluated.png")));
    }

    void cancelStopsWithinASecondAndKeepsFinishedResults()
    {
        const QString path = newProject(3);
        auto view = openView(path);
        // One asset at a time, each waiting 3 s: cancel while the second one is collecting.
        scriptRun(QStringLiteral("slow"), QStringLiteral("slow"), 1);
        QSignalSpy finished(view.get(), &AssessmentsView::runFinished);
        view->startAssessment();
        QTRY_VERIFY_WITH_TIMEOUT(view->progressModel()->countIn(AssetStage::Done) == 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(view->progressModel()->countIn(AssetStage::Collecting) == 1, 10000);
        // The runs list already shows the run being written.
        QTRY_COMPARE_WITH_TIMEOUT(cell(*view->runModel(), 0, RunListModel::Status), QStringLiteral("running"), 10000);
        QVERIFY(view->cancelAction()->isEnabled());
        QElapsedTimer clock;
        clock.start();
        view->cancelAction()->trigger();
        QVERIFY(!view->cancelAction()->isEnabled());
        QVERIFY(view->statusText().contains(QStringLiteral("Cancelling")));
        QVERIFY(triad::test::received(finished, 10000));
        const qint64 stoppedMs = clock.elapsed();
        qInfo("cancel took %lld ms", stoppedMs);
        QVERIFY2(stoppedMs < 1000, qPrintable(QStringLiteral("cancel took %1 ms").arg(stoppedMs)));

        QCOMPARE(view->progressModel()->countIn(AssetStage::Done), 1);
        QCOMPARE(view->progressModel()->countIn(AssetStage::Cancelled), 3);
        QVERIFY2(view->liveSummaryText().contains(QStringLiteral("cancelled")), qPrintable(view->liveSummaryText()));
        const qint64 runId = finished.at(0).at(0).toLongLong();
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        QVERIFY(db);
        QCOMPARE(toString((*db)->run(runId)->status), QStringLiteral("cancelled"));
        auto records = (*db)->runAssets(runId);
        QVERIFY(records);
        QString done;
        int cancelled = 0;
        for (const AssetRunRecord &r : std::as_const(*records)) {
            if (r.status == AssetRunStatus::Ok)
                done = r.assetName;
            cancelled += r.status == AssetRunStatus::Cancelled ? 1 : 0;
        }
        QCOMPARE(cancelled, 3);
        QVERIFY(!done.isEmpty());
        auto results = (*db)->results(runId);
        QVERIFY(results);
        QCOMPARE(results->size(), 2);                       // the finished host's results are kept
        for (const StoredResult &r : std::as_const(*results))
            QCOMPARE(r.assetName, done);
        QTRY_COMPARE_WITH_TIMEOUT(cell(*view->runModel(), 0, RunListModel::Status), QStringLiteral("cancelled"), 20000);
        QCOMPARE(cell(*view->runModel(), 0, RunListModel::Reached), QStringLiteral("1 of 4"));
        QVERIFY(view->newAssessmentAction()->isEnabled());
    }

    void mainWindowShowsTheLiveViewAndReloadsEveryViewAfterARun()
    {
        // The main window loads its catalog from the templates folder: the lab's, for this test.
        const QByteArray previous = qgetenv("TRIAD_TEMPLATES_DIR");
        qputenv("TRIAD_TEMPLATES_DIR", m_dir.filePath(QStringLiteral("templates")).toUtf8());
        const QString path = newProject();
        MainWindow window;
        QSignalSpy opened(&window, &MainWindow::projectLoaded);
        QSignalSpy issues(&window, &MainWindow::issuesLoaded);
        window.openProject(path);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.assessmentsView()->newAssessmentAction()->isEnabled(), 20000);
        qputenv("TRIAD_TEMPLATES_DIR", previous);
        QCOMPARE(window.currentView(), MainWindow::View::Dashboard);     // the landing page
        QTRY_VERIFY_WITH_TIMEOUT(!issues.isEmpty(), 20000);
        QCOMPARE(issues.last().at(0).toInt(), 0);       // no run yet, no issue

        scriptRun(QStringLiteral("lab"), QStringLiteral("lab"));
        opened.clear();
        issues.clear();
        QSignalSpy finished(window.assessmentsView(), &AssessmentsView::runFinished);
        QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier);      // New Assessment from any page
        QVERIFY(window.assessmentsView()->isScanning() || !finished.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QVERIFY(window.currentView() == MainWindow::View::Assessments);     // the live view was shown
        // Every view read the project again: the Issues view now has the failed lab check.
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!issues.isEmpty() && issues.last().at(0).toInt() == 1, 20000);
    }

    /// A lab project whose asset lab-1 keeps its password in the vault ("correct horse").
    QString newVaultProject()
    {
        const QString path = newProject();
        auto db = ProjectDatabase::open(path);
        if (!db)
            return {};
        auto vault = CredentialVault::unlock(**db, SecretBytes("correct horse"), CredentialVault::Mode::CreateIfMissing);
        if (!vault || !(*vault)->store(**db, QStringLiteral("lab-password"), QStringLiteral("password"), SecretBytes("s3cret")))
            return {};
        Asset asset = *(*db)->assetByName(QStringLiteral("lab-1"));
        asset.credentialRef = QStringLiteral("vault:lab-password");
        return (*db)->updateAsset(asset) ? path : QString();
    }

    void vaultIsAskedForAndAWrongPassphraseIsShownInPlace()
    {
        const QString path = newVaultProject();
        QVERIFY(!path.isEmpty());
        auto view = openView(path);
        scriptRun(QStringLiteral("lab"), QStringLiteral("lab"));
        VaultPrompt::setNextScript([](VaultUnlockDialog &d) {
            d.setPassphrase(QStringLiteral("Tr0ub4dor-guess"));
            return true;
        });
        view->startAssessment();
        QTRY_VERIFY_WITH_TIMEOUT(view->statusText().contains(QStringLiteral("Assessment not started")), 30000);
        QVERIFY(!view->isScanning());
        QVERIFY(!view->statusText().contains(QStringLiteral("Tr0ub4dor")));    // never the passphrase

        scriptRun(QStringLiteral("lab"), QStringLiteral("lab"));
        VaultPrompt::setNextScript([](VaultUnlockDialog &d) {
            d.setPassphrase(QStringLiteral("correct horse"));
            return true;
        });
        QSignalSpy finished(view.get(), &AssessmentsView::runFinished);
        view->startAssessment();
        QVERIFY(finished.wait(60000));
        QCOMPARE(stageText(*view->progressModel(), QStringLiteral("lab-1")), QStringLiteral("done"));
    }

    void theWindowAsksForTheVaultOnceForAllPagesUntilItIsLocked()
    {
        const QByteArray previous = qgetenv("TRIAD_TEMPLATES_DIR");
        qputenv("TRIAD_TEMPLATES_DIR", m_dir.filePath(QStringLiteral("templates")).toUtf8());
        const QString path = newVaultProject();
        QVERIFY(!path.isEmpty());
        MainWindow window;
        QSignalSpy assetsLoaded(window.assetsView(), &AssetsView::assetsLoaded);
        window.openProject(path);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.assessmentsView()->newAssessmentAction()->isEnabled(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!assetsLoaded.isEmpty(), 20000);
        qputenv("TRIAD_TEMPLATES_DIR", previous);
        QVERIFY(!window.lockVaultAction()->isEnabled());

        // The Assets page unlocks the vault to seal a new asset's password...
        int prompts = 0;
        VaultPrompt::setNextScript([&prompts](VaultUnlockDialog &d) {
            ++prompts;
            d.setPassphrase(QStringLiteral("correct horse"));
            return true;
        });
        AssetPrompt::setNextScript([](AssetDialog &d) {
            d.setName(QStringLiteral("web-01"));
            d.setHost(QStringLiteral("10.0.0.5"));
            d.setAuth(AssetDialog::Auth::Password);
            d.setPassword(QStringLiteral("added-S3cret"));
            return true;
        });
        QSignalSpy saved(window.assetsView(), &AssetsView::assetSaved);
        window.assetsView()->addAsset();
        QVERIFY2(triad::test::received(saved, 30000), qPrintable(window.assetsView()->statusText()));
        QCOMPARE(prompts, 1);
        QVERIFY(window.lockVaultAction()->isEnabled());
        QVERIFY(window.vault()->vault()->contains(QStringLiteral("asset/web-01/password")));
        // The saved asset is selected on the (hidden) Assets page, and its Edit button works.
        QTRY_VERIFY(window.assetsView()->table()->selectionModel()->hasSelection());
        QVERIFY(window.assetsView()->pageActions().at(1)->isEnabled());
        if (const QString dir = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR"); !dir.isEmpty()) {
            window.showView(MainWindow::View::Assets);
            window.resize(1400, 800);
            QTest::qWait(200);
            QVERIFY(window.grab().save(dir + QStringLiteral("/vault-unlocked.png")));
        }

        // ...and the assessment of a host with a stored password uses it without asking again.
        VaultPrompt::setNextScript([&prompts](VaultUnlockDialog &) {
            ++prompts;
            return false;
        });
        scriptRun(QStringLiteral("lab"), QStringLiteral("lab"));
        QSignalSpy finished(window.assessmentsView(), &AssessmentsView::runFinished);
        window.assessmentsView()->startAssessment();
        QVERIFY(finished.wait(60000));
        QCOMPARE(prompts, 1);
        QCOMPARE(stageText(*window.assessmentsView()->progressModel(), QStringLiteral("lab-1")), QStringLiteral("done"));

        // File > Lock Credential Vault: every page is locked out; the next assessment asks again.
        window.lockVaultAction()->trigger();
        QVERIFY(!window.assetsView()->isVaultUnlocked());
        QVERIFY(!window.assessmentsView()->isVaultUnlocked());
        QVERIFY(!window.lockVaultAction()->isEnabled());
        scriptRun(QStringLiteral("lab"), QStringLiteral("lab"));
        window.assessmentsView()->startAssessment();      // the prompt is cancelled by the script
        QCOMPARE(prompts, 2);
        QVERIFY(!window.assessmentsView()->isScanning());
        QVERIFY(window.assessmentsView()->statusText().contains(QStringLiteral("once the vault is unlocked")));
        VaultPrompt::setNextScript({});

        // Closing the project locks as well.
        VaultPrompt::setNextScript([](VaultUnlockDialog &d) {
            d.setPassphrase(QStringLiteral("correct horse"));
            return true;
        });
        bool unlocked = false;
        window.vault()->withUnlocked(&window, false, [&unlocked](const std::shared_ptr<CredentialVault> &) { unlocked = true; });
        QTRY_VERIFY_WITH_TIMEOUT(unlocked, 30000);
        QVERIFY(window.lockVaultAction()->isEnabled());
        QVERIFY(window.changePassphraseAction()->isEnabled());
        window.closeProject();
        QVERIFY(!window.vault()->isUnlocked());
        QVERIFY(!window.lockVaultAction()->isEnabled());
        QVERIFY(!window.changePassphraseAction()->isEnabled());
    }

    void screenshots()
    {
        // For visual review (tests/screenshots.sh sets the folder): the run dialog, and the live
        // view caught while a slow scan is under way.
        const QString dir = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("TRIAD_UI_SCREENSHOT_DIR not set");
        const QString path = newProject(2);
        auto view = openView(path);
        QVERIFY(view->newAssessmentAction()->isEnabled());
        {
            auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
            RunDialog dialog(dialogInput(**db, *m_catalog));
            dialog.setScope(RunDialog::Scope::ByTag);
            dialog.setChecked({QStringLiteral("slow")});
            dialog.setTemplate(QStringLiteral("lab-template"));
            dialog.setTailoring(QStringLiteral("slow"));
            dialog.show();
            QTest::qWait(200);
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/assessments-run-dialog.png")));
        }
        // One finished run for the list, then the slow one to catch under way.
        QSignalSpy finished(view.get(), &AssessmentsView::runFinished);
        scriptRun(QStringLiteral("lab"), QStringLiteral("lab"));
        view->startAssessment();
        QVERIFY(finished.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(view->newAssessmentAction()->isEnabled(), 20000);
        scriptRun(QStringLiteral("slow"), QStringLiteral("slow"), 2);
        view->startAssessment();
        QTRY_VERIFY_WITH_TIMEOUT(view->progressModel()->countIn(AssetStage::Done) >= 2, 60000);
        QTest::qWait(300);
        QVERIFY(view->grab().save(dir + QStringLiteral("/assessments-live.png")));
        QVERIFY(finished.wait(60000));
    }
};

QTEST_MAIN(TestAssessmentsView)
#include "tst_assessments_view.moc"
