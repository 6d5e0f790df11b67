#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace triad::report {

/// Detached signatures of report files: CMS (PKCS#7) SignedData over the file's bytes, SHA-256
/// digest, signer certificate included, PEM-encoded ("-----BEGIN CMS-----"). OpenSSL checks one
/// without Triad:
///   openssl cms -verify -binary -inform PEM -in report.pdf.sig -content report.pdf -noverify
/// (or with -CAfile instead of -noverify to check the signer's certificate chain as well).
struct SignatureInfo {
    QString signerSubject;          ///< one-line subject of the signing certificate
    QString certificateSha256;      ///< SHA-256 fingerprint of its DER encoding, lower-case hex
};

/// Signs `data` with the private key and certificate in PEM files (the key must match the
/// certificate). An encrypted key takes its passphrase from `passphrase`.
Result<QByteArray> signDetached(const QByteArray &data, const QString &keyPemPath, const QString &certPemPath,
                                const QByteArray &passphrase = {});

/// Checks a detached signature made by signDetached over `data`: the digest and the signature
/// against the certificate it carries. With `trustedCertPemPath`, the signer must be that very
/// certificate; with `caFilePath`, its chain must verify against that CA bundle.
Result<SignatureInfo> verifyDetached(const QByteArray &data, const QByteArray &signaturePem,
                                     const QString &trustedCertPemPath = {}, const QString &caFilePath = {});

/// Subject and fingerprint of the certificate in a PEM file.
Result<SignatureInfo> certificateInfo(const QString &certPemPath);

} // namespace triad::report
