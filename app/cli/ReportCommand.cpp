// triad-cli report | verify-report: export a run as an audit report, record its SHA-256 in the
// project, sign it if asked; later check a report file against the project and its signature.
#include "CliContext.h"

#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "reports/ReportExport.h"
#include "reports/ReportSigner.h"
#include "reports/ReportVerification.h"


#include <memory>
#include <optional>

namespace triad {

int runReportCommand(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Export a run as a report and record its SHA-256 in the project.\n"
        "With --sign-key and --sign-cert, a detached CMS signature is written beside the report (FILE.sig);\n"
        "an encrypted key takes its passphrase from $TRIAD_SIGN_KEY_PASSPHRASE."));
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project file."));
    parser.addOptions({
        {QStringLiteral("run"), QStringLiteral("Run id or 'latest' (default)."), QStringLiteral("n"), QStringLiteral("latest")},
        {QStringLiteral("format"), QStringLiteral("pdf, html, csv, json, junit or oscal."), QStringLiteral("format")},
        {QStringLiteral("out"), QStringLiteral("Report file to write."), QStringLiteral("file")},
        {QStringLiteral("paper"), QStringLiteral("PDF paper size: a4 (default) or letter."), QStringLiteral("size"), QStringLiteral("a4")},
        {QStringLiteral("sign-key"), QStringLiteral("PEM private key to sign the report with."), QStringLiteral("key.pem")},
        {QStringLiteral("sign-cert"), QStringLiteral("PEM X.509 certificate of that key."), QStringLiteral("cert.pem")},
        {QStringLiteral("sig-out"), QStringLiteral("Signature file (default: the report file name + .sig)."), QStringLiteral("file")},
    });
    if (!ctx.parse(parser, QStringLiteral("report"), args, 1, 1))
        return ExitBadInput;
    const auto format = reportFormatFromString(parser.value(QStringLiteral("format")));
    if (!format)
        return ctx.usage(QStringLiteral("report"), QStringLiteral("--format must be one of %1").arg(reportFormatNames().join(QStringLiteral(", "))));
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty())
        return ctx.usage(QStringLiteral("report"), QStringLiteral("--out FILE is required"));
    const QString paperText = parser.value(QStringLiteral("paper")).toLower();
    if (paperText != QLatin1String("a4") && paperText != QLatin1String("letter"))
        return ctx.usage(QStringLiteral("report"), QStringLiteral("--paper must be a4 or letter"));
    const report::PaperSize paper = paperText == QLatin1String("letter") ? report::PaperSize::Letter : report::PaperSize::A4;
    const QString signKey = parser.value(QStringLiteral("sign-key"));
    const QString signCert = parser.value(QStringLiteral("sign-cert"));
    if (signKey.isEmpty() != signCert.isEmpty())
        return ctx.usage(QStringLiteral("report"), QStringLiteral("--sign-key and --sign-cert go together"));

    auto db = ctx.openProject(parser.positionalArguments().at(0), true);
    if (!db)
        return ctx.fail(db.error());
    auto runId = CliContext::resolveRun(**db, parser.value(QStringLiteral("run")));
    if (!runId)
        return ctx.fail(runId.error());
    // Check texts (remediation, verification) come from the installed libraries; without them the
    // report is still complete in everything the project itself holds.
    std::optional<Catalog> catalog;
    if (auto loaded = ctx.loadCatalog())
        catalog = std::move(*loaded);
    else
        ctx.err() << "triad-cli report: warning: check texts are left out: " << loaded.error().toString() << '\n';

    report::ExportRequest request;
    request.runId = *runId;
    request.format = *format;
    request.paper = paper;
    request.outPath = out;
    request.signKeyPath = signKey;
    request.signCertPath = signCert;
    request.signatureOutPath = parser.value(QStringLiteral("sig-out"));
    request.createdBy = CliContext::operatorName();
    if (!signKey.isEmpty())
        request.signKeyPassphrase = qgetenv("TRIAD_SIGN_KEY_PASSPHRASE");
    if (out == QLatin1String("-"))
        request.writeReport = [&ctx, &out](const QByteArray &bytes) { return ctx.writeOutput(out, bytes); };
    auto exported = report::exportReport(**db, catalog ? &*catalog : nullptr, request);
    request.signKeyPassphrase.fill('\0');
    if (!exported)
        return ctx.fail(exported.error());
    const ReportRecord &record = exported->record;
    const QString &sigPath = exported->signaturePath;

    QTextStream &info = out == QLatin1String("-") ? ctx.err() : ctx.out();
    info << "Report " << record.id << ": " << record.format << " of run " << *runId << " written to " << out;
    if (exported->pages)
        info << " (" << exported->pages << " pages)";
    info << "\nSHA-256 " << record.sha256 << " recorded in the project\n";
    if (!sigPath.isEmpty())
        info << "Signature " << sigPath << " by " << record.signerSubject << '\n';
    return ExitOk;
}

