// Evaluator semantics: sources, missing data, conditions, predicates, subjects, tailoring.
#include "TestPrinters.h"

#include "eval/Evaluator.h"

#include <QTest>

using namespace triad;

namespace {

Observation value(const QVariant &v)
{
    return Observation{Observation::State::Value, v, {}, {}, {}};
}

Observation missing(const QVariant &facts = {})
{
    return Observation{Observation::State::Missing, facts, {}, {}, {}};
}

Observation broken(const QString &why)
{
    return Observation{Observation::State::Error, {}, why, {}, {}};
}

RuleDef rule(const QStringList &sources, const QStringList &select, Operator op, const QVariant &expected = {},
             OnMissing onMissing = OnMissing::Fail, Quantifier q = Quantifier::Whole)
{
    RuleDef r;
    r.sources = sources;
    r.select = select;
    r.assertion.op = op;
    r.assertion.value = expected;
    r.onMissing = onMissing;
    r.quantifier = q;
    return r;
}

PlannedCheck check(const QList<RuleDef> &rules, Condition condition = Condition::All)
{
    PlannedCheck p;
    p.check.id = QStringLiteral("t.check");
    p.check.rules = rules;
    p.check.condition = condition;
    return p;
}

CheckStatus statusOf(const PlannedCheck &p, const ObservationMap &obs)
{
    const QList<CheckResult> r = Evaluator::evaluate(p, obs);
    return r.size() == 1 ? r.first().status : CheckStatus::Manual;
}

QVariantMap kv(std::initializer_list<std::pair<QString, QVariant>> items)
{
    QVariantMap m;
    for (const auto &[k, v] : items)
        m.insert(k, v);
    return m;
}

const QString kEffective = QStringLiteral("lib/effective");
const QString kFile = QStringLiteral("lib/file");

} // namespace

class TestEvaluator final : public QObject {
    Q_OBJECT
private slots:
    void fromFirstPrefersTheFirstSourceWithAValue()
    {
        const PlannedCheck p = check({rule({kEffective, kFile}, {QStringLiteral("maxauthtries")}, Operator::Le, 4)});
        // Effective config wins over the file.
        QCOMPARE_WORDS(statusOf(p, {{kEffective, value(kv({{QStringLiteral("maxauthtries"), QStringLiteral("6")}}))},
                                    {kFile, value(kv({{QStringLiteral("maxauthtries"), QStringLiteral("3")}}))}}),
                       CheckStatus::Fail);
        // sshd -T produced nothing usable: the file decides.
        QCOMPARE_WORDS(statusOf(p, {{kEffective, value(QVariantMap())},
                                    {kFile, value(kv({{QStringLiteral("maxauthtries"), QStringLiteral("3")}}))}}),
                       CheckStatus::Pass);
        // The first source is in error but the second has the value: decided.
        QCOMPARE_WORDS(statusOf(p, {{kEffective, broken(QStringLiteral("needs root"))},
                                    {kFile, value(kv({{QStringLiteral("maxauthtries"), QStringLiteral("3")}}))}}),
                       CheckStatus::Pass);
        // An error and no value anywhere is an error, whatever on_missing says.
        QCOMPARE_WORDS(statusOf(p, {{kEffective, broken(QStringLiteral("needs root"))}, {kFile, value(QVariantMap())}}),
                       CheckStatus::Error);
        // A source that was never collected is an error too.
        QCOMPARE_WORDS(statusOf(p, {}), CheckStatus::Error);
    }

    void onMissingDecidesWhenNothingIsSet_data()
    {
        QTest::addColumn<int>("onMissing");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fail") << int(OnMissing::Fail) << QStringLiteral("fail");
        QTest::newRow("pass") << int(OnMissing::Pass) << QStringLiteral("pass");
        QTest::newRow("not_applicable") << int(OnMissing::NotApplicable) << QStringLiteral("not_applicable");
        QTest::newRow("error") << int(OnMissing::Error) << QStringLiteral("error");
    }

    void onMissingDecidesWhenNothingIsSet()
    {
        QFETCH(int, onMissing);
        QFETCH(QString, expected);
        const PlannedCheck p = check({rule({kFile}, {QStringLiteral("banner")}, Operator::Eq, QStringLiteral("x"), OnMissing(onMissing))});
        QCOMPARE(toString(statusOf(p, {{kFile, value(QVariantMap())}})), expected);
        QCOMPARE(toString(statusOf(p, {{kFile, missing()}})), expected);     // file absent
    }

