#pragma once

#include "model/CheckResult.h"
#include "model/Enums.h"
#include "model/Evidence.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace triad {

struct ProjectInfo {
    QString name;
    QString customer;
    QDateTime createdAt;
};

struct Asset {
    qint64 id = 0;
    QString name;                   ///< unique within the project
    QString kind = QStringLiteral("linux");     ///< linux, docker, k8s-node, aws
    QString transport = QStringLiteral("ssh");  ///< local, ssh, docker, k8s, aws
    QString address;
    int port = 22;
    QString user;
    QStringList tags;
    QString credentialRef;          ///< "key:/path", "agent", "vault:<name>", or empty
    QString hostKeySha256;          ///< pinned "SHA256:…" fingerprint
    bool useSudo = false;
    QString proxyJump;              ///< name of another asset used as jump host, or "[user@]host[:port]"
    QString notes;
    QString sudoCredentialRef;      ///< "vault:<name>" of the password for `sudo -S`, or empty (sudo -n)
};

/// One sealed secret of the credential vault, as stored (never the plaintext).
struct StoredCredential {
    qint64 id = 0;
    QString name;                   ///< unique; assets refer to it as "vault:<name>"
    QString kind;                   ///< password, sudo-password, key-passphrase, ...
    QByteArray sealed;              ///< SealedBox blob
    QDateTime createdAt;
};

enum class RunStatus { Running, Completed, Incomplete, Cancelled, Failed };
QString toString(RunStatus status);
std::optional<RunStatus> runStatusFromString(const QString &text);

struct RunInfo {
    qint64 id = 0;
    QString templateId;
    QString templateVersion;
    QString templateSha256;
    QString templateTitle;
    QString tailoringName;
    QString parametersJson;
    QDateTime startedAt;
    QDateTime finishedAt;
    RunStatus status = RunStatus::Running;
    QString operatorName;
    QString appVersion;
    qint64 pid = 0;                 ///< of the process running it, for crash recovery
    QString hostname;               ///< of the machine running it
    qint64 derivedFromRunId = 0;    ///< re-evaluation of a stored run; 0 = collected anew
    qint64 tailoringId = 0;         ///< the stored tailoring version it used; 0 = none
    int tailoringVersion = 0;       ///< read back only
    QString tailoringSha256;        ///< read back only
};

/// One version of a project's tailoring of a template, kept as the YAML that was imported.
struct StoredTailoring {
    qint64 id = 0;
    QString templateId;
    QString name;
    int version = 0;                ///< 1, 2, ... per (template, name); a changed text is a new version
    QString yaml;
    QString sha256;
    QDateTime createdAt;
};

enum class AssetRunStatus { Pending, Ok, Unreachable, Error, Cancelled };
QString toString(AssetRunStatus status);
std::optional<AssetRunStatus> assetRunStatusFromString(const QString &text);

/// How one asset fared in a run.
struct AssetRunRecord {
    qint64 runId = 0;
    qint64 assetId = 0;
    QString assetName;
    AssetRunStatus status = AssetRunStatus::Pending;
    QString error;
    qint64 durationMs = 0;
    HostFacts facts;
    AssetTimings timings;
};

/// One collector's time over the assets of a run (ProjectDatabase::slowestCollectors).
struct CollectorTime {
    QString collectorKey;
    QString command;
    qint64 totalMs = 0;     ///< summed over the assets
    qint64 maxMs = 0;       ///< on the slowest asset
    int assets = 0;
};

struct StoredEvidence {
    qint64 id = 0;
    qint64 runId = 0;
    qint64 assetId = 0;
    RawOutput raw;
    QString sha256;                 ///< of raw.stdoutData
};

struct StoredResult {
    qint64 id = 0;
    qint64 runId = 0;
    qint64 assetId = 0;
    QString assetName;
    CheckResult result;             ///< result.status is the final status (after waivers)
    CheckStatus rawStatus = CheckStatus::Error;
    Severity severity = Severity::Medium;
    QString title;
    QStringList requirementIds;
    QList<qint64> evidenceIds;
};

struct AuditEntry {
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString action;
    QString details;
};

} // namespace triad
