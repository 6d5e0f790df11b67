// The issue lifecycle as the project database applies it: issues and events stored with the
// results that cause them, waivers with scopes and expiry, attestations, and run comparisons.
#include "db/ProjectDatabase.h"
#include "TestPrinters.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <unistd.h>

using namespace triad;

namespace {

StoredResult res(const QString &check, CheckStatus status, const QString &subject = {}, Severity severity = Severity::High)
{
    StoredResult r;
    r.result.checkId = check;
    r.result.subject = subject;
    r.result.status = status;
    r.result.actual = QStringLiteral("actual-%1").arg(toString(status));
    r.result.collectorKeys = {QStringLiteral("lib/conf")};
    r.rawStatus = status;
    r.severity = severity;
    r.title = QStringLiteral("Title of ") + check;
    return r;
}

RawOutput evidence(const QByteArray &out)
{
    RawOutput r;
    r.collectorKey = QStringLiteral("lib/conf");
    r.command = QStringLiteral("cat /etc/x.conf");
    r.exitCode = 0;
    r.stdoutData = out;
    r.status = CollectionStatus::Ok;
    r.collectedAt = QDateTime::currentDateTimeUtc();
    return r;
}

IssueFilter onAsset(const QString &name)
{
    IssueFilter f;
    f.assetName = name;
    return f;
}

IssueFilter inState(const QString &state)
{
    IssueFilter f;
    f.states = {state};
    return f;
}

} // namespace

class TestIssueTracking final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<ProjectDatabase> m_db;
    qint64 m_web = 0;
    qint64 m_db1 = 0;

    qint64 scan(const QList<QPair<qint64, QList<StoredResult>>> &perAsset, const QByteArray &evidenceText = "x=1\n")
    {
        RunInfo run;
        run.templateId = QStringLiteral("t");
        run.templateVersion = QStringLiteral("1");
        run.startedAt = QDateTime::currentDateTimeUtc();
        auto id = m_db->beginRun(run);
        if (!id)
            qFatal("%s", qPrintable(id.error().toString()));
        for (const auto &[assetId, results] : perAsset) {
            AssetRunRecord rec;
            rec.assetId = assetId;
            rec.assetName = assetId == m_web ? QStringLiteral("web-01") : QStringLiteral("db-01");
            rec.status = AssetRunStatus::Ok;
            const Status s = m_db->storeAssetResults(*id, rec, {evidence(evidenceText)}, results);
            if (!s)
                qFatal("%s", qPrintable(s.error().toString()));
        }
        if (!m_db->finishRun(*id, RunStatus::Completed, QDateTime::currentDateTimeUtc()))
            qFatal("finishRun");
        return *id;
    }

    IssueRecord only(const IssueFilter &f = {})
    {
        auto list = m_db->issues(f);
        if (!list || list->size() != 1)
            qFatal("expected exactly one issue, got %lld", list ? qlonglong(list->size()) : -1LL);
        return list->first();
    }

    QStringList eventsOf(qint64 issueId)
    {
        QStringList out;
        for (const IssueEventRecord &e : *m_db->issueEvents(issueId))
            out << QStringLiteral("%1@%2").arg(toString(e.event)).arg(e.runId);
        return out;
    }

