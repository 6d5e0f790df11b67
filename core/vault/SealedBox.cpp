#include "SealedBox.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <memory>

namespace triad::SealedBox {

namespace {

constexpr char kMagic[] = "TRV1";
constexpr int kMagicSize = 4;
constexpr int kSaltSize = 16;
constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;
constexpr int kHeaderSize = kMagicSize + 3 + kSaltSize + kNonceSize;
constexpr int kKeySize = 32;

struct CtxFree {
    void operator()(EVP_CIPHER_CTX *c) const { EVP_CIPHER_CTX_free(c); }
};

/// Wipes the derived key however the function leaves.
struct Key {
    unsigned char bytes[kKeySize] = {};
    ~Key() { OPENSSL_cleanse(bytes, sizeof bytes); }
};

bool deriveKey(const SecretBytes &passphrase, const unsigned char *salt, int log2N, int r, int p, Key &key)
{
    if (log2N < 10 || log2N > 22 || r < 1 || r > 32 || p < 1 || p > 16)
        return false;
    const uint64_t n = uint64_t(1) << log2N;
    // maxmem must cover 128 * r * N bytes (plus slack), or OpenSSL refuses.
    const uint64_t maxmem = 256ull * uint64_t(r) * n + (1u << 20);
    return EVP_PBE_scrypt(passphrase.data(), size_t(passphrase.size()), salt, kSaltSize, n, uint64_t(r), uint64_t(p),
                          maxmem, key.bytes, kKeySize) == 1;
}

Error cryptoError(const QString &what)
{
    return makeError(Error::Code::Internal, QStringLiteral("credential vault: ") + what);
}

} // namespace

Result<QByteArray> seal(const SecretBytes &plaintext, const SecretBytes &passphrase, const KdfCost &cost)
{
    if (passphrase.isEmpty())
        return makeError(Error::Code::InvalidInput, QStringLiteral("credential vault: the passphrase is empty"));
    QByteArray blob(kHeaderSize, '\0');
    auto *h = reinterpret_cast<unsigned char *>(blob.data());
    memcpy(h, kMagic, kMagicSize);
    h[4] = static_cast<unsigned char>(cost.log2N);
    h[5] = static_cast<unsigned char>(cost.r);
    h[6] = static_cast<unsigned char>(cost.p);
    unsigned char *salt = h + 7;
    unsigned char *nonce = salt + kSaltSize;
    if (RAND_bytes(salt, kSaltSize) != 1 || RAND_bytes(nonce, kNonceSize) != 1)
        return cryptoError(QStringLiteral("no random numbers"));

    Key key;
    if (!deriveKey(passphrase, salt, cost.log2N, cost.r, cost.p, key))
        return cryptoError(QStringLiteral("key derivation failed"));

    std::unique_ptr<EVP_CIPHER_CTX, CtxFree> ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    QByteArray cipher(plaintext.size() + kTagSize, '\0');
    auto *out = reinterpret_cast<unsigned char *>(cipher.data());
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) != 1 ||
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key.bytes, nonce) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, h, kHeaderSize) != 1 ||
        EVP_EncryptUpdate(ctx.get(), out, &len, reinterpret_cast<const unsigned char *>(plaintext.data()),
                          int(plaintext.size())) != 1)
        return cryptoError(QStringLiteral("encryption failed"));
    int total = len;
    if (EVP_EncryptFinal_ex(ctx.get(), out + total, &len) != 1)
        return cryptoError(QStringLiteral("encryption failed"));
    total += len;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, out + total) != 1)
        return cryptoError(QStringLiteral("encryption failed"));
    cipher.resize(total + kTagSize);
    blob.append(cipher);
    return blob;
}

Result<SecretBytes> open(const QByteArray &blob, const SecretBytes &passphrase)
{
    const Error refused = makeError(Error::Code::InvalidInput,
                                    QStringLiteral("credential vault: wrong passphrase, or the stored secret was altered"));
    if (blob.size() < kHeaderSize + kTagSize || !blob.startsWith(kMagic))
        return makeError(Error::Code::InvalidInput, QStringLiteral("credential vault: not a sealed secret"));
    const auto *h = reinterpret_cast<const unsigned char *>(blob.constData());
    const unsigned char *salt = h + 7;
    const unsigned char *nonce = salt + kSaltSize;
    const unsigned char *cipher = h + kHeaderSize;
    const int cipherSize = int(blob.size()) - kHeaderSize - kTagSize;
    const unsigned char *tag = cipher + cipherSize;

    Key key;
    if (!deriveKey(passphrase, salt, h[4], h[5], h[6], key))
        return refused;
    std::unique_ptr<EVP_CIPHER_CTX, CtxFree> ctx(EVP_CIPHER_CTX_new());
    QByteArray plain(cipherSize, '\0');
    SecretBytes result;
    int len = 0;
    bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
              EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key.bytes, nonce) == 1 &&
              EVP_DecryptUpdate(ctx.get(), nullptr, &len, h, kHeaderSize) == 1 &&
              EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &len, cipher, cipherSize) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, const_cast<unsigned char *>(tag)) == 1;
    int finalLen = 0;
    ok = ok && EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()) + len, &finalLen) == 1;
    if (!ok) {
        OPENSSL_cleanse(plain.data(), size_t(plain.size()));
        return refused;
    }
    plain.resize(len + finalLen);
    return SecretBytes(std::move(plain));
}

} // namespace triad::SealedBox
