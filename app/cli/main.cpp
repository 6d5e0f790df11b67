// triad-cli: the headless front end of Triad. Every command drives the same core as the GUI.
#include "CliContext.h"

#include "common/Paths.h"
#include "scan/CoreInfo.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

#include <sys/resource.h>

namespace triad {
// ReportCommand.cpp
int runReportCommand(CliContext &ctx, const QStringList &args);
int runVerifyReportCommand(CliContext &ctx, const QStringList &args);
} // namespace triad

namespace {

const char *const kUsage =
    "Usage: triad-cli COMMAND [ARGS]\n"
    "\n"
    "Commands:\n"
    "  project init P.triad --name NAME [--customer C]   create a project file\n"
    "  project info P.triad    project passphrase P.triad   change the credential vault's passphrase\n"
    "  assets add P.triad NAME [--transport local|ssh] [--address A] [--port N] [--user U]\n"
    "                          [--key FILE] [--sudo] [--tags a,b] [--proxy-jump [user@]host[:port]]\n"
    "                          [--password-from-stdin | --key-passphrase-from-stdin] [--sudo-password-from-stdin]\n"
    "  assets import P.triad --from inventory.csv|~/.ssh/config|hosts.ini [--tags a,b]\n"
    "  assets list P.triad [--json]    assets remove P.triad NAME\n"
    "  templates list [--json] | validate FILE... | show ID | script ID [--tailoring F]\n"
    "  scan P.triad --template ID [--assets NAMES|TAGS] [--tailoring FILE|NAME] [--concurrency N]\n"
    "               [--accept-new-host-keys] [--json OUT] [--fail-under PCT] [--quiet]\n"
    "  runs P.triad [--json|--csv]\n"
    "  results P.triad [--run N|latest] [--status S] [--evidence] [--json]\n"
    "  requirements P.triad [--run N|latest] [--status S] [--outstanding] [--json]   met, failed, manual evidence outstanding\n"
    "  issues P.triad [--state open|fixed|waived|all] [--severity S] [--asset A] [--search T] [--history] [--json|--csv]\n"
    "  diff P.triad RUN_A RUN_B [--json]\n"
    "  waive P.triad --check ID [--asset NAME|--tag TAG] --justification T --approver A --expires YYYY-MM-DD [--ticket T]\n"
    "  waive P.triad --list [--json] | --end ID --reason T | --extend ID --expires YYYY-MM-DD\n"
    "  attest P.triad --template ID --requirement REQ --status pass|fail --statement T [--evidence FILE]...\n"
    "  attest P.triad --list [--template ID] [--json]\n"
    "  tailorings P.triad [--json] | --show NAME --template ID [--version N]\n"
    "  timing P.triad [--run N|latest] [--top N] [--json]   where a run spent its time\n"
    "  reevaluate P.triad [--run N|latest] [--tailoring NAME|none] [--json OUT]\n"
    "                 evaluate stored evidence against today's template (the run's tailoring, or another)\n"
    "  report P.triad [--run N|latest] --format pdf|html|csv|json|junit|oscal --out FILE [--paper a4|letter]\n"
    "                 [--sign-key KEY.pem --sign-cert CERT.pem]\n"
    "  verify-report FILE [--sig SIG] [--project P.triad] [--cert CERT.pem] [--ca CA.pem]\n"
    "\n"
    "Stored passwords are sealed in the project with the passphrase in $TRIAD_VAULT_PASSPHRASE\n"
    "(or asked on the terminal).\n"
    "\n"
    "Exit codes: 0 success, 1 score below --fail-under, 2 bad usage or input, 3 no asset reached.\n"
    "Each command takes --help.\n";

// Evidence can hold sensitive configuration: a crashing process must not leave it in a core file.
void disableCoreDumps()
{
    rlimit none{0, 0};
    ::setrlimit(RLIMIT_CORE, &none);
}

} // namespace

int main(int argc, char *argv[])
{
    disableCoreDumps();
    // A PDF report lays out text with Qt GUI's fonts, which need a QGuiApplication; the offscreen
    // platform (part of libqt6gui6) needs no display.
    const bool needsGui = argc > 1 && qstrcmp(argv[1], "report") == 0;
    if (needsGui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app = needsGui ? std::make_unique<QGuiApplication>(argc, argv)
                                                     : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("triad-cli"));
    QCoreApplication::setApplicationVersion(triad::appVersion());

    triad::CliContext ctx;
    QStringList args = QCoreApplication::arguments().mid(1);
    const QString command = args.value(0);
    args = args.mid(1);

    if (command.isEmpty() || command == QLatin1String("help") || command == QLatin1String("--help") || command == QLatin1String("-h")) {
        ctx.out() << kUsage;
        return command.isEmpty() ? triad::ExitBadInput : triad::ExitOk;
    }
    if (command == QLatin1String("--version") || command == QLatin1String("version")) {
        ctx.out() << "triad-cli " << triad::appVersion() << " (" << triad::coreLibraryVersions() << ")\n";
        return triad::ExitOk;
    }
    if (command == QLatin1String("project"))
        return triad::runProjectCommand(ctx, args);
    if (command == QLatin1String("assets"))
        return triad::runAssetsCommand(ctx, args);
    if (command == QLatin1String("templates"))
        return triad::runTemplatesCommand(ctx, args);
    if (command == QLatin1String("scan"))
        return triad::runScanCommand(ctx, args);
    if (command == QLatin1String("runs"))
        return triad::runRunsCommand(ctx, args);
    if (command == QLatin1String("results"))
        return triad::runResultsCommand(ctx, args);
    if (command == QLatin1String("requirements"))
        return triad::runRequirementsCommand(ctx, args);
    if (command == QLatin1String("issues"))
        return triad::runIssuesCommand(ctx, args);
    if (command == QLatin1String("diff"))
        return triad::runDiffCommand(ctx, args);
    if (command == QLatin1String("waive"))
        return triad::runWaiveCommand(ctx, args);
    if (command == QLatin1String("attest"))
        return triad::runAttestCommand(ctx, args);
    if (command == QLatin1String("tailorings"))
        return triad::runTailoringsCommand(ctx, args);
    if (command == QLatin1String("timing"))
        return triad::runTimingCommand(ctx, args);
    if (command == QLatin1String("reevaluate"))
        return triad::runReevaluateCommand(ctx, args);
    if (command == QLatin1String("report"))
        return triad::runReportCommand(ctx, args);
    if (command == QLatin1String("verify-report"))
        return triad::runVerifyReportCommand(ctx, args);
    ctx.err() << "triad-cli: unknown command '" << command << "'\n\n" << kUsage;
    return triad::ExitBadInput;
}
