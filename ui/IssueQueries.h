#pragma once

#include "common/Result.h"
#include "db/IssueTypes.h"
#include "db/ProjectTypes.h"

#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace triad {

class Catalog;

/// One page of issues; `total` is the number of issues the filter matches (counted with the first
/// page only, -1 on later pages).
struct IssuePage {
    QList<IssueRecord> issues;
    int total = -1;
};

/// The start of one evidence item's output, as much as a detail pane shows.
struct EvidenceExcerpt {
    StoredEvidence evidence; ///< raw.stdoutData / stderrData cut to the excerpt
    qint64 stdoutSize = 0; ///< of the stored output, before the cut
    qint64 stderrSize = 0;
    [[nodiscard]] bool isCut() const
    {
        return stdoutSize > evidence.raw.stdoutData.size() || stderrSize > evidence.raw.stderrData.size();
    }
};

/// What the detail pane shows of one issue beyond its row.
struct IssueDetail {
    qint64 issueId = 0;
    QList<IssueEventRecord> events;
    std::optional<StoredResult> latest; ///< its newest stored result (ProjectDatabase::resultForIssue)
    QList<EvidenceExcerpt> evidence; ///< what that result read
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
/// How much of an evidence output the detail pane shows: the first bytes, at most so many lines.
inline constexpr int kEvidenceExcerptBytes = 6 * 1024;
inline constexpr int kEvidenceExcerptLines = 60;
/// The first kEvidenceExcerptLines lines of `data`, at most kEvidenceExcerptBytes bytes.
QByteArray excerpt(const QByteArray &data);
QFuture<Result<IssuePage>> loadPage(const QString &path, const IssueFilter &filter, bool withCount);
QFuture<Result<IssueDetail>> loadDetail(const QString &path, const IssueRecord &issue);
QFuture<Result<RegisterContents>> loadRegister(const QString &path);
QFuture<Result<qint64>> addWaiver(const QString &path, const Waiver &waiver, const QString &actor);
QFuture<Status> endWaiver(const QString &path, qint64 waiverId, const QString &actor, const QString &reason);
/// recordAttestation() (core, as `triad-cli attest`): checks the requirement against `catalog`,
/// reads the evidence files and stores it all, or nothing. `catalog` must not be null.
QFuture<Result<qint64>> recordAttestation(const QString &path, std::shared_ptr<const Catalog> catalog,
                                          const Attestation &attestation, const QStringList &evidencePaths);
/// A later expiry for a waiver not ended, written as triad-cli waive --extend writes it
/// (ProjectDatabase::changeWaiverExpiry, audit "waiver.changed"); an earlier or equal day is refused.
QFuture<Status> extendWaiver(const QString &path, qint64 waiverId, const QDate &expiresOn, const QString &actor);
/// The person the GUI records in the audit log: $TRIAD_OPERATOR, else the login name.
QString operatorName();
} // namespace IssueQueries

} // namespace triad
