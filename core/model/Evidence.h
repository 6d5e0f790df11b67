#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QVariant>

namespace triad {

/// Facts about the target recorded with each asset of a run.
struct HostFacts {
    QString hostname;
    QString kernel;
    QString osId;           ///< os-release ID, e.g. "debian"
    QString osVersion;      ///< os-release VERSION_ID
    QString osPrettyName;
};

/// Where one asset's assessment spent its time and what crossed the wire: the transport fills
/// the first part, the scanner the evaluation and storage.
struct AssetTimings {
    qint64 connectMs = 0;       ///< TCP, key exchange, host key check (jump host included)
    qint64 authMs = 0;          ///< user authentication
    qint64 collectMs = 0;       ///< sending the script, running it, reading its output
    qint64 evaluateMs = 0;
    qint64 storeMs = 0;         ///< the asset's database transaction
    qint64 bytesSent = 0;       ///< SSH channel payload (local: the script's size)
    qint64 bytesReceived = 0;
    int commands = 0;           ///< commands started on the host: the round trips of the collection
};
/// The JSON form kept in the project and printed by the CLI (keys connect_ms, auth_ms, …).
QJsonObject toJson(const AssetTimings &timings);
AssetTimings assetTimingsFromJson(const QJsonObject &json);

/// How running one collector on one asset went.
enum class CollectionStatus {
    Ok,         ///< ran; exit code and output recorded (a non-zero exit may still be meaningful)
    Timeout,    ///< killed after its timeout
    Error,      ///< could not run (transport failure, sudo refused, script broke off)
    Skipped,    ///< not run (cancelled, or the asset was unreachable)
};

QString toString(CollectionStatus status);

/// The raw output of one collector on one asset: what is stored as evidence.
struct RawOutput {
    QString collectorKey;
    QString command;            ///< what ran, as shown to an auditor (never holds a secret)
    int exitCode = -1;
    QByteArray stdoutData;      ///< capped at the collector's maxBytes
    QByteArray stderrData;      ///< capped
    bool truncated = false;     ///< stdout was longer than the cap
    CollectionStatus status = CollectionStatus::Skipped;
    QString errorMessage;
    QDateTime collectedAt;      ///< UTC
    qint64 durationMs = 0;
};

/// A collector's output after parsing: what the evaluator reads. Pure function of a RawOutput.
struct Observation {
    enum class State {
        Value,      ///< value holds the parsed data
        Missing,    ///< the thing is not there (file absent, package not installed, key unset)
        Error,      ///< could not be collected or parsed: checks reading it give `error`
    };
    State state = State::Error;
    /// QVariantMap / QVariantList / QString / qint64 / bool, nested. For Missing it may still
    /// carry facts (stat: {exists: false}).
    QVariant value;
    QString error;              ///< for State::Error: why
    /// Collectors that merge several files: where the value of each top-level key was set
    /// ("/etc/sysctl.d/60-net.conf:4"). Results show it next to the value.
    QHash<QString, QString> origins;
    /// What an unset key means for this observation ("not set in any sysctl configuration
    /// file"); empty: just "not set".
    QString unsetText;
};

} // namespace triad
