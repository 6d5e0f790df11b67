// triad-cli runs | results | evidence: read back what scans stored.
#include "CliContext.h"
#include "RunJson.h"

#include "common/Csv.h"
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "scan/RunScore.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace triad {
namespace {

const Catalog *catalogOrNull(CliContext &ctx, std::optional<Catalog> &storage)
{
    // Scores of stored runs need the template only for manual requirements: a broken template
    // folder must not stop anyone from reading their results.
    auto catalog = ctx.loadCatalog();
    if (!catalog)
        return nullptr;
    storage = std::move(*catalog);
    return &*storage;
}

} // namespace

int runRunsCommand(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the runs stored in a project."));
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    parser.addOption({QStringLiteral("csv"), QStringLiteral("Print CSV (one row per run).")});
    if (!ctx.parse(parser, QStringLiteral("runs"), args, 1, 1))
        return ExitBadInput;
    auto db = ctx.openProject(parser.positionalArguments().at(0), false);
    if (!db)
        return ctx.fail(db.error());
    auto runs = (*db)->runs();
    if (!runs)
        return ctx.fail(runs.error());
    std::optional<Catalog> storage;
    const Catalog *catalog = catalogOrNull(ctx, storage);

    QJsonArray array;
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool csv = parser.isSet(QStringLiteral("csv"));
    if (csv)
        ctx.out() << csvRecord({QStringLiteral("id"), QStringLiteral("template"), QStringLiteral("template_version"),
                                QStringLiteral("started_at"), QStringLiteral("finished_at"), QStringLiteral("status"),
                                QStringLiteral("operator"), QStringLiteral("derived_from_run"), QStringLiteral("tailoring"),
                                QStringLiteral("assets"), QStringLiteral("passed"), QStringLiteral("failed"), QStringLiteral("errors"),
                                QStringLiteral("manual"), QStringLiteral("percent"), QStringLiteral("weighted_percent")});
    else if (!json && runs->isEmpty())
        ctx.out() << "No runs yet. Start one with: triad-cli scan PROJECT --template cis-linux\n";
    else if (!json && !csv)
        ctx.out() << QStringLiteral("%1  %2  %3  %4  %5  %6\n").arg(QStringLiteral("RUN"), 4).arg(QStringLiteral("TEMPLATE"), -16)
                         .arg(QStringLiteral("STARTED (UTC)"), -20).arg(QStringLiteral("STATUS"), -10).arg(QStringLiteral("ASSETS"), 6)
                         .arg(QStringLiteral("SCORE"));
    for (const RunInfo &run : std::as_const(*runs)) {
        auto score = scoreStoredRun(**db, run.id, catalog);
        if (!score)
            return ctx.fail(score.error());
        auto assets = (*db)->runAssets(run.id);
        if (!assets)
            return ctx.fail(assets.error());
        auto percentText = [](const std::optional<double> &p) { return p ? QString::number(*p, 'f', 1) : QString(); };
        if (csv) {
            ctx.out() << csvRecord({QString::number(run.id), run.templateId, run.templateVersion,
                                    run.startedAt.toUTC().toString(Qt::ISODateWithMs),
                                    run.finishedAt.isValid() ? run.finishedAt.toUTC().toString(Qt::ISODateWithMs) : QString(),
                                    toString(run.status), run.operatorName,
                                    run.derivedFromRunId ? QString::number(run.derivedFromRunId) : QString(), run.tailoringName,
                                    QString::number(assets->size()), QString::number(score->passed), QString::number(score->failed),
                                    QString::number(score->errors), QString::number(score->manual), percentText(score->percent),
                                    percentText(score->weightedPercent)});
        } else if (json) {
            array.append(QJsonObject{{QStringLiteral("id"), run.id},
                                     {QStringLiteral("template"), run.templateId},
                                     {QStringLiteral("template_version"), run.templateVersion},
                                     {QStringLiteral("started_at"), run.startedAt.toUTC().toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("finished_at"), run.finishedAt.isValid() ? QJsonValue(run.finishedAt.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue()},
                                     {QStringLiteral("status"), toString(run.status)},
                                     {QStringLiteral("operator"), run.operatorName},
                                     {QStringLiteral("derived_from_run"), run.derivedFromRunId ? QJsonValue(run.derivedFromRunId) : QJsonValue()},
                                     {QStringLiteral("tailoring"), run.tailoringName},
                                     {QStringLiteral("tailoring_version"), run.tailoringId ? QJsonValue(run.tailoringVersion) : QJsonValue()},
                                     {QStringLiteral("assets"), int(assets->size())},
                                     {QStringLiteral("score"), scoreJson(*score)}});
        } else {
            const QString pct = score->percent ? QString::number(*score->percent, 'f', 1) + QLatin1Char('%') : QStringLiteral("no data");
            ctx.out() << QStringLiteral("%1  %2  %3  %4  %5  %6\n").arg(run.id, 4).arg(run.templateId, -16)
                             .arg(run.startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), -20)
                             .arg(toString(run.status), -10).arg(assets->size(), 6).arg(pct);
        }
    }
    if (json)
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    return ExitOk;
}

