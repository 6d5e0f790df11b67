// The rule for requirements with a manual part: checks decide the automated status and the
// percentages; the requirement is met only once its manual part is attested as passed.
#include "lifecycle/RequirementVerdict.h"

#include <QTest>

using namespace triad;

namespace {

RequirementDef requirement(const QString &id, const QStringList &checks, bool withManual)
{
    RequirementDef r;
    r.id = id;
    r.checks = checks;
    if (withManual)
        r.manual = ManualDef{QStringLiteral("the policy"), QStringLiteral("it is approved")};
    return r;
}

} // namespace

class TestRequirementVerdict final : public QObject {
    Q_OBJECT
private slots:
    void mixedRequirementWithPassingChecksWaitsForEvidence()
    {
        const RequirementVerdict v = requirementVerdict(QStringLiteral("pass"), ManualPart::NotAttested);
        QCOMPARE(v.automated, QStringLiteral("pass"));
        QCOMPARE(v.status, QStringLiteral("manual"));
        QVERIFY(!v.met);
        QCOMPARE(requirementStatusText(v), QStringLiteral("Checks pass \u00b7 manual evidence outstanding"));
    }

    void mixedRequirementIsMetOnlyOnceAttestedAsPassed()
    {
        const RequirementVerdict v = requirementVerdict(QStringLiteral("pass"), ManualPart::AttestedPass);
        QCOMPARE(v.status, QStringLiteral("pass"));
        QVERIFY(v.met);
        QCOMPARE(requirementStatusText(v), QStringLiteral("Checks pass \u00b7 manual evidence attested as passed"));

        const RequirementVerdict waived = requirementVerdict(QStringLiteral("waived"), ManualPart::AttestedPass);
        QCOMPARE(waived.status, QStringLiteral("waived"));
        QVERIFY(waived.met);
    }

    void failedAttestationFailsTheRequirement()
    {
        const RequirementVerdict v = requirementVerdict(QStringLiteral("pass"), ManualPart::AttestedFail);
        QCOMPARE(v.status, QStringLiteral("fail"));
        QVERIFY(!v.met);
        QCOMPARE(requirementStatusText(v), QStringLiteral("Checks pass \u00b7 manual evidence attested as failed"));
    }

    void failingOrUnknownChecksAreNotMadeUpByAnAttestation()
    {
        QCOMPARE(requirementVerdict(QStringLiteral("fail"), ManualPart::AttestedPass).status, QStringLiteral("fail"));
        QCOMPARE(requirementVerdict(QStringLiteral("fail"), ManualPart::NotAttested).status, QStringLiteral("fail"));
        QCOMPARE(requirementVerdict(QStringLiteral("error"), ManualPart::AttestedPass).status, QStringLiteral("error"));
        QCOMPARE(requirementVerdict(QStringLiteral("error"), ManualPart::AttestedFail).status, QStringLiteral("fail"));
        QCOMPARE(requirementVerdict(QStringLiteral("not_assessed"), ManualPart::AttestedPass).status, QStringLiteral("not_assessed"));
        QVERIFY(!requirementVerdict(QStringLiteral("error"), ManualPart::AttestedPass).met);
        // Nothing automated applied: the attested manual part decides.
        QCOMPARE(requirementVerdict(QStringLiteral("not_applicable"), ManualPart::AttestedPass).status, QStringLiteral("pass"));
        QCOMPARE(requirementVerdict(QStringLiteral("not_applicable"), ManualPart::NotAttested).status, QStringLiteral("manual"));
    }

