#pragma once

#include <QString>

namespace triad {

class Catalog;
class TailoringCheckModel;
class TailoringParameterModel;

/// What a tailoring changes against its template, as escaped HTML: parameters (default → value),
/// disabled checks with their reasons, severity overrides, and the requirements no longer
/// assessed because every check of theirs is disabled.
QString tailoringSummaryHtml(const Catalog *catalog, const QString &templateId, const TailoringParameterModel &parameters,
                             const TailoringCheckModel &checks);

} // namespace triad
