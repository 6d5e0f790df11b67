// triad-cli assets add|list|remove
#include "CliContext.h"
#include "SecretInput.h"

#include "db/ProjectDatabase.h"
#include "inventory/InventoryImport.h"
#include "vault/AssetSecrets.h"
#include "vault/CredentialVault.h"

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
        {QStringLiteral("proxy-jump"), QStringLiteral("Reach the host through this jump host: [user@]host[:port]."), QStringLiteral("jump")},
        {QStringLiteral("password-from-stdin"),
         QStringLiteral("Read the login password from the first line of standard input and store it encrypted in the "
                        "project (vault passphrase from $TRIAD_VAULT_PASSPHRASE or the terminal).")},
        {QStringLiteral("key-passphrase-from-stdin"),
         QStringLiteral("Read the passphrase of the --key file from a line of standard input (before the sudo "
                        "password) and store it encrypted, for that key file whichever asset uses it.")},
        {QStringLiteral("sudo-password-from-stdin"),
         QStringLiteral("Read the sudo password from the next line of standard input and store it encrypted: the "
                        "collection then runs as root through 'sudo -S' (implies --sudo).")},
    });
    if (!ctx.parse(parser, QStringLiteral("assets add"), args, 2, 2))
        return ExitBadInput;
    const bool passwordFromStdin = parser.isSet(QStringLiteral("password-from-stdin"));
    const bool sudoPasswordFromStdin = parser.isSet(QStringLiteral("sudo-password-from-stdin"));
    const bool keyPassphraseFromStdin = parser.isSet(QStringLiteral("key-passphrase-from-stdin"));

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
    asset.useSudo = parser.isSet(QStringLiteral("sudo")) || sudoPasswordFromStdin;
    asset.proxyJump = parser.value(QStringLiteral("proxy-jump"));
    asset.kind = parser.value(QStringLiteral("kind"));
    for (const QString &tag : parser.value(QStringLiteral("tags")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        asset.tags << tag.trimmed();
    if (asset.name.isEmpty())
        return ctx.usage(QStringLiteral("assets add"), QStringLiteral("the asset name is empty"));
    if (keyPassphraseFromStdin && !parser.isSet(QStringLiteral("key")))
        return ctx.usage(QStringLiteral("assets add"), QStringLiteral("--key-passphrase-from-stdin needs --key"));
    if ((passwordFromStdin || sudoPasswordFromStdin) && asset.transport != QLatin1String("ssh"))
        return ctx.usage(QStringLiteral("assets add"), QStringLiteral("stored passwords are for ssh assets"));
    if (passwordFromStdin && parser.isSet(QStringLiteral("key")))
        return ctx.usage(QStringLiteral("assets add"), QStringLiteral("give --key or --password-from-stdin, not both"));

    const QString projectPath = parser.positionalArguments().at(0);
    auto db = ctx.openProject(projectPath, true);
    if (!db)
        return ctx.fail(db.error());
    if ((*db)->assetByName(asset.name))
        return ctx.fail(makeError(Error::Code::InvalidInput, QStringLiteral("an asset named '%1' exists already").arg(asset.name),
                                  projectPath));

    if (passwordFromStdin || sudoPasswordFromStdin || keyPassphraseFromStdin) {
        // Secrets first (in the order of the options' help), then the passphrase: nothing is
        // written before all of them are in hand and the passphrase is known to be right.
        AssetSecrets secrets;
        if (passwordFromStdin) {
            auto line = SecretInput::readLine(QStringLiteral("Login password of %1: ").arg(asset.name));
            if (!line)
                return ctx.fail(line.error());
            secrets.password = std::move(*line);
        }
        if (keyPassphraseFromStdin) {
            auto line = SecretInput::readLine(QStringLiteral("Passphrase of %1: ").arg(parser.value(QStringLiteral("key"))));
            if (!line)
                return ctx.fail(line.error());
            secrets.keyPassphrase = std::move(*line);
        }
        if (sudoPasswordFromStdin) {
            auto line = SecretInput::readLine(QStringLiteral("sudo password of %1: ").arg(asset.name));
            if (!line)
                return ctx.fail(line.error());
            secrets.sudoPassword = std::move(*line);
        }
        auto vault = SecretInput::unlockVault(**db, projectPath, true);
        if (!vault)
            return ctx.fail(vault.error());
        if (auto s = storeAssetSecrets(**db, **vault, asset, secrets); !s)
            return ctx.fail(s.error());
    }
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
                       {QStringLiteral("host_key_sha256"), a.hostKeySha256},
                       // References only ("key:PATH", "vault:NAME"): a secret never leaves the vault.
                       {QStringLiteral("credential_ref"), a.credentialRef},
                       {QStringLiteral("sudo_credential_ref"), a.sudoCredentialRef}};
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
    // The asset's own stored passwords go with it (shared credentials stay).
    removeOwnAssetSecrets(**db, *asset);
    (void)(*db)->appendAudit(CliContext::operatorName(), QStringLiteral("asset.remove"), asset->name);
    ctx.out() << "Removed asset '" << asset->name << "'\n";
    return ExitOk;
}

