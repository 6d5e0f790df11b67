#include "ReportJobs.h"

#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "reports/ReportModelBuilder.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace triad::ReportJobs {

QFuture<Result<report::ReportPreview>> preview(const QString &path, std::shared_ptr<const Catalog> catalog,
                                               qint64 runId, ReportFormat format, report::PaperSize paper,
                                               report::PreviewOptions options)
{
    return QtConcurrent::run([=]() -> Result<report::ReportPreview> {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        report::ReportModelBuilder builder(**db, catalog.get());
        auto model = builder.build(runId);
        if (!model)
            return model.error();
        return report::previewReport(*model, format, paper, options);
    });
}

QFuture<Result<report::ExportOutcome>>
exportReport(const QString &path, std::shared_ptr<const Catalog> catalog, report::ExportRequest request)
{
    return QtConcurrent::run(
        [path, catalog, request](QPromise<Result<report::ExportOutcome>> &promise) mutable {
            promise.setProgressRange(0, report::kExportStageCount);
            auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadWrite);
            if (!db) {
                request.signKeyPassphrase.fill('\0');
                promise.addResult(Result<report::ExportOutcome>(db.error()));
                return;
            }
            int started = 0;
            auto outcome = report::exportReport(**db, catalog.get(), request, [&](report::ExportStage stage) {
                promise.setProgressValueAndText(++started, report::toString(stage));
            });
            request.signKeyPassphrase.fill('\0');
            promise.setProgressValueAndText(report::kExportStageCount, QString());
            promise.addResult(std::move(outcome));
        });
}

} // namespace triad::ReportJobs
