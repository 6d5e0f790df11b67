#pragma once

#include "common/Result.h"
#include "db/ProjectDatabase.h"
#include "reports/ReportSigner.h"

#include <QString>

#include <optional>

namespace triad::report {

/// What to check a report file against: the project it was exported from (its recorded SHA-256
/// values), its detached signature, or both. Shared by `triad-cli verify-report` and the GUI's
/// File › Verify Report, so both reach the same verdict.
struct VerifyRequest {
    QString reportPath;
    QString signaturePath;      ///< empty: REPORT.sig when that file exists
    QString certPath;           ///< the signer must be this certificate (optional)
    QString caPath;             ///< the signer's chain must verify against this CA bundle (optional)
};

struct ReportVerification {
    QString sha256;                             ///< of the report file's bytes
    bool projectChecked = false;
    std::optional<ReportRecord> record;         ///< the latest export with this SHA-256, if any
    QString signaturePath;                      ///< the signature file checked; empty: none
    std::optional<SignatureInfo> signer;        ///< set when the signature is valid
    QString signatureError;                     ///< why the signature is not valid
    bool signatureWasResigned = false;          ///< valid, but not the signature recorded at export

    [[nodiscard]] bool verified() const
    {
        return (!projectChecked || record.has_value()) && (signaturePath.isEmpty() || signer.has_value());
    }
};

/// The signature file verifyReport() would use: `request.signaturePath`, else REPORT.sig if it exists.
QString signatureFileFor(const VerifyRequest &request);

/// Reads the report (and signature) and checks them. `db` may be null (signature only). An error
/// is returned only when a file cannot be read; a report that fails a check is a verdict.
Result<ReportVerification> verifyReport(const VerifyRequest &request, ProjectDatabase *db);

} // namespace triad::report
