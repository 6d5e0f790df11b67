#pragma once

// Everything a report shows, gathered once from the project database and the template a run
// used (ReportModelBuilder). Every writer (PDF, HTML, CSV, JSON, JUnit, OSCAL) reads only this,
// so the formats cannot disagree. Lists that grow with the fleet are capped here, with the true
// totals beside them, so that a 100-host report stays readable.

#include "db/IssueTypes.h"
#include "db/ProjectTypes.h"
#include "db/ReportTypes.h"
#include "lifecycle/RequirementVerdict.h"
#include "lifecycle/Scoring.h"
#include "model/TemplateModel.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace triad::report {

/// Caps that keep large runs usable; the model keeps the true counts beside each capped list.
struct ReportLimits {
    int affectedPerFinding = 25;        ///< assets/subjects listed under one finding
    int failingAssetsPerRequirement = 8;
    int excerptLines = 14;              ///< evidence excerpt of a finding
    int excerptChars = 1400;
    int lineChars = 160;                ///< a longer line is cut, with the count of what was cut
    int fieldChars = 400;               ///< actual/expected values and other host text in tables
    int changesListed = 30;             ///< new/fixed/regressed items listed in the summary
    int topRisks = 10;
    int trendRuns = 8;
    int evidenceListedItems = 2000;     ///< above this, uncited evidence is summarised per asset
};

struct StatusCounts {
    int pass = 0;
    int fail = 0;
    int error = 0;
    int notApplicable = 0;
    int manual = 0;
    int waived = 0;
    void add(CheckStatus status);
    [[nodiscard]] int total() const { return pass + fail + error + notApplicable + manual + waived; }
};

struct CoverFacts {
    QString projectName;
    QString customer;
    qint64 runId = 0;
    QString runStatus;
    QString templateId;
    QString templateTitle;
    QString templateVersion;
    QString templateSha256;
    QString templateSource;     ///< where the requirements came from: stored with the run, installed, none
    QString frameworkName;
    QString frameworkVersion;
    QString tailoring;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString operatorName;
    QString appVersion;         ///< of the run
    QString reportAppVersion;   ///< of the program writing the report
    QDateTime generatedAt;
    int assetCount = 0;
    int assetsReached = 0;
    QStringList scope;          ///< asset names of the run (capped for display by writers)
    qint64 derivedFromRunId = 0;
};

struct AssetRow {
    QString name;
    QString address;
    QString status;             ///< ok, unreachable, error, cancelled, pending
    QString error;
    QString hostname;
    QString os;
    QString kernel;
    qint64 durationMs = 0;
    StatusCounts counts;        ///< of its results
};

struct TrendPoint {
    qint64 runId = 0;
    QDateTime startedAt;
    std::optional<double> percent;
    int passed = 0;
    int failed = 0;
    int opened = 0;             ///< issue events recorded in that run
    int fixed = 0;
    int regressed = 0;
};

struct ChangeSummary {
    qint64 previousRunId = 0;   ///< 0: first run of this template, nothing to compare
    int newCount = 0;
    int fixedCount = 0;
    int regressedCount = 0;
    int stillOpenCount = 0;
    int changedEvidenceCount = 0;
    QList<ComparedResult> newItems;         ///< capped
    QList<ComparedResult> fixedItems;
    QList<ComparedResult> regressedItems;
};

struct TemplateScore {
    QString templateId;
    QString templateTitle;
    qint64 runId = 0;
    QDateTime startedAt;
    Score score;
};

struct TopRisk {
    QString checkId;
    QString title;
    Severity severity = Severity::Medium;
    int affectedAssets = 0;
    int affectedResults = 0;
    int regressed = 0;
    QStringList requirementIds;
};

struct RequirementRow {
    QString id;
    QString title;
    QStringList checks;
    QString mappingNote;
    bool manual = false;        ///< manual-only (no checks)
    /// pass, fail, error, waived, not_applicable, manual, not_assessed: the checks' status combined
    /// with the manual part by requirementVerdict() (`manual`: a person's verdict is outstanding)
    QString status;
    QString automatedStatus;    ///< what the checks say; empty for a manual-only requirement
    ManualPart manualPart = ManualPart::None;
    bool met = false;           ///< checks pass and the manual part (if any) is attested as passed
    QString statusText;         ///< "Checks pass · manual evidence outstanding"
    StatusCounts assets;        ///< one status per asset
    QStringList failingAssets;  ///< capped
    int failingAssetsTotal = 0;
    QString attestation;        ///< with a manual part: "pass by alice on 2026-11-20", or empty when not attested
};

