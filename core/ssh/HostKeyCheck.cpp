#include "HostKeyCheck.h"

#include <QStringList>

#include <libssh/libssh.h>

namespace triad {

namespace {

QString fingerprintOf(ssh_key key)
{
    unsigned char *hash = nullptr;
    size_t length = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) != SSH_OK)
        return {};
    char *text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length);
    const QString fingerprint = QString::fromLatin1(text);
    ssh_string_free_char(text);
    ssh_clean_pubkey_hash(&hash);
    return fingerprint;
}

} // namespace

HostKeyVerdict checkHostKey(ssh_session_struct *session, const HostKeyPolicy &policy)
{
    HostKeyVerdict verdict;
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(session, &key) != SSH_OK) {
        verdict.error = makeError(Error::Code::Transport, QStringLiteral("host key: the server sent no usable key"));
        return verdict;
    }
    verdict.info.sha256 = fingerprintOf(key);
    verdict.info.type = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key)));
    ssh_key_free(key);
    if (verdict.info.sha256.isEmpty()) {
        verdict.error = makeError(Error::Code::Transport, QStringLiteral("host key: cannot compute its fingerprint"));
        return verdict;
    }

    if (!policy.pinnedSha256.isEmpty()) {
        if (policy.pinnedSha256 == verdict.info.sha256) {
            verdict.info.trust = HostKeyInfo::Trust::Pinned;
            return verdict;
        }
        verdict.info.trust = HostKeyInfo::Trust::Changed;
        verdict.error = makeError(Error::Code::Transport,
                                  QStringLiteral("host key changed: the project pinned %1 but the server offers %2 %3; "
                                                 "refusing to connect (if the host was reinstalled, verify the new key "
                                                 "and re-pin it)")
                                      .arg(policy.pinnedSha256, verdict.info.type, verdict.info.sha256));
        return verdict;
    }

    switch (ssh_session_is_known_server(session)) {
    case SSH_KNOWN_HOSTS_OK:
        verdict.info.trust = HostKeyInfo::Trust::KnownHosts;
        return verdict;
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER:
        verdict.info.trust = HostKeyInfo::Trust::Changed;
        verdict.error = makeError(Error::Code::Transport,
                                  QStringLiteral("host key changed: known_hosts holds a different key for this host, "
                                                 "the server offers %1 %2; refusing to connect")
                                      .arg(verdict.info.type, verdict.info.sha256));
        return verdict;
    case SSH_KNOWN_HOSTS_NOT_FOUND:
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    if (policy.acceptNew) {
        verdict.info.trust = HostKeyInfo::Trust::AcceptedNew;
        return verdict;
    }
    verdict.info.trust = HostKeyInfo::Trust::Unknown;
    verdict.error = makeError(Error::Code::Transport,
                              QStringLiteral("unknown host key %1 %2: verify it and accept it (--accept-new-host-keys, "
                                             "or Test connection in the GUI)")
                                  .arg(verdict.info.type, verdict.info.sha256));
    return verdict;
}

QString describeAuthMethods(int methods)
{
    QStringList names;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY)
        names << QStringLiteral("publickey");
    if (methods & SSH_AUTH_METHOD_PASSWORD)
        names << QStringLiteral("password");
    if (methods & SSH_AUTH_METHOD_INTERACTIVE)
        names << QStringLiteral("keyboard-interactive");
    if (methods & SSH_AUTH_METHOD_HOSTBASED)
        names << QStringLiteral("hostbased");
    if (methods & SSH_AUTH_METHOD_GSSAPI_MIC)
        names << QStringLiteral("gssapi");
    return names.isEmpty() ? QStringLiteral("nothing") : names.join(QStringLiteral(", "));
}

} // namespace triad
