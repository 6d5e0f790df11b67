// Planning: parameter precedence and bounds, deduplication, tailoring.
#include "TestPrinters.h"

#include "engine/Catalog.h"
#include "engine/Planner.h"
#include "engine/TailoringLoader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace triad;

namespace {

const QByteArray kSsh = R"yaml(schema: triad-template/1
kind: checks
id: ssh
parameters:
  max_tries: {type: int, default: 6, min: 1, max: 10}
  allowed_levels: {type: list, default: [INFO, VERBOSE]}
  config_path: {type: path, default: /etc/ssh/sshd_config}
collectors:
  effective: {type: command, run: [sshd, -T], parse: {format: keyvalue, key_case: lower}}
  config_stat: {type: stat, path: "${config_path}"}
checks:
  - id: ssh.tries
    title: At most ${max_tries} tries
    severity: medium
    rules:
      - {from: effective, select: {key: maxauthtries}, assert: {op: le, value: "${max_tries}"}}
  - id: ssh.level
    title: Log level
    severity: low
    rules:
      - {from: effective, select: {key: loglevel}, assert: {op: in, value: "${allowed_levels}"}}
  - id: ssh.perms
    title: Config permissions
    severity: high
    remediation: {summary: "chmod 600 ${config_path}"}
    rules:
      - {from: config_stat, select: {field: mode}, assert: {op: mode_max, value: "0600"}}
)yaml";

// A second library reads the very same data under other names: it must be collected once.
const QByteArray kOther = R"yaml(schema: triad-template/1
kind: checks
id: other
collectors:
  sshd_dump: {type: command, run: [sshd, -T], parse: {format: keyvalue, key_case: lower}}
checks:
  - id: other.pam
    title: PAM
    severity: low
    rules:
      - {from: sshd_dump, select: {key: usepam}, assert: {op: eq, value: "yes"}}
)yaml";

const QByteArray kAssessment = R"yaml(schema: triad-template/1
kind: assessment
id: demo
title: Demo
version: 1.0.0
uses: [ssh, other]
defaults: {max_tries: 4}
requirements:
  - {id: "1", title: Tries, checks: [ssh.tries]}
  - {id: "2", title: Logging, checks: [ssh.level, other.pam]}
  - {id: "3", title: Files, checks: [ssh.perms, ssh.tries]}
)yaml";

} // namespace

class TestPlanner final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::optional<Catalog> m_catalog;

