// The issue lifecycle end to end: real scans of this machine with the local transport over a
// lab template whose one check reads a file the test changes between runs, then issues, diff,
// waive and attest as a user would type them.
#include "CliRunner.h"
#include "LabCheckLibrary.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

const char *const kLibrary = triad::test::kLabCheckLibrary;

const char *const kTemplate = R"(schema: triad-template/1
kind: assessment
id: lab-template
title: Lab template
version: 1.0.0
uses: [lab]
requirements:
  - {id: "1.1", section: "1 Lab", title: The setting is hardened, checks: [lab.setting]}
  - id: "9.9"
    section: "9 Policy"
    title: A policy exists
    manual: {ask_for: The policy document., verify: It is approved.}
)";

} // namespace

class TestCliLifecycle final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_templates;
    QString m_project;
    QString m_state;

    CliOutcome cli(const QStringList &args) { return runCli(args, m_templates); }

    int scan()
    {
        const CliOutcome o = cli({QStringLiteral("scan"), m_project, QStringLiteral("--template"), QStringLiteral("lab-template"),
                                  QStringLiteral("--tailoring"), m_dir.filePath(QStringLiteral("tailoring.yaml")), QStringLiteral("--quiet")});
        if (o.exitCode != 0)
            qWarning() << o.err;
        return o.exitCode;
    }

    QJsonArray json(const QStringList &args)
    {
        const CliOutcome o = cli(args);
        if (o.exitCode != 0)
            qWarning() << args << o.err;
        return QJsonDocument::fromJson(o.out.toUtf8()).array();
    }

