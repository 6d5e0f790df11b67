#pragma once

#include "common/Result.h"
#include "common/SecretBytes.h"

#include <QByteArray>

namespace triad {

/// Passphrase-based authenticated encryption for the credential vault (DESIGN.md §5):
/// key = scrypt(passphrase, random salt), AES-256-GCM with a random nonce.
///
/// Blob layout (all integers big-endian):
///   "TRV1" | u8 log2(N) | u8 r | u8 p | 16-byte salt | 12-byte nonce | ciphertext | 16-byte tag
/// The header is authenticated as associated data, so its parameters cannot be altered.
namespace SealedBox {

struct KdfCost {
    int log2N = 15;     ///< 32768: ~0.1 s and 32 MiB on this class of machine
    int r = 8;
    int p = 1;
};

Result<QByteArray> seal(const SecretBytes &plaintext, const SecretBytes &passphrase, const KdfCost &cost = {});
/// Fails (without saying which) when the passphrase is wrong or the blob was altered.
Result<SecretBytes> open(const QByteArray &blob, const SecretBytes &passphrase);

} // namespace SealedBox

} // namespace triad
