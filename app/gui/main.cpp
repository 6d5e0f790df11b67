#include "common/Paths.h"
#include "ui/MainWindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Triad"));
    QApplication::setApplicationVersion(triad::appVersion());
    triad::MainWindow window;
    window.show();
    return QApplication::exec();
}
