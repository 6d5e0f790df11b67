#pragma once

#include "common/Result.h"
#include "db/ProjectTypes.h"

#include <QFuture>
#include <QList>
#include <QString>

namespace triad {

/// The project's tailorings, read and written on a pool thread with that thread's own connection
/// (CONVENTIONS.md 4, 5), as IssueQueries does for issues.
namespace TailoringQueries {
/// Every stored version of every tailoring of `templateId`, newest version of each name first.
QFuture<Result<QList<StoredTailoring>>> listVersions(const QString &path, const QString &templateId);
/// Keeps `yaml` as the next version of tailoring `name` (or returns the newest one when the text
/// is the same); audit-logged as `actor`.
QFuture<Result<StoredTailoring>> store(const QString &path, const QString &templateId, const QString &name,
                                       const QString &yaml, const QString &actor);
} // namespace TailoringQueries

} // namespace triad
