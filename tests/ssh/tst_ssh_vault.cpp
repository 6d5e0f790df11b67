// Passwords kept in the project's credential vault, end to end through triad-cli: a real sshd
// with password login, real sudo asking for a password, and a search of everything the scan left
// behind (project file, evidence rows, output, JSON) for the secret bytes.
#include "HostFixture.h"
#include "TestPaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Outcome {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

const QString kTemplates = QStringLiteral(TRIAD_SOURCE_DIR "/tests/ssh/data/templates");

// Distinctive bytes, so that a hit can only be a leak.
const QByteArray kLoginPassword = "Lp-7qZ!x'\"$HOME-vault";
const QByteArray kWrongSudoPassword = "Wr-3mN%v-not-it";
const QByteArray kPassphrase = "Vault passphrase 4 tests";
const QByteArray kKeyPassphrase = "Kp-2hT&u key passphrase";

} // namespace

class TestSshVault final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<HostFixture> m_host;
    QList<Outcome> m_outputs; // every CLI run, searched at the end
    // The stored sudo password of the NOPASSWD user is a command: should it ever reach the shell
    // that sudo starts (there is no prompt to answer), the marker file appears.
    QByteArray m_sudoPassword;
    QString m_marker;

    Outcome cli(const QStringList &args, const QByteArray &stdinData = {},
                const QByteArray &passphrase = kPassphrase)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TRIAD_TEMPLATES_DIR"), kTemplates);
        env.remove(QStringLiteral("TRIAD_VAULT_PASSPHRASE"));
        if (!passphrase.isEmpty())
            env.insert(QStringLiteral("TRIAD_VAULT_PASSPHRASE"), QString::fromUtf8(passphrase));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TRIAD_CLI_PATH), args);
        p.write(stdinData);
        p.closeWriteChannel();
        Outcome o;
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            o.err = "timed out";
            return o;
        }
        o.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        o.out = p.readAllStandardOutput();
        o.err = p.readAllStandardError();
        m_outputs << o;
        return o;
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QStringList addArgs(const QString &project, const QString &name, const QString &user)
    {
        return {QStringLiteral("assets"),
                QStringLiteral("add"),
                project,
                name,
                QStringLiteral("--address"),
                m_host->sshd().address(),
                QStringLiteral("--port"),
                QString::number(m_host->sshd().port()),
                QStringLiteral("--user"),
                user};
    }

    static QJsonObject assetStatus(const QJsonObject &run, const QString &name)
    {
        for (const QJsonValue &a : run[QStringLiteral("assets")].toArray())
            if (a[QStringLiteral("name")].toString() == name)
                return a.toObject();
        return {};
    }

    static QHash<QString, QString> statusOf(const QJsonObject &run, const QString &asset)
    {
        QHash<QString, QString> map;
        for (const QJsonValue &r : run[QStringLiteral("results")].toArray())
            if (r[QStringLiteral("asset")].toString() == asset)
                map.insert(r[QStringLiteral("check_id")].toString(), r[QStringLiteral("status")].toString());
        return map;
    }

    /// Every text the project keeps about what happened, read through SQL.
    static QByteArray projectRows(const QString &file)
    {
        QByteArray all;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("rows"));
            db.setDatabaseName(file);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery q(db);
                for (const char *sql :
                     {"SELECT command, stdout, stderr, error FROM evidence",
                      "SELECT error, facts_json FROM run_assets",
                      "SELECT expected, actual, message FROM results", "SELECT details FROM audit_log",
                      "SELECT credential_ref, sudo_credential_ref, notes FROM assets"}) {
                    if (!q.exec(QLatin1String(sql)))
                        qWarning() << "query failed:" << sql;
                    while (q.next())
                        for (int i = 0; i < q.record().count(); ++i)
                            all += q.value(i).toByteArray() + '\n';
                }
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("rows"));
        return all;
    }

