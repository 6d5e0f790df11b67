// triad-cli reevaluate: a stored run evaluated again from its evidence, against today's template.
#include "CliContext.h"
#include "RunJson.h"

#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "scan/Reevaluator.h"

#include <QJsonDocument>

#include <optional>

namespace triad {

int runReevaluateCommand(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Evaluate a stored run again from its stored evidence against the current version of its template\n"
        "(no host is contacted). The result is a new run marked as derived from the old one."));
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file."));
    parser.addOptions({
        {QStringLiteral("run"), QStringLiteral("Run id or 'latest' (default)."), QStringLiteral("run"), QStringLiteral("latest")},
        {QStringLiteral("json"), QStringLiteral("Write the new run as JSON to a file ('-' = standard output)."), QStringLiteral("file")},
        {QStringLiteral("tailoring"), QStringLiteral("Apply this tailoring kept in the project (its newest version) instead of the run's own; "
                                                     "'none' for no tailoring."), QStringLiteral("name")},
    });
    if (!ctx.parse(parser, QStringLiteral("reevaluate"), args, 1, 1))
        return ExitBadInput;
    auto catalog = ctx.loadCatalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    auto db = ctx.openProject(parser.positionalArguments().at(0), true);
    if (!db)
        return ctx.fail(db.error());
    auto runId = CliContext::resolveRun(**db, parser.value(QStringLiteral("run")));
    if (!runId)
        return ctx.fail(runId.error());
    std::optional<qint64> tailoringId;     // unset: the run's own
    if (parser.isSet(QStringLiteral("tailoring"))) {
        const QString name = parser.value(QStringLiteral("tailoring"));
        if (name == QLatin1String("none")) {
            tailoringId = 0;
        } else {
            auto run = (*db)->run(*runId);
            if (!run)
                return ctx.fail(run.error());
            auto stored = (*db)->latestTailoring(run->templateId, name);
            if (!stored)
                return ctx.fail(makeError(Error::Code::NotFound, QStringLiteral("no tailoring '%1' is kept in this project for %2")
                                                                     .arg(name, run->templateId)));
            tailoringId = stored->id;
        }
    }
    auto summary = Reevaluator::reevaluate(**db, *catalog, *runId, CliContext::operatorName(), tailoringId);
    if (!summary)
        return ctx.fail(summary.error());
    if (parser.isSet(QStringLiteral("json"))) {
        if (auto s = ctx.writeRunJson(**db, summary->runId, summary->score, parser.value(QStringLiteral("json"))); !s)
            return ctx.fail(s.error());
    }
    if (parser.value(QStringLiteral("json")) != QLatin1String("-"))
        ctx.out() << "Run " << summary->runId << " re-evaluated from the evidence of run " << *runId << ": "
                  << summary->resultCount << " results, score "
                  << (summary->score.percent ? QString::number(*summary->score.percent, 'f', 1) + QLatin1Char('%') : QStringLiteral("no data"))
                  << '\n';
    return ExitOk;
}

} // namespace triad
