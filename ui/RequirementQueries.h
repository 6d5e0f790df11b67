#pragma once

#include "common/Result.h"
#include "reports/ReportModel.h"

#include <QFuture>
#include <QList>
#include <QString>

#include <memory>

namespace triad {

class Catalog;

/// One requirement of a run as the report model reads it, with the evidence its manual part asks
/// for (empty without a manual part).
struct RunRequirement {
    QString section;
    report::RequirementRow row;
    QString askFor;
    QString verify;
};

/// The requirements of one run and the counts the CLI's `requirements` command prints.
struct RunRequirements {
    qint64 runId = 0;
    QString templateId;
    QString templateVersion;
    QList<RunRequirement> requirements;
    Score score;
    int met = 0;
};

namespace RequirementQueries {
/// Builds the run's report model on a pool thread with its own read-only connection, as
/// `triad-cli requirements` does, so that the GUI and the CLI cannot disagree. `catalog` may be
/// null (the template stored with the run is used).
QFuture<Result<RunRequirements>> load(const QString &path, qint64 runId,
                                      std::shared_ptr<const Catalog> catalog);
} // namespace RequirementQueries

} // namespace triad
