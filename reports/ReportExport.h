#pragma once

#include "PdfReportWriter.h"
#include "ReportFormat.h"
#include "common/Result.h"
#include "db/ReportTypes.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace triad {
class Catalog;
class ProjectDatabase;
} // namespace triad

namespace triad::report {

/// What to export: one run of a project in one format, optionally signed. `triad-cli report` and
/// the GUI's export dialog fill this and call exportReport(), so a report is built, written and
/// recorded in the project the same way whichever of them made it.
struct ExportRequest {
    qint64 runId = 0;
    ReportFormat format = ReportFormat::Pdf;
    PaperSize paper = PaperSize::A4;
    QString outPath; ///< the report file; recorded with its absolute path
    QString signKeyPath; ///< PEM private key; empty = not signed
    QString signCertPath; ///< PEM certificate of that key; set with signKeyPath
    QString signatureOutPath; ///< default: outPath + ".sig"
    QByteArray signKeyPassphrase; ///< for an encrypted key; wiped by the caller
    QString createdBy; ///< operator recorded with the report
    /// Writes the report bytes; default: atomically to outPath (QSaveFile). The CLI writes "-"
    /// to standard output through this.
    std::function<Status(const QByteArray &)> writeReport;
};

/// The steps of an export, reported as they start (for a progress bar).
enum class ExportStage { BuildingModel, Rendering, Signing, Writing, Recording };
QString toString(ExportStage stage);
constexpr int kExportStageCount = 5;

struct ExportOutcome {
    ReportRecord record; ///< as recorded, with its id
    int pages = 0; ///< PDF only
    QString signaturePath; ///< empty when not signed
};

/// Builds the report model of the run, renders it, signs it if asked (the signature file is
/// written first), writes the report, then records its SHA-256 (and the signature's) in the
/// project's reports table and audit log. `catalog` may be null: the report then lacks the check
/// texts. Nothing is recorded when a step fails.
Result<ExportOutcome> exportReport(ProjectDatabase &db, const Catalog *catalog, const ExportRequest &request,
                                   const std::function<void(ExportStage)> &progress = {});

/// Writes `data` to `path` through a temporary file renamed at the end: a failed write (full
/// disk, no permission) leaves no half-written file behind.
Status writeFileAtomically(const QString &path, const QByteArray &data);

} // namespace triad::report
