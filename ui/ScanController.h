#pragma once

#include "common/Result.h"
#include "scan/ScanTypes.h"

#include <QFuture>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <memory>

namespace triad {

class Catalog;

/// Runs one assessment at a time for the GUI: core's Scanner on a worker thread of its own, with
/// its own read-write ProjectDatabase connection. Progress arrives on the GUI thread by queued
/// signals and the outcome through a QFuture continuation, so the window never waits for a host,
/// for SQLite or for the end of the scan (CONVENTIONS.md 4).
class ScanController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScanController)
public:
    explicit ScanController(QObject *parent = nullptr);
    /// Cancels a running scan and waits for it to wind down (Scanner::cancel stops collections
    /// within about a second), so no worker outlives the objects it reports to.
    ~ScanController() override;

    /// Starts assessing `projectPath` with `request`. When `request.tailoringYaml` is set and
    /// `request.tailoring` is not, the YAML is parsed on the worker. False (nothing started)
    /// while another scan runs or without a catalog.
    bool start(const QString &projectPath, std::shared_ptr<const Catalog> catalog, ScanRequest request);
    /// Thread-safe and idempotent: assets not yet started are skipped, running collections are
    /// stopped, finished assets keep their results; the run ends as "cancelled".
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] bool isCancelling() const;

signals:
    void runStarted(qint64 runId, int assetCount);
    void assetStageChanged(const QString &asset, triad::AssetStage stage, const QString &detail);
    /// The scan ended (completed, cancelled or failed before or while storing).
    void finished(const triad::Result<triad::ScanSummary> &summary);

private:
    struct Job;

    QThreadPool m_worker;   ///< one thread: a scan never takes a slot of the global pool the loaders use
    std::shared_ptr<Job> m_job;
    QFuture<Result<ScanSummary>> m_future;
    bool m_running = false;
};

} // namespace triad
