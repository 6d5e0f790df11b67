#pragma once

#include "TemplateModel.h"

#include <QHash>
#include <QList>
#include <QString>

namespace triad {

/// A collector after parameter substitution, shared by every check that needs the same data.
struct PlannedCollector {
    QString key;                ///< plan-wide id, stable for equal specs (e.g. "linux-ssh/sshd_effective")
    CollectorDef spec;          ///< parameters substituted; spec.id == key
    QStringList usedBy;         ///< check ids, for display
};

/// A check ready to evaluate: parameters substituted, sources rewritten to collector keys,
/// tailoring applied.
struct PlannedCheck {
    CheckDef check;             ///< rules[].sources and subjects->from hold collector keys
    QList<PredicateDef> appliesWhen;  ///< resolved predicates, sources rewritten to keys
    QStringList requirementIds; ///< requirements of the assessment template that map to it
    bool disabled = false;      ///< disabled by tailoring: not evaluated, reported with the reason
    QString disabledReason;
};

/// Everything one assessment needs, identical for every asset of a run.
struct Plan {
    AssessmentTemplate assessment;
    QList<PlannedCollector> collectors;     ///< deduplicated
    QList<PlannedCheck> checks;
    QVariantMap parameters;                 ///< effective values: defaults < template < tailoring
    QString tailoringName;
    /// "<library>/<collector id>" as written in the templates -> key of the planned collector
    /// that serves it (equal specs share one key, so several names may map to one key).
    QHash<QString, QString> collectorKeyByName;
};

} // namespace triad
