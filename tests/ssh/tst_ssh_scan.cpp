// Assessments over SSH of distinct hosts: real sshd's on loopback addresses, each seeing its
// own fixture files through a private mount namespace (tests/fleet/fixtures).
#include "SshdFixture.h"
#include "TestPaths.h"
#include "TestPrinters.h"

#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "scan/Scanner.h"

#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace triad;

namespace {

/// Copies a fixture so that its mode and owner are what the scenario needs.
QString stage(const QString &dir, const QString &fixture, const QString &name, QFile::Permissions mode)
{
    const QString target = dir + QLatin1Char('/') + name;
    QFile::remove(target);
    QFile::copy(QStringLiteral(TRIAD_SOURCE_DIR "/tests/fleet/fixtures/") + fixture, target);
    QFile::setPermissions(target, mode);
    return target;
}

QHash<QString, CheckStatus> statusByCheck(ProjectDatabase &db, qint64 runId, const QString &asset)
{
    QHash<QString, CheckStatus> map;
    const auto results = db.results(runId);     // keep the Result alive for the loop
    for (const StoredResult &r : *results)
        if (r.assetName == asset)
            map.insert(r.result.checkId, r.result.status);
    return map;
}

AssetRunRecord recordOf(ProjectDatabase &db, qint64 runId, const QString &asset)
{
    const auto records = db.runAssets(runId);
    for (const AssetRunRecord &r : *records)
        if (r.assetName == asset)
            return r;
    return {};
}

} // namespace

class TestSshScan final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<SshdFixture> m_hardened;
    std::unique_ptr<SshdFixture> m_weak;
    std::optional<Catalog> m_catalog;

    std::unique_ptr<SshdFixture> host(const QString &address, const QString &variant)
    {
        const QString dir = m_dir.filePath(variant);
        QDir().mkpath(dir);
        const auto ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
        const auto worldReadable = ownerOnly | QFile::ReadGroup | QFile::ReadOther;
        SshdFixture::Options o;
        o.address = address;
        o.bindMounts = {
            {stage(dir, variant + QStringLiteral("/etc/ssh/sshd_config"), QStringLiteral("sshd_config"),
                   variant == QLatin1String("weak") ? worldReadable : ownerOnly),
             QStringLiteral("/etc/ssh/sshd_config")},
            {stage(dir, variant + QStringLiteral("/etc/login.defs"), QStringLiteral("login.defs"), worldReadable),
             QStringLiteral("/etc/login.defs")},
        };
        auto sshd = std::make_unique<SshdFixture>(o);
        if (!sshd->start())
            qWarning() << sshd->error();
        return sshd;
    }

    Asset assetFor(const QString &name, const SshdFixture &sshd)
    {
        Asset a;
        a.name = name;
        a.transport = QStringLiteral("ssh");
        a.address = sshd.address();
        a.port = sshd.port();
        a.user = QStringLiteral("root");
        a.credentialRef = QStringLiteral("key:") + sshd.userKey();
        a.tags = {QStringLiteral("fleet")};
        return a;
    }

