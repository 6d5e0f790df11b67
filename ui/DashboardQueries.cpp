#include "DashboardQueries.h"

#include "db/ProjectDatabase.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace triad::DashboardQueries {

IssueFilter openIssues()
{
    IssueFilter filter;
    filter.states = {QStringLiteral("open")};
    return filter;
}

HeatMapData heatMapFrom(const QList<CheckFold> &folds)
{
    HeatMapData map;
    if (folds.isEmpty())
        return map;
    map.runId = folds.first().runId;
    struct Cell {
        bool fail = false, error = false, pass = false;
        int failing = 0;
    };
    QHash<QString, QHash<QString, Cell>> byAsset; // asset -> requirement -> cell
    for (const CheckFold &f : folds) {
        for (const QString &req : f.requirementIds) {
            Cell &c = byAsset[f.assetName][req];
            c.fail |= f.anyFail;
            c.error |= f.anyError;
            c.pass |= f.anyPass;
            c.failing += f.anyFail ? 1 : 0;
        }
    }
    QHash<QString, int> failingAssetsOfRequirement;
    QHash<QString, int> failingRequirementsOfAsset;
    for (auto a = byAsset.cbegin(); a != byAsset.cend(); ++a) {
        failingRequirementsOfAsset[a.key()] += 0;
        for (auto r = a->cbegin(); r != a->cend(); ++r) {
            failingAssetsOfRequirement[r.key()] += r->fail ? 1 : 0;
            failingRequirementsOfAsset[a.key()] += r->fail ? 1 : 0;
        }
    }
    map.assets = failingRequirementsOfAsset.keys();
    map.requirements = failingAssetsOfRequirement.keys();
    auto byCountThenName = [](const QHash<QString, int> &counts) {
        return [&counts](const QString &x, const QString &y) {
            const int cx = counts.value(x);
            const int cy = counts.value(y);
            return cx != cy ? cx > cy : x < y;
        };
    };
    std::sort(map.assets.begin(), map.assets.end(), byCountThenName(failingRequirementsOfAsset));
    std::sort(map.requirements.begin(), map.requirements.end(), byCountThenName(failingAssetsOfRequirement));
    map.cells.reserve(map.assets.size() * map.requirements.size());
    for (const QString &asset : std::as_const(map.assets)) {
        const QHash<QString, Cell> &row = byAsset[asset];
        for (const QString &req : std::as_const(map.requirements)) {
            const auto it = row.constFind(req);
            if (it == row.cend()) {
                map.cells << HeatStatus::NoData;
                map.failingChecks << 0;
                continue;
            }
            map.cells << (it->fail        ? HeatStatus::Fail
                              : it->error ? HeatStatus::Error
                              : it->pass  ? HeatStatus::Pass
                                          : HeatStatus::NotApplicable);
            map.failingChecks << it->failing;
        }
    }
    return map;
}

Result<DashboardData> read(ProjectDatabase &db)
{
    QElapsedTimer clock;
    clock.start();
    DashboardData data;
    auto runs = db.runs();
    if (!runs)
        return runs.error();
    data.runs = std::move(*runs);
    std::sort(data.runs.begin(), data.runs.end(),
              [](const RunInfo &a, const RunInfo &b) { return a.id < b.id; });
    if (data.runs.isEmpty())
        return data;

    auto events = db.issueEventCountsByRun();
    if (!events)
        return events.error();
    for (const RunInfo &run : std::as_const(data.runs)) {
        const QMap<QString, int> counts = events->value(run.id);
        data.events << RunEventCounts {run.id,
                                       run.templateId,
                                       run.startedAt,
                                       counts.value(toString(IssueEvent::Opened)),
                                       counts.value(toString(IssueEvent::Fixed)),
                                       counts.value(toString(IssueEvent::Regressed))};
    }

    auto severities = db.issueCountsBySeverity(openIssues());
    if (!severities)
        return severities.error();
    data.openBySeverity = std::move(*severities);
    auto top = db.issueCountsByCheck(openIssues(), kTopChecks);
    if (!top)
        return top.error();
    data.topChecks = std::move(*top);

    const RunInfo &latest = data.runs.last();
    auto folds = db.checkFolds(latest.id);
    if (!folds)
        return folds.error();
    data.heatMap = heatMapFrom(*folds);
    data.heatMap.runId = latest.id;
    data.heatMap.templateId = latest.templateId;
    data.elapsedMs = clock.elapsed();
    return data;
}

namespace {

/// Percent of finished runs by "path|run id|start": a run that is still being written is scored
/// every time.
QMutex scoreCacheMutex;
QHash<QString, std::optional<double>> scoreCache;

QString cacheKey(ProjectDatabase &db, const RunInfo &run)
{
    return db.path() + QLatin1Char('|') + QString::number(run.id) + QLatin1Char('|')
        + run.startedAt.toString(Qt::ISODateWithMs);
}

} // namespace

Result<TrendData> readTrends(ProjectDatabase &db, const QList<RunInfo> &runs)
{
    QElapsedTimer clock;
    clock.start();
    TrendData data;
    QHash<qint64, std::optional<double>> percent;
    QList<qint64> missing;
    {
        const QMutexLocker lock(&scoreCacheMutex);
        for (const RunInfo &run : runs) {
            const auto it = scoreCache.constFind(cacheKey(db, run));
            if (it != scoreCache.cend())
                percent.insert(run.id, *it);
            else
                missing << run.id;
        }
    }
    // Run by run: each query groups one run's results, found by the (run, asset) index, in
    // memory; one query over every run sorted a million rows through a temporary file and took
    // twice as long (measured on 20 runs of 50,000 results).
    QMap<qint64, Score> scores;
    for (qint64 id : std::as_const(missing)) {
        auto one = db.automatedScoresByRun(id);
        if (!one)
            return one.error();
        scores.insert(id, one->value(id));
    }
    data.runsComputed = int(missing.size());
    {
        const QMutexLocker lock(&scoreCacheMutex);
        for (const RunInfo &run : runs) {
            if (!missing.contains(run.id))
                continue;
            percent.insert(run.id, scores.value(run.id).percent);
            if (run.status != RunStatus::Running)
                scoreCache.insert(cacheKey(db, run), scores.value(run.id).percent);
        }
    }
    QMap<QString, int> trendOf; // template id -> index in data.trends, in order of first run
    for (const RunInfo &run : runs) {
        const std::optional<double> p = percent.value(run.id);
        if (!p)
            continue; // nothing evaluated: no data, never 100 %
        if (!trendOf.contains(run.templateId)) {
            trendOf.insert(run.templateId, int(data.trends.size()));
            data.trends << TemplateTrend {run.templateId, {}};
        }
        data.trends[trendOf.value(run.templateId)].points << ScorePoint {run.id, run.startedAt, *p};
    }
    data.elapsedMs = clock.elapsed();
    return data;
}

QFuture<Result<TrendData>> loadTrends(const QString &path, const QList<RunInfo> &runs)
{
    return QtConcurrent::run([path, runs]() -> Result<TrendData> {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        return readTrends(**db, runs);
    });
}

QFuture<Result<DashboardData>> load(const QString &path)
{
    return QtConcurrent::run([path]() -> Result<DashboardData> {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        return read(**db);
    });
}

} // namespace triad::DashboardQueries