private slots:
    void initTestCase()
    {
        QDir().mkpath(m_dir.filePath(QStringLiteral("checks")));
        for (const auto &[name, text] : {std::pair{QStringLiteral("checks/ssh.yaml"), kSsh},
                                         std::pair{QStringLiteral("checks/other.yaml"), kOther},
                                         std::pair{QStringLiteral("demo.yaml"), kAssessment}}) {
            QFile f(m_dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        }
        auto catalog = Catalog::load({m_dir.path()});
        QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().toString()));
        m_catalog = std::move(*catalog);
    }

    void parametersAndDeduplication()
    {
        auto plan = Planner::plan(*m_catalog, QStringLiteral("demo"));
        QVERIFY(plan);
        QCOMPARE(plan->parameters.value(QStringLiteral("max_tries")).toLongLong(), 4);   // template default beats library default
        QCOMPARE(plan->checks.size(), 4);
        const PlannedCheck &tries = plan->checks.at(0);
        QCOMPARE(tries.check.title, QStringLiteral("At most 4 tries"));
        QCOMPARE(tries.check.rules.first().assertion.value.toLongLong(), 4);
        QCOMPARE(tries.requirementIds, (QStringList{QStringLiteral("1"), QStringLiteral("3")}));
        // A list parameter becomes a list value for `in`.
        QCOMPARE(plan->checks.at(1).check.rules.first().assertion.value.toList().size(), 2);
        QCOMPARE(plan->checks.at(2).check.remediation.summary, QStringLiteral("chmod 600 /etc/ssh/sshd_config"));

        // `sshd -T` appears in two libraries and is planned once; both names lead to it.
        QCOMPARE(plan->collectors.size(), 2);
        QCOMPARE(plan->collectorKeyByName.value(QStringLiteral("ssh/effective")), QStringLiteral("ssh/effective"));
        QCOMPARE(plan->collectorKeyByName.value(QStringLiteral("other/sshd_dump")), QStringLiteral("ssh/effective"));
        QCOMPARE(plan->checks.at(3).check.rules.first().sources, QStringList{QStringLiteral("ssh/effective")});
        QVERIFY(plan->collectors.first().usedBy.contains(QStringLiteral("other.pam")));
        QCOMPARE(plan->collectors.at(1).spec.path, QStringLiteral("/etc/ssh/sshd_config"));
    }

    void tailoringOverridesAndDisables()
    {
        auto t = TailoringLoader::loadText(R"yaml(tailoring: {template: demo, name: ACME production}
parameters: {max_tries: 3, config_path: /opt/ssh/sshd_config}
disable:
  - {check: ssh.perms, reason: "Managed by the image pipeline (SEC-42)"}
severity: {ssh.level: critical}
)yaml", QStringLiteral("acme.yaml"));
        QVERIFY2(t, t ? "" : qPrintable(t.error().toString()));
        auto plan = Planner::plan(*m_catalog, QStringLiteral("demo"), &*t);
        QVERIFY2(plan, plan ? "" : qPrintable(plan.error().toString()));
        QCOMPARE(plan->tailoringName, QStringLiteral("ACME production"));
        QCOMPARE(plan->checks.at(0).check.rules.first().assertion.value.toLongLong(), 3);
        QCOMPARE_WORDS(plan->checks.at(1).check.severity, Severity::Critical);
        QVERIFY(plan->checks.at(2).disabled);
        QCOMPARE(plan->checks.at(2).disabledReason, QStringLiteral("Managed by the image pipeline (SEC-42)"));
        // The disabled check's collector is not collected at all.
        QCOMPARE(plan->collectors.size(), 1);
    }

    void badTailorings()
    {
        auto outOfBounds = TailoringLoader::loadText("tailoring: {template: demo, name: x}\nparameters: {max_tries: 12}\n",
                                                     QStringLiteral("t.yaml"));
        QVERIFY(outOfBounds);
        auto plan = Planner::plan(*m_catalog, QStringLiteral("demo"), &*outOfBounds);
        QVERIFY(!plan);
        QVERIFY2(plan.error().message.contains(QStringLiteral("12 is above the maximum 10")), qPrintable(plan.error().toString()));
        QVERIFY(plan.error().location.startsWith(QStringLiteral("t.yaml")));

        auto unknown = TailoringLoader::loadText("tailoring: {template: demo, name: x}\ndisable: [{check: ssh.nope, reason: r}]\n",
                                                 QStringLiteral("t.yaml"));
        QVERIFY(!Planner::plan(*m_catalog, QStringLiteral("demo"), &*unknown));

        auto noReason = TailoringLoader::loadText("tailoring: {template: demo, name: x}\ndisable: [{check: ssh.perms}]\n",
                                                  QStringLiteral("t.yaml"));
        QVERIFY(!noReason);
        QVERIFY(noReason.error().message.contains(QStringLiteral("reason")));
        QCOMPARE(noReason.error().location, QStringLiteral("t.yaml:2:11"));

        auto badSeverity = TailoringLoader::loadText("tailoring: {template: demo, name: x}\nseverity: {ssh.level: urgent}\n",
                                                     QStringLiteral("t.yaml"));
        QVERIFY(!badSeverity);
        QCOMPARE(badSeverity.error().location, QStringLiteral("t.yaml:2:23"));

        auto wrongTemplate = TailoringLoader::loadText("tailoring: {template: other-template, name: x}\n", QStringLiteral("t.yaml"));
        QVERIFY(!Planner::plan(*m_catalog, QStringLiteral("demo"), &*wrongTemplate));
        QVERIFY(!TailoringLoader::loadFile(QStringLiteral("/nonexistent/tailoring.yaml")));
    }

    void unknownTemplateListsTheKnownOnes()
    {
        auto plan = Planner::plan(*m_catalog, QStringLiteral("pci"));
        QVERIFY(!plan);
        QVERIFY(plan.error().message.contains(QStringLiteral("known: demo")));
    }

    void planLibraryWithOverrides()
    {
        auto plan = Planner::planLibrary(*m_catalog, QStringLiteral("ssh"), {{QStringLiteral("max_tries"), 2}});
        QVERIFY(plan);
        QCOMPARE(plan->checks.size(), 3);
        QCOMPARE(plan->checks.first().check.rules.first().assertion.value.toLongLong(), 2);
        QVERIFY(!Planner::planLibrary(*m_catalog, QStringLiteral("ssh"), {{QStringLiteral("max_tries"), 0}}));
        QVERIFY(!Planner::planLibrary(*m_catalog, QStringLiteral("ssh"), {{QStringLiteral("config_path"), QStringLiteral("relative/path")}}));
    }
};

QTEST_GUILESS_MAIN(TestPlanner)
#include "tst_planner.moc"
