#pragma once

#include "common/Result.h"
#include "model/Plan.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace triad {

/// One POSIX sh script that runs every collector of a plan on a target, in one round trip
/// (DESIGN.md §2). Runs under dash, busybox sh and bash; changes nothing on the host.
///
/// Output framing, with a random per-script nonce so that no output can forge a frame:
///   @@TRIAD:<nonce>:FACTS / …facts… / @@TRIAD:<nonce>:FACTSEND:<uptime>
///   @@TRIAD:<nonce>:BEGIN:<i>\n <stdout of collector i, capped> \n@@TRIAD:<nonce>:END:<i>:<exit code>:<uptime>\n
///   @@TRIAD:<nonce>:ERR:<i>\n <stderr, capped> \n@@TRIAD:<nonce>:ERREND:<i>\n
///   @@TRIAD:<nonce>:DONE
/// <uptime> is the host's /proc/uptime (seconds, two decimals) when the frame was printed, empty
/// where it cannot be read: consecutive stamps give each collector's duration.
/// Exit code 124: the collector's timeout fired. 90: it needs root and `sudo -n` was refused.
struct CollectionScript {
    QByteArray text;
    QByteArray nonce;
    QList<PlannedCollector> collectors;     ///< index i in the output = collectors[i]
};

constexpr int kExitTimedOut = 124;
constexpr int kExitNeedsRoot = 90;
constexpr qint64 kStderrCap = 64 * 1024;

/// Every value from a template reaches the script through shellQuote(). Names that become part
/// of a path (sysctl keys) and file-name patterns are checked against a strict character set.
Result<CollectionScript> buildCollectionScript(const QList<PlannedCollector> &collectors);

/// A short command line an auditor can read in the evidence ("sshd -T", "stat -L /etc/shadow").
QString displayCommand(const CollectorDef &collector);

/// The POSIX sh snippet of one collector (exposed for tests).
Result<QString> collectorSnippet(const CollectorDef &collector);

} // namespace triad