struct RequirementSection {
    QString name;
    QList<RequirementRow> rows;
};

struct AffectedItem {
    QString asset;
    QString subject;
    CheckStatus status = CheckStatus::Fail;     ///< final status: fail, error or waived
    QString expected;
    QString actual;             ///< capped
    QString message;            ///< capped
    QList<qint64> evidenceIds;
    bool regressed = false;
    bool isNew = false;
};

struct Finding {
    QString checkId;
    QString title;
    Severity severity = Severity::Medium;
    QString description;
    QString rationale;
    QStringList requirementIds;
    int failCount = 0;
    int errorCount = 0;
    int waivedCount = 0;
    int affectedAssets = 0;
    int affectedTotal = 0;      ///< results listed or not
    QList<AffectedItem> affected;   ///< capped, failures first
    qint64 excerptEvidenceId = 0;
    QString excerptAsset;
    QString excerptCommand;
    QString excerpt;            ///< capped, control characters made visible
    bool excerptCut = false;
    RemediationDef remediation;
    VerificationDef verification;
    QStringList references;
    bool definitionKnown = false;   ///< the check is in the installed library
};

struct WaiverRow {
    Waiver waiver;
    QString state;              ///< active, expired, ended
    int waivedResults = 0;      ///< results of this run it covered
};

struct AttestationRow {
    Attestation attestation;
    QString requirementTitle;
    bool stale = false;         ///< a later attestation of the same requirement replaces it
};

/// A requirement with a manual part: manual-only, or mixed (it also lists checks).
struct ManualRequirement {
    QString id;
    QString title;
    QString askFor;
    QString verify;
    bool attested = false;
    QStringList checks;         ///< non-empty for a mixed requirement
    ManualPart part = ManualPart::NotAttested;
    QString statusText;         ///< as RequirementRow::statusText
};

struct EvidenceItem {
    qint64 id = 0;
    QString asset;
    QString collectorKey;
    QString command;            ///< capped
    int exitCode = -1;
    QString status;
    QDateTime collectedAt;
    qint64 size = 0;
    bool truncated = false;
    QString sha256;
    bool cited = false;         ///< read by a failed, errored or waived result
};

/// The evidence of one asset summarised: SHA-256 over "sha256  collector\n" lines in id order.
struct EvidenceManifest {
    QString asset;
    int items = 0;
    QString sha256;
};

struct ReportModel {
    ReportLimits limits;
    CoverFacts cover;
    Score score;
    StatusCounts resultCounts;  ///< every result of the run, by final status
    QList<int> failedBySeverity = QList<int>(5, 0);  ///< failed results (not waived) per Severity value
    QList<TemplateScore> otherTemplates;            ///< latest run of each other template of the project
    QList<AssetRow> assets;
    QList<TrendPoint> trend;    ///< oldest first, ends with this run
    ChangeSummary changes;
    QList<TopRisk> topRisks;
    QList<RequirementSection> sections;
    QList<Finding> findings;    ///< failing checks most severe first, then checks with errors only
    QList<WaiverRow> waivers;
    QList<AttestationRow> attestations;
    QList<ManualRequirement> manualRequirements;
    QList<EvidenceItem> evidence;           ///< every item, or only cited ones above the limit
    int evidenceTotal = 0;
    bool evidenceSummarised = false;        ///< uncited items only in `manifests`
    QList<EvidenceManifest> manifests;
    RunInfo run;                            ///< as stored (machine formats)
    QList<AssetRunRecord> runAssets;        ///< as stored (machine formats)
    QList<StoredResult> results;            ///< every result of the run, as stored (CSV, JUnit, JSON, OSCAL)
    QHash<qint64, QString> evidenceSha;     ///< evidence id -> SHA-256, for every item of the run
    QList<EvidenceSummary> evidenceIndex;   ///< every item of the run, as stored (machine formats)
};

/// Display helpers shared by the writers.
QString statusWord(CheckStatus status);     ///< "pass", "fail", ..., as in JSON
QString severityLabel(Severity severity);   ///< "Critical", "High", ...
QString percentText(const std::optional<double> &percent);  ///< "70.6 %" or "no data"

} // namespace triad::report
