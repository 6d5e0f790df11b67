#include "MainWindow.h"

namespace triad {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("Triad"));
}

MainWindow::~MainWindow() = default;

} // namespace triad