int runVerifyReportCommand(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Check a report file: its SHA-256 against the reports recorded in a project, and its detached\n"
        "signature (FILE.sig is used when it exists and --sig is not given). Exit 0: verified; 1: not verified."));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Report file."));
    parser.addOptions({
        {QStringLiteral("sig"), QStringLiteral("Detached signature file."), QStringLiteral("file")},
        {QStringLiteral("project"), QStringLiteral("Project the report was exported from."), QStringLiteral("P.triad")},
        {QStringLiteral("cert"), QStringLiteral("The signer must be this certificate (PEM)."), QStringLiteral("cert.pem")},
        {QStringLiteral("ca"), QStringLiteral("Verify the signer's certificate chain against this CA bundle (PEM)."), QStringLiteral("ca.pem")},
    });
    if (!ctx.parse(parser, QStringLiteral("verify-report"), args, 1, 1))
        return ExitBadInput;
    report::VerifyRequest request;
    request.reportPath = parser.positionalArguments().at(0);
    request.signaturePath = parser.value(QStringLiteral("sig"));
    request.certPath = parser.value(QStringLiteral("cert"));
    request.caPath = parser.value(QStringLiteral("ca"));
    const QString project = parser.value(QStringLiteral("project"));
    if (report::signatureFileFor(request).isEmpty() && project.isEmpty())
        return ctx.usage(QStringLiteral("verify-report"), QStringLiteral("give --project, --sig, or both"));

    std::unique_ptr<ProjectDatabase> db;
    if (!project.isEmpty()) {
        auto opened = ctx.openProject(project, false);
        if (!opened)
            return ctx.fail(opened.error());
        db = std::move(*opened);
    }
    auto verdict = report::verifyReport(request, db.get());
    if (!verdict)
        return ctx.fail(verdict.error());
    ctx.out() << request.reportPath << ": SHA-256 " << verdict->sha256 << '\n';
    if (verdict->projectChecked && !verdict->record) {
        ctx.out() << "project: NOT RECORDED: no report with this SHA-256 was exported from " << project
                  << " (the file was changed, or comes from another project)\n";
    } else if (verdict->record) {
        const ReportRecord &r = *verdict->record;
        ctx.out() << "project: recorded as report " << r.id << " (" << r.format << " of run " << r.runId << ", exported "
                  << r.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) << " UTC by " << r.createdBy << ")\n";
    }
    if (!verdict->signaturePath.isEmpty()) {
        if (!verdict->signer) {
            ctx.out() << "signature: INVALID: " << verdict->signatureError << '\n';
        } else {
            ctx.out() << "signature: valid, signed by " << verdict->signer->signerSubject << " (certificate SHA-256 "
                      << verdict->signer->certificateSha256 << ")\n";
            if (verdict->signatureWasResigned)
                ctx.out() << "signature: note: not the signature file recorded with the export (it was signed again)\n";
        }
    }
    const bool verified = verdict->verified();
    ctx.out() << (verified ? "verified\n" : "NOT VERIFIED\n");
    return verified ? ExitOk : ExitChecksFailed;
}

} // namespace triad
