// Every operator, type and quantifier of the assertion language.
#include "eval/ValueCompare.h"

#include <QTest>

using namespace triad;

namespace {

bool passes(Operator op, const QVariant &expected, const QVariant &actual, ValueType type = ValueType::Auto, bool ignoreCase = false)
{
    AssertDef def;
    def.op = op;
    def.value = expected;
    def.type = type;
    def.ignoreCase = ignoreCase;
    const AssertOutcome r = Assertion(def).test(actual);
    if (r.isError())
        qWarning() << r.error;
    return !r.isError() && r.passed;
}

QVariantList list(std::initializer_list<QVariant> items)
{
    return QVariantList(items);
}

} // namespace

class TestOperators final : public QObject {
    Q_OBJECT
private slots:
    void existsAndAbsent()
    {
        QVERIFY(passes(Operator::Exists, {}, QStringLiteral("x")));
        QVERIFY(passes(Operator::Exists, {}, QString(QLatin1String(""))));   // set to nothing is still set
        QVERIFY(!passes(Operator::Exists, {}, QVariant()));
        QVERIFY(passes(Operator::Absent, {}, QVariant()));
        QVERIFY(!passes(Operator::Absent, {}, QStringLiteral("x")));
    }

    void eqNeAuto()
    {
        QVERIFY(passes(Operator::Eq, 4, QStringLiteral("4")));
        QVERIFY(passes(Operator::Eq, 4, QStringLiteral(" 4 ")));
        QVERIFY(passes(Operator::Eq, QStringLiteral("no"), QStringLiteral("no")));
        QVERIFY(!passes(Operator::Eq, QStringLiteral("no"), QStringLiteral("No")));
        QVERIFY(passes(Operator::Eq, QStringLiteral("no"), QStringLiteral("No"), ValueType::Auto, true));
        QVERIFY(passes(Operator::Ne, QStringLiteral("yes"), QStringLiteral("no")));
        QVERIFY(!passes(Operator::Ne, 2, QStringLiteral("2")));
        QVERIFY(passes(Operator::Eq, true, QStringLiteral("yes")));
        QVERIFY(passes(Operator::Eq, false, QStringLiteral("0")));
        QVERIFY(!passes(Operator::Eq, true, QStringLiteral("maybe")));
    }

    void eqTyped()
    {
        QVERIFY(passes(Operator::Eq, QStringLiteral("007"), QStringLiteral("7"), ValueType::Int));
        QVERIFY(!passes(Operator::Eq, QStringLiteral("7"), QStringLiteral("7.0"), ValueType::Int));
        QVERIFY(passes(Operator::Eq, QStringLiteral("007"), QStringLiteral("007"), ValueType::String));
        QVERIFY(!passes(Operator::Eq, QStringLiteral("007"), QStringLiteral("7"), ValueType::String));
        QVERIFY(passes(Operator::Eq, QStringLiteral("on"), QStringLiteral("true"), ValueType::Bool));
        QVERIFY(passes(Operator::Eq, QStringLiteral("0644"), QStringLiteral("644"), ValueType::Mode));
        QVERIFY(passes(Operator::Eq, QStringLiteral("1.2.0"), QStringLiteral("1.2"), ValueType::Version));
    }

    void ordering()
    {
        QVERIFY(passes(Operator::Le, 4, QStringLiteral("4")));
        QVERIFY(!passes(Operator::Lt, 4, QStringLiteral("4")));
        QVERIFY(passes(Operator::Lt, 4, QStringLiteral("3")));
        QVERIFY(passes(Operator::Ge, 1, QStringLiteral("1")));
        QVERIFY(passes(Operator::Gt, 0, QStringLiteral("300")));
        QVERIFY(!passes(Operator::Gt, 0, QStringLiteral("-1")));
        QVERIFY(!passes(Operator::Le, 4, QStringLiteral("unlimited")));    // not a number: fails, never passes
        QVERIFY(passes(Operator::Gt, QStringLiteral("1.9"), QStringLiteral("1.10.2"), ValueType::Version));
        QVERIFY(passes(Operator::Lt, QStringLiteral("9.3p1"), QStringLiteral("9.2p1"), ValueType::Version));
        QVERIFY(passes(Operator::Ge, QStringLiteral("1:9.2p1-2"), QStringLiteral("1:9.2p1-2+deb12u3"), ValueType::Version));
        AssertDef badExpected;
        badExpected.op = Operator::Le;
        badExpected.value = QStringLiteral("four");
        QVERIFY(Assertion(badExpected).test(QStringLiteral("3")).isError());
    }

