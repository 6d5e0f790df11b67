// Bad input and faults of real hosts over real sshd: a connection dropped mid-scan, a host without
// bash, a host without sudo, sudo asking for a password we do not have, a command that prints
// 100 MB, hostile parameter values. Each gives a clear per-host status, no hang past the timeouts,
// and a consistent project.
#include "HostFixture.h"
#include "TestPaths.h"
#include "TestPrinters.h"

#include "common/ShellQuote.h"
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "engine/TailoringLoader.h"
#include "scan/Scanner.h"
#include "vault/CredentialVault.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <thread>

using namespace triad;

namespace {

const QString kTemplates = QStringLiteral(TRIAD_SOURCE_DIR "/tests/ssh/data/templates");
const QByteArray kPassword = "Fault-test pw 5";

QHash<QString, StoredResult> resultsOf(ProjectDatabase &db, qint64 runId, const QString &asset)
{
    QHash<QString, StoredResult> map;
    const auto results = db.results(runId);
    for (const StoredResult &r : *results)
        if (r.assetName == asset)
            map.insert(r.result.checkId, r);
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

/// SQLite's own verdict on the file, through a separate connection.
QString integrityOf(const QString &file)
{
    QString verdict;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("integrity"));
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
                verdict = q.value(0).toString();
            if (q.exec(QStringLiteral("PRAGMA foreign_key_check")) && q.next())
                verdict += QStringLiteral(" foreign key violation in ") + q.value(0).toString();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("integrity"));
    return verdict;
}

} // namespace

class TestSshFaults final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::optional<Catalog> m_catalog;
    std::unique_ptr<HostFixture> m_minimal; // no bash, no sudo; root's shell is /bin/sh
    std::unique_ptr<HostFixture> m_regular; // sudo that asks for a password

    Asset rootAsset(const QString &name, SshdFixture &sshd)
    {
        Asset a;
        a.name = name;
        a.address = sshd.address();
        a.port = sshd.port();
        a.user = QStringLiteral("root");
        a.credentialRef = QStringLiteral("key:") + sshd.userKey();
        return a;
    }

    Asset passwordAsset(const QString &name, SshdFixture &sshd, const QString &user)
    {
        Asset a = rootAsset(name, sshd);
        a.user = user;
        a.credentialRef = QStringLiteral("vault:login");
        return a;
    }

    /// The end of a host's sshd and sudo logs, for the message of a failed check.
    static QString hostLog(HostFixture &host)
    {
        return QStringLiteral("\n--- sshd log ---\n") + host.sshd().log().right(2000)
            + QStringLiteral("\n--- sudo log ---\n") + host.sudoLog().right(1000);
    }

    struct Project {
        std::unique_ptr<ProjectDatabase> db;
        std::shared_ptr<CredentialVault> vault;
        QString file;
    };

    Project project(const QString &name)
    {
        Project p;
        p.file = m_dir.filePath(name);
        auto db = ProjectDatabase::create(p.file, ProjectInfo {QStringLiteral("Faults"), {}, {}});
        if (!db)
            qFatal("%s", qPrintable(db.error().toString()));
        p.db = std::move(*db);
        auto vault
            = CredentialVault::unlock(*p.db, SecretBytes(QByteArray("pp")),
                                      CredentialVault::Mode::CreateIfMissing, SealedBox::KdfCost {10, 8, 1});
        if (!vault
            || !(*vault)->store(*p.db, QStringLiteral("login"), QStringLiteral("password"),
                                SecretBytes(kPassword)))
            qFatal("vault");
        p.vault = *vault;
        return p;
    }

    Result<ScanSummary> scan(Project &p, const QString &templateId,
                             std::optional<Tailoring> tailoring = std::nullopt)
    {
        Scanner scanner(*p.db, *m_catalog);
        ScanRequest request;
        request.templateId = templateId;
        request.tailoring = std::move(tailoring);
        request.acceptNewHostKeys = true;
        request.vault = p.vault;
        return scanner.run(request);
    }

