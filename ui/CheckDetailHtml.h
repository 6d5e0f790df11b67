#pragma once

#include <QString>

namespace triad {

class Catalog;

/// The catalog's texts of a check (description, rationale, remediation, manual verification) as
/// escaped HTML for a detail pane; empty when the catalog does not know the check.
QString checkDetailHtml(const Catalog *catalog, const QString &checkId);

} // namespace triad
