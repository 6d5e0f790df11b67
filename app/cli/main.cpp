#include "common/Paths.h"
#include "scan/CoreInfo.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("triad-cli"));
    QCoreApplication::setApplicationVersion(triad::appVersion());
    QTextStream out(stdout);
    out << "triad-cli " << triad::appVersion() << " (" << triad::coreLibraryVersions() << ")\n";
    return 0;
}
