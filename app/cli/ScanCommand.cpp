// triad-cli scan
#include "CliContext.h"
#include "RunJson.h"
#include "SecretInput.h"

#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "engine/TailoringLoader.h"
#include "scan/AssetSelection.h"
#include "scan/Scanner.h"
#include "vault/CredentialVault.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <csignal>

namespace triad {
namespace {

Scanner *g_activeScanner = nullptr;

// Ctrl-C cancels the scan cleanly: finished assets keep their results, the run is marked cancelled.
void onInterrupt(int)
{
    if (g_activeScanner)
        g_activeScanner->cancel();
}

QString percentText(const std::optional<double> &p)
{
    return p ? QString::number(*p, 'f', 1) + QLatin1Char('%') : QStringLiteral("no data");
}

/// The vault, unlocked when an asset of this scan keeps a password in it (null otherwise): a wrong
/// or missing passphrase stops the command before a run is recorded.
Result<std::shared_ptr<const CredentialVault>> unlockVaultIfNeeded(ProjectDatabase &db, const QString &projectPath,
                                                                   const QStringList &selectors)
{
    auto all = db.assets();
    if (!all)
        return all.error();
    auto selected = selectAssets(*all, selectors);
    if (!selected)
        return std::shared_ptr<const CredentialVault>();    // Scanner reports the selection error
    auto stored = db.credentials();     // names only are looked at: nothing is opened here
    if (!stored)
        return stored.error();
    QSet<QString> names;
    for (const StoredCredential &c : std::as_const(*stored))
        names.insert(c.name);
    const bool needed = std::any_of(selected->cbegin(), selected->cend(), [&names](const Asset &a) {
        return a.credentialRef.startsWith(QLatin1String("vault:")) || a.sudoCredentialRef.startsWith(QLatin1String("vault:")) ||
               (a.credentialRef.startsWith(QLatin1String("key:")) &&
                names.contains(CredentialVault::keyPassphraseName(a.credentialRef.mid(4))));
    });
    if (!needed)
        return std::shared_ptr<const CredentialVault>();
    auto vault = SecretInput::unlockVault(db, projectPath, false);
    if (!vault)
        return vault.error();
    return std::shared_ptr<const CredentialVault>(std::move(*vault));
}

} // namespace

int runScanCommand(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Assess the project's assets against a template."));
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file."));
    parser.addOptions({
        {QStringLiteral("template"), QStringLiteral("Assessment template id (see 'templates list')."), QStringLiteral("id")},
        {QStringLiteral("assets"), QStringLiteral("Comma-separated asset names or tags (default: all)."), QStringLiteral("list")},
        {QStringLiteral("tailoring"), QStringLiteral("Tailoring YAML file, or the name of a tailoring kept in the project."), QStringLiteral("file|name")},
        {QStringLiteral("concurrency"), QStringLiteral("Assets assessed at once (default 16)."), QStringLiteral("n"), QStringLiteral("16")},
        {QStringLiteral("json"), QStringLiteral("Write the run as JSON to a file ('-' = standard output)."), QStringLiteral("file")},
        {QStringLiteral("fail-under"), QStringLiteral("Exit with 1 when the score is below this percentage."), QStringLiteral("pct")},
        {QStringLiteral("accept-new-host-keys"), QStringLiteral("Trust and pin SSH host keys seen for the first time.")},
        {QStringLiteral("quiet"), QStringLiteral("Print nothing but errors.")},
    });
    if (!ctx.parse(parser, QStringLiteral("scan"), args, 1, 1))
        return ExitBadInput;

    ScanRequest request;
    request.templateId = parser.value(QStringLiteral("template"));
    if (request.templateId.isEmpty())
        return ctx.usage(QStringLiteral("scan"), QStringLiteral("--template is required"));
    request.assetSelectors = parser.value(QStringLiteral("assets")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    bool ok = false;
    request.concurrency = parser.value(QStringLiteral("concurrency")).toInt(&ok);
    if (!ok || request.concurrency < 1 || request.concurrency > 256)
        return ctx.usage(QStringLiteral("scan"), QStringLiteral("--concurrency must be a number from 1 to 256"));
    std::optional<double> failUnder;
    if (parser.isSet(QStringLiteral("fail-under"))) {
        failUnder = parser.value(QStringLiteral("fail-under")).toDouble(&ok);
        if (!ok || *failUnder < 0 || *failUnder > 100)
            return ctx.usage(QStringLiteral("scan"), QStringLiteral("--fail-under must be a percentage from 0 to 100"));
    }
    request.operatorName = CliContext::operatorName();
    request.acceptNewHostKeys = parser.isSet(QStringLiteral("accept-new-host-keys"));
    const bool quiet = parser.isSet(QStringLiteral("quiet")) || parser.value(QStringLiteral("json")) == QLatin1String("-");

    auto catalog = ctx.loadCatalog();
    if (!catalog)
        return ctx.fail(catalog.error());
    auto db = ctx.openProject(parser.positionalArguments().at(0), true);
    if (!db)
        return ctx.fail(db.error());
    if (parser.isSet(QStringLiteral("tailoring"))) {
        // A file is read and kept in the project as a new version when its text changed; any
        // other word names a tailoring already kept in the project (its newest version).
        const QString given = parser.value(QStringLiteral("tailoring"));
        QString yaml;
        QString source = given;
        if (QFileInfo(given).isFile()) {
            QFile f(given);
            if (!f.open(QIODevice::ReadOnly))
                return ctx.fail(makeError(Error::Code::Io, QStringLiteral("cannot read the tailoring: %1").arg(f.errorString()), given));
            yaml = QString::fromUtf8(f.readAll());
        } else {
            auto stored = (*db)->latestTailoring(request.templateId, given);
            if (!stored)
                return ctx.fail(makeError(Error::Code::NotFound,
                                          QStringLiteral("'%1' is neither a tailoring file nor a tailoring kept in this project for %2")
                                              .arg(given, request.templateId)));
            yaml = stored->yaml;
            source = QStringLiteral("%1 (project, version %2)").arg(given).arg(stored->version);
        }
        auto tailoring = TailoringLoader::loadText(yaml.toUtf8(), source);
        if (!tailoring)
            return ctx.fail(tailoring.error());
        request.tailoring = *tailoring;
        request.tailoringYaml = yaml;
    }
    if (auto vault = unlockVaultIfNeeded(**db, parser.positionalArguments().at(0), request.assetSelectors); !vault)
        return ctx.fail(vault.error());
    else
        request.vault = *vault;

    Scanner scanner(**db, *catalog);
    if (!quiet) {
        QObject::connect(&scanner, &Scanner::assetStageChanged, &scanner,
                         [&ctx](const QString &asset, AssetStage stage, const QString &detail) {
                             if (stage == AssetStage::Done || stage == AssetStage::Failed || stage == AssetStage::Cancelled) {
                                 ctx.out() << "  " << asset << ": " << toString(stage);
                                 if (!detail.isEmpty())
                                     ctx.out() << " (" << detail << ')';
                                 ctx.out() << '\n';
                                 ctx.out().flush();
                             }
                         }, Qt::DirectConnection);
    }
    g_activeScanner = &scanner;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    auto summary = scanner.run(request);
    g_activeScanner = nullptr;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (!summary)
        return ctx.fail(summary.error());

    if (parser.isSet(QStringLiteral("json"))) {
        if (auto s = ctx.writeRunJson(**db, summary->runId, summary->score, parser.value(QStringLiteral("json"))); !s)
            return ctx.fail(s.error());
    }

    const Score &score = summary->score;
    if (!quiet) {
        ctx.out() << "Run " << summary->runId << " " << summary->runStatus << ": " << summary->reachedAssets << " of "
                  << summary->assetCount << " asset(s) assessed, " << summary->resultCount << " results\n"
                  << "Requirements: " << score.passed << " passed, " << score.failed << " failed, " << score.errors
                  << " error, " << score.notApplicable << " not applicable, " << score.manual << " manual\n"
                  // Manual-only and mixed requirements alike: what a person still has to attest.
                  << "Manual evidence: " << score.manualNotAttested << " outstanding (" << score.mixedManualNotAttested
                  << " of them beside checks), " << score.manualAttestedPass << " attested pass, "
                  << score.manualAttestedFail << " attested fail (triad-cli requirements --outstanding)\n"
                  << "Score: " << percentText(score.percent) << " (severity-weighted " << percentText(score.weightedPercent)
                  << ")\n";
    }
    if (summary->reachedAssets == 0 && summary->assetCount > 0)
        return ExitUnreachable;
    if (failUnder && (!score.percent || *score.percent < *failUnder))
        return ExitChecksFailed;
    return ExitOk;
}

} // namespace triad
