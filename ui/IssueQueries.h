#pragma once

#include "common/Result.h"
#include "db/IssueTypes.h"
#include "db/ProjectTypes.h"

#include <QFuture>
#include <QList>
#include <QString>

namespace triad {

/// One page of issues; `total` is the number of issues the filter matches (counted with the first
/// page only, -1 on later pages).
struct IssuePage {
    QList<IssueRecord> issues;
    int total = -1;
};

/// What the detail pane shows of one issue beyond its row.
struct IssueDetail {
    qint64 issueId = 0;
    QList<IssueEventRecord> events;
    std::optional<StoredResult> latest; ///< its result in the run it was last seen in
};

/// The waiver and attestation registers.
struct RegisterContents {
    QList<Waiver> waivers;
    QList<Attestation> attestations;
};

/// Issue, waiver and attestation reads and writes for the GUI. Each call opens the project on a
/// pool thread with that thread's own connection (read-only for reads), so the GUI thread never
/// waits for SQLite (CONVENTIONS.md 4, 5).
namespace IssueQueries {
QFuture<Result<IssuePage>> loadPage(const QString &path, const IssueFilter &filter, bool withCount);
QFuture<Result<IssueDetail>> loadDetail(const QString &path, const IssueRecord &issue);
QFuture<Result<RegisterContents>> loadRegister(const QString &path);
QFuture<Result<qint64>> addWaiver(const QString &path, const Waiver &waiver, const QString &actor);
QFuture<Status> endWaiver(const QString &path, qint64 waiverId, const QString &actor, const QString &reason);
/// The person the GUI records in the audit log: $TRIAD_OPERATOR, else the login name.
QString operatorName();
} // namespace IssueQueries

} // namespace triad
