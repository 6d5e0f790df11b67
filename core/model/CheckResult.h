#pragma once

#include "Enums.h"

#include <QString>
#include <QStringList>

namespace triad {

/// The verdict of one check on one asset for one subject (empty subject: the asset itself).
struct CheckResult {
    QString checkId;
    QString subject;
    CheckStatus status = CheckStatus::Error;
    QString expected;           ///< human-readable, e.g. "maxauthtries <= 4"
    QString actual;             ///< human-readable, e.g. "6" or "(not set)"
    QString message;            ///< why error / not_applicable, or which rule failed
    QStringList collectorKeys;  ///< the evidence it read
};

} // namespace triad
