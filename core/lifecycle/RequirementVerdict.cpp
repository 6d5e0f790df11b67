#include "RequirementVerdict.h"

namespace triad {
namespace {

const QString kPass = QStringLiteral("pass");
const QString kFail = QStringLiteral("fail");

// How the checks' word reads at the start of a sentence.
QString checksPhrase(const QString &automated)
{
    if (automated == QLatin1String("pass"))
        return QStringLiteral("Checks pass");
    if (automated == QLatin1String("fail"))
        return QStringLiteral("Checks fail");
    if (automated == QLatin1String("error"))
        return QStringLiteral("Checks in error");
    if (automated == QLatin1String("waived"))
        return QStringLiteral("Checks pass under a waiver");
    if (automated == QLatin1String("not_applicable"))
        return QStringLiteral("Checks not applicable");
    if (automated == QLatin1String("not_assessed"))
        return QStringLiteral("Checks not assessed");
    return QStringLiteral("Checks ") + automated;
}

QString manualPhrase(ManualPart manual)
{
    switch (manual) {
    case ManualPart::NotAttested: return QStringLiteral("manual evidence outstanding");
    case ManualPart::AttestedPass: return QStringLiteral("manual evidence attested as passed");
    case ManualPart::AttestedFail: return QStringLiteral("manual evidence attested as failed");
    case ManualPart::None: break;
    }
    return {};
}

} // namespace

ManualPart manualPartOf(const RequirementDef &requirement, const std::optional<CheckStatus> &newestAttestation)
{
    // A requirement without checks is manual even if its template forgot the `manual:` block.
    if (!requirement.manual && !requirement.checks.isEmpty())
        return ManualPart::None;
    if (!newestAttestation)
        return ManualPart::NotAttested;
    return *newestAttestation == CheckStatus::Pass ? ManualPart::AttestedPass : ManualPart::AttestedFail;
}

RequirementVerdict requirementVerdict(const QString &automated, ManualPart manual)
{
    RequirementVerdict v;
    v.automated = automated;
    v.manual = manual;
    if (manual == ManualPart::None) {
        v.status = automated;
    } else if (automated == kFail || manual == ManualPart::AttestedFail) {
        v.status = kFail;
    } else if (automated == QLatin1String("error") || automated == QLatin1String("not_assessed")) {
        // The checks could not say: attesting the manual half does not make up for them.
        v.status = automated;
    } else if (manual == ManualPart::NotAttested) {
        v.status = QStringLiteral("manual");
    } else {
        // Attested as passed: the checks' word, or pass where no check applied.
        v.status = automated.isEmpty() || automated == QLatin1String("not_applicable") ? kPass : automated;
    }
    v.met = v.status == kPass || v.status == QLatin1String("waived");
    return v;
}

QString manualPartWord(ManualPart manual)
{
    switch (manual) {
    case ManualPart::NotAttested: return QStringLiteral("not_attested");
    case ManualPart::AttestedPass: return kPass;
    case ManualPart::AttestedFail: return kFail;
    case ManualPart::None: break;
    }
    return {};
}

QString requirementStatusText(const RequirementVerdict &v)
{
    if (v.manual == ManualPart::None)
        return checksPhrase(v.automated);
    QString manual = manualPhrase(v.manual);
    if (v.automated.isEmpty()) {
        manual[0] = manual[0].toUpper();
        return manual;
    }
    return checksPhrase(v.automated) + QStringLiteral(" \u00b7 ") + manual;
}

void tallyManualParts(Score &score, const QList<RequirementDef> &requirements, const QHash<QString, CheckStatus> &newestAttestation)
{
    for (const RequirementDef &req : requirements) {
        const auto it = newestAttestation.constFind(req.id);
        const ManualPart part = manualPartOf(req, it == newestAttestation.cend() ? std::nullopt : std::optional<CheckStatus>(*it));
        if (part == ManualPart::None)
            continue;
        const bool mixed = !req.checks.isEmpty();
        switch (part) {
        case ManualPart::NotAttested:
            ++score.manualNotAttested;
            score.mixedManualNotAttested += mixed ? 1 : 0;
            break;
        case ManualPart::AttestedPass:
            ++score.manualAttestedPass;
            score.mixedManualAttestedPass += mixed ? 1 : 0;
            break;
        case ManualPart::AttestedFail:
            ++score.manualAttestedFail;
            score.mixedManualAttestedFail += mixed ? 1 : 0;
            break;
        case ManualPart::None: break;
        }
    }
}

} // namespace triad
