#pragma once

#include "common/Result.h"
#include "db/IssueTypes.h"
#include "db/ProjectTypes.h"
#include "db/ReportTypes.h"
#include "lifecycle/Scoring.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <memory>


namespace triad {

/// One project file (*.triad): SQLite in WAL mode with foreign keys, schema migrations by
/// PRAGMA user_version, prepared statements only (DESIGN.md §4, CONVENTIONS.md 5).
///
/// An object owns one named connection and must be used from the thread that created it. The
/// scanner gives each thread that writes its own object; SQLite serialises writers.
class ProjectDatabase final {
public:
    enum class OpenMode { ReadOnly, ReadWrite };

    /// Creates a new project file; fails if the file exists.
    static Result<std::unique_ptr<ProjectDatabase>> create(const QString &path, const ProjectInfo &info);
    /// Opens an existing project. The file is inspected before SQLite touches it: an empty file,
    /// a file that is not SQLite, an SQLite file of another application and a file from a newer
    /// Triad are refused without being modified. Older schemas are migrated (ReadWrite only).
    static Result<std::unique_ptr<ProjectDatabase>> open(const QString &path, OpenMode mode = OpenMode::ReadWrite);

    ~ProjectDatabase();
    ProjectDatabase(const ProjectDatabase &) = delete;
    ProjectDatabase &operator=(const ProjectDatabase &) = delete;

    static int currentSchemaVersion();
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] bool isReadOnly() const { return m_mode == OpenMode::ReadOnly; }

    Result<ProjectInfo> projectInfo();

    Result<qint64> addAsset(const Asset &asset);
    Status updateAsset(const Asset &asset);
    Status removeAsset(qint64 id);
    Result<QList<Asset>> assets();
    Result<Asset> assetByName(const QString &name);

    /// Keeps the exact template text a run used (once per template id and SHA-256).
    Status recordTemplateUse(const QString &templateId, const QString &version, const QString &sha256,
                             const QByteArray &content);
    Result<QByteArray> templateContent(const QString &templateId, const QString &sha256);

    Result<qint64> beginRun(const RunInfo &run);
    Status finishRun(qint64 runId, RunStatus status, const QDateTime &finishedAt);
    Result<QList<RunInfo>> runs();
    Result<RunInfo> run(qint64 id);
    /// 0 when there is no run yet.
    Result<qint64> latestRunId();

    /// Stores one asset's outcome in a run: its run_assets row, its evidence (SHA-256 computed
    /// here), its results and their links to the evidence they read (by collector key), with
    /// active waivers applied (status `waived`, raw status kept) and the asset's issues updated
    /// by the lifecycle rules. One transaction: on failure nothing of it is stored, and no issue
    /// changes.
    Status storeAssetResults(qint64 runId, const AssetRunRecord &record, const QList<RawOutput> &evidence,
                             const QList<StoredResult> &results);
    /// The storage time is known only once the asset's transaction has committed: it is added after.
    Status recordStoreTime(qint64 runId, const QString &assetName, qint64 storeMs);
    /// The run's collectors by their summed duration over all assets, slowest first.
    Result<QList<CollectorTime>> slowestCollectors(qint64 runId, int limit);
    Result<QList<AssetRunRecord>> runAssets(qint64 runId);
    Result<QList<StoredResult>> results(qint64 runId);
    Result<StoredEvidence> evidence(qint64 id);
    Result<QList<StoredEvidence>> evidenceForResult(qint64 resultId);
    /// Every evidence row one asset produced in one run (what a re-evaluation reads).
    Result<QList<StoredEvidence>> evidenceForRunAsset(qint64 runId, qint64 assetId);

    /// The credential vault (DESIGN.md §5); implemented in ProjectDatabaseCredentials.cpp.
    /// Only sealed blobs pass through here: the database never sees a plaintext secret.
    /// The sealed check value of the vault passphrase; empty when the project has no vault yet.
    Result<QByteArray> vaultCheckValue();
    /// Creates the vault with its check value; fails when one exists.
    Status createVault(const QByteArray &sealedCheckValue);
    /// A passphrase change: the vault key sealed under the new passphrase (one row, atomic).
    Status replaceVaultCheckValue(const QByteArray &sealedCheckValue);
    /// Adds a credential or replaces the sealed value and kind of the one of that name.
    Status storeCredential(const QString &name, const QString &kind, const QByteArray &sealed);
    Result<QList<StoredCredential>> credentials();
    Status removeCredential(const QString &name);

