#include "ReportVerification.h"

#include "common/Hash.h"

#include <QFile>
#include <QFileInfo>

namespace triad::report {

QString signatureFileFor(const VerifyRequest &request)
{
    if (!request.signaturePath.isEmpty())
        return request.signaturePath;
    const QString beside = request.reportPath + QStringLiteral(".sig");
    return QFileInfo::exists(beside) ? beside : QString();
}

Result<ReportVerification> verifyReport(const VerifyRequest &request, ProjectDatabase *db)
{
    QFile file(request.reportPath);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound, QStringLiteral("cannot read the report: %1").arg(file.errorString()), request.reportPath);
    const QByteArray bytes = file.readAll();
    ReportVerification verdict;
    verdict.sha256 = sha256Hex(bytes);
    QString recordedSignature;
    if (db) {
        verdict.projectChecked = true;
        auto records = db->reportsWithSha256(verdict.sha256);
        if (!records)
            return records.error();
        if (!records->isEmpty()) {
            verdict.record = records->last();
            recordedSignature = verdict.record->signatureSha256;
        }
    }
    verdict.signaturePath = signatureFileFor(request);
    if (!verdict.signaturePath.isEmpty()) {
        QFile sigFile(verdict.signaturePath);
        if (!sigFile.open(QIODevice::ReadOnly))
            return makeError(Error::Code::NotFound, QStringLiteral("cannot read the signature: %1").arg(sigFile.errorString()),
                             verdict.signaturePath);
        const QByteArray signature = sigFile.readAll();
        auto result = verifyDetached(bytes, signature, request.certPath, request.caPath);
        if (!result) {
            verdict.signatureError = result.error().message;
        } else {
            verdict.signer = *result;
            verdict.signatureWasResigned = !recordedSignature.isEmpty() && recordedSignature != sha256Hex(signature);
        }
    }
    return verdict;
}

} // namespace triad::report
