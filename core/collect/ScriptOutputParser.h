#pragma once

#include "collect/CollectionScript.h"
#include "collect/Transport.h"

#include <QByteArray>
#include <QDateTime>

namespace triad {

/// Splits what a CollectionScript printed into host facts and one RawOutput per collector, in
/// plan order. Binary-safe. A collector whose frame is missing (the script died, the connection
/// broke) gets status Error; one whose exit code is 124 gets Timeout; 90, Error (needs root).
/// Each output's durationMs comes from the script's uptime stamps (0 where the host gave none).
CollectionBatch parseScriptOutput(const QByteArray &output, const CollectionScript &script, const QDateTime &collectedAt);

/// True when the output carries the script's final DONE frame.
bool scriptCompleted(const QByteArray &output, const CollectionScript &script);

} // namespace triad