private slots:
    void initTestCase()
    {
        if (!SshdFixture::available())
            QSKIP("needs root and openssh-server");
        if (!QFile::exists(QStringLiteral("/usr/bin/sudo")))
            QSKIP("needs sudo (installer/deps.sh test installs it)");
        HostFixture::Options o;
        o.address = QStringLiteral("127.0.31.1");
        o.users = {
            {QStringLiteral("tvault"), QString::fromUtf8(kLoginPassword), QStringLiteral("/bin/sh"),
             QStringLiteral("ALL=(ALL) ALL")},
            {QStringLiteral("tvnopw"), QString::fromUtf8(kLoginPassword), QStringLiteral("/bin/sh"),
             QStringLiteral("ALL=(ALL) NOPASSWD: ALL")},
        };
        m_host = std::make_unique<HostFixture>(o);
        QVERIFY2(m_host->start(), qPrintable(m_host->error()));
        m_marker = m_dir.filePath(QStringLiteral("pwned"));
        m_sudoPassword = "Sp-9wK#y;touch " + m_marker.toUtf8() + ";#-vault";
    }

    void scanWithVaultPasswordsLeavesNoSecretBehind()
    {
        const QString project = path(QStringLiteral("vault.triad"));
        QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("init"), project, QStringLiteral("--name"),
                      QStringLiteral("Vault")})
                     .exitCode,
                 0);

        // The login password is sudo's password too (sudo asks for the user's own password).
        Outcome add = cli(addArgs(project, QStringLiteral("web"), QStringLiteral("tvault"))
                              + QStringList {QStringLiteral("--password-from-stdin"),
                                             QStringLiteral("--sudo-password-from-stdin")},
                          kLoginPassword + '\n' + kLoginPassword + '\n');
        QVERIFY2(add.exitCode == 0, add.err.constData());
        Outcome wrong = cli(addArgs(project, QStringLiteral("wrong-sudo"), QStringLiteral("tvault"))
                                + QStringList {QStringLiteral("--password-from-stdin"),
                                               QStringLiteral("--sudo-password-from-stdin")},
                            kLoginPassword + '\n' + kWrongSudoPassword + '\n');
        QVERIFY2(wrong.exitCode == 0, wrong.err.constData());
        // A user whose sudo needs no password: the stored one must never reach a shell.
        Outcome nopw = cli(addArgs(project, QStringLiteral("nopasswd"), QStringLiteral("tvnopw"))
                               + QStringList {QStringLiteral("--password-from-stdin"),
                                              QStringLiteral("--sudo-password-from-stdin")},
                           kLoginPassword + '\n' + m_sudoPassword + '\n');
        QVERIFY2(nopw.exitCode == 0, nopw.err.constData());

        // A private key with a passphrase: the passphrase is kept for that key file.
        const QString key
            = m_host->sshd().addUserKey(QStringLiteral("protected"), QString::fromUtf8(kKeyPassphrase));
        QVERIFY(!key.isEmpty());
        Outcome keyed = cli(
            addArgs(project, QStringLiteral("keyed"), QStringLiteral("root"))
                + QStringList {QStringLiteral("--key"), key, QStringLiteral("--key-passphrase-from-stdin")},
            kKeyPassphrase + '\n');
        QVERIFY2(keyed.exitCode == 0, keyed.err.constData());

        // Secrets missing from standard input, or an option without what it needs: nothing is added.
        const Outcome shortInput = cli(addArgs(project, QStringLiteral("short"), QStringLiteral("tvault"))
                                           + QStringList {QStringLiteral("--password-from-stdin"),
                                                          QStringLiteral("--sudo-password-from-stdin")},
                                       kLoginPassword + '\n');
        QCOMPARE(shortInput.exitCode, 2);
        QVERIFY2(shortInput.err.contains("standard input ended"), shortInput.err.constData());
        QCOMPARE(cli(addArgs(project, QStringLiteral("short"), QStringLiteral("tvault"))
                         + QStringList {QStringLiteral("--key-passphrase-from-stdin")},
                     "x\n")
                     .exitCode,
                 2);

        // A second vault passphrase is refused: nothing is added under another key.
        Outcome otherKey = cli(addArgs(project, QStringLiteral("other"), QStringLiteral("tvault"))
                                   + QStringList {QStringLiteral("--password-from-stdin")},
                               kLoginPassword + '\n', "not the passphrase");
        QCOMPARE(otherKey.exitCode, 2);
        QVERIFY2(otherKey.err.contains("wrong passphrase"), otherKey.err.constData());

        const Outcome list
            = cli({QStringLiteral("assets"), QStringLiteral("list"), project, QStringLiteral("--json")});
        const QJsonArray assets = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(assets.size(), 4);
        QCOMPARE(assets.at(0)[QStringLiteral("credential_ref")].toString(),
                 QStringLiteral("vault:asset/web/password"));
        QCOMPARE(assets.at(0)[QStringLiteral("sudo_credential_ref")].toString(),
                 QStringLiteral("vault:asset/web/sudo"));

        // Without the passphrase, or with a wrong one, the scan stops before recording a run.
        const QStringList scanArgs {QStringLiteral("scan"),
                                    project,
                                    QStringLiteral("--template"),
                                    QStringLiteral("ssh-privileged"),
                                    QStringLiteral("--accept-new-host-keys"),
                                    QStringLiteral("--json"),
                                    path(QStringLiteral("run.json"))};
        const Outcome locked = cli(scanArgs, {}, {});
        QCOMPARE(locked.exitCode, 2);
        QVERIFY2(locked.err.contains("TRIAD_VAULT_PASSPHRASE"), locked.err.constData());
        const Outcome badKey = cli(scanArgs, {}, "wrong passphrase");
        QCOMPARE(badKey.exitCode, 2);
        QVERIFY(badKey.err.contains("wrong passphrase"));
        QCOMPARE(QJsonDocument::fromJson(cli({QStringLiteral("runs"), project, QStringLiteral("--json")}).out)
                     .array()
                     .size(),
                 0);

        QElapsedTimer timer;
        timer.start();
        const Outcome scan = cli(scanArgs);
        QVERIFY2(scan.exitCode == 0,
                 QByteArray(QByteArray::number(scan.exitCode) + scan.err + scan.out).constData());
        QVERIFY2(timer.elapsed() < 60000, "a refused sudo must not wait for a timeout");
        QFile jsonFile(path(QStringLiteral("run.json")));
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QByteArray json = jsonFile.readAll();
        const QJsonObject run = QJsonDocument::fromJson(json).object();

        // Password login and sudo -S worked: the collection ran as root.
        QCOMPARE(assetStatus(run, QStringLiteral("web"))[QStringLiteral("status")].toString(),
                 QStringLiteral("ok"));
        QCOMPARE(statusOf(run, QStringLiteral("web")).value(QStringLiteral("sshtest.root-view")),
                 QStringLiteral("pass"));
        QCOMPARE(statusOf(run, QStringLiteral("web")).value(QStringLiteral("sshtest.shadow-readable")),
                 QStringLiteral("pass"));
        // NOPASSWD: no prompt, so the stored password was never written; root all the same.
        QCOMPARE(assetStatus(run, QStringLiteral("nopasswd"))[QStringLiteral("status")].toString(),
                 QStringLiteral("ok"));
        QCOMPARE(statusOf(run, QStringLiteral("nopasswd")).value(QStringLiteral("sshtest.root-view")),
                 QStringLiteral("pass"));
        QVERIFY(!QFile::exists(m_marker));

        QCOMPARE(assetStatus(run, QStringLiteral("keyed"))[QStringLiteral("status")].toString(),
                 QStringLiteral("ok"));
        QCOMPARE(statusOf(run, QStringLiteral("keyed")).value(QStringLiteral("sshtest.root-view")),
                 QStringLiteral("pass"));

        // A wrong sudo password: a clear per-host status, and exactly one failed attempt on the host.
        const QJsonObject refused = assetStatus(run, QStringLiteral("wrong-sudo"));
        QVERIFY2(refused[QStringLiteral("status")].toString() != QLatin1String("ok"),
                 qPrintable(refused[QStringLiteral("status")].toString()));
        QVERIFY2(
            refused[QStringLiteral("error")].toString().contains(QStringLiteral("sudo refused the password")),
            qPrintable(refused[QStringLiteral("error")].toString()));
        QVERIFY(statusOf(run, QStringLiteral("wrong-sudo")).isEmpty());
        const QString sudoLog = m_host->sudoLog();
        QCOMPARE(sudoLog.count(QStringLiteral("incorrect password attempt")), 1);
        QVERIFY2(sudoLog.contains(QStringLiteral("1 incorrect password attempt")), qPrintable(sudoLog));

        const Outcome evidence = cli({QStringLiteral("results"), project, QStringLiteral("--evidence")});
        QCOMPARE(evidence.exitCode, 0);

        // Removing an asset removes its own stored passwords.
        QCOMPARE(
            cli({QStringLiteral("assets"), QStringLiteral("remove"), project, QStringLiteral("wrong-sudo")})
                .exitCode,
            0);
        QVERIFY(!projectRows(project).contains("vault:asset/wrong-sudo/"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
            db.setDatabaseName(project);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT group_concat(name, ' ') FROM credentials")) && q.next());
            const QString names = q.value(0).toString();
            QVERIFY2(!names.contains(QStringLiteral("asset/wrong-sudo/")), qPrintable(names));
            QVERIFY2(names.contains(QStringLiteral("asset/web/password")), qPrintable(names));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("count"));

        // A passphrase change (the new one on standard input): the old passphrase stops opening the
        // vault, the new one opens every credential, and the scan still logs in with them.
        const QByteArray newPassphrase = "Second vault phrase 8e";
        const Outcome change = cli({QStringLiteral("project"), QStringLiteral("passphrase"), project}, newPassphrase + "\n");
        QVERIFY2(change.exitCode == 0, change.err.constData());
        const QStringList keyedScan {QStringLiteral("scan"), project, QStringLiteral("--template"),
                                     QStringLiteral("ssh-privileged"), QStringLiteral("--assets"), QStringLiteral("web")};
        const Outcome stale = cli(keyedScan);
        QCOMPARE(stale.exitCode, 2);
        QVERIFY(stale.err.contains("wrong passphrase"));
        const Outcome renewed = cli(keyedScan, {}, newPassphrase);
        QVERIFY2(renewed.exitCode == 0 || renewed.exitCode == 1, renewed.err.constData());

        // Nowhere: not in the project file (nor its WAL), its rows, any output, the JSON.
        QByteArray everything = json + projectRows(project);
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile f(project + suffix);
            if (f.open(QIODevice::ReadOnly))
                everything += f.readAll();
        }
        for (const Outcome &o : std::as_const(m_outputs))
            everything += o.out + o.err;
        QVERIFY(everything.contains("sshtest.root-view")); // the search does see the data
        for (const QByteArray &secret :
             {kLoginPassword, m_sudoPassword, kWrongSudoPassword, kPassphrase, kKeyPassphrase, newPassphrase}) {
            QVERIFY2(!everything.contains(secret), secret.constData());
            QVERIFY2(!everything.contains(secret.toBase64()), secret.constData());
            QVERIFY2(!everything.contains(secret.toHex()), secret.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestSshVault)
#include "tst_ssh_vault.moc"
