#include "IssueQueries.h"

#include "BackgroundPool.h"
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "scan/AttestationRecorder.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#include <pwd.h>
#include <unistd.h>

namespace triad::IssueQueries {

QByteArray excerpt(const QByteArray &data)
{
    QByteArray cut = data.left(kEvidenceExcerptBytes);
    qsizetype at = -1;
    for (int line = 0; line < kEvidenceExcerptLines; ++line) {
        at = cut.indexOf('\n', at + 1);
        if (at < 0)
            return cut;
    }
    return cut.left(at + 1);
}

QFuture<Result<IssuePage>> loadPage(const QString &path, const IssueFilter &filter, bool withCount)
{
    return QtConcurrent::run(backgroundPool(), [path, filter, withCount]() -> Result<IssuePage> {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        IssuePage page;
        if (withCount) {
            IssueFilter all = filter;
            all.limit = 0;
            all.offset = 0;
            auto count = (*db)->countIssues(all);
            if (!count)
                return count.error();
            page.total = *count;
        }
        auto issues = (*db)->issues(filter);
        if (!issues)
            return issues.error();
        page.issues = std::move(*issues);
        return page;
    });
}

QFuture<Result<IssueDetail>> loadDetail(const QString &path, const IssueRecord &issue)
{
    return QtConcurrent::run(backgroundPool(), [path, issue]() -> Result<IssueDetail> {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        IssueDetail detail;
        detail.issueId = issue.id;
        auto events = (*db)->issueEvents(issue.id);
        if (!events)
            return events.error();
        detail.events = std::move(*events);
        auto latest = (*db)->resultForIssue(issue.id);
        if (!latest) {
            if (latest.error().code != Error::Code::NotFound)
                return latest.error();
            return detail; // an issue whose results were deleted with their run
        }
        for (qint64 id : std::as_const(latest->evidenceIds)) {
            auto stored = (*db)->evidence(id);
            if (!stored)
                return stored.error();
            EvidenceExcerpt e;
            e.stdoutSize = stored->raw.stdoutData.size();
            e.stderrSize = stored->raw.stderrData.size();
            stored->raw.stdoutData = excerpt(stored->raw.stdoutData);
            stored->raw.stderrData = excerpt(stored->raw.stderrData);
            e.evidence = std::move(*stored);
            detail.evidence << e;
        }
        detail.latest = std::move(*latest);
        return detail;
    });
}

QFuture<Result<RegisterContents>> loadRegister(const QString &path)
{
    return QtConcurrent::run(backgroundPool(), [path]() -> Result<RegisterContents> {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        RegisterContents contents;
        auto waivers = (*db)->waivers();
        if (!waivers)
            return waivers.error();
        contents.waivers = std::move(*waivers);
        auto attestations = (*db)->attestations();
        if (!attestations)
            return attestations.error();
        contents.attestations = std::move(*attestations);
        return contents;
    });
}

QFuture<Result<qint64>> addWaiver(const QString &path, const Waiver &waiver, const QString &actor)
{
    return QtConcurrent::run(backgroundPool(), [path, waiver, actor]() -> Result<qint64> {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadWrite);
        if (!db)
            return db.error();
        return (*db)->addWaiver(waiver, actor);
    });
}

QFuture<Status> endWaiver(const QString &path, qint64 waiverId, const QString &actor, const QString &reason)
{
    return QtConcurrent::run(backgroundPool(), [path, waiverId, actor, reason]() -> Status {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadWrite);
        if (!db)
            return db.error();
        return (*db)->endWaiver(waiverId, actor, reason);
    });
}

QFuture<Result<qint64>> recordAttestation(const QString &path, std::shared_ptr<const Catalog> catalog,
                                          const Attestation &attestation, const QStringList &evidencePaths)
{
    return QtConcurrent::run(backgroundPool(), [path, catalog, attestation, evidencePaths]() -> Result<qint64> {
        if (!catalog)
            return makeError(Error::Code::NotFound, QStringLiteral("the templates are not loaded"));
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadWrite);
        if (!db)
            return db.error();
        return triad::recordAttestation(**db, *catalog, attestation, evidencePaths);
    });
}

QFuture<Status> extendWaiver(const QString &path, qint64 waiverId, const QDate &expiresOn, const QString &actor)
{
    return QtConcurrent::run(backgroundPool(), [path, waiverId, expiresOn, actor]() -> Status {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadWrite);
        if (!db)
            return db.error();
        auto waivers = (*db)->waivers();
        if (!waivers)
            return waivers.error();
        const auto it = std::find_if(waivers->cbegin(), waivers->cend(), [waiverId](const Waiver &w) { return w.id == waiverId; });
        if (it == waivers->cend())
            return makeError(Error::Code::NotFound, QStringLiteral("there is no waiver %1").arg(waiverId), path);
        if (expiresOn <= it->expiresOn)
            return makeError(Error::Code::InvalidInput, QStringLiteral("the new expiry %1 must be later than the current one, %2")
                                                            .arg(expiresOn.toString(Qt::ISODate), it->expiresOn.toString(Qt::ISODate)));
        return (*db)->changeWaiverExpiry(waiverId, expiresOn, actor);
    });
}

QString operatorName()
{
    const QString fromEnv = qEnvironmentVariable("TRIAD_OPERATOR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    if (const passwd *pw = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return qEnvironmentVariable("USER", QStringLiteral("unknown"));
}

} // namespace triad::IssueQueries
