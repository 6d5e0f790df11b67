#include "Reevaluator.h"

#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "engine/Planner.h"
#include "engine/TailoringLoader.h"
#include "scan/PlanEvaluation.h"
#include "scan/RunScore.h"

namespace triad {

Result<ScanSummary> Reevaluator::reevaluate(ProjectDatabase &db, const Catalog &catalog, qint64 runId, const QString &operatorName)
{
    auto old = db.run(runId);
    if (!old)
        return old.error();
    if (old->status == RunStatus::Running)
        return makeError(Error::Code::InvalidInput, QStringLiteral("run %1 is still running").arg(runId));
    std::optional<Tailoring> tailoring;
    if (old->tailoringId) {
        auto stored = db.tailoring(old->tailoringId);
        if (!stored)
            return stored.error();
        auto loaded = TailoringLoader::loadText(stored->yaml.toUtf8(),
                                                QStringLiteral("%1 (project, version %2)").arg(stored->name).arg(stored->version));
        if (!loaded)
            return loaded.error();
        tailoring = *loaded;
    }
    auto plan = Planner::plan(catalog, old->templateId, tailoring ? &*tailoring : nullptr);
    if (!plan)
        return plan.error();
    auto assets = db.runAssets(runId);
    if (!assets)
        return assets.error();

    auto prepared = newRunInfo(db, *plan, operatorName);
    if (!prepared)
        return prepared.error();
    RunInfo info = *prepared;
    info.tailoringId = old->tailoringId;
    info.derivedFromRunId = runId;
    auto newRun = db.beginRun(info);
    if (!newRun)
        return newRun.error();
    (void)db.appendAudit(operatorName, QStringLiteral("run.reevaluate"),
                         QStringLiteral("run %1 from the evidence of run %2 (template %3 %4, was %5)")
                             .arg(*newRun).arg(runId).arg(info.templateId, info.templateVersion, old->templateVersion));

    ScanSummary summary;
    summary.runId = *newRun;
    summary.assetCount = int(assets->size());
    for (AssetRunRecord record : std::as_const(*assets)) {
        record.runId = *newRun;
        QList<RawOutput> evidence;
        QList<StoredResult> rows;
        if (record.status == AssetRunStatus::Ok && !record.assetId) {
            record.status = AssetRunStatus::Error;
            record.error = QStringLiteral("the asset was removed from the project; its evidence cannot be matched");
        } else if (record.status == AssetRunStatus::Ok) {
            auto stored = db.evidenceForRunAsset(runId, record.assetId);
            if (!stored) {
                (void)db.finishRun(*newRun, RunStatus::Failed, QDateTime::currentDateTimeUtc());
                return stored.error();
            }
            for (const StoredEvidence &e : std::as_const(*stored))
                evidence << e.raw;
            rows = resultRows(*plan, Evaluator::evaluatePlan(*plan, observePlan(*plan, evidence)));
            ++summary.reachedAssets;
        }
        summary.resultCount += int(rows.size());
        if (auto s = db.storeAssetResults(*newRun, record, evidence, rows); !s) {
            (void)db.finishRun(*newRun, RunStatus::Failed, QDateTime::currentDateTimeUtc());
            return s.error();
        }
    }
    if (auto s = db.finishRun(*newRun, RunStatus::Completed, QDateTime::currentDateTimeUtc()); !s)
        return s.error();
    summary.runStatus = toString(RunStatus::Completed);
    auto score = scoreStoredRun(db, *newRun, &catalog);
    if (!score)
        return score.error();
    summary.score = *score;
    return summary;
}

} // namespace triad