private slots:
    void initTestCase()
    {
        if (!SshdFixture::available())
            QSKIP("needs root and openssh-server");
        if (!QFile::exists(QStringLiteral("/usr/bin/sudo")))
            QSKIP("needs sudo (installer/deps.sh test installs it)");
        auto catalog = Catalog::load({kTemplates});
        QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().toString()));
        m_catalog = std::move(*catalog);

        HostFixture::Options minimal;
        minimal.address = QStringLiteral("127.0.32.1");
        minimal.rootShell = QStringLiteral("/bin/sh");
        minimal.hiddenPrograms = {QStringLiteral("bash"), QStringLiteral("rbash"), QStringLiteral("sudo")};
        minimal.users
            = {{QStringLiteral("tfnosudo"), QString::fromUtf8(kPassword), QStringLiteral("/bin/sh"), {}}};
        m_minimal = std::make_unique<HostFixture>(minimal);
        QVERIFY2(m_minimal->start(), qPrintable(m_minimal->error()));

        HostFixture::Options regular;
        regular.address = QStringLiteral("127.0.32.2");
        regular.users = {{QStringLiteral("tfneedpw"), QString::fromUtf8(kPassword), QStringLiteral("/bin/sh"),
                          QStringLiteral("ALL=(ALL) ALL")}};
        m_regular = std::make_unique<HostFixture>(regular);
        QVERIFY2(m_regular->start(), qPrintable(m_regular->error()));
    }

    void hostWithoutBash()
    {
        Project p = project(QStringLiteral("shell.triad"));
        QVERIFY(p.db->addAsset(rootAsset(QStringLiteral("minimal"), m_minimal->sshd())));
        auto summary = scan(p, QStringLiteral("ssh-shell"));
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
        const AssetRunRecord record = recordOf(*p.db, summary->runId, QStringLiteral("minimal"));
        QVERIFY2(record.status == AssetRunStatus::Ok, qPrintable(record.error));
        const auto results = resultsOf(*p.db, summary->runId, QStringLiteral("minimal"));
        QCOMPARE_WORDS(results.value(QStringLiteral("sshtest.no-bash")).result.status,
                       CheckStatus::Pass); // the host really has none
        QCOMPARE_WORDS(results.value(QStringLiteral("sshtest.kernel")).result.status, CheckStatus::Pass);
        QVERIFY(!record.facts.hostname.isEmpty());
    }

    void sudoNotInstalled()
    {
        Project p = project(QStringLiteral("nosudo.triad"));
        QVERIFY(p.db->addAsset(
            passwordAsset(QStringLiteral("no-sudo"), m_minimal->sshd(), QStringLiteral("tfnosudo"))));
        Asset withPassword = passwordAsset(QStringLiteral("no-sudo-with-password"), m_minimal->sshd(),
                                           QStringLiteral("tfnosudo"));
        withPassword.sudoCredentialRef = QStringLiteral("vault:login");
        QVERIFY(p.db->addAsset(withPassword));
        QElapsedTimer timer;
        timer.start();
        auto summary = scan(p, QStringLiteral("ssh-privileged"));
        QVERIFY(summary);
        QVERIFY(timer.elapsed() < 30000);

        // sudo -n fails: privileged collectors are errors (never pass), the rest is assessed.
        const AssetRunRecord plain = recordOf(*p.db, summary->runId, QStringLiteral("no-sudo"));
        QVERIFY2(plain.status == AssetRunStatus::Ok, qPrintable(plain.error));
        const auto results = resultsOf(*p.db, summary->runId, QStringLiteral("no-sudo"));
        QCOMPARE_WORDS(results.value(QStringLiteral("sshtest.root-view")).result.status, CheckStatus::Error);
        QCOMPARE_WORDS(results.value(QStringLiteral("sshtest.shadow-readable")).result.status,
                       CheckStatus::Error);
        QCOMPARE_WORDS(results.value(QStringLiteral("sshtest.kernel")).result.status, CheckStatus::Pass);

        // With a sudo password to give, the whole collection needs sudo: the host fails, saying why.
        const AssetRunRecord needsSudo
            = recordOf(*p.db, summary->runId, QStringLiteral("no-sudo-with-password"));
        QVERIFY(needsSudo.status != AssetRunStatus::Ok);
        QVERIFY2(needsSudo.error.contains(QStringLiteral("sudo is not installed")),
                 qPrintable(needsSudo.error));
        QVERIFY(resultsOf(*p.db, summary->runId, QStringLiteral("no-sudo-with-password")).isEmpty());
        QCOMPARE(integrityOf(p.file), QStringLiteral("ok"));
    }

    void lockedVaultFailsOnlyItsAssets()
    {
        // A scan without the vault (the GUI before the passphrase is given): the asset that needs
        // a stored password fails saying so, the others are assessed.
        Project p = project(QStringLiteral("locked.triad"));
        QVERIFY(p.db->addAsset(
            passwordAsset(QStringLiteral("needs-vault"), m_regular->sshd(), QStringLiteral("tfneedpw"))));
        QVERIFY(p.db->addAsset(rootAsset(QStringLiteral("key-login"), m_regular->sshd())));
        p.vault.reset();
        auto summary = scan(p, QStringLiteral("ssh-shell"));
        QVERIFY(summary);
        QCOMPARE(summary->reachedAssets, 1);
        const AssetRunRecord locked = recordOf(*p.db, summary->runId, QStringLiteral("needs-vault"));
        QCOMPARE_WORDS(locked.status, AssetRunStatus::Error);
        QVERIFY2(locked.error.contains(QStringLiteral("locked")), qPrintable(locked.error));
        QCOMPARE_WORDS(recordOf(*p.db, summary->runId, QStringLiteral("key-login")).status,
                       AssetRunStatus::Ok);
    }

    void sudoAsksForAPasswordWeDoNotHave()
    {
        Project p = project(QStringLiteral("needpw.triad"));
        QVERIFY(p.db->addAsset(
            passwordAsset(QStringLiteral("needs-password"), m_regular->sshd(), QStringLiteral("tfneedpw"))));
        QElapsedTimer timer;
        timer.start();
        auto summary = scan(p, QStringLiteral("ssh-privileged"));
        QVERIFY(summary);
        QVERIFY2(timer.elapsed() < 30000, "sudo -n must not wait for a password");
        const AssetRunRecord record = recordOf(*p.db, summary->runId, QStringLiteral("needs-password"));
        QVERIFY2(record.status == AssetRunStatus::Ok, qPrintable(record.error + hostLog(*m_regular)));
        const auto results = resultsOf(*p.db, summary->runId, QStringLiteral("needs-password"));
        for (const QString &check :
             {QStringLiteral("sshtest.root-view"), QStringLiteral("sshtest.shadow-readable")}) {
            QCOMPARE_WORDS(results.value(check).result.status, CheckStatus::Error);
            const auto evidence = p.db->evidenceForResult(results.value(check).id);
            QVERIFY(evidence && !evidence->isEmpty());
            QVERIFY2(evidence->at(0).raw.errorMessage.contains(QStringLiteral("needs root")),
                     qPrintable(evidence->at(0).raw.errorMessage));
        }
        QCOMPARE_WORDS(results.value(QStringLiteral("sshtest.kernel")).result.status, CheckStatus::Pass);
        // sudo -n never tried a password, so the host logged no failed attempt.
        QVERIFY2(!m_regular->sudoLog().contains(QStringLiteral("incorrect password")),
                 qPrintable(m_regular->sudoLog()));
    }

    void hundredMegabytesAreCapped()
    {
        Project p = project(QStringLiteral("flood.triad"));
        QVERIFY(p.db->addAsset(rootAsset(QStringLiteral("flood"), m_regular->sshd())));
        QElapsedTimer timer;
        timer.start();
        auto summary = scan(p, QStringLiteral("ssh-flood"));
        QVERIFY(summary);
        QVERIFY2(timer.elapsed() < 30000, "the flood is cut at the host, not carried over the network");
        const AssetRunRecord record = recordOf(*p.db, summary->runId, QStringLiteral("flood"));
        QVERIFY2(record.status == AssetRunStatus::Ok, qPrintable(record.error));
        const auto results = resultsOf(*p.db, summary->runId, QStringLiteral("flood"));
        const auto evidence = p.db->evidenceForResult(results.value(QStringLiteral("sshtest.flood")).id);
        QVERIFY(evidence && evidence->size() == 1);
        QCOMPARE(evidence->at(0).raw.stdoutData.size(), 65536);
        QVERIFY(evidence->at(0).raw.truncated);
        QCOMPARE_WORDS(results.value(QStringLiteral("sshtest.kernel")).result.status, CheckStatus::Pass);
    }

    void hostileParameterValuesStayData()
    {
        // Tailoring values reach the generated script (an argv word and a file path) and run over
        // SSH: as root directly, and as a user through sudo -S (script on the stdin of sudo's
        // shell). Quotes, $(), backticks, ';', newlines and quote-escape attempts stay data.
        const QString m = m_dir.filePath(QStringLiteral("pwned"));
        const QString text = QStringLiteral("a'b\"c $(touch %1-1) `touch %1-2`; touch %1-3\ntouch "
                                            "%1-4\n'\\''; touch %1-5; ' $HOME ${PATH} *")
                                 .arg(m);
        const QString path
            = QStringLiteral("/nonexistent/$(touch %1-6)'x\"`touch %1-7`;touch %1-8 &&id>%1-9").arg(m);
        auto yamlQuoted = [](QString v) -> QString {
            v.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
                .replace(QLatin1Char('"'), QStringLiteral("\\\""))
                .replace(QLatin1Char('\n'), QStringLiteral("\\n"));
            return QLatin1Char('"') + v + QLatin1Char('"');
        };
        const QByteArray yaml
            = (QStringLiteral(
                   "tailoring: {template: ssh-hostile, name: hostile}\nparameters:\n  probe_text: ")
               + yamlQuoted(text) + QStringLiteral("\n  probe_path: ") + yamlQuoted(path) + QLatin1Char('\n'))
                  .toUtf8();
        auto tailoring = TailoringLoader::loadText(yaml, QStringLiteral("hostile.yaml"));
        QVERIFY2(tailoring, tailoring ? "" : qPrintable(tailoring.error().toString()));
        QCOMPARE(tailoring->parameters.value(QStringLiteral("probe_text")).toString(), text);

        Project p = project(QStringLiteral("hostile.triad"));
        Asset asRoot = rootAsset(QStringLiteral("root 'quoted' $(name)\nline"),
                                 m_regular->sshd()); // names are data too
        QVERIFY(p.db->addAsset(asRoot));
        Asset viaSudo
            = passwordAsset(QStringLiteral("via-sudo"), m_regular->sshd(), QStringLiteral("tfneedpw"));
        viaSudo.sudoCredentialRef = QStringLiteral("vault:login");
        QVERIFY(p.db->addAsset(viaSudo));
        auto summary = scan(p, QStringLiteral("ssh-hostile"), *tailoring);
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
        QVERIFY2(summary->reachedAssets == 2, qPrintable(hostLog(*m_regular)));

        const QByteArray expected
            = (text + QStringLiteral("|prefix-") + text + QStringLiteral("-suffix|")).toUtf8();
        for (const QString &asset : {asRoot.name, viaSudo.name}) {
            const AssetRunRecord record = recordOf(*p.db, summary->runId, asset);
            QVERIFY2(record.status == AssetRunStatus::Ok, qPrintable(record.error + hostLog(*m_regular)));
            const auto results = resultsOf(*p.db, summary->runId, asset);
            const auto echoed = p.db->evidenceForResult(results.value(QStringLiteral("sshtest.echo")).id);
            QVERIFY(echoed && echoed->size() == 1);
            QCOMPARE(echoed->at(0).raw.stdoutData, expected);
            QCOMPARE(echoed->at(0).raw.exitCode, 0);
            // The hostile path is read as a (missing) file of that exact name.
            QCOMPARE_WORDS(results.value(QStringLiteral("sshtest.read-path")).result.status,
                           CheckStatus::Fail);
            const auto read = p.db->evidenceForResult(results.value(QStringLiteral("sshtest.read-path")).id);
            QVERIFY(read && read->size() == 1);
            QCOMPARE(read->at(0).raw.command, QStringLiteral("cat ") + shellQuote(path)); // one word, quoted
            QCOMPARE_WORDS(results.value(QStringLiteral("sshtest.kernel")).result.status, CheckStatus::Pass);
        }
        QVERIFY(p.db->assetByName(asRoot.name));
        for (int i = 1; i <= 9; ++i)
            QVERIFY2(!QFile::exists(m + QStringLiteral("-%1").arg(i)), qPrintable(QString::number(i)));
    }

    void sessionKilledMidScan()
    {
        // The host stays up, but the shell running the collection is killed (an OOM killer, an
        // administrator): the host is marked as failed, not as assessed with holes.
        const QString issue = m_dir.filePath(QStringLiteral("issue-killed.net"));
        {
            QFile f(issue);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("triad-slow\n");
        }
        QFile::setPermissions(issue,
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther | QFile::ReadGroup);
        SshdFixture::Options o;
        o.address = QStringLiteral("127.0.32.4");
        o.bindMounts = {{issue, QStringLiteral("/etc/issue.net")}};
        SshdFixture host(o);
        QVERIFY2(host.start(), qPrintable(host.error()));
        Project p = project(QStringLiteral("killed.triad"));
        QVERIFY(p.db->addAsset(rootAsset(QStringLiteral("killed"), host)));
        std::atomic_bool killed {false};
        std::thread killer([&host, &killed] {
            QElapsedTimer waited;
            waited.start();
            while (waited.elapsed() < 30000 && !killed) {
                const QList<qint64> below = host.descendants();
                bool sleeping = false;
                for (qint64 pid : below) {
                    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
                    sleeping |= comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "sleep";
                }
                if (sleeping) {
                    for (qint64 pid : below) { // every process of the session but sshd itself
                        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
                        if (comm.open(QIODevice::ReadOnly) && !comm.readAll().startsWith("sshd"))
                            ::kill(pid_t(pid), SIGKILL);
                    }
                    killed = true;
                }
                QThread::msleep(50);
            }
        });
        QElapsedTimer timer;
        timer.start();
        auto summary = scan(p, QStringLiteral("ssh-slow"));
        killer.join();
        QVERIFY(killed);
        QVERIFY(summary);
        QVERIFY(timer.elapsed() < 30000);
        const AssetRunRecord record = recordOf(*p.db, summary->runId, QStringLiteral("killed"));
        qInfo().noquote() << "killed session:" << record.error;
        QVERIFY(record.status != AssetRunStatus::Ok);
        QVERIFY2(record.error.contains(QStringLiteral("session ended"))
                     || record.error.contains(QStringLiteral("connection")),
                 qPrintable(record.error));
        QVERIFY(resultsOf(*p.db, summary->runId, QStringLiteral("killed")).isEmpty());
        QCOMPARE(integrityOf(p.file), QStringLiteral("ok"));
    }

    void connectionDroppedMidScan()
    {
        // The slow host sleeps in its collector; while it does, its sshd and every session process
        // are killed. The other host is assessed, the slow one is marked, the run completes.
        const QString issue = m_dir.filePath(QStringLiteral("issue.net"));
        {
            QFile f(issue);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("triad-slow\n");
        }
        QFile::setPermissions(issue,
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther | QFile::ReadGroup);
        SshdFixture::Options o;
        o.address = QStringLiteral("127.0.32.3");
        o.bindMounts = {{issue, QStringLiteral("/etc/issue.net")}};
        SshdFixture slow(o);
        QVERIFY2(slow.start(), qPrintable(slow.error()));

        Project p = project(QStringLiteral("dropped.triad"));
        QVERIFY(p.db->addAsset(rootAsset(QStringLiteral("slow"), slow)));
        QVERIFY(p.db->addAsset(rootAsset(QStringLiteral("steady"), m_regular->sshd())));

        // The project database belongs to the thread that made it: the scan runs here, and the
        // host is crashed from another thread as soon as its collector sleeps.
        std::atomic_bool crashed {false};
        std::thread killer([&slow, &crashed] {
            QElapsedTimer waited;
            waited.start();
            while (waited.elapsed() < 30000) {
                for (qint64 pid : slow.descendants()) {
                    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
                    if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == "sleep") {
                        slow.crash(false);
                        crashed = true;
                        return;
                    }
                }
                QThread::msleep(50);
            }
        });
        QElapsedTimer timer;
        timer.start();
        auto summary = scan(p, QStringLiteral("ssh-slow"));
        killer.join();
        slow.crash(); // reaps the killed sshd (its QProcess belongs to this thread)
        QVERIFY(crashed);
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
        QVERIFY2(timer.elapsed() < 30000, "a dropped connection must not wait for the 40 s command");
        QCOMPARE(summary->runStatus, QStringLiteral("completed"));
        QCOMPARE(summary->reachedAssets, 1);

        const AssetRunRecord dropped = recordOf(*p.db, summary->runId, QStringLiteral("slow"));
        qInfo().noquote() << "dropped host:" << dropped.error;
        QCOMPARE_WORDS(dropped.status, AssetRunStatus::Unreachable);
        QVERIFY2(dropped.error.contains(QStringLiteral("connection")), qPrintable(dropped.error));
        QVERIFY(resultsOf(*p.db, summary->runId, QStringLiteral("slow")).isEmpty()); // nothing half-stored
        const auto steady = resultsOf(*p.db, summary->runId, QStringLiteral("steady"));
        QCOMPARE_WORDS(steady.value(QStringLiteral("sshtest.slow")).result.status, CheckStatus::Pass);
        QCOMPARE_WORDS(recordOf(*p.db, summary->runId, QStringLiteral("steady")).status, AssetRunStatus::Ok);
        QCOMPARE_WORDS((*p.db->run(summary->runId)).status, RunStatus::Completed);
        QCOMPARE(integrityOf(p.file), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestSshFaults)
#include "tst_ssh_faults.moc"