int importAssets(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Import assets from a CSV file, an OpenSSH client config or an Ansible INI inventory."));
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file."));
    parser.addOptions({
        {QStringLiteral("from"), QStringLiteral("Inventory file (format detected: *.csv, ssh config, Ansible INI)."), QStringLiteral("file")},
        {QStringLiteral("format"), QStringLiteral("csv, ssh-config or ansible (default: detect)."), QStringLiteral("format")},
        {QStringLiteral("tags"), QStringLiteral("Extra tags for every imported asset."), QStringLiteral("tags")},
    });
    if (!ctx.parse(parser, QStringLiteral("assets import"), args, 1, 1))
        return ExitBadInput;
    const QString from = parser.value(QStringLiteral("from"));
    if (from.isEmpty())
        return ctx.usage(QStringLiteral("assets import"), QStringLiteral("--from is required"));
    std::optional<InventoryImport::Format> format;
    const QString f = parser.value(QStringLiteral("format"));
    if (f == QLatin1String("csv"))
        format = InventoryImport::Format::Csv;
    else if (f == QLatin1String("ssh-config"))
        format = InventoryImport::Format::SshConfig;
    else if (f == QLatin1String("ansible"))
        format = InventoryImport::Format::AnsibleIni;
    else if (!f.isEmpty())
        return ctx.usage(QStringLiteral("assets import"), QStringLiteral("--format must be csv, ssh-config or ansible"));
    auto hosts = InventoryImport::importFile(from, format);
    if (!hosts)
        return ctx.fail(hosts.error());
    auto db = ctx.openProject(parser.positionalArguments().at(0), true);
    if (!db)
        return ctx.fail(db.error());
    const QStringList extraTags = parser.value(QStringLiteral("tags")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    int added = 0;
    int skipped = 0;
    for (const ImportedHost &h : std::as_const(*hosts)) {
        if ((*db)->assetByName(h.name)) {
            ctx.out() << "  skipped " << h.name << " (an asset of that name exists)\n";
            ++skipped;
            continue;
        }
        Asset a;
        a.name = h.name;
        a.transport = QStringLiteral("ssh");
        a.address = h.address;
        a.port = h.port;
        a.user = h.user;
        a.credentialRef = h.keyFile.isEmpty() ? QString() : QStringLiteral("key:") + h.keyFile;
        a.proxyJump = h.proxyJump;
        a.tags = h.tags;
        for (const QString &t : extraTags)
            if (!a.tags.contains(t.trimmed()))
                a.tags << t.trimmed();
        if (auto id = (*db)->addAsset(a); !id)
            return ctx.fail(id.error());
        ++added;
    }
    (void)(*db)->appendAudit(CliContext::operatorName(), QStringLiteral("asset.import"),
                             QStringLiteral("%1: %2 added, %3 skipped").arg(from).arg(added).arg(skipped));
    ctx.out() << "Imported " << added << " asset(s) from " << from << (skipped ? QStringLiteral(", skipped %1").arg(skipped) : QString())
              << '\n';
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
    if (sub == QLatin1String("import"))
        return importAssets(ctx, args.mid(1));
    return ctx.usage(QStringLiteral("assets"), QStringLiteral("expected 'add', 'list', 'import' or 'remove'"));
}

} // namespace triad
