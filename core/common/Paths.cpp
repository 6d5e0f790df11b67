#include "Paths.h"

#include "common/BuildInfo.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace triad {

QString appVersion()
{
    return QStringLiteral(TRIAD_VERSION_STRING);
}

QStringList templateSearchPath()
{
    QStringList dirs;
    const QString fromEnv = qEnvironmentVariable("TRIAD_TEMPLATES_DIR");
    if (!fromEnv.isEmpty())
        dirs << fromEnv;
    if (QCoreApplication::instance())
        dirs << QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/triad/templates"));
    dirs << QStringLiteral(TRIAD_TEMPLATES_INSTALL_DIR) << QStringLiteral(TRIAD_TEMPLATES_SOURCE_DIR);
    return dirs;
}

QString defaultTemplatesDir()
{
    for (const QString &dir : templateSearchPath()) {
        if (QFileInfo(dir).isDir())
            return QDir::cleanPath(dir);
    }
    return {};
}

} // namespace triad