    // A rule's default is judged like a written value, and the result says the default was used.
    void defaultIsJudgedAndNamed()
    {
        RuleDef r = rule({kFile, QStringLiteral("lib/conf")}, {QStringLiteral("remember")}, Operator::Ge, 24, OnMissing::Fail, Quantifier::All);
        r.defaultValue = qint64(10);
        const ObservationMap unset{{kFile, value(QVariantMap())}, {QStringLiteral("lib/conf"), missing()}};
        QList<CheckResult> res = Evaluator::evaluate(check({r}), unset);
        QCOMPARE_WORDS(res.first().status, CheckStatus::Fail);
        QCOMPARE(res.first().actual, QStringLiteral("10 (default: remember is not set)"));
        QVERIFY2(res.first().message.contains(QStringLiteral("default 10 applies")), qPrintable(res.first().message));
        r.assertion.value = 4;
        res = Evaluator::evaluate(check({r}), unset);
        QCOMPARE_WORDS(res.first().status, CheckStatus::Pass);
        QVERIFY(res.first().actual.contains(QStringLiteral("default")));
        // A value that is set wins over the default, whichever way it compares.
        res = Evaluator::evaluate(check({r}), {{kFile, value(kv({{QStringLiteral("remember"), 3}}))}});
        QCOMPARE_WORDS(res.first().status, CheckStatus::Fail);
        QCOMPARE(res.first().actual, QStringLiteral("[3]"));     // the offending elements
        QVERIFY(res.first().message.isEmpty());
        // Unknown stays unknown: a source in error is never replaced by the default.
        QCOMPARE_WORDS(statusOf(check({r}), {{kFile, value(QVariantMap())}, {QStringLiteral("lib/conf"), broken(QStringLiteral("denied"))}}),
                       CheckStatus::Error);
    }

    // A merged configuration names the file that set a value, and says what unset means there.
    void originsAndUnsetTextReachTheResult()
    {
        Observation merged = value(kv({{QStringLiteral("net.ipv4.ip_forward"), QStringLiteral("0")}}));
        merged.origins.insert(QStringLiteral("net.ipv4.ip_forward"), QStringLiteral("/etc/sysctl.d/60-net.conf:3"));
        merged.unsetText = QStringLiteral("not set in any sysctl configuration file");
        const QString key = QStringLiteral("lib/persisted");
        QList<CheckResult> res =
            Evaluator::evaluate(check({rule({key}, {QStringLiteral("net.ipv4.ip_forward")}, Operator::Eq, 0)}), {{key, merged}});
        QCOMPARE_WORDS(res.first().status, CheckStatus::Pass);
        QCOMPARE(res.first().actual, QStringLiteral("0 (set in /etc/sysctl.d/60-net.conf:3)"));
        res = Evaluator::evaluate(check({rule({key}, {QStringLiteral("kernel.randomize_va_space")}, Operator::Eq, 2)}), {{key, merged}});
        QCOMPARE_WORDS(res.first().status, CheckStatus::Fail);
        QCOMPARE(res.first().message, QStringLiteral("kernel.randomize_va_space is not set in any sysctl configuration file"));
    }

    void existsAndAbsentIgnoreOnMissing()
    {
        const PlannedCheck exists = check({rule({kFile}, {QStringLiteral("k")}, Operator::Exists, {}, OnMissing::Pass)});
        QCOMPARE_WORDS(statusOf(exists, {{kFile, value(QVariantMap())}}), CheckStatus::Fail);
        const PlannedCheck absent = check({rule({kFile}, {QStringLiteral("k")}, Operator::Absent, {}, OnMissing::Fail)});
        QCOMPARE_WORDS(statusOf(absent, {{kFile, missing()}}), CheckStatus::Pass);
        QCOMPARE_WORDS(statusOf(absent, {{kFile, broken(QStringLiteral("x"))}}), CheckStatus::Error);
    }

    void selectionIntoAMissingObservationSeesItsFacts()
    {
        const QString stat = QStringLiteral("lib/stat");
        const PlannedCheck p = check({rule({stat}, {QStringLiteral("exists")}, Operator::Eq, true, OnMissing::Pass)});
        QCOMPARE_WORDS(statusOf(p, {{stat, missing(kv({{QStringLiteral("exists"), false}}))}}), CheckStatus::Fail);
        QCOMPARE_WORDS(statusOf(p, {{stat, value(kv({{QStringLiteral("exists"), true}}))}}), CheckStatus::Pass);
    }

