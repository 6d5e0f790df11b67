// triad-cli project init|info|passphrase
#include "CliContext.h"
#include "SecretInput.h"

#include "db/ProjectDatabase.h"
#include "vault/CredentialVault.h"

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
    if (sub == QLatin1String("passphrase")) {
        QCommandLineParser parser;
        parser.setApplicationDescription(
            QStringLiteral("Change the passphrase of the project's credential vault. The current one comes from "
                           "$TRIAD_VAULT_PASSPHRASE or the terminal; the new one from $TRIAD_NEW_VAULT_PASSPHRASE, "
                           "else the terminal (asked twice), else one line of standard input."));
        parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file."));
        if (!ctx.parse(parser, QStringLiteral("project passphrase"), rest, 1, 1))
            return ExitBadInput;
        const QString path = parser.positionalArguments().at(0);
        auto db = ctx.openProject(path, true);
        if (!db)
            return ctx.fail(db.error());
        auto vault = SecretInput::unlockVault(**db, path, false);
        if (!vault)
            return ctx.fail(vault.error());
        auto fresh = SecretInput::newVaultPassphrase(path);
        if (!fresh)
            return ctx.fail(fresh.error());
        if (auto s = (*vault)->changePassphrase(**db, *fresh); !s)
            return ctx.fail(s.error());
        (void)(*db)->appendAudit(CliContext::operatorName(), QStringLiteral("vault.passphrase"),
                                 QStringLiteral("passphrase changed; %1 credential(s) kept").arg((*vault)->names().size()));
        ctx.out() << "The credential vault of " << path << " now opens with the new passphrase.\n";
        return ExitOk;
    }
    return ctx.usage(QStringLiteral("project"), QStringLiteral("expected 'init', 'info' or 'passphrase'"));
}

} // namespace triad
