// End-to-end tests of triad-cli on this machine: real project files, real local collection.
#include "CliRunner.h"
#include "TestPaths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Outcome = CliOutcome;

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestCli final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    Outcome cli(const QStringList &args, const QString &templatesDir = QStringLiteral(TRIAD_TEMPLATES_DIR), int timeoutMs = 120000)
    {
        return runCli(args, templatesDir, timeoutMs);
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QString newProjectWithLocalhost(const QString &name)
    {
        const QString project = path(name);
        const Outcome init = cli({QStringLiteral("project"), QStringLiteral("init"), project, QStringLiteral("--name"), QStringLiteral("Test")});
        if (init.exitCode != 0)
            qWarning() << init.err;
        const Outcome add = cli({QStringLiteral("assets"), QStringLiteral("add"), project, QStringLiteral("localhost"),
                                 QStringLiteral("--transport"), QStringLiteral("local"), QStringLiteral("--tags"), QStringLiteral("lab,local")});
        if (add.exitCode != 0)
            qWarning() << add.err;
        return project;
    }

    static QJsonObject readJsonObject(const QString &file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void versionAndUsage()
    {
        const Outcome v = cli({QStringLiteral("--version")});
        QCOMPARE(v.exitCode, 0);
        QVERIFY(v.out.startsWith(QStringLiteral("triad-cli ")));
        QVERIFY(v.out.contains(QStringLiteral("libssh")));

        QCOMPARE(cli({}).exitCode, 2);
        const Outcome unknown = cli({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("unknown command 'frobnicate'")));
        const Outcome badOption = cli({QStringLiteral("runs"), path(QStringLiteral("x.triad")), QStringLiteral("--bogus")});
        QCOMPARE(badOption.exitCode, 2);
        QVERIFY(badOption.err.contains(QStringLiteral("bogus")));
    }

    void projectAndAssets()
    {
        const QString project = newProjectWithLocalhost(QStringLiteral("assets.triad"));
        QVERIFY(QFile::exists(project));

        const Outcome again = cli({QStringLiteral("project"), QStringLiteral("init"), project, QStringLiteral("--name"), QStringLiteral("Again")});
        QCOMPARE(again.exitCode, 2);

        const Outcome dup = cli({QStringLiteral("assets"), QStringLiteral("add"), project, QStringLiteral("localhost"),
                                 QStringLiteral("--transport"), QStringLiteral("local")});
        QCOMPARE(dup.exitCode, 2);
        QVERIFY2(dup.err.contains(QStringLiteral("localhost")), qPrintable(dup.err));

        const Outcome ssh = cli({QStringLiteral("assets"), QStringLiteral("add"), project, QStringLiteral("web-01"),
                                 QStringLiteral("--address"), QStringLiteral("192.0.2.10"), QStringLiteral("--user"), QStringLiteral("audit"),
                                 QStringLiteral("--port"), QStringLiteral("2222"), QStringLiteral("--sudo"), QStringLiteral("--tags"), QStringLiteral("prod,pci")});
        QCOMPARE(ssh.exitCode, 0);
        const Outcome badPort = cli({QStringLiteral("assets"), QStringLiteral("add"), project, QStringLiteral("web-02"),
                                     QStringLiteral("--address"), QStringLiteral("h"), QStringLiteral("--port"), QStringLiteral("70000")});
        QCOMPARE(badPort.exitCode, 2);

        const Outcome list = cli({QStringLiteral("assets"), QStringLiteral("list"), project, QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray assets = QJsonDocument::fromJson(list.out.toUtf8()).array();
        QCOMPARE(assets.size(), 2);
        QCOMPARE(assets.at(0)[QStringLiteral("name")].toString(), QStringLiteral("localhost"));
        QCOMPARE(assets.at(0)[QStringLiteral("transport")].toString(), QStringLiteral("local"));
        QCOMPARE(assets.at(1)[QStringLiteral("port")].toInt(), 2222);
        QCOMPARE(assets.at(1)[QStringLiteral("sudo")].toBool(), true);
        QCOMPARE(assets.at(1)[QStringLiteral("tags")].toArray().size(), 2);
    }

    void templatesListShowValidate()
    {
        const Outcome list = cli({QStringLiteral("templates"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        bool found = false;
        for (const QJsonValue &t : QJsonDocument::fromJson(list.out.toUtf8()).array())
            found = found || t[QStringLiteral("id")].toString() == QLatin1String("cis-linux");
        QVERIFY2(found, qPrintable(list.out));

        QCOMPARE(cli({QStringLiteral("templates"), QStringLiteral("show"), QStringLiteral("cis-linux")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("templates"), QStringLiteral("show"), QStringLiteral("no-such-template")}).exitCode, 2);

        const QString bad = QStringLiteral(TRIAD_TEST_DATA_DIR "/cli/bad-templates/bad-operator.yaml");
        const Outcome v = cli({QStringLiteral("templates"), QStringLiteral("validate"), bad});
        QCOMPARE(v.exitCode, 2);
        QVERIFY2(v.err.contains(QStringLiteral("bad-operator.yaml:14:")), qPrintable(v.err));
        QVERIFY2(v.err.contains(QStringLiteral("equals")), qPrintable(v.err));

        const Outcome missing = cli({QStringLiteral("templates"), QStringLiteral("validate"), path(QStringLiteral("nope.yaml"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains(QStringLiteral("nope.yaml")));
    }

    void scanThisMachineAndReadBack()
    {
        const QString project = newProjectWithLocalhost(QStringLiteral("scan.triad"));
        const QString json = path(QStringLiteral("scan.json"));
        const Outcome scan = cli({QStringLiteral("scan"), project, QStringLiteral("--template"), QStringLiteral("cis-linux"),
                                  QStringLiteral("--json"), json});
        QVERIFY2(scan.exitCode == 0, qPrintable(scan.err + scan.out));
        QVERIFY(scan.out.contains(QStringLiteral("Score:")));

        const QJsonObject doc = readJsonObject(json);
        QCOMPARE(doc[QStringLiteral("run")][QStringLiteral("status")].toString(), QStringLiteral("completed"));
        QCOMPARE(doc[QStringLiteral("run")][QStringLiteral("template")].toString(), QStringLiteral("cis-linux"));
        QCOMPARE(doc[QStringLiteral("run")][QStringLiteral("operator")].toString(), QStringLiteral("test-operator"));
        const QJsonArray assets = doc[QStringLiteral("assets")].toArray();
        QCOMPARE(assets.size(), 1);
        QCOMPARE(assets.at(0)[QStringLiteral("status")].toString(), QStringLiteral("ok"));
        QVERIFY(!assets.at(0)[QStringLiteral("hostname")].toString().isEmpty());

        const QJsonArray results = doc[QStringLiteral("results")].toArray();
        QVERIFY2(results.size() >= 15, qPrintable(QString::number(results.size())));
        const QStringList statuses{QStringLiteral("pass"), QStringLiteral("fail"), QStringLiteral("error"),
                                   QStringLiteral("not_applicable"), QStringLiteral("manual")};
        const QRegularExpression sha(QStringLiteral("^[0-9a-f]{64}$"));
        int evaluated = 0;
        for (const QJsonValue &r : results) {
            QVERIFY(statuses.contains(r[QStringLiteral("status")].toString()));
            QVERIFY(!r[QStringLiteral("check_id")].toString().isEmpty());
            QVERIFY(!r[QStringLiteral("title")].toString().isEmpty());
            for (const QJsonValue &h : r[QStringLiteral("evidence_sha256")].toArray())
                QVERIFY(sha.match(h.toString()).hasMatch());
            const QString s = r[QStringLiteral("status")].toString();
            evaluated += (s == QLatin1String("pass") || s == QLatin1String("fail")) ? 1 : 0;
        }
        QVERIFY2(evaluated >= 10, "most checks must be decided on a Debian machine");
        const QJsonObject score = doc[QStringLiteral("score")].toObject();
        QCOMPARE(score[QStringLiteral("passed")].toInt() + score[QStringLiteral("failed")].toInt() > 0, true);
        QVERIFY(score[QStringLiteral("percent")].isDouble());

        // The same run read back from the project file.
        const Outcome back = cli({QStringLiteral("results"), project, QStringLiteral("--json")});
        QCOMPARE(back.exitCode, 0);
        const QJsonObject backDoc = QJsonDocument::fromJson(back.out.toUtf8()).object();
        QCOMPARE(backDoc[QStringLiteral("results")].toArray().size(), results.size());
        QCOMPARE(backDoc[QStringLiteral("score")], doc[QStringLiteral("score")]);

        const Outcome evidence = cli({QStringLiteral("results"), project, QStringLiteral("--evidence")});
        QCOMPARE(evidence.exitCode, 0);
        QVERIFY(evidence.out.contains(QStringLiteral("evidence #")));

        // Where the run spent its time: per asset in the run document and in `timing`.
        const QJsonObject timing = assets.at(0)[QStringLiteral("timing")].toObject();
        QCOMPARE(timing[QStringLiteral("commands")].toInt(), 1);
        QVERIFY(timing[QStringLiteral("collect_ms")].toInteger() > 0);
        QVERIFY(timing[QStringLiteral("bytes_received")].toInteger() > 1000);
        const Outcome times = cli({QStringLiteral("timing"), project, QStringLiteral("--json"), QStringLiteral("--top"), QStringLiteral("5")});
        QVERIFY2(times.exitCode == 0, qPrintable(times.err));
        const QJsonObject timesDoc = QJsonDocument::fromJson(times.out.toUtf8()).object();
        QCOMPARE(timesDoc[QStringLiteral("assets")].toArray().size(), 1);
        const QJsonArray slowest = timesDoc[QStringLiteral("slowest_collectors")].toArray();
        QCOMPARE(slowest.size(), 5);
        QVERIFY(slowest.at(0)[QStringLiteral("total_ms")].toInteger() >= slowest.at(4)[QStringLiteral("total_ms")].toInteger());
        QVERIFY(slowest.at(0)[QStringLiteral("total_ms")].toInteger() > 0);
        QVERIFY(timesDoc[QStringLiteral("wall_ms")].toInteger() >= timesDoc[QStringLiteral("sum")][QStringLiteral("collect_ms")].toInteger());
        const Outcome table = cli({QStringLiteral("timing"), project});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains(QStringLiteral("COLLECT")));
        QVERIFY(table.out.contains(QStringLiteral("Slowest collectors")));
        QCOMPARE(cli({QStringLiteral("timing"), project, QStringLiteral("--top"), QStringLiteral("x")}).exitCode, 2);

        QCOMPARE(cli({QStringLiteral("scan"), project, QStringLiteral("--template"), QStringLiteral("cis-linux"), QStringLiteral("--quiet")}).exitCode, 0);
        const Outcome runs = cli({QStringLiteral("runs"), project, QStringLiteral("--json")});
        QCOMPARE(runs.exitCode, 0);
        const QJsonArray runList = QJsonDocument::fromJson(runs.out.toUtf8()).array();
        QCOMPARE(runList.size(), 2);
        QCOMPARE(runList.at(1)[QStringLiteral("status")].toString(), QStringLiteral("completed"));

        // --fail-under gates: nobody scores above 100.
        QCOMPARE(cli({QStringLiteral("scan"), project, QStringLiteral("--template"), QStringLiteral("cis-linux"), QStringLiteral("--quiet"),
                      QStringLiteral("--fail-under"), QStringLiteral("100.1")}).exitCode, 2);
        const Outcome gate = cli({QStringLiteral("scan"), project, QStringLiteral("--template"), QStringLiteral("cis-linux"),
                                  QStringLiteral("--quiet"), QStringLiteral("--fail-under"), QStringLiteral("100")});
        const double pct = score[QStringLiteral("percent")].toDouble();
        QCOMPARE(gate.exitCode, pct < 100 ? 1 : 0);
    }

    void misbehavingCollectorsAreContained()
    {
        const QString templates = QStringLiteral(TRIAD_TEST_DATA_DIR "/cli/faulty-templates");
        const QString project = newProjectWithLocalhost(QStringLiteral("faulty.triad"));
        const QString json = path(QStringLiteral("faulty.json"));
        QElapsedTimer timer;
        timer.start();
        const Outcome scan = cli({QStringLiteral("scan"), project, QStringLiteral("--template"), QStringLiteral("faulty"),
                                  QStringLiteral("--json"), json}, templates);
        QVERIFY2(scan.exitCode == 0, qPrintable(scan.err + scan.out));
        QVERIFY2(timer.elapsed() < 20000, "the hanging command must be stopped by its 1 s timeout");

        QHash<QString, QString> status;
        for (const QJsonValue &r : readJsonObject(json)[QStringLiteral("results")].toArray())
            status.insert(r[QStringLiteral("check_id")].toString(), r[QStringLiteral("status")].toString());
        QCOMPARE(status.value(QStringLiteral("faulty.hangs")), QStringLiteral("error"));
        QCOMPARE(status.value(QStringLiteral("faulty.floods")), QStringLiteral("pass"));
        QCOMPARE(status.value(QStringLiteral("faulty.binary")), QStringLiteral("pass"));
        QCOMPARE(status.value(QStringLiteral("faulty.hostname")), QStringLiteral("pass"));

        const Outcome evidence = cli({QStringLiteral("results"), project, QStringLiteral("--evidence")}, templates);
        QCOMPARE(evidence.exitCode, 0);
        QVERIFY2(evidence.out.contains(QStringLiteral("truncated")), qPrintable(evidence.out));
        QVERIFY2(evidence.out.contains(QStringLiteral("timeout")) || evidence.out.contains(QStringLiteral("timed out")),
                 qPrintable(evidence.out));
        QCOMPARE(cli({QStringLiteral("runs"), project}, templates).exitCode, 0);
    }

    void badProjectsAndTemplates()
    {
        const QString notProject = path(QStringLiteral("notes.txt"));
        {
            QFile f(notProject);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("These are my notes, not a database.\n");
        }
        const QByteArray before = fileHash(notProject);
        const Outcome scan = cli({QStringLiteral("scan"), notProject, QStringLiteral("--template"), QStringLiteral("cis-linux")});
        QCOMPARE(scan.exitCode, 2);
        QVERIFY2(scan.err.contains(QStringLiteral("not a Triad project")), qPrintable(scan.err));
        QCOMPARE(fileHash(notProject), before);

        const Outcome missingFile = cli({QStringLiteral("runs"), path(QStringLiteral("absent.triad"))});
        QCOMPARE(missingFile.exitCode, 2);
        QVERIFY(!QFile::exists(path(QStringLiteral("absent.triad"))));

        const QString project = newProjectWithLocalhost(QStringLiteral("bad.triad"));
        const Outcome noTemplate = cli({QStringLiteral("scan"), project, QStringLiteral("--template"), QStringLiteral("no-such-template")});
        QCOMPARE(noTemplate.exitCode, 2);
        QVERIFY2(noTemplate.err.contains(QStringLiteral("no-such-template")), qPrintable(noTemplate.err));

        const Outcome noAsset = cli({QStringLiteral("scan"), project, QStringLiteral("--template"), QStringLiteral("cis-linux"),
                                     QStringLiteral("--assets"), QStringLiteral("nobody")});
        QCOMPARE(noAsset.exitCode, 2);
        QVERIFY(noAsset.err.contains(QStringLiteral("nobody")));

        // Nothing above may have left a run behind.
        const Outcome runs = cli({QStringLiteral("runs"), project, QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(runs.out.toUtf8()).array().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
