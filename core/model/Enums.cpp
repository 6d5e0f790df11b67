#include "Enums.h"

namespace triad {

QString toString(Severity severity)
{
    switch (severity) {
    case Severity::Info: return QStringLiteral("info");
    case Severity::Low: return QStringLiteral("low");
    case Severity::Medium: return QStringLiteral("medium");
    case Severity::High: return QStringLiteral("high");
    case Severity::Critical: return QStringLiteral("critical");
    }
    return {};
}

QString toString(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass: return QStringLiteral("pass");
    case CheckStatus::Fail: return QStringLiteral("fail");
    case CheckStatus::Error: return QStringLiteral("error");
    case CheckStatus::NotApplicable: return QStringLiteral("not_applicable");
    case CheckStatus::Manual: return QStringLiteral("manual");
    case CheckStatus::Waived: return QStringLiteral("waived");
    }
    return {};
}

std::optional<Severity> severityFromString(QStringView text)
{
    for (auto s : {Severity::Info, Severity::Low, Severity::Medium, Severity::High, Severity::Critical})
        if (text == toString(s))
            return s;
    return std::nullopt;
}

std::optional<CheckStatus> checkStatusFromString(QStringView text)
{
    for (auto s : {CheckStatus::Pass, CheckStatus::Fail, CheckStatus::Error, CheckStatus::NotApplicable,
                   CheckStatus::Manual, CheckStatus::Waived})
        if (text == toString(s))
            return s;
    return std::nullopt;
}

int severityWeight(Severity severity)
{
    switch (severity) {
    case Severity::Info: return 0;
    case Severity::Low: return 1;
    case Severity::Medium: return 3;
    case Severity::High: return 6;
    case Severity::Critical: return 10;
    }
    return 0;
}

} // namespace triad