    void regex()
    {
        QVERIFY(passes(Operator::Regex, QStringLiteral("^/"), QStringLiteral("/etc/issue.net")));
        QVERIFY(!passes(Operator::Regex, QStringLiteral("^/"), QStringLiteral("none")));
        QVERIFY(passes(Operator::Regex, QStringLiteral("sha512"), QStringLiteral("SHA512"), ValueType::Auto, true));
        QVERIFY(passes(Operator::NotRegex, QStringLiteral("^(md5|des)$"), QStringLiteral("yescrypt")));
        QVERIFY(!passes(Operator::NotRegex, QStringLiteral("des"), QStringLiteral("des")));
        AssertDef broken;
        broken.op = Operator::Regex;
        broken.value = QStringLiteral("([");
        const AssertOutcome r = Assertion(broken).test(QStringLiteral("x"));
        QVERIFY(r.isError());
        QVERIFY(r.error.contains(QStringLiteral("invalid regular expression")));
    }

    void membership()
    {
        const QVariantList levels = list({QStringLiteral("INFO"), QStringLiteral("VERBOSE")});
        QVERIFY(passes(Operator::In, levels, QStringLiteral("INFO")));
        QVERIFY(!passes(Operator::In, levels, QStringLiteral("info")));
        QVERIFY(passes(Operator::In, levels, QStringLiteral("info"), ValueType::Auto, true));
        QVERIFY(passes(Operator::NotIn, levels, QStringLiteral("DEBUG3")));
        QVERIFY(passes(Operator::In, list({1, 2}), QStringLiteral("2")));
        QVERIFY(!passes(Operator::In, QVariantList{}, QStringLiteral("2")));
    }

    void contains()
    {
        QVERIFY(passes(Operator::Contains, QStringLiteral("wheel"), QStringList{QStringLiteral("adm"), QStringLiteral("wheel")}));
        QVERIFY(!passes(Operator::Contains, QStringLiteral("whe"), QStringList{QStringLiteral("wheel")}));   // list: whole elements
        QVERIFY(passes(Operator::Contains, QStringLiteral("nodev"), QStringLiteral("rw,nosuid,nodev,noexec")));   // text: substring
        QVERIFY(passes(Operator::NotContains, QStringLiteral("exec"), QStringList{QStringLiteral("noexec")}));
        QVERIFY(!passes(Operator::NotContains, QStringLiteral("noexec"), QStringLiteral("rw,noexec")));
    }

    void subsetOf()
    {
        const QVariantList allowed = list({QStringLiteral("aes256-ctr"), QStringLiteral("aes128-ctr"), QStringLiteral("chacha20-poly1305@openssh.com")});
        QVERIFY(passes(Operator::SubsetOf, allowed, QStringLiteral("aes256-ctr,chacha20-poly1305@openssh.com")));
        QVERIFY(!passes(Operator::SubsetOf, allowed, QStringLiteral("aes256-ctr,3des-cbc")));
        QVERIFY(passes(Operator::SubsetOf, allowed, QStringList{QStringLiteral("aes128-ctr")}));
        QVERIFY(passes(Operator::SubsetOf, allowed, QStringList{}));
    }

    void modeMax()
    {
        QVERIFY(passes(Operator::ModeMax, QStringLiteral("0644"), QStringLiteral("0644")));
        QVERIFY(passes(Operator::ModeMax, QStringLiteral("0644"), QStringLiteral("0600")));
        QVERIFY(passes(Operator::ModeMax, QStringLiteral("0644"), QStringLiteral("0444")));
        QVERIFY(!passes(Operator::ModeMax, QStringLiteral("0644"), QStringLiteral("0664")));
        QVERIFY(!passes(Operator::ModeMax, QStringLiteral("0644"), QStringLiteral("0655")));   // 0655 is not "less" than 0644
        QVERIFY(!passes(Operator::ModeMax, QStringLiteral("0640"), QStringLiteral("4640")));   // setuid is a bit too
        QVERIFY(passes(Operator::ModeMax, QStringLiteral("1777"), QStringLiteral("1777")));
        QVERIFY(passes(Operator::ModeMax, 600, QStringLiteral("600")));                         // YAML integer read as octal digits
        QVERIFY(!passes(Operator::ModeMax, QStringLiteral("0600"), QStringLiteral("rw-r--r--")));
    }

    void describing()
    {
        AssertDef def;
        def.op = Operator::ModeMax;
        def.value = QStringLiteral("600");
        QCOMPARE(Assertion(def).describe(), QStringLiteral("is at most 0600"));
        def.op = Operator::In;
        def.value = list({QStringLiteral("a"), QStringLiteral("b")});
        QCOMPARE(Assertion(def).describe(), QStringLiteral("is one of [a, b]"));
        QVariantList many;
        for (int i = 0; i < 15; ++i)
            many << i;
        QCOMPARE(describeValue(many), QStringLiteral("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, … (5 more)]"));
        QCOMPARE(describeValue(QVariant()), QStringLiteral("(not set)"));
        QCOMPARE(describeValue(QString(QLatin1String(""))), QStringLiteral("(empty)"));
    }
};

QTEST_GUILESS_MAIN(TestOperators)
#include "tst_operators.moc"
