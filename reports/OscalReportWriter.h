#pragma once

#include "ReportModel.h"

#include <QByteArray>
#include <QJsonObject>

namespace triad::report {

/// NIST OSCAL 1.1.2 assessment results (JSON): metadata; import-ap pointing at a back-matter
/// resource that describes the assessment (template, version, SHA-256, tailoring); one result
/// with the assets as inventory items, the template's requirements as reviewed controls, one
/// observation per check result (its evidence as back-matter resources carrying SHA-256 hashes)
/// and one finding per assessed requirement (satisfied / not-satisfied).
///
/// OSCAL control ids are tokens (a letter first), so requirement "5.1.16" becomes control id
/// "req-5.1.16"; the original id is kept in a "requirement-id" property (namespace kNamespace).
class OscalReportWriter final {
public:
    static constexpr const char *kOscalVersion = "1.1.2";
    static constexpr const char *kNamespace = "urn:triad:oscal";

    QJsonObject document(const ReportModel &model) const;
    QByteArray render(const ReportModel &model) const;
};

/// An OSCAL token from a framework's requirement id ("164.312(b)" -> "req-164.312_b_").
QString oscalControlId(const QString &requirementId);

} // namespace triad::report
