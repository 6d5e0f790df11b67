#include "ReportExport.h"

#include "ReportModelBuilder.h"
#include "ReportRenderer.h"
#include "ReportSigner.h"
#include "common/Hash.h"
#include "db/ProjectDatabase.h"

#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>

namespace triad::report {

QString toString(ExportStage stage)
{
    switch (stage) {
    case ExportStage::BuildingModel:
        return QStringLiteral("Reading the run");
    case ExportStage::Rendering:
        return QStringLiteral("Rendering the report");
    case ExportStage::Signing:
        return QStringLiteral("Signing");
    case ExportStage::Writing:
        return QStringLiteral("Writing the file");
    case ExportStage::Recording:
        return QStringLiteral("Recording the SHA-256 in the project");
    }
    return {};
}

Status writeFileAtomically(const QString &path, const QByteArray &data)
{
    QSaveFile f(path);
    // Unbuffered: a full disk fails the write itself, where errno still names the cause
    // (a buffered QSaveFile only reports "Unknown error" from commit()).
    if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return makeError(Error::Code::Io, QStringLiteral("cannot write: %1").arg(f.errorString()), path);
    errno = 0;
    if (f.write(data) != data.size()) {
        const int cause = errno;
        f.cancelWriting();
        const QString why = cause != 0 ? QString::fromLocal8Bit(std::strerror(cause)) : f.errorString();
        return makeError(Error::Code::Io, QStringLiteral("cannot write: %1").arg(why), path);
    }
    if (!f.commit())
        return makeError(Error::Code::Io, QStringLiteral("cannot write: %1").arg(f.errorString()), path);
    return {};
}

Result<ExportOutcome> exportReport(ProjectDatabase &db, const Catalog *catalog, const ExportRequest &request,
                                   const std::function<void(ExportStage)> &progress)
{
    auto step = [&progress](ExportStage stage) {
        if (progress)
            progress(stage);
    };
    if (request.outPath.isEmpty())
        return makeError(Error::Code::InvalidInput, QStringLiteral("no report file given"));
    if (request.signKeyPath.isEmpty() != request.signCertPath.isEmpty())
        return makeError(Error::Code::InvalidInput,
                         QStringLiteral("a signing key and its certificate go together"));

    step(ExportStage::BuildingModel);
    ReportModelBuilder builder(db, catalog);
    auto model = builder.build(request.runId);
    if (!model)
        return model.error();
    step(ExportStage::Rendering);
    auto rendered = renderReport(*model, request.format, request.paper);
    if (!rendered)
        return rendered.error();

    ExportOutcome outcome;
    ReportRecord &record = outcome.record;
    record.runId = request.runId;
    record.format = toString(request.format);
    record.fileName = QFileInfo(request.outPath).absoluteFilePath();
    record.sha256 = sha256Hex(rendered->bytes);
    record.size = rendered->bytes.size();
    record.paper = request.format == ReportFormat::Pdf
        ? (request.paper == PaperSize::Letter ? QStringLiteral("letter") : QStringLiteral("a4"))
        : QString();
    record.createdBy = request.createdBy;
    outcome.pages = rendered->pages;

    if (!request.signKeyPath.isEmpty()) {
        step(ExportStage::Signing);
        auto signature = signDetached(rendered->bytes, request.signKeyPath, request.signCertPath,
                                      request.signKeyPassphrase);
        if (!signature)
            return signature.error();
        auto signer = certificateInfo(request.signCertPath);
        if (!signer)
            return signer.error();
        outcome.signaturePath = request.signatureOutPath.isEmpty() ? request.outPath + QStringLiteral(".sig")
                                                                   : request.signatureOutPath;
        if (auto s = writeFileAtomically(outcome.signaturePath, *signature); !s)
            return s.error();
        record.signatureSha256 = sha256Hex(*signature);
        record.signerSubject = signer->signerSubject;
    }
    step(ExportStage::Writing);
    if (auto s = request.writeReport ? request.writeReport(rendered->bytes)
                                     : writeFileAtomically(request.outPath, rendered->bytes);
        !s)
        return s.error();
    step(ExportStage::Recording);
    auto id = db.recordReport(record);
    if (!id)
        return id.error();
    record.id = *id;
    return outcome;
}

} // namespace triad::report
