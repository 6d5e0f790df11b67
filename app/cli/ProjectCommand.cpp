// triad-cli project init|info
#include "CliContext.h"

#include "db/ProjectDatabase.h"

namespace triad {

int runProjectCommand(CliContext &ctx, const QStringList &args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("init")) {
        QCommandLineParser parser;
        parser.setApplicationDescription(QStringLiteral("Create a project file for one engagement."));
        parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The new project file (*.triad)."));
        parser.addOption({QStringLiteral("name"), QStringLiteral("Engagement name."), QStringLiteral("name")});
        parser.addOption({QStringLiteral("customer"), QStringLiteral("Customer name."), QStringLiteral("customer")});
        if (!ctx.parse(parser, QStringLiteral("project init"), rest, 1, 1))
            return ExitBadInput;
        const QString path = parser.positionalArguments().at(0);
        ProjectInfo info;
        info.name = parser.value(QStringLiteral("name"));
        if (info.name.isEmpty())
            return ctx.usage(QStringLiteral("project init"), QStringLiteral("--name is required"));
        info.customer = parser.value(QStringLiteral("customer"));
        info.createdAt = QDateTime::currentDateTimeUtc();
        auto db = ProjectDatabase::create(path, info);
        if (!db)
            return ctx.fail(db.error());
        (void)(*db)->appendAudit(CliContext::operatorName(), QStringLiteral("project.create"), info.name);
        ctx.out() << "Created project '" << info.name << "' in " << path << '\n';
        return ExitOk;
    }
    if (sub == QLatin1String("info")) {
        QCommandLineParser parser;
        parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file."));
        if (!ctx.parse(parser, QStringLiteral("project info"), rest, 1, 1))
            return ExitBadInput;
        auto db = ctx.openProject(parser.positionalArguments().at(0), false);
        if (!db)
            return ctx.fail(db.error());
        auto info = (*db)->projectInfo();
        if (!info)
            return ctx.fail(info.error());
        ctx.out() << "Project:  " << info->name << '\n'
                  << "Customer: " << info->customer << '\n'
                  << "Created:  " << info->createdAt.toString(Qt::ISODate) << '\n'
                  << "Schema:   " << (*db)->schemaVersion() << '\n';
        return ExitOk;
    }
    return ctx.usage(QStringLiteral("project"), QStringLiteral("expected 'init' or 'info'"));
}

} // namespace triad
