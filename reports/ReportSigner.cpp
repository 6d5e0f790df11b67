#include "ReportSigner.h"

#include <QFile>
#include <QStringList>

#include <openssl/bio.h>
#include <openssl/pem.h>   // before cms.h: it declares the CMS PEM functions only when pem.h came first
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <cstring>
#include <memory>

namespace triad::report {
namespace {

template <typename T, void (*Free)(T *)>
struct Deleter {
    void operator()(T *p) const { Free(p); }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE, X509_STORE_free>>;

QString opensslError(const QString &what)
{
    QStringList reasons;
    unsigned long e = 0;
    while ((e = ERR_get_error()) != 0) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        reasons << QString::fromLatin1(buf);
    }
    return reasons.isEmpty() ? what : what + QStringLiteral(" (") + reasons.join(QStringLiteral("; ")) + QLatin1Char(')');
}

Result<QByteArray> readFile(const QString &path, const QString &what)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound, QStringLiteral("cannot read the %1: %2").arg(what, f.errorString()), path);
    return f.readAll();
}

BioPtr memoryBio(const QByteArray &data)
{
    return BioPtr(BIO_new_mem_buf(data.constData(), int(data.size())));
}

Result<X509Ptr> loadCertificate(const QString &path)
{
    auto pem = readFile(path, QStringLiteral("certificate"));
    if (!pem)
        return pem.error();
    BioPtr bio = memoryBio(*pem);
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert)
        return makeError(Error::Code::InvalidInput, opensslError(QStringLiteral("not a PEM X.509 certificate")), path);
    return cert;
}

SignatureInfo infoOf(X509 *cert)
{
    SignatureInfo info;
    BioPtr out(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(out.get(), X509_get_subject_name(cert), 0, XN_FLAG_RFC2253);
    char *data = nullptr;
    const long len = BIO_get_mem_data(out.get(), &data);
    info.signerSubject = QString::fromUtf8(data, len);
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdLen = 0;
    if (X509_digest(cert, EVP_sha256(), md, &mdLen))
        info.certificateSha256 = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(md), int(mdLen)).toHex());
    return info;
}

int passphraseCallback(char *buf, int size, int, void *userdata)
{
    const auto *pass = static_cast<const QByteArray *>(userdata);
    if (!pass || pass->isEmpty() || pass->size() > size)
        return -1;
    std::memcpy(buf, pass->constData(), size_t(pass->size()));
    return int(pass->size());
}

} // namespace

Result<QByteArray> signDetached(const QByteArray &data, const QString &keyPemPath, const QString &certPemPath,
                                const QByteArray &passphrase)
{
    auto cert = loadCertificate(certPemPath);
    if (!cert)
        return cert.error();
    auto keyPem = readFile(keyPemPath, QStringLiteral("private key"));
    if (!keyPem)
        return keyPem.error();
    BioPtr keyBio = memoryBio(*keyPem);
    KeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, passphraseCallback, const_cast<QByteArray *>(&passphrase)));
    OPENSSL_cleanse(keyPem->data(), size_t(keyPem->size()));
    if (!key)
        return makeError(Error::Code::InvalidInput,
                         opensslError(QStringLiteral("not a PEM private key, or its passphrase is missing or wrong")), keyPemPath);
    if (X509_check_private_key(cert->get(), key.get()) != 1)
        return makeError(Error::Code::InvalidInput, QStringLiteral("the private key does not belong to the certificate %1").arg(certPemPath),
                         keyPemPath);
    BioPtr in = memoryBio(data);
    CmsPtr cms(CMS_sign(cert->get(), key.get(), nullptr, in.get(), CMS_DETACHED | CMS_BINARY));
    if (!cms)
        return makeError(Error::Code::Internal, opensslError(QStringLiteral("signing failed")));
    BioPtr out(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_CMS(out.get(), cms.get()) != 1)
        return makeError(Error::Code::Internal, opensslError(QStringLiteral("cannot encode the signature")));
    char *bytes = nullptr;
    const long len = BIO_get_mem_data(out.get(), &bytes);
    return QByteArray(bytes, int(len));
}

Result<SignatureInfo> verifyDetached(const QByteArray &data, const QByteArray &signaturePem, const QString &trustedCertPemPath,
                                     const QString &caFilePath)
{
    BioPtr sigBio = memoryBio(signaturePem);
    CmsPtr cms(PEM_read_bio_CMS(sigBio.get(), nullptr, nullptr, nullptr));
    if (!cms)
        return makeError(Error::Code::InvalidInput, opensslError(QStringLiteral("the signature file is not a PEM CMS signature")));
    StorePtr store(X509_STORE_new());
    unsigned int flags = CMS_BINARY | CMS_DETACHED;
    if (!caFilePath.isEmpty()) {
        if (X509_STORE_load_file(store.get(), caFilePath.toLocal8Bit().constData()) != 1)
            return makeError(Error::Code::InvalidInput, opensslError(QStringLiteral("cannot load the CA file")), caFilePath);
    } else {
        flags |= CMS_NO_SIGNER_CERT_VERIFY;
    }
    BioPtr content = memoryBio(data);
    if (CMS_verify(cms.get(), nullptr, store.get(), content.get(), nullptr, flags) != 1)
        return makeError(Error::Code::InvalidInput,
                         opensslError(QStringLiteral("the signature does not match the file (changed after signing, or signed by another key)")));
    // A new stack of borrowed certificates: the stack is freed, the certificates are not.
    STACK_OF(X509) *list = CMS_get0_signers(cms.get());
    if (!list || sk_X509_num(list) != 1) {
        sk_X509_free(list);
        return makeError(Error::Code::InvalidInput, QStringLiteral("the signature must have exactly one signer"));
    }
    const SignatureInfo info = infoOf(sk_X509_value(list, 0));
    sk_X509_free(list);
    if (!trustedCertPemPath.isEmpty()) {
        auto trusted = loadCertificate(trustedCertPemPath);
        if (!trusted)
            return trusted.error();
        const SignatureInfo expected = infoOf(trusted->get());
        if (expected.certificateSha256 != info.certificateSha256)
            return makeError(Error::Code::InvalidInput,
                             QStringLiteral("signed by %1 (certificate SHA-256 %2), not by the expected certificate %3")
                                 .arg(info.signerSubject, info.certificateSha256, expected.certificateSha256));
    }
    return info;
}

Result<SignatureInfo> certificateInfo(const QString &certPemPath)
{
    auto cert = loadCertificate(certPemPath);
    if (!cert)
        return cert.error();
    return infoOf(cert->get());
}

} // namespace triad::report
