#pragma once

#include "common/Result.h"
#include "db/IssueTypes.h"
#include "db/ProjectTypes.h"

#include <QFuture>
#include <QList>
#include <QString>

#include <optional>

namespace triad {

/// The five kinds of change between two runs (DESIGN.md §4, "Two runs can be compared").
enum class ChangeKind { New, Regressed, Fixed, StillOpen, Evidence };
inline constexpr int kChangeKindCount = 5;
QString changeKindName(ChangeKind kind);

/// The evidence a result read: collector and SHA-256 of its output.
struct EvidenceDigest {
    QString collectorKey;
    QString sha256;
};

/// One row of a comparison: a result that is new, regressed, fixed or still open, or a
/// collector whose output changed between the runs.
struct ComparisonRow {
    ChangeKind kind = ChangeKind::New;
    QString assetName;
    QString checkId; ///< empty for an evidence row
    QString subject;
    QString title;
    Severity severity = Severity::Info;
    std::optional<CheckStatus> before; ///< raw status in the earlier run; none = not there
    std::optional<CheckStatus> after;
    QString actualBefore;
    QString actualAfter;
    QList<EvidenceDigest> evidenceBefore;
    QList<EvidenceDigest> evidenceAfter;
    QString collectorKey; ///< evidence rows
    QString command; ///< evidence rows
};

/// Two runs compared, as the Compare view shows them.
struct RunComparisonData {
    RunInfo runA;
    RunInfo runB;
    QList<ComparisonRow> rows;
    [[nodiscard]] int count(ChangeKind kind) const;
};

namespace CompareQueries {
/// Compares run A (the earlier) with run B on a pool thread with its own read-only connection:
/// ProjectDatabase::compareRuns, with the evidence digests of each side's result added.
QFuture<Result<RunComparisonData>> compare(const QString &path, qint64 runA, qint64 runB);
/// The runs to compare by default: the newest run and the newest earlier run of the same
/// template (or simply the one before it). {0, 0} with fewer than two runs.
std::pair<qint64, qint64> defaultPair(const QList<RunInfo> &runs);
} // namespace CompareQueries

} // namespace triad
