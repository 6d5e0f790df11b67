#include "lifecycle/Scoring.h"

#include <QTest>

using namespace triad;

namespace {

RequirementDef requirement(const QString &id, const QStringList &checks)
{
    RequirementDef r;
    r.id = id;
    r.checks = checks;
    if (checks.isEmpty())
        r.manual = ManualDef{QStringLiteral("policy"), QStringLiteral("approved")};
    return r;
}

ScoredResult result(const QString &asset, const QString &check, CheckStatus status,
                    Severity severity = Severity::Medium)
{
    return ScoredResult{asset, check, status, severity};
}

} // namespace

class TestScoring final : public QObject {
    Q_OBJECT
private slots:
    void nothingEvaluatedHasNoPercent()
    {
        const Score s = computeScore({requirement(QStringLiteral("1"), {QStringLiteral("a")})}, {});
        QCOMPARE(s.passed + s.failed, 0);
        QVERIFY(!s.percent.has_value());
        QVERIFY(!s.weightedPercent.has_value());

        const Score onlyErrors = computeScore({requirement(QStringLiteral("1"), {QStringLiteral("a")})},
                                              {result(QStringLiteral("h"), QStringLiteral("a"), CheckStatus::Error)});
        QCOMPARE(onlyErrors.errors, 1);
        QVERIFY(!onlyErrors.percent.has_value());
    }

    void requirementFailsWhenAnyCheckFails()
    {
        const QList<RequirementDef> reqs{requirement(QStringLiteral("5.1.16"), {QStringLiteral("a"), QStringLiteral("b")}),
                                         requirement(QStringLiteral("7.1.1"), {QStringLiteral("c")}),
                                         requirement(QStringLiteral("12.1.1"), {})};
        const QList<ScoredResult> results{
            result(QStringLiteral("h1"), QStringLiteral("a"), CheckStatus::Pass),
            result(QStringLiteral("h1"), QStringLiteral("b"), CheckStatus::Fail),
            result(QStringLiteral("h1"), QStringLiteral("c"), CheckStatus::Pass),
            result(QStringLiteral("h2"), QStringLiteral("a"), CheckStatus::Pass),
            result(QStringLiteral("h2"), QStringLiteral("b"), CheckStatus::Error),
            result(QStringLiteral("h2"), QStringLiteral("c"), CheckStatus::NotApplicable),
        };
        const Score s = computeScore(reqs, results);
        QCOMPARE(s.passed, 1);        // 7.1.1 on h1
        QCOMPARE(s.failed, 1);        // 5.1.16 on h1
        QCOMPARE(s.errors, 1);        // 5.1.16 on h2: an error is never a pass
        QCOMPARE(s.notApplicable, 1); // 7.1.1 on h2
        QCOMPARE(s.manual, 2);        // 12.1.1 on both hosts
        QVERIFY(s.percent.has_value());
        QCOMPARE(*s.percent, 50.0);
    }

    void severityWeighting()
    {
        const QList<RequirementDef> reqs{requirement(QStringLiteral("r1"), {QStringLiteral("crit")}),
                                         requirement(QStringLiteral("r2"), {QStringLiteral("low")})};
        const Score s = computeScore(reqs, {result(QStringLiteral("h"), QStringLiteral("crit"), CheckStatus::Pass, Severity::Critical),
                                            result(QStringLiteral("h"), QStringLiteral("low"), CheckStatus::Fail, Severity::Low)});
        QCOMPARE(*s.percent, 50.0);
        QCOMPARE(*s.weightedPercent, 100.0 * 10 / 11);
    }

    void waivedCountsAsPassedAndSubjectsFold()
    {
        const QList<RequirementDef> reqs{requirement(QStringLiteral("r"), {QStringLiteral("suid")})};
        const Score s = computeScore(reqs, {result(QStringLiteral("h"), QStringLiteral("suid"), CheckStatus::Pass),
                                            result(QStringLiteral("h"), QStringLiteral("suid"), CheckStatus::Waived)});
        QCOMPARE(s.passed, 1);
        const Score f = computeScore(reqs, {result(QStringLiteral("h"), QStringLiteral("suid"), CheckStatus::Pass),
                                            result(QStringLiteral("h"), QStringLiteral("suid"), CheckStatus::Fail)});
        QCOMPARE(f.failed, 1);
    }

    void libraryWithoutRequirementsScoresChecks()
    {
        const Score s = computeScore({}, {result(QStringLiteral("h"), QStringLiteral("a"), CheckStatus::Pass),
                                          result(QStringLiteral("h"), QStringLiteral("b"), CheckStatus::Fail),
                                          result(QStringLiteral("h"), QStringLiteral("c"), CheckStatus::Pass)});
        QCOMPARE(s.passed, 2);
        QCOMPARE(s.failed, 1);
    }
};

QTEST_GUILESS_MAIN(TestScoring)
#include "tst_scoring.moc"
