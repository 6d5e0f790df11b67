// triad-cli requirements: each requirement of a run with what its checks say, whether its manual
// part is attested, and whether it is met, from the same report model every report format reads.
#include "CliContext.h"

#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "reports/JsonReportWriter.h"
#include "reports/ReportModelBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace triad {

int runRequirementsCommand(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Show the status of each requirement of a run. A requirement with a manual part is met only when its\n"
        "checks pass and that part is attested as passed (triad-cli attest)."));
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file."));
    parser.addOptions({
        {QStringLiteral("run"), QStringLiteral("Run id or 'latest' (default)."), QStringLiteral("n"), QStringLiteral("latest")},
        {QStringLiteral("status"), QStringLiteral("Only requirements with this status (pass, fail, error, waived, manual, ...)."), QStringLiteral("status")},
        {QStringLiteral("outstanding"), QStringLiteral("Only requirements whose manual evidence is not attested yet.")},
        {QStringLiteral("json"), QStringLiteral("Print JSON (the report's requirements entries).")},
    });
    if (!ctx.parse(parser, QStringLiteral("requirements"), args, 1, 1))
        return ExitBadInput;
    auto db = ctx.openProject(parser.positionalArguments().at(0), false);
    if (!db)
        return ctx.fail(db.error());
    auto runId = CliContext::resolveRun(**db, parser.value(QStringLiteral("run")));
    if (!runId)
        return ctx.fail(runId.error());
    // The requirements come from the template stored with the run; the installed one is the fallback.
    std::optional<Catalog> catalog;
    if (auto loaded = ctx.loadCatalog())
        catalog = std::move(*loaded);
    report::ReportModelBuilder builder(**db, catalog ? &*catalog : nullptr);
    auto model = builder.build(*runId);
    if (!model)
        return ctx.fail(model.error());

    const QString wanted = parser.value(QStringLiteral("status"));
    const bool outstandingOnly = parser.isSet(QStringLiteral("outstanding"));
    QList<QPair<QString, const report::RequirementRow *>> rows;
    int met = 0, total = 0;
    for (const report::RequirementSection &s : std::as_const(model->sections)) {
        for (const report::RequirementRow &r : s.rows) {
            ++total;
            met += r.met ? 1 : 0;
            if (!wanted.isEmpty() && r.status != wanted)
                continue;
            if (outstandingOnly && r.manualPart != ManualPart::NotAttested)
                continue;
            rows.append({s.name, &r});
        }
    }

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const auto &[section, row] : std::as_const(rows))
            array.append(report::requirementJson(section, *row));
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    const Score &s = model->score;
    ctx.out() << "Run " << *runId << " of " << model->cover.templateId << ' ' << model->cover.templateVersion << ": " << total
              << " requirements, " << met << " met\n"
              << "Manual evidence outstanding: " << s.manualNotAttested << " (" << s.manualNotAttested - s.mixedManualNotAttested
              << " manual-only, " << s.mixedManualNotAttested << " beside their checks); " << s.manualAttestedPass
              << " attested pass, " << s.manualAttestedFail << " attested fail\n";
    if (rows.isEmpty())
        return ExitOk;
    ctx.out() << QStringLiteral("%1  %2  %3\n").arg(QStringLiteral("ID"), -12).arg(QStringLiteral("STATUS"), -54).arg(QStringLiteral("TITLE"));
    for (const auto &[section, row] : std::as_const(rows))
        ctx.out() << QStringLiteral("%1  %2  %3\n").arg(row->id, -12).arg(row->statusText, -54).arg(row->title);
    return ExitOk;
}

} // namespace triad