private slots:
    void init()
    {
        m_db.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("p.triad")));
        auto db = ProjectDatabase::create(m_dir.filePath(QStringLiteral("p.triad")), ProjectInfo{QStringLiteral("P"), {}, {}});
        QVERIFY(db);
        m_db = std::move(*db);
        Asset web;
        web.name = QStringLiteral("web-01");
        web.transport = QStringLiteral("local");
        web.tags = {QStringLiteral("prod"), QStringLiteral("pci")};
        m_web = *m_db->addAsset(web);
        Asset dbHost;
        dbHost.name = QStringLiteral("db-01");
        dbHost.transport = QStringLiteral("local");
        dbHost.tags = {QStringLiteral("prod")};
        m_db1 = *m_db->addAsset(dbHost);
    }

    // The walk the issue asks for: fail -> pass -> fail -> error -> pass.
    void failPassFailErrorPass()
    {
        const QString c = QStringLiteral("ssh.max-auth-tries");
        const qint64 r1 = scan({{m_web, {res(c, CheckStatus::Fail)}}});
        IssueRecord i = only();
        QCOMPARE(i.displayState(), QStringLiteral("open"));
        QCOMPARE(i.firstSeenRun, r1);
        QCOMPARE(i.lastSeenRun, r1);
        QCOMPARE(i.title, QStringLiteral("Title of ssh.max-auth-tries"));

        const qint64 r2 = scan({{m_web, {res(c, CheckStatus::Pass)}}});
        i = only();
        QCOMPARE(i.displayState(), QStringLiteral("fixed"));
        QCOMPARE(i.fixedRun, r2);
        QCOMPARE(i.lastSeenRun, r1);

        const qint64 r3 = scan({{m_web, {res(c, CheckStatus::Fail)}}});
        i = only();
        QCOMPARE(i.displayState(), QStringLiteral("open"));
        QCOMPARE(i.regressions, 1);
        QCOMPARE(i.fixedRun, 0);
        QCOMPARE(i.lastSeenRun, r3);
        QCOMPARE(i.firstSeenRun, r1);

        const qint64 r4 = scan({{m_web, {res(c, CheckStatus::Error)}}});
        i = only();
        QCOMPARE(i.displayState(), QStringLiteral("open"));     // unknown is not fixed
        QCOMPARE(i.lastSeenRun, r3);

        const qint64 r5 = scan({{m_web, {res(c, CheckStatus::Pass)}}});
        i = only();
        QCOMPARE(i.displayState(), QStringLiteral("fixed"));
        QCOMPARE(i.fixedRun, r5);
        QCOMPARE(eventsOf(i.id), (QStringList{QStringLiteral("opened@%1").arg(r1), QStringLiteral("fixed@%1").arg(r2),
                                              QStringLiteral("regressed@%1").arg(r3), QStringLiteral("fixed@%1").arg(r5)}));
        Q_UNUSED(r4);

        // An asset missing from a run (unreachable, not selected) changes nothing of its issues.
        scan({{m_web, {res(c, CheckStatus::Fail)}}});
        const qint64 before = only().lastSeenRun;
        scan({{m_db1, {res(c, CheckStatus::Pass)}}});
        QCOMPARE(only(onAsset(QStringLiteral("web-01"))).lastSeenRun, before);
        QCOMPARE(only(onAsset(QStringLiteral("web-01"))).displayState(), QStringLiteral("open"));
    }

    void subjectsAreSeparateIssues()
    {
        const QString c = QStringLiteral("files.suid-sgid-inventory");
        scan({{m_web, {res(c, CheckStatus::Fail, QStringLiteral("/tmp/a")), res(c, CheckStatus::Fail, QStringLiteral("/tmp/b")),
                       res(c, CheckStatus::Pass, QStringLiteral("/usr/bin/su"))}}});
        QCOMPARE(m_db->countIssues().value(), 2);
        scan({{m_web, {res(c, CheckStatus::Fail, QStringLiteral("/tmp/a")), res(c, CheckStatus::Pass, QStringLiteral("/usr/bin/su"))}}});
        QCOMPARE(m_db->countIssues(inState(QStringLiteral("fixed"))).value(), 1);
        QCOMPARE(only(inState(QStringLiteral("fixed"))).subject, QStringLiteral("/tmp/b"));
    }

    void waiversScopesExpiryAndAudit()
    {
        const QString c = QStringLiteral("accounts.pass-max-days");
        Waiver w;
        w.checkId = c;
        w.assetScope = QStringLiteral("tag:pci");
        w.justification = QStringLiteral("Service accounts rotate through the vault");
        w.approver = QStringLiteral("CISO");
        w.ticket = QStringLiteral("SEC-42");
        w.expiresOn = QDate::currentDate().addDays(30);
        auto wid = m_db->addWaiver(w, QStringLiteral("alice"));
        QVERIFY2(wid, qPrintable(wid ? QString() : wid.error().toString()));

        const qint64 r1 = scan({{m_web, {res(c, CheckStatus::Fail)}}, {m_db1, {res(c, CheckStatus::Fail)}}});
        auto stored = m_db->results(r1).value();
        QHash<QString, StoredResult> byAsset;
        for (const StoredResult &r : stored)
            byAsset.insert(r.assetName, r);
        QCOMPARE(toString(byAsset[QStringLiteral("web-01")].result.status), QStringLiteral("waived"));
        QCOMPARE(toString(byAsset[QStringLiteral("web-01")].rawStatus), QStringLiteral("fail"));
        QCOMPARE(toString(byAsset[QStringLiteral("db-01")].result.status), QStringLiteral("fail"));   // no pci tag
        const IssueRecord web = only(onAsset(QStringLiteral("web-01")));
        QCOMPARE(web.displayState(), QStringLiteral("waived"));
        QCOMPARE(web.waiverId, *wid);
        QCOMPARE(only(inState(QStringLiteral("waived"))).assetName, QStringLiteral("web-01"));
        QCOMPARE(only(inState(QStringLiteral("open"))).assetName, QStringLiteral("db-01"));

        // Expired waivers stop applying at the next evaluation; the issue counts again.
        QVERIFY(m_db->changeWaiverExpiry(*wid, QDate::currentDate().addDays(-1), QStringLiteral("alice")));
        const IssueRecord lapsed = only(onAsset(QStringLiteral("web-01")));
        QCOMPARE(lapsed.displayState(), QStringLiteral("open"));
        QVERIFY(lapsed.waiverExpired);
        const qint64 r2 = scan({{m_web, {res(c, CheckStatus::Fail)}}});
        QCOMPARE(toString(m_db->results(r2).value().first().result.status), QStringLiteral("fail"));
        QCOMPARE(eventsOf(lapsed.id), (QStringList{QStringLiteral("opened@%1").arg(r1), QStringLiteral("waived@%1").arg(r1),
                                                   QStringLiteral("unwaived@%1").arg(r2)}));

        // An asset-scoped waiver, ended early.
        Waiver one = w;
        one.assetScope = QStringLiteral("asset:db-01");
        one.expiresOn = QDate::currentDate().addDays(10);
        auto oneId = m_db->addWaiver(one, QStringLiteral("bob"));
        QVERIFY(oneId);
        scan({{m_db1, {res(c, CheckStatus::Fail)}}});
        QCOMPARE(only(onAsset(QStringLiteral("db-01"))).displayState(), QStringLiteral("waived"));
        QVERIFY(m_db->endWaiver(*oneId, QStringLiteral("bob"), QStringLiteral("fixed for real next week")));
        QCOMPARE(only(onAsset(QStringLiteral("db-01"))).displayState(), QStringLiteral("open"));
        QVERIFY(!m_db->endWaiver(*oneId, QStringLiteral("bob"), QStringLiteral("twice")));

        QStringList actions;
        for (const AuditEntry &e : m_db->auditLog().value())
            actions << e.actor + QLatin1Char(' ') + e.action;
        QCOMPARE(actions, (QStringList{QStringLiteral("alice waiver.created"), QStringLiteral("alice waiver.changed"),
                                       QStringLiteral("bob waiver.created"), QStringLiteral("bob waiver.ended")}));

        Waiver bad = w;
        bad.approver.clear();
        QVERIFY(!m_db->addWaiver(bad, QStringLiteral("x")));
        bad = w;
        bad.assetScope = QStringLiteral("group:x");
        QVERIFY(!m_db->addWaiver(bad, QStringLiteral("x")));
    }

    void attestationsKeepTheirFiles()
    {
        Attestation a;
        a.templateId = QStringLiteral("pci-dss-4");
        a.requirementId = QStringLiteral("12.1.1");
        a.status = CheckStatus::Pass;
        a.statement = QStringLiteral("Policy v3 approved by the board on 2026-10-01");
        a.attester = QStringLiteral("carol");
        const QByteArray pdf("%PDF-1.4 policy\x00\x01", 17);
        auto id = m_db->addAttestation(a, {{QStringLiteral("policy.pdf"), pdf}});
        QVERIFY(id);
        const auto list = m_db->attestations(QStringLiteral("pci-dss-4")).value();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].files.size(), 1);
        QCOMPARE(list[0].files[0].sha256, QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(list[0].files[0].size, 17);
        QCOMPARE(m_db->attestationFileContent(list[0].files[0].id).value(), pdf);
        QVERIFY(m_db->attestations(QStringLiteral("soc2")).value().isEmpty());
        a.status = CheckStatus::Error;
        QVERIFY(!m_db->addAttestation(a, {}));
    }

    void comparisons()
    {
        const QString a = QStringLiteral("a");
        const QString b = QStringLiteral("b");
        const QString c = QStringLiteral("c");
        const QString d = QStringLiteral("d");
        // run 1: d fails (then gets fixed in run 2 and comes back in run 4: regressed)
        const qint64 r1 = scan({{m_web, {res(d, CheckStatus::Fail)}}});
        const qint64 r2 = scan({{m_web, {res(a, CheckStatus::Fail), res(b, CheckStatus::Fail), res(c, CheckStatus::Pass),
                                         res(d, CheckStatus::Pass)}}}, "v=1\n");
        const qint64 r3 = scan({{m_web, {res(a, CheckStatus::Fail), res(b, CheckStatus::Pass), res(c, CheckStatus::Fail),
                                         res(d, CheckStatus::Fail)}}}, "v=2\n");
        auto cmp = m_db->compareRuns(r2, r3);
        QVERIFY(cmp);
        auto ids = [](const QList<ComparedResult> &l) {
            QStringList out;
            for (const ComparedResult &r : l)
                out << r.checkId;
            return out;
        };
        QCOMPARE(ids(cmp->stillOpen), QStringList{a});
        QCOMPARE(ids(cmp->fixed), QStringList{b});
        QCOMPARE(ids(cmp->newFailures), QStringList{c});
        QCOMPARE(ids(cmp->regressed), QStringList{d});
        QCOMPARE(cmp->changedEvidence.size(), 1);
        QCOMPARE(cmp->changedEvidence[0].assetName, QStringLiteral("web-01"));
        QVERIFY(cmp->changedEvidence[0].sha256Before != cmp->changedEvidence[0].sha256After);
        QVERIFY(!m_db->compareRuns(r1, 999));
    }

    // A disk that fills up mid-run: a clear error, and what was stored before stays readable.
    void fullDiskLosesNothingStored()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to mount a small tmpfs");
        const QString dir = m_dir.filePath(QStringLiteral("small"));
        QVERIFY(QDir().mkpath(dir));
        const QByteArray d = QFile::encodeName(dir);
        if (::mount("tmpfs", d.constData(), "tmpfs", 0, "size=1m") != 0)
            QSKIP("cannot mount a tmpfs here");
        const QString file = dir + QStringLiteral("/p.triad");
        QString failure;
        int storedAssets = 0;
        bool reopenedOk = false;
        int issuesAfter = -1;
        {
            auto db = ProjectDatabase::create(file, ProjectInfo{QStringLiteral("P"), {}, {}});
            QVERIFY(db);
            Asset a;
            a.name = QStringLiteral("web-01");
            a.transport = QStringLiteral("local");
            const qint64 assetId = *(*db)->addAsset(a);
            RunInfo run;
            run.templateId = QStringLiteral("t");
            run.templateVersion = QStringLiteral("1");
            const qint64 runId = *(*db)->beginRun(run);
            // 64 KiB of evidence per asset: the 1 MiB disk fills after a dozen.
            for (int i = 0; i < 100 && failure.isEmpty(); ++i) {
                AssetRunRecord rec;
                rec.assetId = assetId;
                rec.assetName = QStringLiteral("web-01-%1").arg(i);
                rec.status = AssetRunStatus::Ok;
                const Status s = (*db)->storeAssetResults(runId, rec, {evidence(QByteArray(64 * 1024, char('a' + i % 26)))},
                                                          {res(QStringLiteral("c%1").arg(i), CheckStatus::Fail)});
                if (s)
                    ++storedAssets;
                else
                    failure = s.error().toString();
            }
        }
        {
            auto again = ProjectDatabase::open(file, ProjectDatabase::OpenMode::ReadOnly);
            reopenedOk = again && (*again)->results(1) && (*again)->results(1)->size() == storedAssets;
            if (again && (*again)->countIssues())
                issuesAfter = *(*again)->countIssues();
        }
        ::umount(d.constData());
        QVERIFY2(!failure.isEmpty(), "the disk never filled up");
        QVERIFY2(failure.contains(QStringLiteral("full"), Qt::CaseInsensitive), qPrintable(failure));
        QVERIFY(storedAssets > 0);
        QVERIFY(reopenedOk);
        QCOMPARE(issuesAfter, storedAssets);
    }

    void aFailedStoreChangesNoIssue()
    {
        scan({{m_web, {res(QStringLiteral("a"), CheckStatus::Fail)}}});
        RunInfo run;
        run.templateId = QStringLiteral("t");
        run.templateVersion = QStringLiteral("1");
        run.startedAt = QDateTime::currentDateTimeUtc();
        const qint64 id = *m_db->beginRun(run);
        AssetRunRecord rec;
        rec.assetId = m_web;
        rec.assetName = QStringLiteral("web-01");
        rec.status = AssetRunStatus::Ok;
        StoredResult broken = res(QStringLiteral("b"), CheckStatus::Fail);
        broken.severity = Severity(42);     // violates the CHECK constraint after the issue rows were planned
        QVERIFY(!m_db->storeAssetResults(id, rec, {}, {res(QStringLiteral("a"), CheckStatus::Pass), broken}));
        QCOMPARE(only().displayState(), QStringLiteral("open"));
        QCOMPARE(m_db->countIssues().value(), 1);
    }
};

QTEST_GUILESS_MAIN(TestIssueTracking)
#include "tst_issue_tracking.moc"