int runResultsCommand(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Show the results of a run, with their evidence."));
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file."));
    parser.addOptions({
        {QStringLiteral("run"), QStringLiteral("Run id or 'latest' (default)."), QStringLiteral("run"), QStringLiteral("latest")},
        {QStringLiteral("status"), QStringLiteral("Only results with this status (pass, fail, error, ...)."), QStringLiteral("status")},
        {QStringLiteral("evidence"), QStringLiteral("Print the raw evidence behind each result.")},
        {QStringLiteral("json"), QStringLiteral("Print the run as JSON (the scan --json document).")},
    });
    if (!ctx.parse(parser, QStringLiteral("results"), args, 1, 1))
        return ExitBadInput;
    auto db = ctx.openProject(parser.positionalArguments().at(0), false);
    if (!db)
        return ctx.fail(db.error());
    auto runId = CliContext::resolveRun(**db, parser.value(QStringLiteral("run")));
    if (!runId)
        return ctx.fail(runId.error());
    std::optional<CheckStatus> onlyStatus;
    if (parser.isSet(QStringLiteral("status"))) {
        onlyStatus = checkStatusFromString(parser.value(QStringLiteral("status")));
        if (!onlyStatus)
            return ctx.usage(QStringLiteral("results"), QStringLiteral("unknown status '%1'").arg(parser.value(QStringLiteral("status"))));
    }
    std::optional<Catalog> storage;
    auto score = scoreStoredRun(**db, *runId, catalogOrNull(ctx, storage));
    if (!score)
        return ctx.fail(score.error());

    if (parser.isSet(QStringLiteral("json"))) {
        auto doc = runDocument(**db, *runId, *score);
        if (!doc)
            return ctx.fail(doc.error());
        ctx.out() << QJsonDocument(*doc).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    auto results = (*db)->results(*runId);
    if (!results)
        return ctx.fail(results.error());
    const bool withEvidence = parser.isSet(QStringLiteral("evidence"));
    for (const StoredResult &r : std::as_const(*results)) {
        if (onlyStatus && r.result.status != *onlyStatus)
            continue;
        ctx.out() << QStringLiteral("%1  %2  %3  %4").arg(toString(r.result.status).toUpper(), -14).arg(r.assetName, -12)
                         .arg(r.result.checkId, -32).arg(r.title);
        if (!r.result.subject.isEmpty())
            ctx.out() << "  [" << r.result.subject << ']';
        ctx.out() << '\n';
        // A pass shows what it was judged on when evidence is asked for: a built-in default or
        // the file that set a value is part of the evidence.
        if (r.result.status != CheckStatus::Pass || (withEvidence && !r.result.actual.isEmpty())) {
            ctx.out() << "      expected: " << r.result.expected << "\n      actual:   " << r.result.actual << '\n';
            if (!r.result.message.isEmpty())
                ctx.out() << "      note:     " << r.result.message << '\n';
        }
        if (!withEvidence)
            continue;
        for (qint64 id : r.evidenceIds) {
            auto e = (*db)->evidence(id);
            if (!e)
                return ctx.fail(e.error());
            ctx.out() << "      evidence #" << id << ": $ " << e->raw.command << "  (" << toString(e->raw.status) << ", exit "
                      << e->raw.exitCode << ", sha256 " << e->sha256.left(16) << "…" << (e->raw.truncated ? ", truncated" : "")
                      << ")\n";
            if (!e->raw.errorMessage.isEmpty())
                ctx.out() << "        ! " << e->raw.errorMessage << '\n';
            const QStringList lines = QString::fromUtf8(e->raw.stdoutData).split(QLatin1Char('\n'));
            for (qsizetype i = 0; i < std::min<qsizetype>(lines.size(), 8); ++i)
                ctx.out() << "        | " << lines.at(i) << '\n';
        }
    }
    ctx.out() << "Score: " << (score->percent ? QString::number(*score->percent, 'f', 1) + QLatin1Char('%') : QStringLiteral("no data"))
              << " (" << score->passed << " passed, " << score->failed << " failed)\n";
    return ExitOk;
}

} // namespace triad