private slots:
    void initTestCase()
    {
        if (!SshdFixture::available())
            QSKIP("needs root and openssh-server");
        m_hardened = host(QStringLiteral("127.0.20.1"), QStringLiteral("hardened"));
        m_weak = host(QStringLiteral("127.0.20.2"), QStringLiteral("weak"));
        QVERIFY2(m_hardened->port() > 0 && m_weak->port() > 0, "fixture sshd's did not start");
        auto catalog = Catalog::load({QStringLiteral(TRIAD_TEMPLATES_DIR)});
        QVERIFY(catalog);
        m_catalog = std::move(*catalog);
    }

    void scansDistinctHostsAndPinsTheirKeys()
    {
        auto db = ProjectDatabase::create(m_dir.filePath(QStringLiteral("fleet.triad")), ProjectInfo{QStringLiteral("Fleet"), {}, {}});
        QVERIFY(db);
        QVERIFY((*db)->addAsset(assetFor(QStringLiteral("hardened"), *m_hardened)));
        QVERIFY((*db)->addAsset(assetFor(QStringLiteral("weak"), *m_weak)));
        Asset down;
        down.name = QStringLiteral("down");
        down.transport = QStringLiteral("ssh");
        down.address = QStringLiteral("127.0.20.3");
        {
            QTcpServer probe;     // a port that is certainly closed
            QVERIFY(probe.listen(QHostAddress(down.address), 0));
            down.port = probe.serverPort();
        }
        down.credentialRef = QStringLiteral("key:") + m_weak->userKey();
        QVERIFY((*db)->addAsset(down));

        Scanner scanner(**db, *m_catalog);
        ScanRequest request;
        request.templateId = QStringLiteral("cis-linux");
        request.acceptNewHostKeys = true;
        auto summary = scanner.run(request);
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
        QCOMPARE(summary->runStatus, QStringLiteral("completed"));
        QCOMPARE(summary->assetCount, 3);
        QCOMPARE(summary->reachedAssets, 2);

        QCOMPARE_WORDS(recordOf(**db, summary->runId, QStringLiteral("down")).status, AssetRunStatus::Unreachable);
        QVERIFY(recordOf(**db, summary->runId, QStringLiteral("down")).error.contains(QStringLiteral("connect")));
        QCOMPARE_WORDS(recordOf(**db, summary->runId, QStringLiteral("hardened")).status, AssetRunStatus::Ok);

        const auto hardened = statusByCheck(**db, summary->runId, QStringLiteral("hardened"));
        const auto weak = statusByCheck(**db, summary->runId, QStringLiteral("weak"));
        QCOMPARE_WORDS(hardened.value(QStringLiteral("ssh.max-auth-tries")), CheckStatus::Pass);
        QCOMPARE_WORDS(weak.value(QStringLiteral("ssh.max-auth-tries")), CheckStatus::Fail);
        QCOMPARE_WORDS(hardened.value(QStringLiteral("ssh.permit-root-login")), CheckStatus::Pass);
        QCOMPARE_WORDS(weak.value(QStringLiteral("ssh.permit-root-login")), CheckStatus::Fail);
        QCOMPARE_WORDS(hardened.value(QStringLiteral("ssh.config-permissions")), CheckStatus::Pass);
        QCOMPARE_WORDS(weak.value(QStringLiteral("ssh.config-permissions")), CheckStatus::Fail);
        QCOMPARE_WORDS(hardened.value(QStringLiteral("accounts.pass-max-days")), CheckStatus::Pass);
        QCOMPARE_WORDS(weak.value(QStringLiteral("accounts.password-hashing")), CheckStatus::Fail);
        QVERIFY(statusByCheck(**db, summary->runId, QStringLiteral("down")).isEmpty());

        // Where the time went is kept per asset: one command carried the whole collection, the
        // traffic was counted, and each collector has its own duration (not the script's).
        const AssetTimings t = recordOf(**db, summary->runId, QStringLiteral("hardened")).timings;
        QCOMPARE(t.commands, 1);
        QVERIFY(t.connectMs + t.authMs > 0);
        QVERIFY(t.collectMs > 0);
        QVERIFY(t.storeMs > 0 || t.evaluateMs > 0);
        QVERIFY2(t.bytesSent > 50000, qPrintable(QString::number(t.bytesSent)));     // the script
        QVERIFY(t.bytesReceived > 10000);
        QVERIFY(recordOf(**db, summary->runId, QStringLiteral("down")).timings.connectMs >= 0);
        auto slowest = (*db)->slowestCollectors(summary->runId, 400);
        QVERIFY(slowest);
        qint64 summed = 0;
        for (const CollectorTime &c : std::as_const(*slowest)) {
            QVERIFY(c.maxMs <= c.totalMs);
            summed += c.totalMs;
        }
        QVERIFY2(summed > 0, "no collector was timed");
        // Two hosts' collectors together cannot take longer than the two collections did.
        const qint64 collections = t.collectMs + recordOf(**db, summary->runId, QStringLiteral("weak")).timings.collectMs;
        QVERIFY2(summed <= collections + 100, qPrintable(QStringLiteral("%1 > %2").arg(summed).arg(collections)));
        QVERIFY(slowest->first().totalMs >= slowest->last().totalMs);

        // First contact pinned each host's key in the project.
        QCOMPARE((*db)->assetByName(QStringLiteral("hardened"))->hostKeySha256, m_hardened->hostKeySha256());
        QCOMPARE((*db)->assetByName(QStringLiteral("weak"))->hostKeySha256, m_weak->hostKeySha256());

        // The weak host is "reinstalled": its key changes. It is refused, naming both keys; the
        // others are assessed; accepting new keys never overrides a pin.
        const QString oldKey = m_weak->hostKeySha256();
        QVERIFY(m_weak->regenerateHostKey());
        auto second = scanner.run(request);
        QVERIFY(second);
        QCOMPARE(second->reachedAssets, 1);
        const AssetRunRecord refused = recordOf(**db, second->runId, QStringLiteral("weak"));
        QCOMPARE_WORDS(refused.status, AssetRunStatus::Unreachable);
        QVERIFY2(refused.error.contains(QStringLiteral("host key changed")), qPrintable(refused.error));
        QVERIFY(refused.error.contains(oldKey));
        QVERIFY(refused.error.contains(m_weak->hostKeySha256()));
        QCOMPARE((*db)->assetByName(QStringLiteral("weak"))->hostKeySha256, oldKey);
    }

    void unknownKeysAreRefusedWithoutConsent()
    {
        auto db = ProjectDatabase::create(m_dir.filePath(QStringLiteral("strict.triad")), ProjectInfo{QStringLiteral("Strict"), {}, {}});
        QVERIFY(db);
        QVERIFY((*db)->addAsset(assetFor(QStringLiteral("hardened"), *m_hardened)));
        Scanner scanner(**db, *m_catalog);
        ScanRequest request;
        request.templateId = QStringLiteral("cis-linux");
        auto summary = scanner.run(request);
        QVERIFY(summary);
        QCOMPARE(summary->reachedAssets, 0);
        const AssetRunRecord r = recordOf(**db, summary->runId, QStringLiteral("hardened"));
        QVERIFY2(r.error.contains(QStringLiteral("unknown host key")), qPrintable(r.error));
        QVERIFY(r.error.contains(m_hardened->hostKeySha256()));
        QVERIFY((*db)->assetByName(QStringLiteral("hardened"))->hostKeySha256.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSshScan)
#include "tst_ssh_scan.moc"
