// Aggregates over a run's results for the dashboard: folded in SQL per (run, asset, check), so
// that a project with a million results is summarised without a million rows crossing into C++.
#include "ProjectDatabase.h"

#include "db/SqlValues.h"

#include <QHash>
#include <QSet>

namespace triad {

using namespace sql;

Result<QList<CheckFold>> ProjectDatabase::checkFolds(qint64 runId)
{
    // Every subject of a check in a run carries the same requirement ids, so MAX() picks them.
    QString sql = QStringLiteral(
        "SELECT run_id, asset_name, check_id, MAX(status = 'fail'), MAX(status = 'error'), "
        "MAX(status IN ('pass', 'waived')), SUM(status = 'fail'), "
        "MAX(CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END), "
        "MAX(requirements_json) FROM results");
    QVariantList values;
    if (runId > 0) {
        sql += QStringLiteral(" WHERE run_id = ?");
        values << runId;
    }
    sql += QStringLiteral(" GROUP BY run_id, asset_name, check_id ORDER BY run_id, asset_name, check_id");
    QHash<QString, QStringList> parsed;     // requirements_json text -> ids, parsed once per text
    return selectAll<CheckFold>(sql, values, [&parsed](const QSqlQuery &q) {
        CheckFold f;
        f.runId = q.value(0).toLongLong();
        f.assetName = q.value(1).toString();
        f.checkId = q.value(2).toString();
        f.anyFail = q.value(3).toBool();
        f.anyError = q.value(4).toBool();
        f.anyPass = q.value(5).toBool();
        f.failures = q.value(6).toInt();
        f.severity = Severity(qBound(0, q.value(7).toInt(), int(Severity::Critical)));
        const QString json = q.value(8).toString();
        auto it = parsed.constFind(json);
        if (it == parsed.cend())
            it = parsed.insert(json, stringListFrom(json));
        f.requirementIds = *it;
        return f;
    });
}

Result<QMap<qint64, Score>> ProjectDatabase::automatedScoresByRun()
{
    auto folds = checkFolds();
    if (!folds)
        return folds.error();
    // Each fold stands for its results by one result per status that occurred: the requirement
    // fold of computeScore only asks which statuses occurred and the highest severity.
    struct RunInput {
        QList<ScoredResult> results;
        QMap<QString, QSet<QString>> checksByRequirement;
    };
    QMap<qint64, RunInput> inputs;
    for (const CheckFold &f : std::as_const(*folds)) {
        RunInput &in = inputs[f.runId];
        auto add = [&](CheckStatus status) { in.results << ScoredResult{f.assetName, f.checkId, status, f.severity}; };
        if (f.anyFail)
            add(CheckStatus::Fail);
        if (f.anyError)
            add(CheckStatus::Error);
        if (f.anyPass)
            add(CheckStatus::Pass);
        if (!f.anyFail && !f.anyError && !f.anyPass)
            add(CheckStatus::NotApplicable);
        for (const QString &req : f.requirementIds)
            in.checksByRequirement[req].insert(f.checkId);
    }
    QMap<qint64, Score> scores;
    for (auto it = inputs.cbegin(); it != inputs.cend(); ++it) {
        QList<RequirementDef> requirements;
        for (auto req = it->checksByRequirement.cbegin(); req != it->checksByRequirement.cend(); ++req) {
            RequirementDef def;
            def.id = req.key();
            def.checks = QStringList(req->cbegin(), req->cend());
            requirements << def;
        }
        scores.insert(it.key(), computeScore(requirements, it->results));
    }
    return scores;
}

} // namespace triad
