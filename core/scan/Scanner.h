#pragma once

#include "common/Result.h"
#include "scan/ScanTypes.h"

#include <QObject>

#include <atomic>

namespace triad {

class Catalog;
class ProjectDatabase;

/// Runs an assessment: plans the template once, collects from each asset through its transport
/// (bounded concurrency), evaluates the evidence, and stores each asset's evidence and results in
/// one transaction as soon as that asset is done.
///
/// run() blocks; the GUI calls it on a worker thread (the database object must belong to that
/// thread). Progress signals are emitted from the calling thread and from pool threads: connect
/// with Qt::QueuedConnection (the default across threads).
class Scanner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Scanner)
public:
    Scanner(ProjectDatabase &database, const Catalog &catalog, QObject *parent = nullptr);
    ~Scanner() override;

    /// Errors only for what stops the whole run (unknown template, bad tailoring, no asset
    /// matches, database failure). An unreachable asset is recorded in the run, not an error.
    Result<ScanSummary> run(const ScanRequest &request);

    /// Thread-safe. Assets not yet started are skipped; running collections are stopped;
    /// finished assets keep their results.
    void cancel();

signals:
    void runStarted(qint64 runId, int assetCount);
    void assetStageChanged(const QString &asset, triad::AssetStage stage, const QString &detail);

private:
    ProjectDatabase &m_database;
    const Catalog &m_catalog;
    std::atomic_bool m_cancel{false};
};

} // namespace triad