    void quantifiers()
    {
        const QString users = QStringLiteral("lib/users");
        auto q = [&](Quantifier quantifier, const QVariant &v) {
            return statusOf(check({rule({users}, {}, Operator::Eq, QStringLiteral("root"), OnMissing::Fail, quantifier)}),
                            {{users, value(v)}});
        };
        const QStringList onlyRoot{QStringLiteral("root")};
        const QStringList two{QStringLiteral("root"), QStringLiteral("toor")};
        QCOMPARE_WORDS(q(Quantifier::All, onlyRoot), CheckStatus::Pass);
        QCOMPARE_WORDS(q(Quantifier::All, two), CheckStatus::Fail);
        QCOMPARE_WORDS(q(Quantifier::All, QStringList()), CheckStatus::Pass);
        QCOMPARE_WORDS(q(Quantifier::Any, two), CheckStatus::Pass);
        QCOMPARE_WORDS(q(Quantifier::Any, QStringList()), CheckStatus::Fail);
        QCOMPARE_WORDS(q(Quantifier::None, two), CheckStatus::Fail);
        QCOMPARE_WORDS(q(Quantifier::None, QStringList{QStringLiteral("toor")}), CheckStatus::Pass);
        QCOMPARE_WORDS(q(Quantifier::None, QStringList()), CheckStatus::Pass);
        QCOMPARE_WORDS(q(Quantifier::All, QStringLiteral("root")), CheckStatus::Pass);   // a single value is a list of one
        // The failing elements are what the result shows.
        const QList<CheckResult> r = Evaluator::evaluate(
            check({rule({users}, {}, Operator::Eq, QStringLiteral("root"), OnMissing::Fail, Quantifier::All)}), {{users, value(two)}});
        QCOMPARE(r.first().actual, QStringLiteral("[toor]"));
    }

    void conditionsCombineRules()
    {
        const QString a = QStringLiteral("lib/a");
        const RuleDef pass = rule({a}, {QStringLiteral("x")}, Operator::Eq, 1);
        const RuleDef fail = rule({a}, {QStringLiteral("x")}, Operator::Eq, 2);
        const RuleDef error = rule({QStringLiteral("lib/none")}, {QStringLiteral("x")}, Operator::Eq, 1);
        const RuleDef na = rule({a}, {QStringLiteral("unset")}, Operator::Eq, 1, OnMissing::NotApplicable);
        const ObservationMap obs{{a, value(kv({{QStringLiteral("x"), 1}}))}};
        QCOMPARE_WORDS(statusOf(check({pass, pass}), obs), CheckStatus::Pass);
        QCOMPARE_WORDS(statusOf(check({pass, fail, error}), obs), CheckStatus::Fail);
        QCOMPARE_WORDS(statusOf(check({pass, error}), obs), CheckStatus::Error);
        QCOMPARE_WORDS(statusOf(check({pass, na}), obs), CheckStatus::NotApplicable);
        QCOMPARE_WORDS(statusOf(check({fail, pass}, Condition::Any), obs), CheckStatus::Pass);
        QCOMPARE_WORDS(statusOf(check({fail, error}, Condition::Any), obs), CheckStatus::Error);
        QCOMPARE_WORDS(statusOf(check({fail, fail}, Condition::Any), obs), CheckStatus::Fail);
        QCOMPARE_WORDS(statusOf(check({fail, fail}, Condition::None), obs), CheckStatus::Pass);
        QCOMPARE_WORDS(statusOf(check({fail, pass}, Condition::None), obs), CheckStatus::Fail);
        QCOMPARE_WORDS(statusOf(check({fail, error}, Condition::None), obs), CheckStatus::Error);
    }

    void appliesWhen()
    {
        const QString os = QStringLiteral("lib/os");
        PlannedCheck p = check({rule({kFile}, {QStringLiteral("k")}, Operator::Eq, 1)});
        PredicateDef debian;
        debian.id = QStringLiteral("is_debian");
        debian.rules = {rule({os}, {QStringLiteral("ID")}, Operator::Eq, QStringLiteral("debian"))};
        p.appliesWhen = {debian};
        const ObservationMap onDebian{{os, value(kv({{QStringLiteral("ID"), QStringLiteral("debian")}}))},
                                      {kFile, value(kv({{QStringLiteral("k"), 1}}))}};
        QCOMPARE_WORDS(statusOf(p, onDebian), CheckStatus::Pass);
        const QList<CheckResult> rhel = Evaluator::evaluate(p, {{os, value(kv({{QStringLiteral("ID"), QStringLiteral("rhel")}}))}});
        QCOMPARE_WORDS(rhel.first().status, CheckStatus::NotApplicable);
        QVERIFY(rhel.first().message.contains(QStringLiteral("is_debian")));
        QCOMPARE_WORDS(statusOf(p, {{os, broken(QStringLiteral("unreadable"))}}), CheckStatus::Error);
    }

