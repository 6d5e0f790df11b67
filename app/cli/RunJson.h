#pragma once

#include "common/Result.h"
#include "lifecycle/Scoring.h"

#include <QJsonObject>

namespace triad {

class ProjectDatabase;

/// The documented `scan --json` / `results --json` document of one run (README "JSON formats"):
/// {"run": {...}, "assets": [...], "results": [...], "score": {...}}.
Result<QJsonObject> runDocument(ProjectDatabase &db, qint64 runId, const Score &score);

QJsonObject scoreJson(const Score &score);

} // namespace triad
