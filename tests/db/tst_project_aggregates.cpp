// The project queries behind the dashboard and the Issues view's detail pane, on a real project
// file: resultForIssue, issue counts per severity and per check, the event filter, and the
// SQL-folded scores checked against the scorer that reads every result.
#include "db/ProjectDatabase.h"
#include "scan/RunScore.h"
#include "TestPrinters.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace triad;

namespace {

StoredResult res(const QString &check, CheckStatus status, Severity severity, const QStringList &requirements,
                 const QString &subject = {}, const QString &actual = {})
{
    StoredResult r;
    r.result.checkId = check;
    r.result.subject = subject;
    r.result.status = status;
    r.result.expected = QStringLiteral("expected of ") + check;
    r.result.actual = actual.isEmpty() ? QStringLiteral("actual-%1").arg(toString(status)) : actual;
    r.result.collectorKeys = {QStringLiteral("lib/") + check};
    r.rawStatus = status;
    r.severity = severity;
    r.title = QStringLiteral("Title of ") + check;
    r.requirementIds = requirements;
    return r;
}

RawOutput output(const QString &check, const QByteArray &out)
{
    RawOutput r;
    r.collectorKey = QStringLiteral("lib/") + check;
    r.command = QStringLiteral("cat /etc/") + check;
    r.exitCode = 0;
    r.stdoutData = out;
    r.status = CollectionStatus::Ok;
    r.collectedAt = QDateTime::currentDateTimeUtc();
    return r;
}

} // namespace

class TestProjectAggregates final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<ProjectDatabase> m_db;
    QHash<QString, qint64> m_assets;

    void makeProject(const QString &name)
    {
        m_db.reset();
        m_assets.clear();
        auto db = ProjectDatabase::create(m_dir.filePath(name), ProjectInfo{QStringLiteral("P"), {}, {}});
        QVERIFY(db);
        m_db = std::move(*db);
    }

    qint64 asset(const QString &name)
    {
        if (!m_assets.contains(name)) {
            Asset a;
            a.name = name;
            a.transport = QStringLiteral("local");
            m_assets.insert(name, *m_db->addAsset(a));
        }
        return m_assets.value(name);
    }

    qint64 scan(const QMap<QString, QList<StoredResult>> &perAsset, const QList<RawOutput> &evidence = {},
                const QString &templateId = QStringLiteral("cis-linux"))
    {
        RunInfo run;
        run.templateId = templateId;
        run.templateVersion = QStringLiteral("1");
        run.startedAt = QDateTime::currentDateTimeUtc();
        auto id = m_db->beginRun(run);
        if (!id)
            qFatal("%s", qPrintable(id.error().toString()));
        for (auto it = perAsset.cbegin(); it != perAsset.cend(); ++it) {
            AssetRunRecord rec;
            rec.assetId = asset(it.key());
            rec.assetName = it.key();
            rec.status = AssetRunStatus::Ok;
            const Status s = m_db->storeAssetResults(*id, rec, evidence, it.value());
            if (!s)
                qFatal("%s", qPrintable(s.error().toString()));
        }
        (void)m_db->finishRun(*id, RunStatus::Completed, QDateTime::currentDateTimeUtc());
        return *id;
    }

    qint64 issueId(const QString &assetName, const QString &check, const QString &subject = {})
    {
        IssueFilter f;
        f.assetName = assetName;
        f.checkId = check;
        for (const IssueRecord &i : m_db->issues(f).value())
            if (i.subject == subject)
                return i.id;
        return 0;
    }

