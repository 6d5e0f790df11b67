// A requirement that has checks and a manual part, from the command line: a real local scan
// whose check passes, then `requirements`, `attest` and the score as a user would read them.
#include "CliRunner.h"
#include "LabCheckLibrary.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

const char *const kLibrary = triad::test::kLabCheckLibrary;

// 1.1 checks only, 2.2 mixed (the check covers the host, the manual part the paper), 9.9 manual only.
const char *const kTemplate = R"(schema: triad-template/1
kind: assessment
id: lab-mixed
title: Lab template with a mixed requirement
version: 1.0.0
uses: [lab]
requirements:
  - {id: "1.1", section: "1 Lab", title: The setting is hardened, checks: [lab.setting]}
  - id: "2.2"
    section: "2 Lab and policy"
    title: The setting is hardened and the hardening standard is approved
    checks: [lab.setting]
    manual: {ask_for: The hardening standard., verify: It is approved and names the setting.}
  - id: "9.9"
    section: "9 Policy"
    title: A policy exists
    manual: {ask_for: The policy document., verify: It is approved.}
)";

const QString kOutstanding = QStringLiteral("Checks pass \u00b7 manual evidence outstanding");

} // namespace

class TestCliManualEvidence final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_templates;
    QString m_project;

    CliOutcome cli(const QStringList &args) { return runCli(args, m_templates); }

    QHash<QString, QJsonObject> requirements(const QStringList &extra = {})
    {
        const CliOutcome o = cli(QStringList{QStringLiteral("requirements"), m_project, QStringLiteral("--json")} + extra);
        if (o.exitCode != 0)
            qWarning() << o.err;
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &v : QJsonDocument::fromJson(o.out.toUtf8()).array())
            byId.insert(v[QStringLiteral("id")].toString(), v.toObject());
        return byId;
    }

    CliOutcome attest(const QString &requirement, const QString &status)
    {
        return cli({QStringLiteral("attest"), m_project, QStringLiteral("--template"), QStringLiteral("lab-mixed"), QStringLiteral("--requirement"),
                    requirement, QStringLiteral("--status"), status, QStringLiteral("--statement"), QStringLiteral("Hardening standard v2 seen")});
    }

    QJsonObject score()
    {
        return QJsonDocument::fromJson(cli({QStringLiteral("results"), m_project, QStringLiteral("--json")}).out.toUtf8())
            .object()[QStringLiteral("score")].toObject();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_templates = m_dir.filePath(QStringLiteral("templates"));
        QVERIFY(QDir().mkpath(m_templates + QStringLiteral("/checks")));
        writeTestFile(m_templates + QStringLiteral("/checks/lab.yaml"), kLibrary);
        writeTestFile(m_templates + QStringLiteral("/lab-mixed.yaml"), kTemplate);
        const QString state = m_dir.filePath(QStringLiteral("lab.conf"));
        writeTestFile(state, "hardened=yes\n");
        writeTestFile(m_dir.filePath(QStringLiteral("tailoring.yaml")),
                      QStringLiteral("tailoring: {template: lab-mixed, name: lab}\nparameters: {state_file: \"%1\"}\n").arg(state).toUtf8());
        m_project = m_dir.filePath(QStringLiteral("p.triad"));
        QCOMPARE(cli({QStringLiteral("project"), QStringLiteral("init"), m_project, QStringLiteral("--name"), QStringLiteral("Lab")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("assets"), QStringLiteral("add"), m_project, QStringLiteral("lab-host"), QStringLiteral("--transport"),
                      QStringLiteral("local")}).exitCode, 0);
    }

    void templateShowsTheMixedRequirement()
    {
        const CliOutcome show = cli({QStringLiteral("templates"), QStringLiteral("show"), QStringLiteral("lab-mixed")});
        QCOMPARE(show.exitCode, 0);
        QVERIFY2(show.out.contains(QStringLiteral("2.2  The setting is hardened and the hardening standard is approved  [checks + manual part]")),
                 qPrintable(show.out));
        QVERIFY(show.out.contains(QStringLiteral("9.9  A policy exists  [manual]")));
    }

    void scanCountsTheOutstandingManualEvidence()
    {
        const CliOutcome scan = cli({QStringLiteral("scan"), m_project, QStringLiteral("--template"), QStringLiteral("lab-mixed"),
                                     QStringLiteral("--tailoring"), m_dir.filePath(QStringLiteral("tailoring.yaml"))});
        QVERIFY2(scan.exitCode == 0, qPrintable(scan.err));
        QVERIFY2(scan.out.contains(QStringLiteral("Requirements: 2 passed, 0 failed")), qPrintable(scan.out));
        QVERIFY2(scan.out.contains(QStringLiteral("Manual evidence: 2 outstanding (1 of them beside checks), 0 attested pass, 0 attested fail")),
                 qPrintable(scan.out));
        QVERIFY(scan.out.contains(QStringLiteral("Score: 100.0%")));
        const QJsonObject s = score();
        QCOMPARE(s[QStringLiteral("manual_not_attested")].toInt(), 2);
        QCOMPARE(s[QStringLiteral("mixed_manual_not_attested")].toInt(), 1);
        QCOMPARE(s[QStringLiteral("percent")].toDouble(), 100.0);
    }

    void mixedRequirementWithPassingChecksIsNotMet()
    {
        const auto reqs = requirements();
        QCOMPARE(reqs.size(), 3);
        QCOMPARE(reqs[QStringLiteral("1.1")][QStringLiteral("status")].toString(), QStringLiteral("pass"));
        QCOMPARE(reqs[QStringLiteral("1.1")][QStringLiteral("met")].toBool(), true);
        const QJsonObject mixed = reqs[QStringLiteral("2.2")];
        QCOMPARE(mixed[QStringLiteral("automated_status")].toString(), QStringLiteral("pass"));
        QCOMPARE(mixed[QStringLiteral("manual_part")].toString(), QStringLiteral("not_attested"));
        QCOMPARE(mixed[QStringLiteral("status")].toString(), QStringLiteral("manual"));
        QCOMPARE(mixed[QStringLiteral("met")].toBool(), false);
        QCOMPARE(mixed[QStringLiteral("status_text")].toString(), kOutstanding);

        const QStringList outstanding = requirements({QStringLiteral("--outstanding")}).keys();
        QCOMPARE(QSet<QString>(outstanding.cbegin(), outstanding.cend()), (QSet<QString>{QStringLiteral("2.2"), QStringLiteral("9.9")}));

        const CliOutcome text = cli({QStringLiteral("requirements"), m_project});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("3 requirements, 1 met")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("Manual evidence outstanding: 2 (1 manual-only, 1 beside their checks)")), qPrintable(text.out));
        bool line = false;
        for (const QString &l : text.out.split(QLatin1Char('\n')))
            line = line || (l.startsWith(QStringLiteral("2.2 ")) && l.contains(kOutstanding));
        QVERIFY2(line, qPrintable(text.out));
    }

    void attestingTheManualPartMeetsIt()
    {
        // A checks-only requirement has nothing to attest; a mixed one has.
        const CliOutcome refused = attest(QStringLiteral("1.1"), QStringLiteral("pass"));
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains(QStringLiteral("assessed by checks only")));
        const CliOutcome accepted = attest(QStringLiteral("2.2"), QStringLiteral("pass"));
        QVERIFY2(accepted.exitCode == 0, qPrintable(accepted.err));
        QVERIFY(accepted.out.contains(QStringLiteral("covers its manual part")));

        const QJsonObject mixed = requirements()[QStringLiteral("2.2")];
        QCOMPARE(mixed[QStringLiteral("status")].toString(), QStringLiteral("pass"));
        QCOMPARE(mixed[QStringLiteral("met")].toBool(), true);
        QCOMPARE(mixed[QStringLiteral("status_text")].toString(), QStringLiteral("Checks pass \u00b7 manual evidence attested as passed"));
        const QJsonObject s = score();
        QCOMPARE(s[QStringLiteral("manual_not_attested")].toInt(), 1);
        QCOMPARE(s[QStringLiteral("manual_attested_pass")].toInt(), 1);
        QCOMPARE(s[QStringLiteral("mixed_manual_attested_pass")].toInt(), 1);
        QCOMPARE(s[QStringLiteral("percent")].toDouble(), 100.0);

        // A later verdict replaces it: attested as failed, the requirement fails whatever its checks say.
        QCOMPARE(attest(QStringLiteral("2.2"), QStringLiteral("fail")).exitCode, 0);
        const QJsonObject failed = requirements()[QStringLiteral("2.2")];
        QCOMPARE(failed[QStringLiteral("status")].toString(), QStringLiteral("fail"));
        QCOMPARE(failed[QStringLiteral("status_text")].toString(), QStringLiteral("Checks pass \u00b7 manual evidence attested as failed"));
        QCOMPARE(requirements({QStringLiteral("--status"), QStringLiteral("fail")}).keys(), QStringList{QStringLiteral("2.2")});
    }

    void aChangedInstalledTemplateStillScoresTheRunByItsOwn()
    {
        // An edit of the installed template (here a comment: another SHA-256) after the run: the
        // run keeps its manual tally, taken from the template text stored with it.
        const QJsonObject before = score();
        writeTestFile(m_templates + QStringLiteral("/lab-mixed.yaml"), QByteArray("# edited after the run\n") + kTemplate);
        const QJsonObject after = score();
        QCOMPARE(after[QStringLiteral("manual_attested_fail")].toInt(), 1);
        QCOMPARE(after[QStringLiteral("manual_not_attested")].toInt(), 1);
        QCOMPARE(after, before);
        const CliOutcome runs = cli({QStringLiteral("runs"), m_project, QStringLiteral("--json")});
        QCOMPARE(runs.exitCode, 0);
        const QJsonObject run = QJsonDocument::fromJson(runs.out.toUtf8()).array().last().toObject();
        QVERIFY2(run[QStringLiteral("score")][QStringLiteral("manual_not_attested")].toInt() == 1, qPrintable(runs.out));
        writeTestFile(m_templates + QStringLiteral("/lab-mixed.yaml"), kTemplate);
    }
};

QTEST_GUILESS_MAIN(TestCliManualEvidence)
#include "tst_cli_manual_evidence.moc"
