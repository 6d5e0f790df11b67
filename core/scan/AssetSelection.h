#pragma once

#include "common/Result.h"
#include "db/ProjectTypes.h"

#include <QList>
#include <QStringList>

namespace triad {

/// The assets named by `selectors` (asset names or tags, any mix), in project order, each once.
/// Empty selectors select every asset. A selector that matches nothing is an error, because a
/// typo must not silently shrink the scope of an assessment.
Result<QList<Asset>> selectAssets(const QList<Asset> &assets, const QStringList &selectors);

} // namespace triad
