#pragma once

#include "common/Result.h"
#include "db/IssueTypes.h"
#include "db/ProjectTypes.h"

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace triad {

class ProjectDatabase;

/// One run's automated requirement score, a point of a template's trend line.
struct ScorePoint {
    qint64 runId = 0;
    QDateTime startedAt;
    double percent = 0;
};

struct TemplateTrend {
    QString templateId;
    QList<ScorePoint> points; ///< oldest run first
};

/// Issue events of one run (the opened / fixed / regressed bars).
struct RunEventCounts {
    qint64 runId = 0;
    QString templateId;
    QDateTime startedAt;
    int opened = 0;
    int fixed = 0;
    int regressed = 0;
};

/// The verdict of one (asset, requirement) pair, worst first (the order scoring folds them in).
enum class HeatStatus { Fail, Error, Pass, NotApplicable, NoData };

/// Assets x requirements of one run, each cell the fold of the requirement's checks on the asset.
/// Rows and columns are ordered by failures, most first, so that what a view cuts off is the least
/// interesting part.
struct HeatMapData {
    qint64 runId = 0;
    QString templateId;
    QStringList assets;
    QStringList requirements;
    /// cells[row * requirements.size() + column]
    QList<HeatStatus> cells;
    /// Failing checks behind each cell (for tooltips).
    QList<int> failingChecks;

    [[nodiscard]] HeatStatus at(int row, int column) const
    {
        const qsizetype i = qsizetype(row) * requirements.size() + column;
        return i >= 0 && i < cells.size() ? cells.at(i) : HeatStatus::NoData;
    }
    [[nodiscard]] int failuresAt(int row, int column) const
    {
        const qsizetype i = qsizetype(row) * requirements.size() + column;
        return i >= 0 && i < failingChecks.size() ? failingChecks.at(i) : 0;
    }
    [[nodiscard]] bool isEmpty() const { return assets.isEmpty() || requirements.isEmpty(); }
};

/// Everything the dashboard draws, aggregated in SQL on a worker thread. The trends come apart
/// (loadTrends): they read every result of every run, the rest only counts and the latest run.
struct DashboardData {
    QList<RunInfo> runs;
    QList<TemplateTrend> trends; ///< filled by loadTrends()
    QList<RunEventCounts> events; ///< oldest run first
    QMap<Severity, int> openBySeverity; ///< open issues (not waived)
    QList<CheckIssueCount> topChecks; ///< checks with the most open issues, most first
    HeatMapData heatMap; ///< of the latest run
    qint64 elapsedMs = 0; ///< how long the queries took
};

struct TrendData {
    QList<TemplateTrend> trends;
    int runsComputed = 0; ///< runs scored now (the others came from the cache)
    qint64 elapsedMs = 0;
};

namespace DashboardQueries {
/// The number of checks the top-failing-checks chart shows.
inline constexpr int kTopChecks = 10;
/// Reads the dashboard of `path` but its trends on a pool thread with its own read-only connection.
QFuture<Result<DashboardData>> load(const QString &path);
/// The same on an open database (what load() runs; for tests and benchmarks).
Result<DashboardData> read(ProjectDatabase &db);
/// The score trends of `runs`, on a pool thread. A finished run's score never changes (its
/// results are written once), so it is kept for the life of the process and only runs not seen
/// before are scored: a reload after a waiver or a new scan costs the new runs only.
QFuture<Result<TrendData>> loadTrends(const QString &path, const QList<RunInfo> &runs);
Result<TrendData> readTrends(ProjectDatabase &db, const QList<RunInfo> &runs);
/// The asset x requirement map of `folds` (one run's).
HeatMapData heatMapFrom(const QList<CheckFold> &folds);
/// The Issues filter of open (not waived) issues, what the severity and top-check charts count.
IssueFilter openIssues();
} // namespace DashboardQueries

} // namespace triad
