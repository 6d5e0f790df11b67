// A killed triad-cli (kill -9 in the middle of a multi-asset scan) leaves a project that opens,
// a run marked incomplete, the finished assets' results and issues intact, nothing of the
// half-finished asset, and a next scan that works.
#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

namespace {

const char *const kLibrary = R"(schema: triad-template/1
kind: checks
id: slow
collectors:
  state: {type: command, run: [sh, -c, "sleep 1; echo hardened=no"], parse: {format: keyvalue, separator: "="}}
checks:
  - id: slow.setting
    title: The setting is hardened
    description: hardened=yes is reported.
    rationale: A stand-in for a check whose collection takes a while.
    severity: medium
    rules:
      - {from: state, select: {key: hardened}, assert: {op: eq, value: "yes"}}
    remediation: {summary: Harden it.}
    verification: {steps: ["look"], expected: hardened=yes}
)";

const char *const kTemplate = R"(schema: triad-template/1
kind: assessment
id: slow-template
title: Slow template
version: 1.0.0
uses: [slow]
requirements:
  - {id: "1", title: Hardened, checks: [slow.setting]}
)";

} // namespace

class TestCliFaults final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void killedScanLeavesAConsistentProject()
    {
        const QString templates = m_dir.filePath(QStringLiteral("templates"));
        QVERIFY(QDir().mkpath(templates + QStringLiteral("/checks")));
        writeTestFile(templates + QStringLiteral("/checks/slow.yaml"), kLibrary);
        writeTestFile(templates + QStringLiteral("/slow-template.yaml"), kTemplate);
        const QString project = m_dir.filePath(QStringLiteral("p.triad"));
        QCOMPARE(runCli({QStringLiteral("project"), QStringLiteral("init"), project, QStringLiteral("--name"), QStringLiteral("F")}, templates).exitCode, 0);
        for (int i = 1; i <= 6; ++i)
            QCOMPARE(runCli({QStringLiteral("assets"), QStringLiteral("add"), project, QStringLiteral("host-%1").arg(i),
                             QStringLiteral("--transport"), QStringLiteral("local")}, templates).exitCode, 0);

        QProcess scan;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TRIAD_TEMPLATES_DIR"), templates);
        scan.setProcessEnvironment(env);
        scan.start(QStringLiteral(TRIAD_CLI_PATH), {QStringLiteral("scan"), project, QStringLiteral("--template"),
                                                    QStringLiteral("slow-template"), QStringLiteral("--concurrency"), QStringLiteral("1")});
        QVERIFY(scan.waitForStarted());
        // Wait until some assets are stored, then kill it without a chance to clean up.
        int stored = 0;
        for (int tries = 0; tries < 100 && stored < 2; ++tries) {
            QThread::msleep(100);
            const CliOutcome r = runCli({QStringLiteral("results"), project, QStringLiteral("--json")}, templates);
            stored = int(QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("results")].toArray().size());
        }
        QVERIFY2(stored >= 2, "the scan never stored two assets");
        ::kill(pid_t(scan.processId()), SIGKILL);
        QVERIFY(scan.waitForFinished(5000));
        QCOMPARE(scan.exitStatus(), QProcess::CrashExit);

        // The project opens; the run is incomplete; results and issues belong to whole assets.
        const CliOutcome runs = runCli({QStringLiteral("runs"), project, QStringLiteral("--json")}, templates);
        QCOMPARE(runs.exitCode, 0);
        const QJsonArray runList = QJsonDocument::fromJson(runs.out.toUtf8()).array();
        QCOMPARE(runList.size(), 1);
        QCOMPARE(runList[0][QStringLiteral("status")].toString(), QStringLiteral("incomplete"));
        const QJsonObject run = QJsonDocument::fromJson(runCli({QStringLiteral("results"), project, QStringLiteral("--json")}, templates)
                                                            .out.toUtf8()).object();
        const int results = int(run[QStringLiteral("results")].toArray().size());
        const int assets = int(run[QStringLiteral("assets")].toArray().size());
        QVERIFY2(results >= 2 && results < 6, qPrintable(QStringLiteral("%1 results").arg(results)));
        QCOMPARE(assets, results);      // one result per stored asset: no half-stored asset
        const QJsonArray issues = QJsonDocument::fromJson(runCli({QStringLiteral("issues"), project, QStringLiteral("--json")}, templates)
                                                              .out.toUtf8()).array();
        QCOMPARE(int(issues.size()), results);

        // The next scan works and completes.
        const CliOutcome next = runCli({QStringLiteral("scan"), project, QStringLiteral("--template"), QStringLiteral("slow-template"),
                                        QStringLiteral("--concurrency"), QStringLiteral("6"), QStringLiteral("--quiet")}, templates);
        QVERIFY2(next.exitCode == 0, qPrintable(next.err));
        const QJsonArray after = QJsonDocument::fromJson(runCli({QStringLiteral("runs"), project, QStringLiteral("--json")}, templates)
                                                             .out.toUtf8()).array();
        QCOMPARE(after.last()[QStringLiteral("status")].toString(), QStringLiteral("completed"));
        QCOMPARE(QJsonDocument::fromJson(runCli({QStringLiteral("issues"), project, QStringLiteral("--json")}, templates).out.toUtf8())
                     .array().size(), 6);
    }
};

QTEST_GUILESS_MAIN(TestCliFaults)
#include "tst_cli_faults.moc"
