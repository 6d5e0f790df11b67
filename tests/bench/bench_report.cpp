// Report benchmark (not in ctest): builds the report model of a run and renders every format,
// printing the time of each phase and the peak memory.
//   bench_report PROJECT.triad [--run N]
// tests/bench/bench_report.sh makes a 100-host cis-linux project with report_demo_project first.
#include "common/Paths.h"
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "reports/PdfReportWriter.h"
#include "reports/ReportModelBuilder.h"
#include "reports/ReportRenderer.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTextStream>

#include <sys/resource.h>

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        out << "usage: bench_report PROJECT.triad [--run N]\n";
        return 2;
    }
    using namespace triad;
    QElapsedTimer total;
    total.start();
    QElapsedTimer t;
    t.start();
    auto catalog = Catalog::load({defaultTemplatesDir()});
    if (!catalog) {
        out << catalog.error().toString() << '\n';
        return 2;
    }
    out << "catalog: " << t.restart() << " ms" << Qt::endl;
    auto db = ProjectDatabase::open(args.at(1), ProjectDatabase::OpenMode::ReadOnly);
    if (!db) {
        out << db.error().toString() << '\n';
        return 2;
    }
    const qint64 runId = args.size() > 3 && args.at(2) == QLatin1String("--run") ? args.at(3).toLongLong() : *(*db)->latestRunId();
    report::ReportModelBuilder builder(**db, &*catalog);
    auto model = builder.build(runId);
    if (!model) {
        out << model.error().toString() << '\n';
        return 1;
    }
    out << "model: " << t.restart() << " ms (" << model->results.size() << " results, " << model->assets.size() << " assets, "
        << model->findings.size() << " findings, " << model->evidenceTotal << " evidence items)" << Qt::endl;
    report::PdfReportWriter pdf;
    auto bytes = pdf.render(*model);
    if (!bytes) {
        out << bytes.error().toString() << '\n';
        return 1;
    }
    out << "pdf: " << t.restart() << " ms, " << pdf.pageCount() << " pages, " << bytes->size() / 1024 << " KB (";
    for (const auto &[name, ms] : pdf.phases())
        out << name << ' ' << ms << " ms ";
    out << ")" << Qt::endl;
    for (ReportFormat f : {ReportFormat::Html, ReportFormat::Csv, ReportFormat::Json, ReportFormat::Junit, ReportFormat::Oscal}) {
        auto r = report::renderReport(*model, f);
        out << toString(f) << ": " << t.restart() << " ms, " << (r ? r->bytes.size() / 1024 : 0) << " KB" << Qt::endl;
    }
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    out << "total: " << total.elapsed() << " ms, peak RSS " << usage.ru_maxrss / 1024 << " MB\n";
    return 0;
}
