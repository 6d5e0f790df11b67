#pragma once

#include <QByteArray>

namespace triad {

/// Bytes of a secret (password, passphrase, key). Wiped with OPENSSL_cleanse when replaced or
/// destroyed; copying is allowed (each copy wipes itself). Never convert it to a QString that
/// could end up in a log: use data() at the one place the secret is handed to a library.
class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(QByteArray bytes) : m_bytes(std::move(bytes)) {}
    SecretBytes(const SecretBytes &other) : m_bytes(other.m_bytes) { m_bytes.detach(); }
    SecretBytes &operator=(const SecretBytes &other);
    SecretBytes(SecretBytes &&other) noexcept : m_bytes(std::move(other.m_bytes)) {}
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    ~SecretBytes() { wipe(); }

    [[nodiscard]] bool isEmpty() const { return m_bytes.isEmpty(); }
    [[nodiscard]] const char *data() const { return m_bytes.constData(); }
    [[nodiscard]] qsizetype size() const { return m_bytes.size(); }
    [[nodiscard]] const QByteArray &bytes() const { return m_bytes; }
    void wipe();

private:
    QByteArray m_bytes;
};

} // namespace triad
