#pragma once

// Rows of the issue lifecycle (DESIGN.md §4): issues, their events, waivers, attestations and
// comparisons of two runs.

#include "lifecycle/IssueRules.h"
#include "model/Enums.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace triad {

/// An accepted exception for one check, on every asset, one asset, or the assets with a tag.
struct Waiver {
    qint64 id = 0;
    QString checkId;
    QString assetScope;         ///< "" = every asset, "asset:NAME", "tag:TAG"
    QString justification;
    QString approver;
    QString ticket;
    QString createdBy;
    QDateTime createdAt;
    QDate expiresOn;            ///< applies up to and including this day (UTC)
    QDateTime endedAt;          ///< ended early by a person; invalid = not ended

    /// Whether it applies at `at`: not ended before then, not past its expiry day.
    [[nodiscard]] bool isActiveAt(const QDateTime &at) const
    {
        return (!endedAt.isValid() || endedAt > at) && at.toUTC().date() <= expiresOn;
    }
    [[nodiscard]] bool covers(const QString &check, const QString &assetName, const QStringList &assetTags) const
    {
        if (check != checkId)
            return false;
        if (assetScope.isEmpty())
            return true;
        if (assetScope.startsWith(QLatin1String("asset:")))
            return assetScope.mid(6) == assetName;
        if (assetScope.startsWith(QLatin1String("tag:")))
            return assetTags.contains(assetScope.mid(4));
        return false;
    }
};

/// One issue with what the reports and the GUI show of it.
struct IssueRecord {
    qint64 id = 0;
    QString assetName;
    QString checkId;
    QString subject;
    QString title;
    Severity severity = Severity::Medium;
    IssueState state = IssueState::Open;
    qint64 firstSeenRun = 0;
    qint64 lastSeenRun = 0;
    qint64 fixedRun = 0;        ///< 0 while open
    int regressions = 0;
    qint64 waiverId = 0;        ///< the waiver that covered it when last seen
    bool waived = false;        ///< open, and that waiver is still active now
    bool waiverExpired = false; ///< it was waived, and the waiver has expired or ended since
    /// "open", "fixed" or "waived": what DESIGN.md §8 calls the issue's state.
    [[nodiscard]] QString displayState() const { return waived ? QStringLiteral("waived") : toString(state); }
};

struct IssueEventRecord {
    qint64 id = 0;
    qint64 issueId = 0;
    qint64 runId = 0;           ///< 0 for events outside a run (a waiver created)
    IssueEvent event = IssueEvent::Opened;
    QDateTime at;
};

/// Which issues to list. Empty fields do not filter.
struct IssueFilter {
    QStringList states;         ///< any of "open", "fixed", "waived"; empty = all
    std::optional<Severity> minSeverity;
    QString assetName;
    QString checkId;
    QString checkPrefix;        ///< e.g. "ssh." or the checks of one requirement, see checkIds
    QStringList checkIds;       ///< issues of these checks only (a template requirement's checks)
    QString text;               ///< found in the check id, title, subject or asset name
    std::optional<Severity> severity;   ///< exactly this severity (a dashboard bar), besides minSeverity
    qint64 eventRunId = 0;      ///< with `event`: issues that had this event in this run
    std::optional<IssueEvent> event;
    int limit = 0;              ///< 0 = no limit
    int offset = 0;
};

/// How many issues one check has (the dashboard's top failing checks).
struct CheckIssueCount {
    QString checkId;
    QString title;
    Severity severity = Severity::Medium;   ///< the highest among its issues
    int issues = 0;
    int assets = 0;
};

/// The results of one check on one asset in one run, folded in SQL: which statuses occurred
/// among its subjects (what scoring needs, DESIGN.md §4), without reading each result.
struct CheckFold {
    qint64 runId = 0;
    QString assetName;
    QString checkId;
    bool anyFail = false;
    bool anyError = false;
    bool anyPass = false;           ///< pass or waived
    int failures = 0;               ///< results with final status fail
    Severity severity = Severity::Medium;   ///< the highest among its results
    QStringList requirementIds;
};

/// A manual requirement's verdict by a person, with the files they attached.
struct AttestationFile {
    qint64 id = 0;
    QString fileName;
    QString sha256;
    qint64 size = 0;
};

struct Attestation {
    qint64 id = 0;
    QString templateId;
    QString requirementId;
    CheckStatus status = CheckStatus::Pass;     ///< pass or fail
    QString statement;
    QString attester;
    QDateTime attestedAt;
    QList<AttestationFile> files;
};

/// One (asset, check, subject) of a comparison, with both sides' verdicts.
struct ComparedResult {
    QString assetName;
    QString checkId;
    QString subject;
    QString title;
    Severity severity = Severity::Medium;
    std::optional<CheckStatus> before;      ///< raw status in run A; none = not in run A
    std::optional<CheckStatus> after;       ///< raw status in run B
    QString actualBefore;
    QString actualAfter;
};

struct EvidenceChange {
    QString assetName;
    QString collectorKey;
    QString command;
    QString sha256Before;
    QString sha256After;
};

struct RunComparison {
    qint64 runA = 0;
    qint64 runB = 0;
    QList<ComparedResult> newFailures;      ///< fail in B; never failed in A or any run before it
    QList<ComparedResult> fixed;            ///< fail in A, pass in B
    QList<ComparedResult> regressed;        ///< fail in B; not failing in A but failed in some run up to A
    QList<ComparedResult> stillOpen;        ///< fail in A and in B
    QList<EvidenceChange> changedEvidence;  ///< same asset and collector, different output
};

} // namespace triad
