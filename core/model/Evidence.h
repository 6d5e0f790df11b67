#pragma once

#include <QByteArray>
#include <QDateTime>
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
};

} // namespace triad