    // The issue lifecycle (ProjectDatabaseIssues.cpp). Issues are updated by storeAssetResults,
    // in the same transaction as the results that change them.
    /// Records a waiver and its creation in the audit log.
    Result<qint64> addWaiver(const Waiver &waiver, const QString &actor);
    Status changeWaiverExpiry(qint64 id, const QDate &expiresOn, const QString &actor);
    /// Ends a waiver now; its issues count again from the next evaluation on.
    Status endWaiver(qint64 id, const QString &actor, const QString &reason);
    Result<QList<Waiver>> waivers();
    /// Issues, most severe open ones first.
    Result<QList<IssueRecord>> issues(const IssueFilter &filter = {});
    Result<int> countIssues(const IssueFilter &filter = {});
    Result<QList<IssueEventRecord>> issueEvents(qint64 issueId);
    /// The newest stored result of an issue's (asset, check, subject), with its evidence ids;
    /// NotFound when the issue or its result is gone. One indexed lookup, not a run's results.
    Result<StoredResult> resultForIssue(qint64 issueId);
    /// Issues matching `filter` per severity (the dashboard's severity breakdown).
    Result<QMap<Severity, int>> issueCountsBySeverity(const IssueFilter &filter = {});
    /// The checks with the most issues matching `filter`, most first (at most `limit`).
    Result<QList<CheckIssueCount>> issueCountsByCheck(const IssueFilter &filter, int limit);
    /// Results folded per (run, asset, check), aggregated in SQL: of run `runId`, or of every run
    /// when it is 0 (ProjectDatabaseAggregates.cpp).
    Result<QList<CheckFold>> checkFolds(qint64 runId = 0);
    /// The automated requirement score of run `runId`, or of every run when it is 0 (manual
    /// requirements not counted), aggregated in SQL: the same passed, failed, errors, not
    /// applicable and percentages as scoreStoredRun.
    Result<QMap<qint64, Score>> automatedScoresByRun(qint64 runId = 0);
    /// Stores an attestation with copies of its evidence files (name, content) and their SHA-256.
    Result<qint64> addAttestation(const Attestation &attestation, const QList<QPair<QString, QByteArray>> &files);
    /// All attestations, or those of one template; newest last.
    Result<QList<Attestation>> attestations(const QString &templateId = {});
    Result<QByteArray> attestationFileContent(qint64 fileId);
    /// New, fixed, regressed and still-open results and changed evidence from run A to run B.
    Result<RunComparison> compareRuns(qint64 runA, qint64 runB);

    // Tailorings (ProjectDatabaseTailorings.cpp).
    /// Keeps `yaml` as the newest version of tailoring `name` of `templateId` unless it equals the
    /// newest version already stored (then that one is returned). Audit-logged.
    Result<StoredTailoring> storeTailoring(const QString &templateId, const QString &name, const QString &yaml, const QString &actor);
    Result<StoredTailoring> tailoring(qint64 id);
    /// The newest version, or `version` when it is not 0.
    Result<StoredTailoring> latestTailoring(const QString &templateId, const QString &name, int version = 0);
    Result<QList<StoredTailoring>> tailorings();

    // Exported reports (ProjectDatabaseReports.cpp, schema 4).
    /// Records an exported report and writes its export to the audit log; returns its id.
    Result<qint64> recordReport(const ReportRecord &report);
    Status setReportSignature(qint64 reportId, const QString &signatureSha256, const QString &signerSubject);
    Result<QList<ReportRecord>> reports();
    /// The recorded reports whose file had this SHA-256 (lower-case hex); empty when none.
    Result<QList<ReportRecord>> reportsWithSha256(const QString &sha256);
    /// The evidence of a run without its output bytes, in id order.
    Result<QList<EvidenceSummary>> evidenceSummaries(qint64 runId);
    /// Issue events per run: run id -> event word ("opened", "fixed", ...) -> count.
    Result<QMap<qint64, QMap<QString, int>>> issueEventCountsByRun();

    Status appendAudit(const QString &actor, const QString &action, const QString &details);
    Result<QList<AuditEntry>> auditLog();

private:
    ProjectDatabase(QString path, OpenMode mode);
    Status connect();
    Status migrate();
    Status recoverAbandonedRuns();
    /// Marks raw failures covered by an active waiver as waived; returns the waiver of each
    /// (check, subject) key it covered.
    Result<QHash<QString, qint64>> applyWaivers(qint64 assetId, const QString &assetName, QList<StoredResult> &results,
                                                const QDateTime &at);
    Status trackIssues(qint64 runId, const QString &assetName, const QList<StoredResult> &results,
                       const QHash<QString, qint64> &waiverByKey, const QDateTime &at);
    Error sqlError(const QSqlQuery &query, const QString &what) const;
    Error sqlError(const QString &what) const;
    /// Prepares and executes `sql` with `values` bound in order.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {});
    /// exec() of a statement that must change exactly one row; `what` names it when none is found.
    Status execOne(const QString &sql, const QVariantList &values, const QString &what);
    /// Runs `work` in one transaction: committed when it succeeds, rolled back when it or the
    /// commit fails (`what` names the write in the commit error).
    Status inTransaction(const QString &what, const std::function<Status()> &work);
    /// exec() of a query, each row turned into a T by `row`.
    template <typename T, typename RowFn>
    Result<QList<T>> selectAll(const QString &sql, const QVariantList &values, RowFn row)
    {
        auto q = exec(sql, values);
        if (!q)
            return q.error();
        QList<T> list;
        while (q->next())
            list << row(*q);
        return list;
    }

    QString m_path;
    OpenMode m_mode;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_schemaVersion = 0;
};

} // namespace triad
