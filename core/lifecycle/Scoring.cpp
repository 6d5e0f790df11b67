#include "Scoring.h"

#include <QHash>
#include <QSet>

namespace triad {
namespace {

enum class Outcome { Pass, Fail, Error, NotApplicable };

// Folds the statuses of the results behind one (requirement, asset) pair. Unknown is never a pass.
struct Fold {
    bool anyFail = false;
    bool anyError = false;
    bool anyPass = false;
    int weight = 0;

    void add(const ScoredResult &r)
    {
        weight = std::max(weight, severityWeight(r.severity));
        switch (r.status) {
        case CheckStatus::Fail: anyFail = true; break;
        case CheckStatus::Error: anyError = true; break;
        case CheckStatus::Pass:
        case CheckStatus::Waived: anyPass = true; break;
        case CheckStatus::NotApplicable:
        case CheckStatus::Manual: break;
        }
    }

    [[nodiscard]] Outcome outcome() const
    {
        if (anyFail)
            return Outcome::Fail;
        if (anyError)
            return Outcome::Error;
        if (anyPass)
            return Outcome::Pass;
        return Outcome::NotApplicable;
    }
};

void tally(Score &score, const Fold &fold, double &weightPassed, double &weightEvaluated)
{
    // A requirement whose checks are all informational still counts, with a minimal weight.
    const double w = std::max(fold.weight, 1);
    switch (fold.outcome()) {
    case Outcome::Pass: ++score.passed; weightPassed += w; weightEvaluated += w; break;
    case Outcome::Fail: ++score.failed; weightEvaluated += w; break;
    case Outcome::Error: ++score.errors; break;
    case Outcome::NotApplicable: ++score.notApplicable; break;
    }
}

} // namespace

Score computeScore(const QList<RequirementDef> &requirements, const QList<ScoredResult> &results)
{
    Score score;
    double weightPassed = 0;
    double weightEvaluated = 0;

    QSet<QString> assets;
    QHash<QString, QHash<QString, QList<const ScoredResult *>>> byAssetAndCheck;
    for (const ScoredResult &r : results) {
        assets.insert(r.asset);
        byAssetAndCheck[r.asset][r.checkId].append(&r);
    }

    if (requirements.isEmpty()) {
        for (const auto &checks : std::as_const(byAssetAndCheck)) {
            for (const auto &list : checks) {
                Fold fold;
                for (const ScoredResult *r : list)
                    fold.add(*r);
                tally(score, fold, weightPassed, weightEvaluated);
            }
        }
    } else {
        for (const RequirementDef &req : requirements) {
            for (const QString &asset : std::as_const(assets)) {
                if (req.checks.isEmpty()) {
                    ++score.manual;
                    continue;
                }
                Fold fold;
                const auto &checks = byAssetAndCheck[asset];
                for (const QString &checkId : req.checks) {
                    for (const ScoredResult *r : checks.value(checkId))
                        fold.add(*r);
                }
                tally(score, fold, weightPassed, weightEvaluated);
            }
        }
    }

    if (score.passed + score.failed > 0)
        score.percent = 100.0 * score.passed / (score.passed + score.failed);
    if (weightEvaluated > 0)
        score.weightedPercent = 100.0 * weightPassed / weightEvaluated;
    return score;
}

} // namespace triad
