#include "Reevaluator.h"

#include "collect/CollectionScript.h"
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "engine/Planner.h"
#include "engine/TailoringLoader.h"
#include "scan/PlanEvaluation.h"
#include "scan/RunScore.h"

namespace triad {

namespace {

/// The stored outputs as the plan may read them: an output collected with other parameters than
/// the plan's collector (another path, other roots for the walk, because the tailoring applied now
/// changed a collector parameter) is not evidence for it. Its checks get `error` with the reason,
/// instead of a verdict about something that was never collected. Threshold parameters, disabled
/// checks and severities change only the evaluation and re-evaluate cleanly.
QList<RawOutput> evidenceForPlan(const Plan &plan, const QList<RawOutput> &stored)
{
    QHash<QString, QString> planned;
    for (const PlannedCollector &c : plan.collectors)
        planned.insert(c.key, displayCommand(c.spec));
    QList<RawOutput> usable = stored;
    for (RawOutput &raw : usable) {
        const auto it = planned.constFind(raw.collectorKey);
        if (it == planned.cend() || *it == raw.command)
            continue;
        raw.errorMessage = QStringLiteral("the stored evidence was collected as \"%1\"; this evaluation needs \"%2\": "
                                          "assess the asset again to use these parameters")
                               .arg(raw.command, *it);
        raw.status = CollectionStatus::Error;
        raw.stdoutData.clear();
        raw.stderrData.clear();
    }
    return usable;
}

} // namespace

Result<ScanSummary> Reevaluator::reevaluate(ProjectDatabase &db, const Catalog &catalog, qint64 runId, const QString &operatorName,
                                            std::optional<qint64> tailoringId)
{
    auto old = db.run(runId);
    if (!old)
        return old.error();
    if (old->status == RunStatus::Running)
        return makeError(Error::Code::InvalidInput, QStringLiteral("run %1 is still running").arg(runId));
    const qint64 appliedTailoringId = tailoringId.value_or(old->tailoringId);
    QString tailoringNote = tailoringId == qint64(0) ? QStringLiteral(", no tailoring") : QString();
    std::optional<Tailoring> tailoring;
    if (appliedTailoringId) {
        auto stored = db.tailoring(appliedTailoringId);
        if (!stored)
            return stored.error();
        if (stored->templateId != old->templateId)
            return makeError(Error::Code::InvalidInput, QStringLiteral("tailoring \"%1\" is for template %2, run %3 used %4")
                                                            .arg(stored->name, stored->templateId).arg(runId).arg(old->templateId));
        if (tailoringId)    // chosen, not the run's own: the audit log says which
            tailoringNote = QStringLiteral(", tailoring %1 v%2").arg(stored->name).arg(stored->version);
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
    info.tailoringId = appliedTailoringId;
    info.derivedFromRunId = runId;
    auto newRun = db.beginRun(info);
    if (!newRun)
        return newRun.error();
    (void)db.appendAudit(operatorName, QStringLiteral("run.reevaluate"),
                         QStringLiteral("run %1 from the evidence of run %2 (template %3 %4, was %5%6)")
                             .arg(*newRun).arg(runId).arg(info.templateId, info.templateVersion, old->templateVersion, tailoringNote));

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
            rows = resultRows(*plan, Evaluator::evaluatePlan(*plan, observePlan(*plan, evidenceForPlan(*plan, evidence))));
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
