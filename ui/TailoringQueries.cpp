#include "TailoringQueries.h"

#include "db/ProjectDatabase.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace triad::TailoringQueries {

QFuture<Result<QList<StoredTailoring>>> listVersions(const QString &path, const QString &templateId)
{
    return QtConcurrent::run([path, templateId]() -> Result<QList<StoredTailoring>> {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        auto all = (*db)->tailorings();
        if (!all)
            return all.error();
        QList<StoredTailoring> mine;
        for (const StoredTailoring &t : std::as_const(*all)) {
            if (t.templateId == templateId)
                mine << t;
        }
        std::stable_sort(mine.begin(), mine.end(), [](const StoredTailoring &a, const StoredTailoring &b) {
            return a.name != b.name ? a.name < b.name : a.version > b.version;
        });
        return mine;
    });
}

QFuture<Result<StoredTailoring>> store(const QString &path, const QString &templateId, const QString &name,
                                       const QString &yaml, const QString &actor)
{
    return QtConcurrent::run([=]() -> Result<StoredTailoring> {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadWrite);
        if (!db)
            return db.error();
        return (*db)->storeTailoring(templateId, name, yaml, actor);
    });
}

} // namespace triad::TailoringQueries
