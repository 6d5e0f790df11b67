#pragma once

#include "model/Enums.h"
#include "model/TemplateModel.h"

#include <QList>
#include <QString>

#include <optional>

namespace triad {

/// One stored verdict as scoring needs it (any subject of a check counts).
struct ScoredResult {
    QString asset;
    QString checkId;
    CheckStatus status = CheckStatus::Error;
    Severity severity = Severity::Medium;
};

/// Requirement-level score of a run (DESIGN.md §4 "Scoring").
///
/// Each (requirement, asset) pair gets one status from the results of the requirement's checks on
/// that asset: any fail -> fail; else any error -> error; else any pass -> pass; else
/// not applicable. Manual-only requirements count as manual; the manual part of a mixed requirement
/// does not change its score here (RequirementVerdict.h decides whether it is met). Waived results count as passed in
/// the score (the exception is documented in the report), their raw status stays stored.
/// percent = passed / (passed + failed); it has no value when nothing was evaluated, so an empty
/// run never shows 100 %.
struct Score {
    int passed = 0;
    int failed = 0;
    int manual = 0;
    /// Every requirement with a manual part (manual-only, and mixed ones that also list checks) by
    /// its newest attestation (scoreStoredRun fills these through tallyManualParts; they are shown
    /// apart and never enter the percentages). manualNotAttested is the manual evidence outstanding.
    int manualAttestedPass = 0;
    int manualAttestedFail = 0;
    int manualNotAttested = 0;
    /// The mixed requirements among the three counts above (their checks are scored as usual).
    int mixedManualAttestedPass = 0;
    int mixedManualAttestedFail = 0;
    int mixedManualNotAttested = 0;
    int errors = 0;
    int notApplicable = 0;
    std::optional<double> percent;
    /// Same ratio with each requirement weighted by the highest severity among its checks.
    std::optional<double> weightedPercent;
};

/// Scores `results` against the requirements of an assessment. With no requirements (a plain
/// check library), each check on each asset counts as one requirement.
Score computeScore(const QList<RequirementDef> &requirements, const QList<ScoredResult> &results);

} // namespace triad
