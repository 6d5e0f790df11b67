#include "SecretBytes.h"

#include <openssl/crypto.h>

namespace triad {

SecretBytes &SecretBytes::operator=(const SecretBytes &other)
{
    if (this != &other) {
        wipe();
        m_bytes = other.m_bytes;
        m_bytes.detach();
    }
    return *this;
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::move(other.m_bytes);
    }
    return *this;
}

void SecretBytes::wipe()
{
    // Only storage we own alone is wiped: a buffer still shared with the QByteArray this was
    // made from belongs to that caller, who wipes it (copies of SecretBytes never share).
    if (!m_bytes.isEmpty() && m_bytes.isDetached())
        OPENSSL_cleanse(m_bytes.data(), size_t(m_bytes.size()));
    m_bytes.clear();
}

} // namespace triad
