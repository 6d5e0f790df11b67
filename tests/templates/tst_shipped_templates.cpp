// Every shipped template loads, cross-checks and plans.
#include "TestPaths.h"

#include "engine/Catalog.h"
#include "engine/Planner.h"

#include <QTest>

using namespace triad;

class TestShippedTemplates final : public QObject {
    Q_OBJECT
private slots:
    void catalogLoadsWithoutErrors()
    {
        QList<Error> errors;
        auto catalog = Catalog::load({QStringLiteral(TRIAD_TEMPLATES_DIR)}, &errors);
        QStringList lines;
        for (const Error &e : errors)
            lines << e.toString();
        QVERIFY2(catalog, qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY(!catalog->assessments().isEmpty());
        QVERIFY(catalog->assessment(QStringLiteral("cis-linux")));
    }

    void everyAssessmentPlans()
    {
        auto catalog = Catalog::load({QStringLiteral(TRIAD_TEMPLATES_DIR)});
        QVERIFY(catalog);
        for (const AssessmentTemplate &t : catalog->assessments()) {
            auto plan = Planner::plan(*catalog, t.id);
            QVERIFY2(plan, qPrintable(t.id + QStringLiteral(": ") + (plan ? QString() : plan.error().toString())));
            int automated = 0;
            for (const RequirementDef &r : t.requirements)
                automated += r.checks.size();
            QVERIFY2(!plan->checks.isEmpty() || automated == 0, qPrintable(t.id));
            // Deduplication: no two planned collectors do the same thing.
            QSet<QString> keys;
            for (const PlannedCollector &c : plan->collectors) {
                QVERIFY(!keys.contains(c.key));
                keys.insert(c.key);
                QVERIFY2(!c.usedBy.isEmpty(), qPrintable(c.key));
            }
            for (const RequirementDef &r : t.requirements) {
                QVERIFY2(!r.title.isEmpty() && !r.id.isEmpty(), qPrintable(t.id));
                QVERIFY2(!r.checks.isEmpty() || (r.manual && !r.manual->askFor.isEmpty()), qPrintable(r.id));
            }
        }
    }

    void everyCheckIsDocumented()
    {
        auto catalog = Catalog::load({QStringLiteral(TRIAD_TEMPLATES_DIR)});
        QVERIFY(catalog);
        for (const CheckLibrary &lib : catalog->libraries()) {
            for (const CheckDef &c : lib.checks) {
                const QString where = lib.id + QLatin1Char('/') + c.id;
                QVERIFY2(!c.description.isEmpty(), qPrintable(where + QStringLiteral(": description")));
                QVERIFY2(!c.rationale.isEmpty(), qPrintable(where + QStringLiteral(": rationale")));
                QVERIFY2(!c.remediation.summary.isEmpty(), qPrintable(where + QStringLiteral(": remediation")));
                QVERIFY2(!c.verification.steps.isEmpty() && !c.verification.expected.isEmpty(),
                         qPrintable(where + QStringLiteral(": manual verification")));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestShippedTemplates)
#include "tst_shipped_templates.moc"
