#pragma once

#include "common/Result.h"
#include "db/ProjectTypes.h"
#include "lifecycle/Scoring.h"

#include <QHash>
#include <QJsonObject>

namespace triad {

class ProjectDatabase;

/// The documented `scan --json` / `results --json` document of one run (README "JSON formats"):
/// {"run": {...}, "assets": [...], "results": [...], "score": {...}}. The report JSON is this
/// document with more keys beside them, built by the same function.
Result<QJsonObject> runDocument(ProjectDatabase &db, qint64 runId, const Score &score);

/// The same from rows already loaded; `evidenceSha` maps evidence ids to their SHA-256.
QJsonObject runDocument(const RunInfo &run, const QList<AssetRunRecord> &assets, const QList<StoredResult> &results,
                        const QHash<qint64, QString> &evidenceSha, const Score &score);

QJsonObject scoreJson(const Score &score);

} // namespace triad
