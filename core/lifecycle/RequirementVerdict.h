#pragma once

#include "Scoring.h"
#include "model/Enums.h"
#include "model/TemplateModel.h"

#include <QHash>
#include <QString>

#include <optional>

namespace triad {

/// The part of a requirement a scan cannot decide (its `manual:` block), by the newest
/// attestation recorded for the requirement.
enum class ManualPart {
    None,           ///< the requirement has no manual part
    NotAttested,    ///< evidence outstanding: no one has attested it yet
    AttestedPass,
    AttestedFail,
};

/// What a report says about one requirement: its checks, its manual part and whether it is met.
///
/// The rule (DESIGN.md §4 "Scoring", template headers): the checks decide the automated status
/// and the scan's percentages; a requirement that also has a manual part is *met* only when its
/// checks pass and that part is attested as passed. A failed attestation fails the requirement;
/// an outstanding one leaves it waiting for a person, whatever the checks say, unless the checks
/// already fail or could not be evaluated.
struct RequirementVerdict {
    /// The checks' status word (pass, fail, error, waived, not_applicable, not_assessed), or
    /// empty for a manual-only requirement.
    QString automated;
    ManualPart manual = ManualPart::None;
    /// The requirement's reported status word: the automated one, or for a requirement with a
    /// manual part: `fail` when either half fails, `manual` while the manual evidence is
    /// outstanding, the checks' word (or `pass` for a manual-only one) once it is attested as passed.
    QString status;
    bool met = false;   ///< status is pass or waived
};

/// The manual part of `requirement` given the newest attestation recorded for it, if any.
ManualPart manualPartOf(const RequirementDef &requirement, const std::optional<CheckStatus> &newestAttestation);

/// Applies the rule above. `automated` is empty for a requirement without checks.
RequirementVerdict requirementVerdict(const QString &automated, ManualPart manual);

/// "not_attested", "pass", "fail", or empty for ManualPart::None (as in the JSON report).
QString manualPartWord(ManualPart manual);

/// The verdict in plain words for people: "Checks pass · manual evidence outstanding",
/// "Manual evidence attested as failed", "Checks fail".
QString requirementStatusText(const RequirementVerdict &verdict);

/// Counts every requirement with a manual part (manual-only and mixed) into the manual tally of
/// `score` (manualAttestedPass/Fail/NotAttested; mixedManual* for the mixed ones among them).
/// `newestAttestation` maps a requirement id to the status of its newest attestation.
void tallyManualParts(Score &score, const QList<RequirementDef> &requirements,
                      const QHash<QString, CheckStatus> &newestAttestation);

} // namespace triad
