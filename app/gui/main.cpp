// triad: the desktop workstation.
#include "common/Paths.h"
#include "ui/AssessmentsView.h"
#include "ui/MainWindow.h"
#include "ui/TailoringEditor.h"
#include "ui/TemplatesView.h"
#include "ui/ReportDialog.h"
#include "ui/Theme.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QHash>
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
    parser.addOption({QStringLiteral("view"),
                      QStringLiteral("View to show first: dashboard (the default), results, issues, register, templates, "
                                     "tailoring, assets, compare, assessments or export (with --screenshot)."),
                      QStringLiteral("name"), QStringLiteral("dashboard")});
    parser.addOption({QStringLiteral("theme"), QStringLiteral("Palette: system, light or dark (default: the one chosen in View > Theme)."),
                      QStringLiteral("name")});
    parser.process(app);
    triad::Theme::apply(parser.isSet(QStringLiteral("theme"))
                            ? triad::Theme::fromString(parser.value(QStringLiteral("theme")), triad::Theme::saved())
                            : triad::Theme::saved());

    triad::MainWindow window;
    // "tailoring" is the Templates page with its editor shown; "export" opens File > Export Report
    // over the project (for screenshots).
    const QString view = parser.value(QStringLiteral("view"));
    using View = triad::MainWindow::View;
    const QHash<QString, View> views{{QStringLiteral("dashboard"), View::Dashboard}, {QStringLiteral("results"), View::Results},
                                     {QStringLiteral("issues"), View::Issues},       {QStringLiteral("register"), View::Register},
                                     {QStringLiteral("templates"), View::Templates}, {QStringLiteral("tailoring"), View::Templates},
                                     {QStringLiteral("assets"), View::Assets},       {QStringLiteral("compare"), View::Compare},
                                     {QStringLiteral("assessments"), View::Assessments}};
    if (views.contains(view))
        window.showView(views.value(view));
    if (view == QLatin1String("tailoring"))
        window.templatesView()->showTailoring();
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
        } else if (view == QLatin1String("compare")) {
            QObject::connect(&window, &triad::MainWindow::comparisonLoaded, &window, save, Qt::SingleShotConnection);
        } else if (view == QLatin1String("export")) {
            // The dialog over the window, once its preview is painted: saved as the dialog alone.
            QObject::connect(&window, &triad::MainWindow::projectLoaded, &window, [&window, screenshot] {
                triad::ReportDialog *dialog = window.openExportDialog();
                if (!dialog) {
                    QApplication::exit(window.grab().save(screenshot) ? 0 : 1);
                    return;
                }
                QObject::connect(dialog, &triad::ReportDialog::previewReady, dialog, [dialog, screenshot] {
                    QTimer::singleShot(500, dialog, [dialog, screenshot] {
                        QApplication::exit(dialog->grab().save(screenshot) ? 0 : 1);
                    });
                }, Qt::SingleShotConnection);
            }, Qt::SingleShotConnection);
        } else if (view == QLatin1String("dashboard")) {
            QObject::connect(&window, &triad::MainWindow::dashboardLoaded, &window, save, Qt::SingleShotConnection);
        } else if (view == QLatin1String("register")) {
            QObject::connect(&window, &triad::MainWindow::registerLoaded, &window, save, Qt::SingleShotConnection);
        } else if (view == QLatin1String("templates")) {
            QObject::connect(&window, &triad::MainWindow::templateDetailShown, &window, save, Qt::SingleShotConnection);
        } else if (view == QLatin1String("tailoring")) {
            // The newest stored tailoring of the first template, loaded into the editor.
            triad::TailoringEditor *editor = window.templatesView()->tailoringEditor();
            QObject::connect(editor, &triad::TailoringEditor::versionsLoaded, &window, [editor, save](int count) {
                if (count > 0)
                    editor->loadVersion(0);
                save();
            }, Qt::SingleShotConnection);
        } else if (view == QLatin1String("assets")) {
            QObject::connect(&window, &triad::MainWindow::assetsLoaded, &window, save, Qt::SingleShotConnection);
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
