#include "ProjectCreation.h"

#include "db/ProjectDatabase.h"
#include "vault/CredentialVault.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <pwd.h>
#include <unistd.h>

namespace triad {

QString guiOperatorName()
{
    const QString fromEnv = qEnvironmentVariable("TRIAD_OPERATOR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    if (const passwd *pw = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return qEnvironmentVariable("USER", QStringLiteral("unknown"));
}

Result<QString> createProjectNow(const NewProjectSpec &spec)
{
    const QString path = QDir::cleanPath(QFileInfo(spec.path).absoluteFilePath());
    if (QFileInfo::exists(path))
        return makeError(Error::Code::InvalidInput, QObject::tr("a file of that name exists already: choose another name"),
                         path);
    const QDir folder = QFileInfo(path).absoluteDir();
    if (!folder.exists() && !QDir().mkpath(folder.absolutePath()))
        return makeError(Error::Code::Io, QObject::tr("cannot create the folder"), folder.absolutePath());

    ProjectInfo info;
    info.name = spec.name.trimmed();
    info.customer = spec.customer.trimmed();
    info.createdAt = QDateTime::currentDateTimeUtc();
    auto db = ProjectDatabase::create(path, info);
    if (!db)
        return db.error();
    const QString who = guiOperatorName();
    auto fail = [&db, &path](const Error &error) -> Result<QString> {
        db->reset();    // close the connection before removing the file under it
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        return error;
    };
    if (auto s = (*db)->appendAudit(who, QStringLiteral("project.create"), info.name); !s)
        return fail(s.error());
    if (!spec.vaultPassphrase.isEmpty()) {
        auto vault = CredentialVault::unlock(**db, spec.vaultPassphrase, CredentialVault::Mode::CreateIfMissing,
                                             spec.vaultCost);
        if (!vault)
            return fail(vault.error());
    }
    if (spec.addThisComputer) {
        Asset asset;
        asset.name = QStringLiteral("localhost");
        asset.kind = QStringLiteral("linux");
        asset.transport = QStringLiteral("local");
        asset.notes = QObject::tr("This computer, added when the project was created.");
        if (auto id = (*db)->addAsset(asset); !id)
            return fail(id.error());
    }
    return path;
}

QFuture<Result<QString>> createProject(NewProjectSpec spec)
{
    return QtConcurrent::run([spec = std::move(spec)]() { return createProjectNow(spec); });
}

QString unusedProjectPath(const QString &folder, const QString &stem)
{
    const QDir dir(folder);
    QString candidate = dir.filePath(stem + QStringLiteral(".triad"));
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = dir.filePath(QStringLiteral("%1 %2.triad").arg(stem).arg(n));
    return candidate;
}

} // namespace triad
