#pragma once

#include "ReportModel.h"

#include <QByteArray>
#include <QJsonObject>

namespace triad::report {

/// The report as JSON (schema "triad-report/1", README "Report JSON"): the run document of
/// `scan --json` (run, assets, results, score: the same function writes both) plus the report's
/// own keys: report, project, template, trend, changes, requirements, findings, waivers,
/// attestations, evidence.
/// One entry of the report's `requirements` (also printed by `triad-cli requirements --json`).
QJsonObject requirementJson(const QString &section, const RequirementRow &row);

class JsonReportWriter final {
public:
    QJsonObject document(const ReportModel &model) const;
    QByteArray render(const ReportModel &model) const;
};

} // namespace triad::report
