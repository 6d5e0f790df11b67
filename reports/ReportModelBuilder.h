#pragma once

#include "ReportModel.h"
#include "common/Result.h"

namespace triad {
class Catalog;
class ProjectDatabase;
}

namespace triad::report {

/// Builds the ReportModel of one run. The requirements come from the template text stored with
/// the run (as it was when the run was made), else from the installed catalog; check texts
/// (description, remediation, manual verification) come from the installed check libraries.
class ReportModelBuilder final {
public:
    /// `catalog` may be null: the report then lacks check texts but nothing else.
    ReportModelBuilder(ProjectDatabase &db, const Catalog *catalog);

    void setLimits(const ReportLimits &limits) { m_limits = limits; }
    /// The time printed as "generated" and against which waivers are judged (default: now).
    void setGeneratedAt(const QDateTime &at) { m_generatedAt = at; }

    Result<ReportModel> build(qint64 runId);

private:
    ProjectDatabase &m_db;
    const Catalog *m_catalog;
    ReportLimits m_limits;
    QDateTime m_generatedAt;
};

/// The score of a set of stored results: automated requirements from the requirement ids each
/// result keeps, manual-only requirements from `assessment` (if any). The same rule as
/// scoreStoredRun, with the template as the run used it.
Score scoreResults(const QList<StoredResult> &results, const AssessmentTemplate *assessment);

} // namespace triad::report