private slots:
    void initTestCase()
    {
        m_templates = m_dir.filePath(QStringLiteral("templates"));
        QVERIFY(QDir().mkpath(m_templates + QStringLiteral("/checks")));
        writeTestFile(m_templates + QStringLiteral("/checks/lab.yaml"), kLibrary);
        writeTestFile(m_templates + QStringLiteral("/lab-template.yaml"), kTemplate);
        m_state = m_dir.filePath(QStringLiteral("lab.conf"));
        writeTestFile(m_dir.filePath(QStringLiteral("tailoring.yaml")),
              QStringLiteral("tailoring: {template: lab-template, name: lab}\nparameters: {state_file: \"%1\"}\n").arg(m_state).toUtf8());
        m_project = m_dir.filePath(QStringLiteral("p.triad"));
        QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("init"), m_project, QStringLiteral("--name"), QStringLiteral("Lab")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("assets"), QStringLiteral("add"), m_project, QStringLiteral("lab-host"), QStringLiteral("--transport"),
                      QStringLiteral("local"), QStringLiteral("--tags"), QStringLiteral("lab")}).exitCode, 0);
    }

    void failPassFailErrorPass()
    {
        writeTestFile(m_state, "hardened=no\n");
        QCOMPARE(scan(), 0);                                            // run 1: new issue
        QJsonArray open = json({QStringLiteral("issues"), m_project, QStringLiteral("--json")});
        QCOMPARE(open.size(), 1);
        QCOMPARE(open[0][QStringLiteral("state")].toString(), QStringLiteral("open"));
        QCOMPARE(open[0][QStringLiteral("check_id")].toString(), QStringLiteral("lab.setting"));
        QCOMPARE(open[0][QStringLiteral("asset")].toString(), QStringLiteral("lab-host"));

        writeTestFile(m_state, "hardened=yes\n");
        QCOMPARE(scan(), 0);                                            // run 2: fixed
        writeTestFile(m_state, "hardened=no\n");
        QCOMPARE(scan(), 0);                                            // run 3: regressed
        QFile::remove(m_state);
        QVERIFY(QDir().mkpath(m_state));                                // a folder: cat fails -> error
        QCOMPARE(scan(), 0);                                            // run 4: no change
        QVERIFY(QDir(m_state).removeRecursively());
        QJsonArray results = json({QStringLiteral("runs"), m_project, QStringLiteral("--json")});
        QCOMPARE(results.size(), 4);
        writeTestFile(m_state, "hardened=yes\n");
        QCOMPARE(scan(), 0);                                            // run 5: fixed again

        const QJsonArray all = json({QStringLiteral("issues"), m_project, QStringLiteral("--state"), QStringLiteral("all"),
                                     QStringLiteral("--history"), QStringLiteral("--json")});
        QCOMPARE(all.size(), 1);
        const QJsonObject issue = all[0].toObject();
        QCOMPARE(issue[QStringLiteral("state")].toString(), QStringLiteral("fixed"));
        QCOMPARE(issue[QStringLiteral("first_seen_run")].toInt(), 1);
        QCOMPARE(issue[QStringLiteral("last_seen_run")].toInt(), 3);
        QCOMPARE(issue[QStringLiteral("fixed_run")].toInt(), 5);
        QCOMPARE(issue[QStringLiteral("regressions")].toInt(), 1);
        QStringList events;
        for (const QJsonValue &e : issue[QStringLiteral("events")].toArray())
            events << QStringLiteral("%1@%2").arg(e[QStringLiteral("event")].toString()).arg(e[QStringLiteral("run")].toInt());
        QCOMPARE(events, (QStringList{QStringLiteral("opened@1"), QStringLiteral("fixed@2"), QStringLiteral("regressed@3"),
                                      QStringLiteral("fixed@5")}));

        // The comparison of runs 2 and 3 calls it a regression, with the changed evidence.
        const CliOutcome diff = cli({QStringLiteral("diff"), m_project, QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("--json")});
        QCOMPARE(diff.exitCode, 0);
        const QJsonObject d = QJsonDocument::fromJson(diff.out.toUtf8()).object();
        QCOMPARE(d[QStringLiteral("regressed")].toArray().size(), 1);
        QCOMPARE(d[QStringLiteral("new")].toArray().size(), 0);
        QCOMPARE(d[QStringLiteral("changed_evidence")].toArray().size(), 1);
        const QJsonObject d12 = QJsonDocument::fromJson(cli({QStringLiteral("diff"), m_project, QStringLiteral("1"), QStringLiteral("2"),
                                                             QStringLiteral("--json")}).out.toUtf8()).object();
        QCOMPARE(d12[QStringLiteral("fixed")].toArray().size(), 1);
        QCOMPARE(cli({QStringLiteral("diff"), m_project, QStringLiteral("1"), QStringLiteral("99")}).exitCode, 2);

        const CliOutcome csv = cli({QStringLiteral("issues"), m_project, QStringLiteral("--state"), QStringLiteral("all"), QStringLiteral("--csv")});
        QCOMPARE(csv.exitCode, 0);
        QVERIFY(csv.out.startsWith(QStringLiteral("asset,check_id,title,subject,severity,state,")));
        QCOMPARE(csv.out.count(QStringLiteral("\r\n")), 2);
        const CliOutcome runsCsv = cli({QStringLiteral("runs"), m_project, QStringLiteral("--csv")});
        QCOMPARE(runsCsv.exitCode, 0);
        QVERIFY(runsCsv.out.startsWith(QStringLiteral("id,template,template_version,started_at,")));
        QCOMPARE(runsCsv.out.count(QStringLiteral("\r\n")), 6);      // header and five runs
    }

    void waiversApplyAndEnd()
    {
        writeTestFile(m_state, "hardened=no\n");
        const CliOutcome w = cli({QStringLiteral("waive"), m_project, QStringLiteral("--check"), QStringLiteral("lab.setting"),
                                  QStringLiteral("--tag"), QStringLiteral("lab"), QStringLiteral("--justification"),
                                  QStringLiteral("Lab host, isolated"), QStringLiteral("--approver"), QStringLiteral("CISO"),
                                  QStringLiteral("--ticket"), QStringLiteral("RISK-7"), QStringLiteral("--expires"),
                                  QDate::currentDate().addDays(30).toString(Qt::ISODate)});
        QVERIFY2(w.exitCode == 0, qPrintable(w.err));
        QCOMPARE(scan(), 0);
        const QJsonArray waived = json({QStringLiteral("issues"), m_project, QStringLiteral("--state"), QStringLiteral("waived"), QStringLiteral("--json")});
        QCOMPARE(waived.size(), 1);
        QCOMPARE(waived[0][QStringLiteral("waiver")][QStringLiteral("ticket")].toString(), QStringLiteral("RISK-7"));
        const CliOutcome results = cli({QStringLiteral("results"), m_project, QStringLiteral("--json")});
        const QJsonObject run = QJsonDocument::fromJson(results.out.toUtf8()).object();
        const QJsonObject r = run[QStringLiteral("results")].toArray().first().toObject();
        QCOMPARE(r[QStringLiteral("status")].toString(), QStringLiteral("waived"));
        QCOMPARE(r[QStringLiteral("raw_status")].toString(), QStringLiteral("fail"));

        const QJsonArray list = json({QStringLiteral("waive"), m_project, QStringLiteral("--list"), QStringLiteral("--json")});
        QCOMPARE(list.size(), 1);
        const int id = list[0][QStringLiteral("id")].toInt();
        QCOMPARE(cli({QStringLiteral("waive"), m_project, QStringLiteral("--end"), QString::number(id), QStringLiteral("--reason"),
                      QStringLiteral("host joins production")}).exitCode, 0);
        QCOMPARE(scan(), 0);
        const QJsonArray open = json({QStringLiteral("issues"), m_project, QStringLiteral("--history"), QStringLiteral("--json")});
        QCOMPARE(open.size(), 1);
        const QJsonArray events = open[0][QStringLiteral("events")].toArray();
        QCOMPARE(events.last()[QStringLiteral("event")].toString(), QStringLiteral("unwaived"));

        // Bad input: no approver, an expiry in the past.
        QCOMPARE(cli({QStringLiteral("waive"), m_project, QStringLiteral("--check"), QStringLiteral("lab.setting"), QStringLiteral("--justification"),
                      QStringLiteral("x"), QStringLiteral("--expires"), QStringLiteral("2030-01-01")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("waive"), m_project, QStringLiteral("--check"), QStringLiteral("lab.setting"), QStringLiteral("--justification"),
                      QStringLiteral("x"), QStringLiteral("--approver"), QStringLiteral("y"), QStringLiteral("--expires"),
                      QStringLiteral("2001-01-01")}).exitCode, 2);
    }

    // The tailoring used by every scan above is kept once; a changed text becomes version 2, and a
    // scan can name a kept tailoring instead of a file.
    void tailoringsAreKeptAndVersioned()
    {
        QJsonArray kept = json({QStringLiteral("tailorings"), m_project, QStringLiteral("--json")});
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept[0][QStringLiteral("name")].toString(), QStringLiteral("lab"));
        QCOMPARE(kept[0][QStringLiteral("version")].toInt(), 1);

        writeTestFile(m_dir.filePath(QStringLiteral("tailoring.yaml")),
              QStringLiteral("tailoring: {template: lab-template, name: lab}\nparameters: {state_file: \"%1\"}\n"
                             "severity: {lab.setting: critical}\n").arg(m_state).toUtf8());
        writeTestFile(m_state, "hardened=no\n");
        QCOMPARE(scan(), 0);
        kept = json({QStringLiteral("tailorings"), m_project, QStringLiteral("--json")});
        QCOMPARE(kept.size(), 2);
        QCOMPARE(kept[1][QStringLiteral("version")].toInt(), 2);
        const QJsonObject run = QJsonDocument::fromJson(cli({QStringLiteral("results"), m_project, QStringLiteral("--json")}).out.toUtf8()).object();
        QCOMPARE(run[QStringLiteral("run")][QStringLiteral("tailoring")].toString(), QStringLiteral("lab"));
        QCOMPARE(run[QStringLiteral("run")][QStringLiteral("tailoring_version")].toInt(), 2);
        QCOMPARE(run[QStringLiteral("results")].toArray().first()[QStringLiteral("severity")].toString(), QStringLiteral("critical"));

        // By name: the newest kept version, without the file.
        QFile::remove(m_dir.filePath(QStringLiteral("tailoring.yaml")));
        const CliOutcome byName = cli({QStringLiteral("scan"), m_project, QStringLiteral("--template"), QStringLiteral("lab-template"),
                                       QStringLiteral("--tailoring"), QStringLiteral("lab"), QStringLiteral("--quiet")});
        QVERIFY2(byName.exitCode == 0, qPrintable(byName.err));
        QCOMPARE(json({QStringLiteral("tailorings"), m_project, QStringLiteral("--json")}).size(), 2);
        const CliOutcome show = cli({QStringLiteral("tailorings"), m_project, QStringLiteral("--show"), QStringLiteral("lab"),
                                     QStringLiteral("--template"), QStringLiteral("lab-template"), QStringLiteral("--version"), QStringLiteral("1")});
        QCOMPARE(show.exitCode, 0);
        QVERIFY(!show.out.contains(QStringLiteral("critical")));
        const CliOutcome unknown = cli({QStringLiteral("scan"), m_project, QStringLiteral("--template"), QStringLiteral("lab-template"),
                                        QStringLiteral("--tailoring"), QStringLiteral("nope")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("neither a tailoring file nor a tailoring kept in this project")));
        // Restore the file for the other tests.
        writeTestFile(m_dir.filePath(QStringLiteral("tailoring.yaml")),
              QStringLiteral("tailoring: {template: lab-template, name: lab}\nparameters: {state_file: \"%1\"}\n").arg(m_state).toUtf8());
    }

    // A corrected template applied to stored evidence: a derived run, no host contact.
    void reevaluationUsesStoredEvidence()
    {
        writeTestFile(m_state, "hardened=no\n");
        QCOMPARE(scan(), 0);
        const QJsonArray before = json({QStringLiteral("runs"), m_project, QStringLiteral("--json")});
        const int source = before.last()[QStringLiteral("id")].toInt();
        QFile::remove(m_state);     // the host's state is gone: only the evidence can answer
        QByteArray corrected(kTemplate);
        corrected.replace("version: 1.0.0", "version: 1.1.0");
        writeTestFile(m_templates + QStringLiteral("/lab-template.yaml"), corrected);
        QByteArray lenient(kLibrary);
        lenient.replace("assert: {op: eq, value: \"yes\"}", "assert: {op: in, value: [\"yes\", \"no\"]}");
        writeTestFile(m_templates + QStringLiteral("/checks/lab.yaml"), lenient);

        const CliOutcome re = cli({QStringLiteral("reevaluate"), m_project, QStringLiteral("--run"), QString::number(source),
                                   QStringLiteral("--json"), QStringLiteral("-")});
        QVERIFY2(re.exitCode == 0, qPrintable(re.err));
        const QJsonObject run = QJsonDocument::fromJson(re.out.toUtf8()).object();
        QCOMPARE(run[QStringLiteral("run")][QStringLiteral("template_version")].toString(), QStringLiteral("1.1.0"));
        QCOMPARE(run[QStringLiteral("results")].toArray().first()[QStringLiteral("status")].toString(), QStringLiteral("pass"));
        const QJsonArray after = json({QStringLiteral("runs"), m_project, QStringLiteral("--json")});
        QCOMPARE(after.size(), before.size() + 1);
        QCOMPARE(after.last()[QStringLiteral("derived_from_run")].toInt(), source);
        // The derived run fixed the issue, as any run would.
        QCOMPARE(json({QStringLiteral("issues"), m_project, QStringLiteral("--json")}).size(), 0);

        writeTestFile(m_templates + QStringLiteral("/lab-template.yaml"), kTemplate);
        writeTestFile(m_templates + QStringLiteral("/checks/lab.yaml"), kLibrary);
        QCOMPARE(cli({QStringLiteral("reevaluate"), m_project, QStringLiteral("--run"), QStringLiteral("999")}).exitCode, 2);

        // --tailoring chooses the tailoring to apply: "none", or one kept in the project.
        QCOMPARE(before.last()[QStringLiteral("tailoring")].toString(), QStringLiteral("lab"));
        const CliOutcome bare = cli({QStringLiteral("reevaluate"), m_project, QStringLiteral("--run"), QString::number(source),
                                     QStringLiteral("--tailoring"), QStringLiteral("none"), QStringLiteral("--json"), QStringLiteral("-")});
        QVERIFY2(bare.exitCode == 0, qPrintable(bare.err));
        const QJsonObject bareRun = QJsonDocument::fromJson(bare.out.toUtf8()).object()[QStringLiteral("run")].toObject();
        QCOMPARE(bareRun[QStringLiteral("tailoring")].toString(), QString());
        // Without the tailoring the check would read the template's default path, which the stored
        // evidence is not of: an error that says so, not a verdict about a file never read.
        const QJsonObject bareResult = QJsonDocument::fromJson(bare.out.toUtf8()).object()[QStringLiteral("results")].toArray().first().toObject();
        QCOMPARE(bareResult[QStringLiteral("status")].toString(), QStringLiteral("error"));
        QVERIFY2(bareResult[QStringLiteral("message")].toString().contains(QStringLiteral("assess the asset again")),
                 qPrintable(bare.out));
        QCOMPARE(json({QStringLiteral("runs"), m_project, QStringLiteral("--json")}).last()[QStringLiteral("derived_from_run")].toInt(),
                 source);
        const CliOutcome named = cli({QStringLiteral("reevaluate"), m_project, QStringLiteral("--run"), QString::number(source),
                                      QStringLiteral("--tailoring"), QStringLiteral("lab"), QStringLiteral("--json"), QStringLiteral("-")});
        QVERIFY2(named.exitCode == 0, qPrintable(named.err));
        QCOMPARE(QJsonDocument::fromJson(named.out.toUtf8()).object()[QStringLiteral("run")][QStringLiteral("tailoring")].toString(),
                 QStringLiteral("lab"));
        const CliOutcome unknown = cli({QStringLiteral("reevaluate"), m_project, QStringLiteral("--run"), QString::number(source),
                                        QStringLiteral("--tailoring"), QStringLiteral("nope")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("no tailoring 'nope' is kept in this project")), qPrintable(unknown.err));
    }

    void attestationsCopyTheirEvidence()
    {
        const QString evidence = m_dir.filePath(QStringLiteral("policy.txt"));
        writeTestFile(evidence, "Information security policy v3, approved 2026-10-01\n");
        const CliOutcome a = cli({QStringLiteral("attest"), m_project, QStringLiteral("--template"), QStringLiteral("lab-template"),
                                  QStringLiteral("--requirement"), QStringLiteral("9.9"), QStringLiteral("--status"), QStringLiteral("pass"),
                                  QStringLiteral("--statement"), QStringLiteral("Policy seen and approved"), QStringLiteral("--evidence"), evidence});
        QVERIFY2(a.exitCode == 0, qPrintable(a.err));
        QFile::remove(evidence);    // the project keeps its own copy
        const QJsonArray list = json({QStringLiteral("attest"), m_project, QStringLiteral("--list"), QStringLiteral("--json")});
        QCOMPARE(list.size(), 1);
        const QJsonObject file = list[0][QStringLiteral("files")].toArray().first().toObject();
        QCOMPARE(file[QStringLiteral("name")].toString(), QStringLiteral("policy.txt"));
        QCOMPARE(file[QStringLiteral("sha256")].toString(),
                 QString::fromLatin1(QCryptographicHash::hash("Information security policy v3, approved 2026-10-01\n",
                                                              QCryptographicHash::Sha256).toHex()));
        // Automated requirements and unknown ones are refused with a clear message.
        const CliOutcome automated = cli({QStringLiteral("attest"), m_project, QStringLiteral("--template"), QStringLiteral("lab-template"),
                                          QStringLiteral("--requirement"), QStringLiteral("1.1"), QStringLiteral("--status"), QStringLiteral("pass"),
                                          QStringLiteral("--statement"), QStringLiteral("x")});
        QCOMPARE(automated.exitCode, 2);
        QVERIFY(automated.err.contains(QStringLiteral("assessed by checks only")));
        // The attested manual requirement is counted apart in the score.
        writeTestFile(m_state, "hardened=yes\n");
        const CliOutcome scored = cli({QStringLiteral("scan"), m_project, QStringLiteral("--template"), QStringLiteral("lab-template"),
                                       QStringLiteral("--tailoring"), m_dir.filePath(QStringLiteral("tailoring.yaml"))});
        QCOMPARE(scored.exitCode, 0);
        QVERIFY2(scored.out.contains(QStringLiteral("1 manual\nManual evidence: 0 outstanding (0 of them beside checks), 1 attested pass, 0 attested fail")),
                 qPrintable(scored.out));
        const QJsonObject score = QJsonDocument::fromJson(cli({QStringLiteral("results"), m_project, QStringLiteral("--json")}).out.toUtf8())
                                      .object()[QStringLiteral("score")].toObject();
        QCOMPARE(score[QStringLiteral("manual_attested_pass")].toInt(), 1);
        QCOMPARE(score[QStringLiteral("manual_not_attested")].toInt(), 0);
        QCOMPARE(cli({QStringLiteral("attest"), m_project, QStringLiteral("--template"), QStringLiteral("lab-template"), QStringLiteral("--requirement"),
                      QStringLiteral("7.7"), QStringLiteral("--status"), QStringLiteral("pass"), QStringLiteral("--statement"), QStringLiteral("x")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliLifecycle)
#include "tst_cli_lifecycle.moc"
