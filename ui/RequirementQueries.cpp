#include "RequirementQueries.h"

#include "BackgroundPool.h"
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "reports/ReportModelBuilder.h"

#include <QHash>
#include <QtConcurrent/QtConcurrentRun>

namespace triad::RequirementQueries {

QFuture<Result<RunRequirements>> load(const QString &path, qint64 runId,
                                      std::shared_ptr<const Catalog> catalog)
{
    return QtConcurrent::run(backgroundPool(), [path, runId, catalog]() -> Result<RunRequirements> {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        report::ReportModelBuilder builder(**db, catalog.get());
        auto model = builder.build(runId);
        if (!model)
            return model.error();
        QHash<QString, const report::ManualRequirement *> manual;
        for (const report::ManualRequirement &m : std::as_const(model->manualRequirements))
            manual.insert(m.id, &m);
        RunRequirements out;
        out.runId = runId;
        out.templateId = model->cover.templateId;
        out.templateVersion = model->cover.templateVersion;
        out.score = model->score;
        for (const report::RequirementSection &s : std::as_const(model->sections)) {
            for (const report::RequirementRow &r : s.rows) {
                RunRequirement entry {s.name, r, {}, {}};
                if (const report::ManualRequirement *m = manual.value(r.id)) {
                    entry.askFor = m->askFor;
                    entry.verify = m->verify;
                }
                out.met += r.met ? 1 : 0;
                out.requirements << entry;
            }
        }
        return out;
    });
}

} // namespace triad::RequirementQueries
