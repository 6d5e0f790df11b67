#include "Scanner.h"

#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "engine/Planner.h"
#include "eval/Evaluator.h"
#include "scan/AssetSelection.h"
#include "scan/PlanEvaluation.h"
#include "scan/RunScore.h"
#include "scan/TransportFactory.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QQueue>
#include <QThreadPool>
#include <QWaitCondition>

#include <unistd.h>

namespace triad {

QString toString(AssetStage stage)
{
    switch (stage) {
    case AssetStage::Queued: return QStringLiteral("queued");
    case AssetStage::Connecting: return QStringLiteral("connecting");
    case AssetStage::Collecting: return QStringLiteral("collecting");
    case AssetStage::Evaluating: return QStringLiteral("evaluating");
    case AssetStage::Storing: return QStringLiteral("storing");
    case AssetStage::Done: return QStringLiteral("done");
    case AssetStage::Failed: return QStringLiteral("failed");
    case AssetStage::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

namespace {

/// Everything one asset produced, handed from a pool thread to the storing thread.
struct AssetOutcome {
    Asset asset;
    AssetRunStatus status = AssetRunStatus::Error;
    QString error;
    qint64 durationMs = 0;
    AssetTimings timings;
    HostFacts facts;
    QList<RawOutput> evidence;
    QList<CheckResult> results;
    QString hostKeyToPin;   ///< fingerprint accepted during this run, recorded on the asset
};

/// Pool threads push finished assets; the thread that owns the database pops and stores them.
class OutcomeQueue {
public:
    void push(AssetOutcome outcome)
    {
        QMutexLocker lock(&m_mutex);
        m_queue.enqueue(std::move(outcome));
        m_ready.wakeOne();
    }
    AssetOutcome pop()
    {
        QMutexLocker lock(&m_mutex);
        while (m_queue.isEmpty())
            m_ready.wait(&m_mutex);
        return m_queue.dequeue();
    }

private:
    QMutex m_mutex;
    QWaitCondition m_ready;
    QQueue<AssetOutcome> m_queue;
};

AssetOutcome assessAsset(const Asset &asset, const Plan &plan, const ScanRequest &request,
                         const std::atomic_bool &cancel, Scanner *progress)
{
    AssetOutcome out;
    out.asset = asset;
    if (cancel) {
        out.status = AssetRunStatus::Cancelled;
        out.error = QStringLiteral("cancelled before it started");
        return out;
    }
    QElapsedTimer timer;
    timer.start();

    emit progress->assetStageChanged(asset.name, AssetStage::Connecting, {});
    TransportOptions transportOptions;
    transportOptions.acceptNewHostKeys = request.acceptNewHostKeys;
    transportOptions.vault = request.vault.get();
    auto transport = makeTransport(asset, transportOptions);
    if (!transport) {
        out.status = AssetRunStatus::Error;
        out.error = transport.error().message;
        out.durationMs = timer.elapsed();
        return out;
    }

    emit progress->assetStageChanged(asset.name, AssetStage::Collecting, {});
    CollectOptions options;
    options.overallTimeoutSeconds = request.overallTimeoutSeconds;
    options.cancel = &cancel;
    auto batch = (*transport)->collect(plan.collectors, options);
    out.timings = (*transport)->timings();
    if (!batch) {
        const Error &e = batch.error();
        out.status = e.code == Error::Code::Cancelled ? AssetRunStatus::Cancelled
                     : e.code == Error::Code::Transport || e.code == Error::Code::Timeout
                         ? AssetRunStatus::Unreachable
                         : AssetRunStatus::Error;
        out.error = e.message;
        out.durationMs = timer.elapsed();
        return out;
    }

    emit progress->assetStageChanged(asset.name, AssetStage::Evaluating, {});
    QElapsedTimer evaluation;
    evaluation.start();
    out.results = Evaluator::evaluatePlan(plan, observePlan(plan, batch->outputs));
    out.timings.evaluateMs = evaluation.elapsed();
    out.hostKeyToPin = hostKeyToPin(asset, **transport);
    out.facts = batch->facts;
    out.evidence = std::move(batch->outputs);
    out.status = cancel ? AssetRunStatus::Cancelled : AssetRunStatus::Ok;
    out.durationMs = timer.elapsed();
    return out;
}

} // namespace

Scanner::Scanner(ProjectDatabase &database, const Catalog &catalog, QObject *parent)
    : QObject(parent), m_database(database), m_catalog(catalog)
{
}

Scanner::~Scanner() = default;

void Scanner::cancel()
{
    m_cancel = true;
}

Result<ScanSummary> Scanner::run(const ScanRequest &request)
{
    m_cancel = false;
    auto plan = Planner::plan(m_catalog, request.templateId, request.tailoring ? &*request.tailoring : nullptr);
    if (!plan)
        return plan.error();
    auto allAssets = m_database.assets();
    if (!allAssets)
        return allAssets.error();
    auto assets = selectAssets(*allAssets, request.assetSelectors);
    if (!assets)
        return assets.error();

    auto prepared = newRunInfo(m_database, *plan, request.operatorName);
    if (!prepared)
        return prepared.error();
    RunInfo info = *prepared;
    if (request.tailoring && !request.tailoringYaml.isEmpty()) {
        const QString name = request.tailoring->name.isEmpty() ? QStringLiteral("unnamed") : request.tailoring->name;
        auto stored = m_database.storeTailoring(plan->assessment.id, name, request.tailoringYaml, request.operatorName);
        if (!stored)
            return stored.error();
        info.tailoringId = stored->id;
    }
    info.pid = ::getpid();
    auto runId = m_database.beginRun(info);
    if (!runId)
        return runId.error();
    (void)m_database.appendAudit(request.operatorName, QStringLiteral("scan.start"),
                                 QStringLiteral("run %1: template %2 %3 on %4 asset(s)")
                                     .arg(*runId).arg(info.templateId, info.templateVersion).arg(assets->size()));
    emit runStarted(*runId, int(assets->size()));

    OutcomeQueue queue;
    QThreadPool pool;
    pool.setMaxThreadCount(std::clamp(request.concurrency, 1, 256));
    for (const Asset &asset : std::as_const(*assets)) {
        emit assetStageChanged(asset.name, AssetStage::Queued, {});
        pool.start([&queue, &request, this, asset, planRef = &*plan] {
            queue.push(assessAsset(asset, *planRef, request, m_cancel, this));
        });
    }

    ScanSummary summary;
    summary.runId = *runId;
    summary.assetCount = int(assets->size());
    std::optional<Error> storeError;
    for (qsizetype i = 0; i < assets->size(); ++i) {
        AssetOutcome outcome = queue.pop();
        if (storeError)
            continue;   // keep draining so that the pool's tasks can finish

        const QList<StoredResult> stored = resultRows(*plan, outcome.results);

        AssetRunRecord record;
        record.runId = *runId;
        record.assetId = outcome.asset.id;
        record.assetName = outcome.asset.name;
        record.status = outcome.status;
        record.error = outcome.error;
        record.durationMs = outcome.durationMs;
        record.facts = outcome.facts;
        record.timings = outcome.timings;

        emit assetStageChanged(outcome.asset.name, AssetStage::Storing, {});
        QElapsedTimer storing;
        storing.start();
        if (auto s = m_database.storeAssetResults(*runId, record, outcome.evidence, stored); !s) {
            storeError = s.error();
            m_cancel = true;    // stop the others: their results could not be stored either
            continue;
        }
        (void)m_database.recordStoreTime(*runId, outcome.asset.name, storing.elapsed());   // a figure, not a result
        if (!outcome.hostKeyToPin.isEmpty()) {
            Asset pinned = outcome.asset;
            pinned.hostKeySha256 = outcome.hostKeyToPin;
            if (m_database.updateAsset(pinned))
                (void)m_database.appendAudit(request.operatorName, QStringLiteral("hostkey.pin"),
                                             QStringLiteral("%1: %2").arg(pinned.name, pinned.hostKeySha256));
        }
        if (outcome.status == AssetRunStatus::Ok)
            ++summary.reachedAssets;
        summary.resultCount += int(stored.size());
        const AssetStage stage = outcome.status == AssetRunStatus::Ok ? AssetStage::Done
                                 : outcome.status == AssetRunStatus::Cancelled ? AssetStage::Cancelled
                                                                               : AssetStage::Failed;
        emit assetStageChanged(outcome.asset.name, stage, outcome.error);
    }
    pool.waitForDone();

    const RunStatus status = storeError ? RunStatus::Failed : m_cancel ? RunStatus::Cancelled : RunStatus::Completed;
    (void)m_database.finishRun(*runId, status, QDateTime::currentDateTimeUtc());
    (void)m_database.appendAudit(request.operatorName, QStringLiteral("scan.finish"),
                                 QStringLiteral("run %1: %2").arg(*runId).arg(toString(status)));
    if (storeError)
        return *storeError;

    summary.runStatus = toString(status);
    // Scored as stored: waivers are applied by the database, and attestations count.
    auto score = scoreStoredRun(m_database, *runId, &m_catalog);
    if (!score)
        return score.error();
    summary.score = *score;
    return summary;
}

} // namespace triad
