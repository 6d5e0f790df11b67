// Writes a demo project for tests/report-pages.sh and the report benchmark:
//   report_demo_project OUT.triad [--assets N] [--runs N] [--hostile] [--template ID]
#include "ReportFixture.h"

#include "common/Paths.h"
#include "engine/Catalog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("project file to create"));
    parser.addOption({QStringLiteral("assets"), QStringLiteral("number of assets"), QStringLiteral("N"), QStringLiteral("6")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("number of runs"), QStringLiteral("N"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("hostile"), QStringLiteral("hostile host names and evidence")});
    parser.addOption({QStringLiteral("template"), QStringLiteral("assessment template"), QStringLiteral("ID"), QStringLiteral("cis-linux")});
    parser.process(app);
    QTextStream err(stderr);
    if (parser.positionalArguments().size() != 1) {
        err << "usage: report_demo_project OUT.triad [--assets N] [--runs N] [--hostile] [--template ID]\n";
        return 2;
    }
    auto catalog = triad::Catalog::load({triad::defaultTemplatesDir()});
    if (!catalog) {
        err << catalog.error().toString() << '\n';
        return 2;
    }
    triad::testing::FixtureOptions o;
    o.assets = parser.value(QStringLiteral("assets")).toInt();
    o.runs = parser.value(QStringLiteral("runs")).toInt();
    o.hostile = parser.isSet(QStringLiteral("hostile"));
    o.templateId = parser.value(QStringLiteral("template"));
    auto fx = triad::testing::buildFixtureProject(parser.positionalArguments().at(0), *catalog, o);
    if (!fx) {
        err << fx.error().toString() << '\n';
        return 1;
    }
    return 0;
}
