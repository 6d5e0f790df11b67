#pragma once

#include "common/Result.h"
#include "reports/ReportExport.h"
#include "reports/ReportPreview.h"

#include <QFuture>

#include <memory>

namespace triad {

class Catalog;

/// The export dialog's work, each on a pool thread with its own connection to the project
/// (CONVENTIONS.md 4). `catalog` may be null: the report then lacks check texts, as with the CLI.
namespace ReportJobs {

/// What the export would produce: the first pages of a PDF, the first lines of the other formats.
QFuture<Result<report::ReportPreview>> preview(const QString &path, std::shared_ptr<const Catalog> catalog,
                                               qint64 runId, ReportFormat format, report::PaperSize paper,
                                               report::PreviewOptions options);

/// Writes the report and records it in the project through report::exportReport, the code
/// path of `triad-cli report`. The future's progress value is the number of steps started
/// (of report::kExportStageCount), its progress text the step's name.
QFuture<Result<report::ExportOutcome>>
exportReport(const QString &path, std::shared_ptr<const Catalog> catalog, report::ExportRequest request);

} // namespace ReportJobs

} // namespace triad