private slots:
    void resultForIssueIsTheNewestResultWithItsEvidence()
    {
        makeProject(QStringLiteral("latest.triad"));
        const QString c = QStringLiteral("ssh.root-login");
        const QStringList req{QStringLiteral("5.2.7")};
        scan({{QStringLiteral("web"), {res(c, CheckStatus::Fail, Severity::High, req, {}, QStringLiteral("yes (1)"))}},
              {QStringLiteral("db"), {res(c, CheckStatus::Fail, Severity::High, req, {}, QStringLiteral("db yes"))}}},
             {output(c, "PermitRootLogin yes\n")});
        const qint64 run2 = scan({{QStringLiteral("web"), {res(c, CheckStatus::Fail, Severity::High, req, {}, QStringLiteral("yes (2)"))}}},
                                 {output(c, "PermitRootLogin yes # run 2\n")});
        const qint64 web = issueId(QStringLiteral("web"), c);
        QVERIFY(web > 0);
        auto r = m_db->resultForIssue(web);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(r->runId, run2);
        QCOMPARE(r->assetName, QStringLiteral("web"));
        QCOMPARE(r->result.actual, QStringLiteral("yes (2)"));
        QCOMPARE(r->result.expected, QStringLiteral("expected of ssh.root-login"));
        QCOMPARE(r->requirementIds, req);
        QCOMPARE_WORDS(r->rawStatus, CheckStatus::Fail);
        QCOMPARE(r->evidenceIds.size(), 1);
        auto ev = m_db->evidence(r->evidenceIds.first());
        QVERIFY(ev);
        QCOMPARE(ev->raw.stdoutData, QByteArray("PermitRootLogin yes # run 2\n"));
        QCOMPARE(ev->runId, run2);

        // The other asset's issue keeps its own (older) result.
        auto other = m_db->resultForIssue(issueId(QStringLiteral("db"), c));
        QVERIFY(other);
        QCOMPARE(other->result.actual, QStringLiteral("db yes"));

        // Fixed: the newest result is the pass that fixed it.
        const qint64 run3 = scan({{QStringLiteral("web"), {res(c, CheckStatus::Pass, Severity::High, req)}}});
        r = m_db->resultForIssue(web);
        QVERIFY(r);
        QCOMPARE(r->runId, run3);
        QCOMPARE_WORDS(r->result.status, CheckStatus::Pass);

        // Subjects are issues of their own.
        const QString w = QStringLiteral("fs.world-writable");
        scan({{QStringLiteral("web"), {res(w, CheckStatus::Fail, Severity::Medium, req, QStringLiteral("/tmp/a"), QStringLiteral("a")),
                                       res(w, CheckStatus::Fail, Severity::Medium, req, QStringLiteral("/tmp/b"), QStringLiteral("b"))}}});
        QCOMPARE(m_db->resultForIssue(issueId(QStringLiteral("web"), w, QStringLiteral("/tmp/b")))->result.actual, QStringLiteral("b"));
        QCOMPARE(m_db->resultForIssue(issueId(QStringLiteral("web"), w, QStringLiteral("/tmp/a")))->result.actual, QStringLiteral("a"));

        auto missing = m_db->resultForIssue(999999);
        QVERIFY(!missing);
        QVERIFY(missing.error().code == Error::Code::NotFound);
    }

    void resultForIssueDoesNotReadTheWholeRun()
    {
        makeProject(QStringLiteral("large.triad"));
        // 20 assets x 2500 checks = 50,000 results in one run, a third failing.
        QMap<QString, QList<StoredResult>> perAsset;
        for (int a = 0; a < 20; ++a) {
            QList<StoredResult> list;
            for (int c = 0; c < 2500; ++c)
                list << res(QStringLiteral("check.%1").arg(c), c % 3 ? CheckStatus::Pass : CheckStatus::Fail, Severity(c % 5),
                            {QStringLiteral("r%1").arg(c % 40)});
            perAsset.insert(QStringLiteral("host-%1").arg(a), list);
        }
        const qint64 run = scan(perAsset);
        const qint64 id = issueId(QStringLiteral("host-7"), QStringLiteral("check.1200"));
        QVERIFY(id > 0);
        QElapsedTimer clock;
        clock.start();
        auto whole = m_db->results(run);
        const qint64 wholeMs = clock.elapsed();
        QCOMPARE(whole->size(), 50000);
        clock.restart();
        qint64 found = 0;
        for (int n = 0; n < 10; ++n) {
            auto r = m_db->resultForIssue(id);
            QVERIFY(r);
            found = r->id;
        }
        const qint64 tenLookups = clock.elapsed();
        qInfo("50,000 results: reading the run %lld ms; 10 resultForIssue lookups %lld ms", wholeMs, tenLookups);
        QVERIFY(found > 0);
        QVERIFY2(tenLookups < 200, qPrintable(QStringLiteral("10 lookups took %1 ms").arg(tenLookups)));

        // The folded scores agree with the scorer that reads all 50,000 results.
        auto scores = m_db->automatedScoresByRun();
        QVERIFY(scores);
        auto reference = scoreStoredRun(*m_db, run, nullptr);
        QVERIFY(reference);
        QCOMPARE(scores->value(run).failed, reference->failed);
        QCOMPARE(scores->value(run).passed, reference->passed);
        QCOMPARE(scores->value(run).percent, reference->percent);
    }

    void foldedScoresEqualTheScorerOfStoredRuns()
    {
        makeProject(QStringLiteral("scores.triad"));
        const QStringList r1{QStringLiteral("1.1")};
        const QStringList r12{QStringLiteral("1.1"), QStringLiteral("1.2")};
        const QStringList r3{QStringLiteral("3.0")};
        const qint64 a = scan({{QStringLiteral("web"),
                                {res(QStringLiteral("a"), CheckStatus::Fail, Severity::Critical, r12),
                                 res(QStringLiteral("b"), CheckStatus::Pass, Severity::Low, r1),
                                 res(QStringLiteral("c"), CheckStatus::Error, Severity::Medium, r3)}},
                               {QStringLiteral("db"),
                                {res(QStringLiteral("a"), CheckStatus::Pass, Severity::Critical, r12),
                                 res(QStringLiteral("b"), CheckStatus::Pass, Severity::Low, r1),
                                 res(QStringLiteral("c"), CheckStatus::NotApplicable, Severity::Medium, r3),
                                 res(QStringLiteral("s"), CheckStatus::Pass, Severity::High, r3, QStringLiteral("/x")),
                                 res(QStringLiteral("s"), CheckStatus::Fail, Severity::High, r3, QStringLiteral("/y"))}}});
        const qint64 b = scan({{QStringLiteral("web"),
                                {res(QStringLiteral("a"), CheckStatus::Pass, Severity::Critical, r12),
                                 res(QStringLiteral("b"), CheckStatus::Pass, Severity::Low, r1),
                                 res(QStringLiteral("c"), CheckStatus::Pass, Severity::Medium, r3)}}},
                              {}, QStringLiteral("pci-dss-4"));
        // A run of a plain check library: no requirement ids, each check on each asset counts.
        const qint64 c = scan({{QStringLiteral("web"),
                                {res(QStringLiteral("a"), CheckStatus::Fail, Severity::Info, {}),
                                 res(QStringLiteral("b"), CheckStatus::Pass, Severity::Low, {}),
                                 res(QStringLiteral("b"), CheckStatus::Pass, Severity::Low, {}, QStringLiteral("/z"))}},
                               {QStringLiteral("db"), {res(QStringLiteral("b"), CheckStatus::NotApplicable, Severity::Low, {})}}},
                              {}, QStringLiteral("library"));
        auto scores = m_db->automatedScoresByRun();
        QVERIFY(scores);
        QCOMPARE(scores->keys(), (QList<qint64>{a, b, c}));
        QCOMPARE(scores->value(c).failed, 1);
        QCOMPARE(scores->value(c).passed, 1);
        QCOMPARE(m_db->automatedScoresByRun(b)->keys(), QList<qint64>{b});
        for (qint64 run : {a, b, c}) {
            auto reference = scoreStoredRun(*m_db, run, nullptr);
            QVERIFY(reference);
            const Score s = scores->value(run);
            QCOMPARE(s.passed, reference->passed);
            QCOMPARE(s.failed, reference->failed);
            QCOMPARE(s.errors, reference->errors);
            QCOMPARE(s.notApplicable, reference->notApplicable);
            QCOMPARE(s.percent, reference->percent);
            QCOMPARE(s.weightedPercent, reference->weightedPercent);
        }
        // Run a by hand: web 1.1 fail, 1.2 fail, 3.0 error; db 1.1 pass, 1.2 pass, 3.0 fail (/y).
        QCOMPARE(scores->value(a).passed, 2);
        QCOMPARE(scores->value(a).failed, 3);
        QCOMPARE(scores->value(a).errors, 1);
        QCOMPARE(*scores->value(b).percent, 100.0);

        auto folds = m_db->checkFolds(a);
        QVERIFY(folds);
        QCOMPARE(folds->size(), 7);
        const auto s = std::find_if(folds->cbegin(), folds->cend(), [](const CheckFold &f) { return f.checkId == QLatin1String("s"); });
        QVERIFY(s != folds->cend());
        QVERIFY(s->anyFail && s->anyPass && !s->anyError);
        QCOMPARE(s->failures, 1);
        QCOMPARE_WORDS(s->severity, Severity::High);
        QCOMPARE(s->requirementIds, r3);
        QCOMPARE(m_db->checkFolds()->size(), 13);
    }

    void issueCountsAndEventFilter()
    {
        makeProject(QStringLiteral("counts.triad"));
        const QStringList r{QStringLiteral("x")};
        const qint64 run1 = scan({{QStringLiteral("web"),
                                   {res(QStringLiteral("a"), CheckStatus::Fail, Severity::High, r),
                                    res(QStringLiteral("b"), CheckStatus::Fail, Severity::Low, r),
                                    res(QStringLiteral("c"), CheckStatus::Fail, Severity::High, r)}},
                                  {QStringLiteral("db"), {res(QStringLiteral("a"), CheckStatus::Fail, Severity::High, r)}}});
        const qint64 run2 = scan({{QStringLiteral("web"),
                                   {res(QStringLiteral("a"), CheckStatus::Pass, Severity::High, r),
                                    res(QStringLiteral("b"), CheckStatus::Fail, Severity::Low, r),
                                    res(QStringLiteral("c"), CheckStatus::Fail, Severity::High, r),
                                    res(QStringLiteral("d"), CheckStatus::Fail, Severity::Critical, r)}}});
        IssueFilter open;
        open.states = {QStringLiteral("open")};
        auto bySeverity = m_db->issueCountsBySeverity(open);
        QVERIFY(bySeverity);
        QCOMPARE(bySeverity->value(Severity::High), 2);     // db/a, web/c
        QCOMPARE(bySeverity->value(Severity::Low), 1);
        QCOMPARE(bySeverity->value(Severity::Critical), 1);
        QCOMPARE(bySeverity->value(Severity::Medium), 0);

        IssueFilter high = open;
        high.severity = Severity::High;
        QCOMPARE(*m_db->countIssues(high), 2);

        auto byCheck = m_db->issueCountsByCheck({}, 2);
        QVERIFY(byCheck);
        QCOMPARE(byCheck->size(), 2);
        QCOMPARE(byCheck->at(0).checkId, QStringLiteral("a"));
        QCOMPARE(byCheck->at(0).issues, 2);
        QCOMPARE(byCheck->at(0).assets, 2);
        QCOMPARE(byCheck->at(0).title, QStringLiteral("Title of a"));
        auto openByCheck = m_db->issueCountsByCheck(open, 10);
        QCOMPARE(openByCheck->size(), 4);
        QCOMPARE(openByCheck->at(0).issues, 1);     // a is fixed on web: one open left

        // The event filter lists exactly the issues behind a run's bar.
        auto events = m_db->issueEventCountsByRun();
        QVERIFY(events);
        IssueFilter fixedIn;
        fixedIn.event = IssueEvent::Fixed;
        fixedIn.eventRunId = run2;
        auto fixed = m_db->issues(fixedIn);
        QCOMPARE(fixed->size(), events->value(run2).value(QStringLiteral("fixed")));
        QCOMPARE(fixed->size(), 1);
        QCOMPARE(fixed->first().checkId, QStringLiteral("a"));
        QCOMPARE(fixed->first().assetName, QStringLiteral("web"));
        IssueFilter openedIn;
        openedIn.event = IssueEvent::Opened;
        openedIn.eventRunId = run1;
        QCOMPARE(*m_db->countIssues(openedIn), 4);
        openedIn.eventRunId = run2;
        QCOMPARE(m_db->issues(openedIn)->first().checkId, QStringLiteral("d"));
    }
};

QTEST_GUILESS_MAIN(TestProjectAggregates)
#include "tst_project_aggregates.moc"