    void subjectsGiveOneResultEach()
    {
        const QString files = QStringLiteral("lib/suid");
        PlannedCheck p = check({rule({}, {QStringLiteral("path")}, Operator::In,
                                     QVariantList{QStringLiteral("/usr/bin/passwd"), QStringLiteral("/usr/bin/sudo")})});
        SubjectsDef s;
        s.from = files;
        s.select = {QStringLiteral("files")};
        s.nameField = {QStringLiteral("path")};
        p.check.subjects = s;
        const QVariantList list{kv({{QStringLiteral("path"), QStringLiteral("/usr/bin/passwd")}}),
                                kv({{QStringLiteral("path"), QStringLiteral("/tmp/evil")}}),
                                kv({{QStringLiteral("path"), QStringLiteral("/usr/bin/sudo")}})};
        const QList<CheckResult> r = Evaluator::evaluate(p, {{files, value(kv({{QStringLiteral("files"), list}}))}});
        QCOMPARE(r.size(), 3);
        QCOMPARE(r.at(0).subject, QStringLiteral("/usr/bin/passwd"));
        QCOMPARE_WORDS(r.at(0).status, CheckStatus::Pass);
        QCOMPARE(r.at(1).subject, QStringLiteral("/tmp/evil"));
        QCOMPARE_WORDS(r.at(1).status, CheckStatus::Fail);
        QCOMPARE_WORDS(r.at(2).status, CheckStatus::Pass);

        const QList<CheckResult> none = Evaluator::evaluate(p, {{files, value(kv({{QStringLiteral("files"), QVariantList()}}))}});
        QCOMPARE(none.size(), 1);
        QCOMPARE_WORDS(none.first().status, CheckStatus::Pass);
        QVERIFY(none.first().subject.isEmpty());
        QCOMPARE_WORDS(Evaluator::evaluate(p, {{files, broken(QStringLiteral("walk failed"))}}).first().status, CheckStatus::Error);
    }

    // value_from: each SUID program found by the walk must be among the paths audit rules watch.
    void valueFromComparesTwoCollectors()
    {
        const QString walk = QStringLiteral("lib/walk");
        const QString watched = QStringLiteral("lib/watched");
        RuleDef r = rule({}, {QStringLiteral("path")}, Operator::In);
        r.assertion.valueFrom = {watched};
        PlannedCheck p = check({r});
        SubjectsDef s;
        s.from = walk;
        s.select = {QStringLiteral("suid")};
        s.nameField = {QStringLiteral("path")};
        p.check.subjects = s;
        const Observation found = value(kv({{QStringLiteral("suid"), QVariantList{kv({{QStringLiteral("path"), QStringLiteral("/usr/bin/su")}}),
                                                                                 kv({{QStringLiteral("path"), QStringLiteral("/usr/bin/mount")}})}}}));
        const QList<CheckResult> results =
            Evaluator::evaluate(p, {{walk, found}, {watched, value(QVariantList{QStringLiteral("/usr/bin/su")})}});
        QCOMPARE(results.size(), 2);
        QCOMPARE_WORDS(results.at(0).status, CheckStatus::Pass);
        QCOMPARE_WORDS(results.at(1).status, CheckStatus::Fail);
        QVERIFY(results.at(0).collectorKeys.contains(watched));
        // No rule loaded at all: nothing is watched, every program fails.
        for (const CheckResult &c : Evaluator::evaluate(p, {{walk, found}, {watched, missing()}}))
            QCOMPARE_WORDS(c.status, CheckStatus::Fail);
        // The expected side could not be collected: error, never a verdict.
        for (const CheckResult &c : Evaluator::evaluate(p, {{walk, found}, {watched, broken(QStringLiteral("auditctl: permission denied"))}}))
            QCOMPARE_WORDS(c.status, CheckStatus::Error);
    }

    void disabledByTailoring()
    {
        PlannedCheck p = check({rule({kFile}, {QStringLiteral("k")}, Operator::Eq, 1)});
        p.disabled = true;
        p.disabledReason = QStringLiteral("Covered by EDR (SEC-42)");
        const QList<CheckResult> r = Evaluator::evaluate(p, {});
        QCOMPARE_WORDS(r.first().status, CheckStatus::NotApplicable);
        QCOMPARE(r.first().message, QStringLiteral("Disabled by tailoring: Covered by EDR (SEC-42)"));
    }

    void expectedAndActualTexts()
    {
        const PlannedCheck p = check({rule({kEffective, kFile}, {QStringLiteral("maxauthtries")}, Operator::Le, 4),
                                      rule({kEffective}, {QStringLiteral("usepam")}, Operator::Eq, QStringLiteral("yes"))});
        const QList<CheckResult> r = Evaluator::evaluate(
            p, {{kEffective, value(kv({{QStringLiteral("maxauthtries"), QStringLiteral("6")}, {QStringLiteral("usepam"), QStringLiteral("yes")}}))}});
        QCOMPARE_WORDS(r.first().status, CheckStatus::Fail);
        QCOMPARE(r.first().expected, QStringLiteral("maxauthtries <= 4"));   // only the failing rule
        QCOMPARE(r.first().actual, QStringLiteral("6"));
        QCOMPARE(r.first().collectorKeys, (QStringList{kEffective, kFile}));
    }
};

QTEST_GUILESS_MAIN(TestEvaluator)
#include "tst_evaluator.moc"
