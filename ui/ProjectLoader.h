#pragma once

#include "common/Result.h"
#include "db/ProjectTypes.h"

#include <QFuture>
#include <QList>
#include <QString>

#include <memory>

namespace triad {

/// What the main window shows of a project: read on a worker thread with its own connection.
struct ProjectSnapshot {
    QString path;
    ProjectInfo info;
    QList<Asset> assets;
    QList<RunInfo> runs;
};

/// The results of one run with the evidence they read.
struct RunDetails {
    RunInfo run;
    QList<AssetRunRecord> assets;
    QList<StoredResult> results;
};

/// Database reads for the GUI. Each call opens the project read-only on a pool thread, so the
/// GUI thread never waits for SQLite (CONVENTIONS.md 4).
class Catalog;

namespace ProjectLoader {
/// The shipped templates, for check descriptions, remediation and verification steps.
QFuture<std::shared_ptr<const Catalog>> loadCatalog();
QFuture<Result<ProjectSnapshot>> loadProject(const QString &path);
QFuture<Result<RunDetails>> loadRun(const QString &path, qint64 runId);
QFuture<Result<QList<StoredEvidence>>> loadEvidence(const QString &path, qint64 resultId);
} // namespace ProjectLoader

} // namespace triad
