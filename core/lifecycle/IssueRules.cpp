#include "IssueRules.h"

#include <QSet>

namespace triad {

QString toString(IssueState state)
{
    return state == IssueState::Open ? QStringLiteral("open") : QStringLiteral("fixed");
}

QString toString(IssueEvent event)
{
    switch (event) {
    case IssueEvent::Opened: return QStringLiteral("opened");
    case IssueEvent::Fixed: return QStringLiteral("fixed");
    case IssueEvent::Regressed: return QStringLiteral("regressed");
    case IssueEvent::Waived: return QStringLiteral("waived");
    case IssueEvent::Unwaived: return QStringLiteral("unwaived");
    }
    return {};
}

namespace {

QString keyOf(const QString &checkId, const QString &subject)
{
    return checkId + QChar(0x1f) + subject;
}

} // namespace

QList<IssueChange> planIssueChanges(const QList<TrackedIssue> &existing, const QList<TrackedResult> &results)
{
    QHash<QString, const TrackedIssue *> issueByKey;
    QHash<QString, QList<const TrackedIssue *>> issuesByCheck;
    for (const TrackedIssue &i : existing) {
        issueByKey.insert(keyOf(i.checkId, i.subject), &i);
        issuesByCheck[i.checkId] << &i;
    }

    // Per check: was it evaluated at all (any pass or fail), and the verdict of each subject.
    QHash<QString, bool> evaluated;
    QHash<QString, const TrackedResult *> resultByKey;
    QStringList checkOrder;
    for (const TrackedResult &r : results) {
        if (!evaluated.contains(r.checkId))
            checkOrder << r.checkId;
        bool &e = evaluated[r.checkId];
        e = e || r.rawStatus == CheckStatus::Pass || r.rawStatus == CheckStatus::Fail;
        resultByKey.insert(keyOf(r.checkId, r.subject), &r);
    }

    QList<IssueChange> changes;
    for (const TrackedResult &r : results) {
        if (r.rawStatus != CheckStatus::Fail)
            continue;
        const TrackedIssue *issue = issueByKey.value(keyOf(r.checkId, r.subject));
        IssueChange c;
        c.checkId = r.checkId;
        c.subject = r.subject;
        c.newState = IssueState::Open;
        c.seen = true;
        c.waiverId = r.waiverId;
        if (!issue) {
            c.events << IssueEvent::Opened;
            if (r.waiverId)
                c.events << IssueEvent::Waived;
        } else {
            c.issueId = issue->id;
            if (issue->state == IssueState::Fixed) {
                c.regressionsAdded = 1;
                c.events << IssueEvent::Regressed;
                if (r.waiverId)
                    c.events << IssueEvent::Waived;
            } else if (issue->waiverId != r.waiverId) {
                // Covered by a (different) waiver now, or no longer covered: an ended or expired
                // waiver makes the issue count again.
                if (issue->waiverId && !r.waiverId)
                    c.events << IssueEvent::Unwaived;
                else
                    c.events << IssueEvent::Waived;
            }
        }
        changes << c;
    }

    for (const QString &checkId : std::as_const(checkOrder)) {
        if (!evaluated.value(checkId))
            continue;   // only errors / not applicable: nothing is known, nothing is fixed
        for (const TrackedIssue *issue : issuesByCheck.value(checkId)) {
            if (issue->state != IssueState::Open)
                continue;
            const TrackedResult *r = resultByKey.value(keyOf(issue->checkId, issue->subject));
            // Fixed when the subject passes, or is gone while the check itself was evaluated
            // (the world-writable file was removed). A subject present with an error stays open.
            if (r && r->rawStatus != CheckStatus::Pass)
                continue;
            IssueChange c;
            c.issueId = issue->id;
            c.checkId = issue->checkId;
            c.subject = issue->subject;
            c.newState = IssueState::Fixed;
            c.events << IssueEvent::Fixed;
            changes << c;
        }
    }
    return changes;
}

} // namespace triad