    void checksOnlyAndManualOnlyKeepTheirStatus()
    {
        for (const char *word : {"pass", "fail", "error", "waived", "not_applicable", "not_assessed"}) {
            const RequirementVerdict v = requirementVerdict(QString::fromLatin1(word), ManualPart::None);
            QCOMPARE(v.status, QString::fromLatin1(word));
            QCOMPARE(v.met, qstrcmp(word, "pass") == 0 || qstrcmp(word, "waived") == 0);
        }
        QCOMPARE(requirementVerdict({}, ManualPart::NotAttested).status, QStringLiteral("manual"));
        QCOMPARE(requirementVerdict({}, ManualPart::AttestedPass).status, QStringLiteral("pass"));
        QCOMPARE(requirementVerdict({}, ManualPart::AttestedFail).status, QStringLiteral("fail"));
        QCOMPARE(requirementStatusText(requirementVerdict({}, ManualPart::NotAttested)), QStringLiteral("Manual evidence outstanding"));
        QCOMPARE(requirementStatusText(requirementVerdict(QStringLiteral("pass"), ManualPart::None)), QStringLiteral("Checks pass"));
    }

    void manualPartFollowsTheNewestAttestation()
    {
        const RequirementDef checksOnly = requirement(QStringLiteral("8.3.6"), {QStringLiteral("a")}, false);
        const RequirementDef mixed = requirement(QStringLiteral("8.2.8"), {QStringLiteral("a")}, true);
        const RequirementDef manualOnly = requirement(QStringLiteral("12.1"), {}, true);
        QCOMPARE(manualPartOf(checksOnly, CheckStatus::Pass), ManualPart::None);
        QCOMPARE(manualPartOf(mixed, std::nullopt), ManualPart::NotAttested);
        QCOMPARE(manualPartOf(mixed, CheckStatus::Pass), ManualPart::AttestedPass);
        QCOMPARE(manualPartOf(mixed, CheckStatus::Fail), ManualPart::AttestedFail);
        QCOMPARE(manualPartOf(manualOnly, std::nullopt), ManualPart::NotAttested);
        QCOMPARE(manualPartWord(ManualPart::NotAttested), QStringLiteral("not_attested"));
        QVERIFY(manualPartWord(ManualPart::None).isEmpty());
    }

    void manualTallyCountsMixedAndManualOnlyTogether()
    {
        const QList<RequirementDef> reqs{
            requirement(QStringLiteral("1"), {QStringLiteral("a")}, false),     // checks only: not counted
            requirement(QStringLiteral("2"), {QStringLiteral("a")}, true),      // mixed, outstanding
            requirement(QStringLiteral("3"), {QStringLiteral("b")}, true),      // mixed, attested pass
            requirement(QStringLiteral("4"), {QStringLiteral("b")}, true),      // mixed, attested fail
            requirement(QStringLiteral("5"), {}, true),                         // manual, outstanding
            requirement(QStringLiteral("6"), {}, true),                         // manual, attested pass
        };
        const QHash<QString, CheckStatus> newest{{QStringLiteral("1"), CheckStatus::Pass},
                                                 {QStringLiteral("3"), CheckStatus::Pass},
                                                 {QStringLiteral("4"), CheckStatus::Fail},
                                                 {QStringLiteral("6"), CheckStatus::Pass}};
        Score s;
        s.passed = 7;
        s.percent = 50.0;
        tallyManualParts(s, reqs, newest);
        QCOMPARE(s.manualNotAttested, 2);
        QCOMPARE(s.manualAttestedPass, 2);
        QCOMPARE(s.manualAttestedFail, 1);
        QCOMPARE(s.mixedManualNotAttested, 1);
        QCOMPARE(s.mixedManualAttestedPass, 1);
        QCOMPARE(s.mixedManualAttestedFail, 1);
        // The scan's figures are left as they were.
        QCOMPARE(s.passed, 7);
        QCOMPARE(*s.percent, 50.0);
    }

    void mixedRequirementScoresByItsChecksAlone()
    {
        // The percentages are the scan's: a mixed requirement with passing checks counts as passed.
        const Score s = computeScore({requirement(QStringLiteral("2"), {QStringLiteral("a")}, true)},
                                     {ScoredResult{QStringLiteral("h"), QStringLiteral("a"), CheckStatus::Pass, Severity::High}});
        QCOMPARE(s.passed, 1);
        QCOMPARE(s.manual, 0);
        QCOMPARE(*s.percent, 100.0);
    }
};

QTEST_GUILESS_MAIN(TestRequirementVerdict)
#include "tst_requirement_verdict.moc"
