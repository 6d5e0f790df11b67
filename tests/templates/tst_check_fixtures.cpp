// Every shipped check, run through the real engine on recorded collector outputs: each has at
// least one fixture that passes it and one that fails it (DESIGN.md §3).
#include "TestPaths.h"

#include "collect/ObservationParser.h"
#include "engine/Catalog.h"
#include "engine/Planner.h"
#include "engine/YamlReader.h"
#include "eval/Evaluator.h"

#include <QDir>
#include <QTest>

using namespace triad;

namespace {

struct FixtureCase {
    QString name;
    QString expect;
    QVariantMap parameters;
    QMap<QString, YAML::Node> outputs;  // collector id -> raw output
};

RawOutput rawFrom(const QString &key, const YAML::Node &node)
{
    RawOutput raw;
    raw.collectorKey = key;
    raw.status = CollectionStatus::Ok;
    raw.exitCode = node["exit"] ? node["exit"].as<int>() : 0;
    raw.stdoutData = node["stdout"] ? QByteArray::fromStdString(node["stdout"].as<std::string>()) : QByteArray();
    raw.stderrData = node["stderr"] ? QByteArray::fromStdString(node["stderr"].as<std::string>()) : QByteArray();
    if (node["status"]) {
        const std::string s = node["status"].as<std::string>();
        raw.status = s == "timeout" ? CollectionStatus::Timeout : CollectionStatus::Error;
        raw.errorMessage = QStringLiteral("fixture: collection %1").arg(QString::fromStdString(s));
    }
    return raw;
}

} // namespace

class TestCheckFixtures final : public QObject {
    Q_OBJECT
    std::optional<Catalog> m_catalog;

private slots:
    void initTestCase()
    {
        auto catalog = Catalog::load({QStringLiteral(TRIAD_TEMPLATES_DIR)});
        QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().toString()));
        m_catalog = std::move(*catalog);
    }

    void everyCheckPassesAndFailsOnItsFixtures()
    {
        const QDir dir(QStringLiteral(TRIAD_TEST_DATA_DIR "/templates/fixtures"));
        int cases = 0;
        for (const CheckLibrary &lib : m_catalog->libraries()) {
            const QString file = dir.filePath(lib.id + QStringLiteral(".yaml"));
            QVERIFY2(QFile::exists(file), qPrintable(QStringLiteral("no fixture file for library %1: %2").arg(lib.id, file)));
            const YAML::Node doc = YAML::LoadFile(file.toStdString());
            const YAML::Node defaults = doc["defaults"];
            const YAML::Node checks = doc["checks"];
            for (const CheckDef &check : lib.checks) {
                const YAML::Node list = checks[check.id.toStdString()];
                QVERIFY2(list.IsSequence(), qPrintable(QStringLiteral("%1: check %2 has no fixtures").arg(file, check.id)));
                bool sawPass = false;
                bool sawFail = false;
                for (std::size_t i = 0; i < list.size(); ++i) {
                    const YAML::Node c = list[i];
                    const QString expect = QString::fromStdString(c["expect"].as<std::string>());
                    const QString label = QStringLiteral("%1 %2 case %3 (%4)")
                                              .arg(file, check.id).arg(i + 1)
                                              .arg(c["name"] ? QString::fromStdString(c["name"].as<std::string>()) : expect);
                    QVariantMap parameters;
                    if (c["parameters"])
                        for (const auto &p : c["parameters"])
                            parameters.insert(QString::fromStdString(p.first.as<std::string>()), yamlValue(p.second));
                    auto plan = Planner::planLibrary(*m_catalog, lib.id, parameters);
                    QVERIFY2(plan, qPrintable(label + QStringLiteral(": ") + (plan ? QString() : plan.error().toString())));

                    // yaml-cpp's Node::operator= writes through to the document, so values are
                    // replaced by remove + insert, never assigned over.
                    QMap<QString, YAML::Node> outputs;
                    if (defaults)
                        for (const auto &d : defaults)
                            outputs.insert(QString::fromStdString(d.first.as<std::string>()), d.second);
                    if (c["outputs"])
                        for (const auto &o : c["outputs"]) {
                            const QString name = QString::fromStdString(o.first.as<std::string>());
                            outputs.remove(name);
                            outputs.insert(name, o.second);
                        }

                    ObservationMap observations;
                    for (auto it = outputs.cbegin(); it != outputs.cend(); ++it) {
                        const QString key = plan->collectorKeyByName.value(lib.id + QLatin1Char('/') + it.key());
                        QVERIFY2(!key.isEmpty(), qPrintable(label + QStringLiteral(": unknown collector ") + it.key()));
                        for (const PlannedCollector &pc : plan->collectors) {
                            if (pc.key == key)
                                observations.insert(key, parseObservation(pc.spec, rawFrom(key, it.value())));
                        }
                    }
                    const PlannedCheck *planned = nullptr;
                    for (const PlannedCheck &pc : plan->checks)
                        if (pc.check.id == check.id)
                            planned = &pc;
                    QVERIFY(planned);
                    const QList<CheckResult> results = Evaluator::evaluate(*planned, observations);
                    QVERIFY2(!results.isEmpty(), qPrintable(label));
                    // With subjects, the worst verdict of all subjects is the case's verdict.
                    QString got = toString(results.first().status);
                    for (const CheckResult &r : results)
                        if (r.status == CheckStatus::Fail)
                            got = toString(r.status);
                    QVERIFY2(got == expect, qPrintable(QStringLiteral("%1: expected %2, got %3 (expected %4; actual %5; %6)")
                                                           .arg(label, expect, got, results.first().expected,
                                                                results.first().actual, results.first().message)));
                    sawPass = sawPass || expect == QLatin1String("pass");
                    sawFail = sawFail || expect == QLatin1String("fail");
                    ++cases;
                }
                QVERIFY2(sawPass && sawFail, qPrintable(QStringLiteral("%1: check %2 needs a pass and a fail fixture").arg(file, check.id)));
            }
        }
        qInfo("%d fixture cases evaluated", cases);
    }
};

QTEST_GUILESS_MAIN(TestCheckFixtures)
#include "tst_check_fixtures.moc"
