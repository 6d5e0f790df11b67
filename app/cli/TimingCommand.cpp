// triad-cli timing: where a run spent its time (connect, authentication, collection, evaluation,
// storage per asset; the slowest collectors), so that the slow part of a fleet scan is visible.
#include "CliContext.h"

#include "db/ProjectDatabase.h"
#include "db/RunTimings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace triad {
namespace {

QString milliseconds(qint64 ms)
{
    return ms >= 10000 ? QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1) : QStringLiteral("%1 ms").arg(ms);
}

QString kib(qint64 bytes)
{
    return QString::number((bytes + 1023) / 1024);
}

/// A collector's command on one line: template commands are often multi-line scripts.
QString oneLine(const QString &command)
{
    return command.simplified().left(60);
}

QString row(const QString &name, const QString &status, const AssetTimings &t)
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
        .arg(name.left(24), -24).arg(status, -11).arg(milliseconds(t.connectMs), 9).arg(milliseconds(t.authMs), 9)
        .arg(milliseconds(t.collectMs), 9).arg(milliseconds(t.evaluateMs), 9).arg(milliseconds(t.storeMs), 9)
        .arg(kib(t.bytesSent), 8).arg(kib(t.bytesReceived), 9);
}

} // namespace

int runTimingCommand(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Show where a run spent its time: per asset and per collector."));
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file."));
    parser.addOptions({
        {QStringLiteral("run"), QStringLiteral("Run id or 'latest' (default)."), QStringLiteral("run"), QStringLiteral("latest")},
        {QStringLiteral("top"), QStringLiteral("How many of the slowest collectors to list (default 10)."), QStringLiteral("n"),
         QStringLiteral("10")},
        {QStringLiteral("json"), QStringLiteral("Print JSON.")},
    });
    if (!ctx.parse(parser, QStringLiteral("timing"), args, 1, 1))
        return ExitBadInput;
    bool topOk = false;
    const int top = parser.value(QStringLiteral("top")).toInt(&topOk);
    if (!topOk || top < 0 || top > 10000)
        return ctx.usage(QStringLiteral("timing"), QStringLiteral("--top takes a number from 0 to 10000"));
    auto db = ctx.openProject(parser.positionalArguments().at(0), false);
    if (!db)
        return ctx.fail(db.error());
    auto runId = CliContext::resolveRun(**db, parser.value(QStringLiteral("run")));
    if (!runId)
        return ctx.fail(runId.error());
    auto timings = loadRunTimings(**db, *runId, top);
    if (!timings)
        return ctx.fail(timings.error());
    const RunInfo *run = &timings->run;
    const QList<AssetRunRecord> *assets = &timings->assets;
    const QList<CollectorTime> *collectors = &timings->slowest;
    const qint64 wallMs = timings->wallMs;
    const AssetTimings &total = timings->sum;

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray assetArray;
        for (const AssetRunRecord &a : std::as_const(*assets))
            assetArray.append(QJsonObject{{QStringLiteral("name"), a.assetName},
                                          {QStringLiteral("status"), toString(a.status)},
                                          {QStringLiteral("duration_ms"), a.durationMs},
                                          {QStringLiteral("timing"), toJson(a.timings)}});
        QJsonArray collectorArray;
        for (const CollectorTime &c : std::as_const(*collectors))
            collectorArray.append(QJsonObject{{QStringLiteral("collector"), c.collectorKey},
                                              {QStringLiteral("command"), c.command},
                                              {QStringLiteral("total_ms"), c.totalMs},
                                              {QStringLiteral("max_ms"), c.maxMs},
                                              {QStringLiteral("assets"), c.assets}});
        const QJsonObject doc{{QStringLiteral("run"), *runId},
                              {QStringLiteral("wall_ms"), wallMs},
                              {QStringLiteral("assets"), assetArray},
                              {QStringLiteral("sum"), toJson(total)},
                              {QStringLiteral("slowest_collectors"), collectorArray}};
        ctx.out() << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return ExitOk;
    }

    ctx.out() << QStringLiteral("Run %1: %2 %3, %4 asset(s), wall time %5\n")
                     .arg(*runId).arg(run->templateId, run->templateVersion).arg(assets->size())
                     .arg(wallMs < 0 ? QStringLiteral("(not finished)") : milliseconds(wallMs));
    ctx.out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                     .arg(QStringLiteral("ASSET"), -24).arg(QStringLiteral("STATUS"), -11).arg(QStringLiteral("CONNECT"), 9)
                     .arg(QStringLiteral("AUTH"), 9).arg(QStringLiteral("COLLECT"), 9).arg(QStringLiteral("EVALUATE"), 9)
                     .arg(QStringLiteral("STORE"), 9).arg(QStringLiteral("SENT KiB"), 8).arg(QStringLiteral("RECV KiB"), 9);
    for (const AssetRunRecord &a : std::as_const(*assets))
        ctx.out() << row(a.assetName, toString(a.status), a.timings);
    if (assets->size() > 1)
        ctx.out() << row(QStringLiteral("(sum over assets)"), QString(), total);
    if (!collectors->isEmpty()) {
        ctx.out() << QStringLiteral("\nSlowest collectors (time summed over assets; 10 ms resolution):\n");
        for (const CollectorTime &c : std::as_const(*collectors))
            ctx.out() << QStringLiteral("%1  max %2  %3  %4\n")
                             .arg(milliseconds(c.totalMs), 9).arg(milliseconds(c.maxMs), 9).arg(c.collectorKey, -40)
                             .arg(oneLine(c.command));
    }
    return ExitOk;
}

} // namespace triad
