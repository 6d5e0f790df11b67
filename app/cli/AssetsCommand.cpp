// triad-cli assets add|list|remove
#include "CliContext.h"

#include "db/ProjectDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace triad {
namespace {

int addAsset(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Add an asset to a project."));
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file."));
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Unique asset name."));
    parser.addOptions({
        {QStringLiteral("transport"), QStringLiteral("local or ssh (default: ssh, or local for 'localhost' without --address)."), QStringLiteral("transport")},
        {QStringLiteral("address"), QStringLiteral("Host name or IP address."), QStringLiteral("address")},
        {QStringLiteral("port"), QStringLiteral("SSH port (default 22)."), QStringLiteral("port"), QStringLiteral("22")},
        {QStringLiteral("user"), QStringLiteral("Login user."), QStringLiteral("user")},
        {QStringLiteral("key"), QStringLiteral("Private key file."), QStringLiteral("file")},
        {QStringLiteral("sudo"), QStringLiteral("Collect privileged data with sudo.")},
        {QStringLiteral("tags"), QStringLiteral("Comma-separated tags."), QStringLiteral("tags")},
        {QStringLiteral("kind"), QStringLiteral("linux (default), docker, k8s-node, aws."), QStringLiteral("kind"), QStringLiteral("linux")},
    });
    if (!ctx.parse(parser, QStringLiteral("assets add"), args, 2, 2))
        return ExitBadInput;

    Asset asset;
    asset.name = parser.positionalArguments().at(1).trimmed();
    asset.address = parser.value(QStringLiteral("address")).trimmed();
    asset.transport = parser.value(QStringLiteral("transport"));
    if (asset.transport.isEmpty())
        asset.transport = asset.address.isEmpty() && asset.name == QLatin1String("localhost")
                              ? QStringLiteral("local") : QStringLiteral("ssh");
    if (asset.transport != QLatin1String("local") && asset.transport != QLatin1String("ssh"))
        return ctx.usage(QStringLiteral("assets add"), QStringLiteral("--transport must be 'local' or 'ssh'"));
    if (asset.transport == QLatin1String("ssh") && asset.address.isEmpty())
        return ctx.usage(QStringLiteral("assets add"), QStringLiteral("an ssh asset needs --address"));
    bool portOk = false;
    asset.port = parser.value(QStringLiteral("port")).toInt(&portOk);
    if (!portOk || asset.port < 1 || asset.port > 65535)
        return ctx.usage(QStringLiteral("assets add"), QStringLiteral("--port must be a number from 1 to 65535"));
    asset.user = parser.value(QStringLiteral("user"));
    asset.credentialRef = parser.isSet(QStringLiteral("key")) ? QStringLiteral("key:") + parser.value(QStringLiteral("key")) : QString();
    asset.useSudo = parser.isSet(QStringLiteral("sudo"));
    asset.kind = parser.value(QStringLiteral("kind"));
    for (const QString &tag : parser.value(QStringLiteral("tags")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        asset.tags << tag.trimmed();
    if (asset.name.isEmpty())
        return ctx.usage(QStringLiteral("assets add"), QStringLiteral("the asset name is empty"));

    auto db = ctx.openProject(parser.positionalArguments().at(0), true);
    if (!db)
        return ctx.fail(db.error());
    auto id = (*db)->addAsset(asset);
    if (!id)
        return ctx.fail(id.error());
    (void)(*db)->appendAudit(CliContext::operatorName(), QStringLiteral("asset.add"),
                             asset.name + QStringLiteral(" (") + asset.transport + QLatin1Char(')'));
    ctx.out() << "Added asset '" << asset.name << "' (" << asset.transport << ")\n";
    return ExitOk;
}

QJsonObject assetJson(const Asset &a)
{
    return QJsonObject{{QStringLiteral("name"), a.name},
                       {QStringLiteral("kind"), a.kind},
                       {QStringLiteral("transport"), a.transport},
                       {QStringLiteral("address"), a.address},
                       {QStringLiteral("port"), a.port},
                       {QStringLiteral("user"), a.user},
                       {QStringLiteral("sudo"), a.useSudo},
                       {QStringLiteral("tags"), QJsonArray::fromStringList(a.tags)},
                       {QStringLiteral("host_key_sha256"), a.hostKeySha256}};
}

int listAssets(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    if (!ctx.parse(parser, QStringLiteral("assets list"), args, 1, 1))
        return ExitBadInput;
    auto db = ctx.openProject(parser.positionalArguments().at(0), false);
    if (!db)
        return ctx.fail(db.error());
    auto assets = (*db)->assets();
    if (!assets)
        return ctx.fail(assets.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Asset &a : std::as_const(*assets))
            array.append(assetJson(a));
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (assets->isEmpty()) {
        ctx.out() << "No assets yet. Add one with: triad-cli assets add PROJECT NAME --address HOST\n";
        return ExitOk;
    }
    ctx.out() << QStringLiteral("%1  %2  %3  %4\n").arg(QStringLiteral("NAME"), -20).arg(QStringLiteral("TRANSPORT"), -9)
                     .arg(QStringLiteral("ADDRESS"), -24).arg(QStringLiteral("TAGS"));
    for (const Asset &a : std::as_const(*assets)) {
        const QString address = a.transport == QLatin1String("local")
                                    ? QStringLiteral("(this computer)")
                                    : (a.user.isEmpty() ? QString() : a.user + QLatin1Char('@')) + a.address +
                                          QLatin1Char(':') + QString::number(a.port);
        ctx.out() << QStringLiteral("%1  %2  %3  %4\n").arg(a.name, -20).arg(a.transport, -9).arg(address, -24)
                         .arg(a.tags.join(QLatin1Char(',')));
    }
    return ExitOk;
}

int removeAsset(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file."));
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Asset name."));
    if (!ctx.parse(parser, QStringLiteral("assets remove"), args, 2, 2))
        return ExitBadInput;
    auto db = ctx.openProject(parser.positionalArguments().at(0), true);
    if (!db)
        return ctx.fail(db.error());
    auto asset = (*db)->assetByName(parser.positionalArguments().at(1));
    if (!asset)
        return ctx.fail(asset.error());
    if (auto s = (*db)->removeAsset(asset->id); !s)
        return ctx.fail(s.error());
    (void)(*db)->appendAudit(CliContext::operatorName(), QStringLiteral("asset.remove"), asset->name);
    ctx.out() << "Removed asset '" << asset->name << "'\n";
    return ExitOk;
}

} // namespace

int runAssetsCommand(CliContext &ctx, const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("add"))
        return addAsset(ctx, args.mid(1));
    if (sub == QLatin1String("list"))
        return listAssets(ctx, args.mid(1));
    if (sub == QLatin1String("remove"))
        return removeAsset(ctx, args.mid(1));
    return ctx.usage(QStringLiteral("assets"), QStringLiteral("expected 'add', 'list' or 'remove'"));
}

} // namespace triad
