// Aggregates over runs' results for the dashboard, computed in SQL so that a project with a
// million results is summarised without a million rows crossing into C++.
#include "ProjectDatabase.h"

#include "db/SqlValues.h"

#include <QHash>

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

Result<QMap<qint64, Score>> ProjectDatabase::automatedScoresByRun(qint64 runId)
{
    // computeScore's rules, in SQL so that a million results never leave SQLite: results folded
    // per (run, asset, check), then per (run, asset, requirement): fail if any check failed, else
    // error, else pass, else not applicable; the weight of a pair is its highest severity's (at
    // least 1). A run whose results name no requirement at all scores each check as one.
    // Weights follow severityWeight(): info 0, low 1, medium 3, high 6, critical 10.
    const QString where = runId > 0 ? QStringLiteral(" WHERE run_id = ?") : QString();
    const QString sql = QStringLiteral(
        "WITH f AS MATERIALIZED (SELECT run_id, asset_name, check_id, MAX(status = 'fail') AS fail, "
        "  MAX(status = 'error') AS err, MAX(status IN ('pass', 'waived')) AS pass, "
        "  MAX(CASE severity WHEN 'critical' THEN 10 WHEN 'high' THEN 6 WHEN 'medium' THEN 3 WHEN 'low' THEN 1 ELSE 0 END) AS w, "
        "  MAX(requirements_json) AS reqs FROM results") + where + QStringLiteral(
        "  GROUP BY run_id, asset_name, check_id), "
        "mapped AS (SELECT DISTINCT run_id FROM f WHERE reqs <> '[]'), "
        "r AS (SELECT f.run_id, f.asset_name, j.value AS req, MAX(fail) AS fail, MAX(err) AS err, MAX(pass) AS pass, "
        "        MAX(MAX(w), 1) AS w, 1 AS mapped FROM f, json_each(f.reqs) j GROUP BY f.run_id, f.asset_name, j.value "
        "      UNION ALL "
        "      SELECT run_id, asset_name, check_id, fail, err, pass, MAX(w, 1), 0 FROM f WHERE run_id NOT IN mapped), "
        "assets AS (SELECT run_id, COUNT(DISTINCT asset_name) AS n FROM f GROUP BY run_id) "
        "SELECT r.run_id, SUM(fail), SUM(NOT fail AND err), SUM(NOT fail AND NOT err AND pass), "
        "  CASE WHEN MAX(mapped) THEN COUNT(DISTINCT req) * (SELECT n FROM assets a WHERE a.run_id = r.run_id) ELSE COUNT(*) END, "
        "  SUM(CASE WHEN NOT fail AND NOT err AND pass THEN w ELSE 0 END), "
        "  SUM(CASE WHEN fail OR (NOT err AND pass) THEN w ELSE 0 END) "
        "FROM r GROUP BY r.run_id");
    auto q = exec(sql, runId > 0 ? QVariantList{runId} : QVariantList{});
    if (!q)
        return q.error();
    QMap<qint64, Score> scores;
    while (q->next()) {
        Score s;
        s.failed = q->value(1).toInt();
        s.errors = q->value(2).toInt();
        s.passed = q->value(3).toInt();
        // Every pair of the run (each asset with each requirement, or each check it ran when the run
        // names no requirement) that is neither passed, failed nor an error.
        s.notApplicable = q->value(4).toInt() - s.failed - s.errors - s.passed;
        if (s.passed + s.failed > 0)
            s.percent = 100.0 * s.passed / (s.passed + s.failed);
        if (const double evaluated = q->value(6).toDouble(); evaluated > 0)
            s.weightedPercent = 100.0 * q->value(5).toDouble() / evaluated;
        scores.insert(q->value(0).toLongLong(), s);
    }
    return scores;
}

} // namespace triad
