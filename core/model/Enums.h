#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace triad {

enum class Severity { Info, Low, Medium, High, Critical };

/// Status of one check on one asset (and subject). Waived keeps the raw status beside it.
enum class CheckStatus { Pass, Fail, Error, NotApplicable, Manual, Waived };

/// Lower-case words as they appear in YAML, JSON, the database and the CLI.
QString toString(Severity severity);
QString toString(CheckStatus status);
std::optional<Severity> severityFromString(QStringView text);
std::optional<CheckStatus> checkStatusFromString(QStringView text);

/// Weight of a severity in the severity-weighted score (info 0 .. critical 10).
int severityWeight(Severity severity);

} // namespace triad
