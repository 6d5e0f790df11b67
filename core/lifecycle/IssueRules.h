#pragma once

#include "model/Enums.h"

#include <QHash>
#include <QList>
#include <QString>

namespace triad {

/// The issue lifecycle of DESIGN.md §4 as a pure function, so that every transition can be
/// tested without a database and the database applies exactly what this decides.
///
/// An issue is one (asset, check, subject). After an asset's results of a run are known:
/// - raw `fail`, no issue yet           -> new issue, open (event "opened")
/// - raw `fail`, issue open             -> still open, last seen = this run
/// - raw `fail`, issue fixed            -> open again, regressions + 1 (event "regressed")
/// - `pass`, or the subject is gone while the check was evaluated, issue open -> fixed (event "fixed")
/// - `error`, `not_applicable`, `manual`, check not in the run -> no change: unknown is not fixed
/// A waiver never changes the state; it only adds "waived"/"unwaived" events when the waiver
/// covering an open issue appears or goes (ended or expired).

enum class IssueState { Open, Fixed };
QString toString(IssueState state);

enum class IssueEvent { Opened, Fixed, Regressed, Waived, Unwaived };
QString toString(IssueEvent event);

/// An issue as stored before this run.
struct TrackedIssue {
    qint64 id = 0;
    QString checkId;
    QString subject;
    IssueState state = IssueState::Open;
    qint64 waiverId = 0;        ///< waiver that covered it when last seen; 0 = none
};

/// One result of this run, as the lifecycle sees it.
struct TrackedResult {
    QString checkId;
    QString subject;
    CheckStatus rawStatus = CheckStatus::Error;     ///< never `waived`: the verdict behind a waiver
    qint64 waiverId = 0;        ///< the waiver that covers it in this run; 0 = none
};

/// What to do to one issue.
struct IssueChange {
    qint64 issueId = 0;         ///< 0: a new issue
    QString checkId;
    QString subject;
    IssueState newState = IssueState::Open;
    bool seen = false;          ///< failed in this run: last seen = this run
    int regressionsAdded = 0;
    qint64 waiverId = 0;        ///< waiver covering it after this run (open issues)
    QList<IssueEvent> events;
};

/// The changes this run's results of one asset make to that asset's issues. Issues of checks with
/// no result in `results` are untouched.
QList<IssueChange> planIssueChanges(const QList<TrackedIssue> &existing, const QList<TrackedResult> &results);

} // namespace triad
