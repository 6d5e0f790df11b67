// The lifecycle rules of DESIGN.md §4, transition by transition, without a database.
#include "lifecycle/IssueRules.h"

#include <QTest>

using namespace triad;

namespace {

TrackedResult res(const QString &check, CheckStatus s, const QString &subject = {}, qint64 waiver = 0)
{
    return TrackedResult{check, subject, s, waiver};
}

TrackedIssue issue(qint64 id, const QString &check, IssueState state, const QString &subject = {}, qint64 waiver = 0)
{
    return TrackedIssue{id, check, subject, state, waiver};
}

QStringList events(const IssueChange &c)
{
    QStringList out;
    for (IssueEvent e : c.events)
        out << toString(e);
    return out;
}

} // namespace

class TestIssueRules final : public QObject {
    Q_OBJECT
private slots:
    void failOpensANewIssue()
    {
        const auto changes = planIssueChanges({}, {res(QStringLiteral("a"), CheckStatus::Fail)});
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].issueId, 0);
        QCOMPARE(toString(changes[0].newState), toString(IssueState::Open));
        QVERIFY(changes[0].seen);
        QCOMPARE(events(changes[0]), QStringList{QStringLiteral("opened")});
    }

    void failOnOpenIssueIsStillOpenWithoutEvent()
    {
        const auto changes = planIssueChanges({issue(7, QStringLiteral("a"), IssueState::Open)}, {res(QStringLiteral("a"), CheckStatus::Fail)});
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0].issueId, 7);
        QVERIFY(changes[0].seen);
        QCOMPARE(changes[0].regressionsAdded, 0);
        QVERIFY(changes[0].events.isEmpty());
    }

    void passFixesAnOpenIssue()
    {
        const auto changes = planIssueChanges({issue(7, QStringLiteral("a"), IssueState::Open)}, {res(QStringLiteral("a"), CheckStatus::Pass)});
        QCOMPARE(changes.size(), 1);
        QCOMPARE(toString(changes[0].newState), toString(IssueState::Fixed));
        QCOMPARE(events(changes[0]), QStringList{QStringLiteral("fixed")});
    }

    void failOnFixedIssueRegresses()
    {
        const auto changes = planIssueChanges({issue(7, QStringLiteral("a"), IssueState::Fixed)}, {res(QStringLiteral("a"), CheckStatus::Fail)});
        QCOMPARE(changes.size(), 1);
        QCOMPARE(toString(changes[0].newState), toString(IssueState::Open));
        QCOMPARE(changes[0].regressionsAdded, 1);
        QCOMPARE(events(changes[0]), QStringList{QStringLiteral("regressed")});
    }

    void unknownIsNeverFixed_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("error") << int(CheckStatus::Error);
        QTest::newRow("not applicable") << int(CheckStatus::NotApplicable);
        QTest::newRow("manual") << int(CheckStatus::Manual);
    }

    void unknownIsNeverFixed()
    {
        QFETCH(int, status);
        const QList<TrackedIssue> open{issue(7, QStringLiteral("a"), IssueState::Open)};
        QVERIFY(planIssueChanges(open, {res(QStringLiteral("a"), CheckStatus(status))}).isEmpty());
        // Nor by a check that is not in this run at all.
        QVERIFY(planIssueChanges(open, {res(QStringLiteral("other"), CheckStatus::Pass)}).isEmpty());
        // Nor a fixed issue reopened by an error.
        QVERIFY(planIssueChanges({issue(8, QStringLiteral("a"), IssueState::Fixed)}, {res(QStringLiteral("a"), CheckStatus(status))}).isEmpty());
    }

    void subjectsAreTheirOwnIssues()
    {
        const QString c = QStringLiteral("files.suid");
        const QList<TrackedIssue> open{issue(1, c, IssueState::Open, QStringLiteral("/tmp/x")),
                                       issue(2, c, IssueState::Open, QStringLiteral("/tmp/y")),
                                       issue(3, c, IssueState::Open, QStringLiteral("/tmp/z"))};
        // x still fails, y is gone (the check was evaluated), z errored, w is new.
        const auto changes = planIssueChanges(open, {res(c, CheckStatus::Fail, QStringLiteral("/tmp/x")),
                                                     res(c, CheckStatus::Error, QStringLiteral("/tmp/z")),
                                                     res(c, CheckStatus::Fail, QStringLiteral("/tmp/w"))});
        QHash<QString, IssueChange> bySubject;
        for (const IssueChange &ch : changes)
            bySubject.insert(ch.subject, ch);
        QCOMPARE(bySubject.size(), 3);
        QVERIFY(bySubject[QStringLiteral("/tmp/x")].events.isEmpty());
        QCOMPARE(toString(bySubject[QStringLiteral("/tmp/y")].newState), toString(IssueState::Fixed));
        QVERIFY(!bySubject.contains(QStringLiteral("/tmp/z")));
        QCOMPARE(bySubject[QStringLiteral("/tmp/w")].issueId, 0);

        // The whole list gone: the check passes with no subject, every open subject is fixed.
        const auto allGone = planIssueChanges(open, {res(c, CheckStatus::Pass)});
        QCOMPARE(allGone.size(), 3);
        for (const IssueChange &ch : allGone)
            QCOMPARE(toString(ch.newState), toString(IssueState::Fixed));
        // A check that only errored fixes nothing.
        QVERIFY(planIssueChanges(open, {res(c, CheckStatus::Error)}).isEmpty());
    }

    void waiversAddEventsButNeverChangeState()
    {
        const QString a = QStringLiteral("a");
        auto opened = planIssueChanges({}, {res(a, CheckStatus::Fail, {}, 4)});
        QCOMPARE(events(opened[0]), (QStringList{QStringLiteral("opened"), QStringLiteral("waived")}));
        QCOMPARE(opened[0].waiverId, 4);
        auto waived = planIssueChanges({issue(7, a, IssueState::Open)}, {res(a, CheckStatus::Fail, {}, 4)});
        QCOMPARE(events(waived[0]), QStringList{QStringLiteral("waived")});
        QCOMPARE(toString(waived[0].newState), toString(IssueState::Open));
        auto stillWaived = planIssueChanges({issue(7, a, IssueState::Open, {}, 4)}, {res(a, CheckStatus::Fail, {}, 4)});
        QVERIFY(stillWaived[0].events.isEmpty());
        auto expired = planIssueChanges({issue(7, a, IssueState::Open, {}, 4)}, {res(a, CheckStatus::Fail)});
        QCOMPARE(events(expired[0]), QStringList{QStringLiteral("unwaived")});
        QCOMPARE(expired[0].waiverId, 0);
        auto fixedWhileWaived = planIssueChanges({issue(7, a, IssueState::Open, {}, 4)}, {res(a, CheckStatus::Pass)});
        QCOMPARE(events(fixedWhileWaived[0]), QStringList{QStringLiteral("fixed")});
    }
};

QTEST_GUILESS_MAIN(TestIssueRules)
#include "tst_issue_rules.moc"
