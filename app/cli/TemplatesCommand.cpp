// triad-cli templates list|validate|show
#include "CliContext.h"

#include "collect/CollectionScript.h"
#include "engine/Catalog.h"
#include "engine/Planner.h"
#include "engine/TailoringLoader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace triad {
namespace {

int listTemplates(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    if (!ctx.parse(parser, QStringLiteral("templates list"), args, 0, 0))
        return ExitBadInput;
    auto catalog = ctx.loadCatalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const AssessmentTemplate &t : catalog->assessments()) {
            int automated = 0;
            for (const RequirementDef &r : t.requirements)
                automated += r.checks.isEmpty() ? 0 : 1;
            array.append(QJsonObject{{QStringLiteral("id"), t.id},
                                     {QStringLiteral("title"), t.title},
                                     {QStringLiteral("version"), t.version},
                                     {QStringLiteral("framework"), t.frameworkName},
                                     {QStringLiteral("framework_version"), t.frameworkVersion},
                                     {QStringLiteral("requirements"), int(t.requirements.size())},
                                     {QStringLiteral("automated_requirements"), automated},
                                     {QStringLiteral("sha256"), t.contentSha256}});
        }
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    ctx.out() << "Assessment templates:\n";
    for (const AssessmentTemplate &t : catalog->assessments())
        ctx.out() << QStringLiteral("  %1 %2  %3 (%4 requirements)\n")
                         .arg(t.id, -20).arg(t.version, -8).arg(t.title).arg(t.requirements.size());
    ctx.out() << "Check libraries:\n";
    for (const CheckLibrary &l : catalog->libraries())
        ctx.out() << QStringLiteral("  %1 %2 checks\n").arg(l.id, -29).arg(l.checks.size());
    return ExitOk;
}

int validateTemplates(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Validate template files, together with the shipped check libraries they may use."));
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("YAML files to check."), QStringLiteral("FILE..."));
    if (!ctx.parse(parser, QStringLiteral("templates validate"), args, 1, -1))
        return ExitBadInput;
    QList<Error> errors;
    auto catalog = ctx.loadCatalog(parser.positionalArguments(), &errors);
    if (!catalog) {
        if (errors.isEmpty())
            errors << catalog.error();
        for (const Error &e : std::as_const(errors))
            ctx.err() << e.toString() << '\n';
        ctx.err() << errors.size() << (errors.size() == 1 ? " error\n" : " errors\n");
        return ExitBadInput;
    }
    ctx.out() << "OK: " << parser.positionalArguments().join(QStringLiteral(", ")) << '\n';
    return ExitOk;
}

void showCheck(QTextStream &out, const CheckDef &c)
{
    out << c.id << "  [" << toString(c.severity) << "]  " << c.title << '\n';
    if (!c.description.isEmpty())
        out << "  " << c.description << '\n';
    if (!c.remediation.summary.isEmpty())
        out << "  Remediation: " << c.remediation.summary << '\n';
}

int showTemplate(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("Assessment template, check library or check id."));
    if (!ctx.parse(parser, QStringLiteral("templates show"), args, 1, 1))
        return ExitBadInput;
    auto catalog = ctx.loadCatalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    const QString id = parser.positionalArguments().at(0);
    QTextStream &out = ctx.out();
    if (const AssessmentTemplate *t = catalog->assessment(id)) {
        out << t->title << " (" << t->id << ' ' << t->version << ")\n"
            << "Framework: " << t->frameworkName << ' ' << t->frameworkVersion << '\n'
            << "Uses: " << t->uses.join(QStringLiteral(", ")) << '\n';
        QString section;
        for (const RequirementDef &r : t->requirements) {
            if (r.section != section) {
                section = r.section;
                out << '\n' << section << '\n';
            }
            out << "  " << r.id << "  " << r.title;
            if (r.checks.isEmpty())
                out << "  [manual]";
            else if (r.manual)
                out << "  [checks + manual part]";     // met only once the manual part is attested too
            out << '\n';
            for (const QString &check : r.checks)
                out << "      - " << check << '\n';
        }
        return ExitOk;
    }
    if (const CheckLibrary *l = catalog->library(id)) {
        out << "Check library " << l->id << " (" << l->checks.size() << " checks)\n";
        for (const CheckDef &c : l->checks)
            showCheck(out, c);
        return ExitOk;
    }
    if (const CheckDef *c = catalog->findCheck(id)) {
        showCheck(out, *c);
        return ExitOk;
    }
    return ctx.fail(makeError(Error::Code::NotFound, QStringLiteral("no template, library or check '%1'").arg(id)));
}

/// Prints the exact POSIX sh script a scan would send to each host, so that an administrator can
/// review what runs on their machines before the first scan.
int printScript(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print the collection script a scan runs on each host (it changes nothing there)."));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("Assessment template id."));
    parser.addOption({QStringLiteral("tailoring"), QStringLiteral("Tailoring YAML file."), QStringLiteral("file")});
    if (!ctx.parse(parser, QStringLiteral("templates script"), args, 1, 1))
        return ExitBadInput;
    auto catalog = ctx.loadCatalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    std::optional<Tailoring> tailoring;
    if (parser.isSet(QStringLiteral("tailoring"))) {
        auto t = TailoringLoader::loadFile(parser.value(QStringLiteral("tailoring")));
        if (!t)
            return ctx.fail(t.error());
        tailoring = *t;
    }
    auto plan = Planner::plan(*catalog, parser.positionalArguments().at(0), tailoring ? &*tailoring : nullptr);
    if (!plan)
        return ctx.fail(plan.error());
    auto script = buildCollectionScript(plan->collectors);
    if (!script)
        return ctx.fail(script.error());
    ctx.out() << QString::fromUtf8(script->text);
    return ExitOk;
}

} // namespace

int runTemplatesCommand(CliContext &ctx, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("list"))
        return listTemplates(ctx, args.mid(1));
    if (sub == QLatin1String("validate"))
        return validateTemplates(ctx, args.mid(1));
    if (sub == QLatin1String("show"))
        return showTemplate(ctx, args.mid(1));
    if (sub == QLatin1String("script"))
        return printScript(ctx, args.mid(1));
    return ctx.usage(QStringLiteral("templates"), QStringLiteral("expected 'list', 'validate', 'show' or 'script'"));
}

} // namespace triad
