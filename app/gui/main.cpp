// triad: the desktop workstation.
#include "common/Paths.h"
#include "ui/AssessmentsView.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <sys/resource.h>

int main(int argc, char *argv[])
{
    // Evidence can hold sensitive configuration: no core files.
    rlimit none{0, 0};
    ::setrlimit(RLIMIT_CORE, &none);

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Triad"));
    QApplication::setOrganizationName(QStringLiteral("Triad"));
    QApplication::setApplicationVersion(triad::appVersion());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Triad compliance auditing workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("project"), QStringLiteral("Project file to open."), QStringLiteral("file")});
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file to open."), QStringLiteral("[project]"));
    // For documentation and visual review (tests/screenshots.sh): save the window once the
    // project's latest run is shown, then quit.
    parser.addOption({QStringLiteral("screenshot"), QStringLiteral("Save a PNG of the window after loading, then quit."),
                      QStringLiteral("png")});
    parser.addOption({QStringLiteral("view"), QStringLiteral("View to show first: results, issues, register or assessments."),
                      QStringLiteral("name"), QStringLiteral("results")});
    parser.process(app);

    triad::MainWindow window;
    const QString view = parser.value(QStringLiteral("view"));
    if (view == QLatin1String("issues"))
        window.showView(triad::MainWindow::View::Issues);
    else if (view == QLatin1String("register"))
        window.showView(triad::MainWindow::View::Register);
    else if (view == QLatin1String("assessments"))
        window.showView(triad::MainWindow::View::Assessments);
    QString project = parser.value(QStringLiteral("project"));
    if (project.isEmpty())
        project = parser.positionalArguments().value(0);
    if (!project.isEmpty())
        window.openProject(project);
    window.show();

    const QString screenshot = parser.value(QStringLiteral("screenshot"));
    if (!screenshot.isEmpty()) {
        auto save = [&window, screenshot] {
            // Let the views lay out and paint before grabbing.
            QTimer::singleShot(500, &window, [&window, screenshot] {
                const bool ok = window.grab().save(screenshot);
                QApplication::exit(ok ? 0 : 1);
            });
        };
        // Wait for what the chosen view shows: the latest run, the first issue's history, the registers.
        if (view == QLatin1String("issues")) {
            QObject::connect(&window, &triad::MainWindow::issueDetailShown, &window, save, Qt::SingleShotConnection);
            QObject::connect(&window, &triad::MainWindow::issuesLoaded, &window, [save](int total) {
                if (total == 0)
                    save();
            });
        } else if (view == QLatin1String("register")) {
            QObject::connect(&window, &triad::MainWindow::registerLoaded, &window, save, Qt::SingleShotConnection);
        } else if (view == QLatin1String("assessments")) {
            // The runs are scored once the catalog is there: the second load shows the scores.
            QObject::connect(window.assessmentsView(), &triad::AssessmentsView::runsLoaded, &window, [&window, save] {
                if (window.assessmentsView()->newAssessmentAction()->isEnabled())
                    save();
            });
        } else {
            QObject::connect(&window, &triad::MainWindow::runLoaded, &window, save);
        }
        if (project.isEmpty())
            save();
        QTimer::singleShot(30000, &app, [] { QApplication::exit(2); });
    }
    return QApplication::exec();
}
