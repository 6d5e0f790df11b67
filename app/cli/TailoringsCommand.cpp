// triad-cli tailorings: the tailorings a project keeps, each version as it was imported.
#include "CliContext.h"

#include "db/ProjectDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace triad {

int runTailoringsCommand(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the tailorings kept in a project (a new version is kept whenever scan --tailoring FILE brings a changed text),\n"
        "or print one version's YAML with --show NAME --template ID [--version N]."));
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file."));
    parser.addOptions({
        {QStringLiteral("show"), QStringLiteral("Print the YAML of this tailoring."), QStringLiteral("name")},
        {QStringLiteral("template"), QStringLiteral("Template id (with --show)."), QStringLiteral("id")},
        {QStringLiteral("version"), QStringLiteral("Version (with --show; default: newest)."), QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("json"), QStringLiteral("Print JSON.")},
    });
    if (!ctx.parse(parser, QStringLiteral("tailorings"), args, 1, 1))
        return ExitBadInput;
    auto db = ctx.openProject(parser.positionalArguments().at(0), false);
    if (!db)
        return ctx.fail(db.error());
    if (parser.isSet(QStringLiteral("show"))) {
        if (!parser.isSet(QStringLiteral("template")))
            return ctx.usage(QStringLiteral("tailorings"), QStringLiteral("--show needs --template"));
        bool ok = false;
        const int version = parser.value(QStringLiteral("version")).toInt(&ok);
        if (!ok || version < 0)
            return ctx.usage(QStringLiteral("tailorings"), QStringLiteral("--version must be a number"));
        auto t = (*db)->latestTailoring(parser.value(QStringLiteral("template")), parser.value(QStringLiteral("show")), version);
        if (!t)
            return ctx.fail(t.error());
        ctx.out() << t->yaml;
        return ExitOk;
    }
    auto all = (*db)->tailorings();
    if (!all)
        return ctx.fail(all.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const StoredTailoring &t : std::as_const(*all))
            array.append(QJsonObject{{QStringLiteral("template"), t.templateId},
                                     {QStringLiteral("name"), t.name},
                                     {QStringLiteral("version"), t.version},
                                     {QStringLiteral("sha256"), t.sha256},
                                     {QStringLiteral("created_at"), t.createdAt.toString(Qt::ISODateWithMs)}});
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (all->isEmpty())
        ctx.out() << "No tailorings yet. Scan with --tailoring FILE to keep one in the project.\n";
    for (const StoredTailoring &t : std::as_const(*all))
        ctx.out() << QStringLiteral("%1  %2  v%3  %4  sha256 %5\n").arg(t.templateId, -16).arg(t.name, -24).arg(t.version, -3)
                         .arg(t.createdAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")), t.sha256.left(16));
    return ExitOk;
}

} // namespace triad
