#pragma once

#include "common/SecretBytes.h"

#include <QString>

namespace triad {

/// Where to connect.
struct SshEndpoint {
    QString host;
    int port = 22;
    QString user;
};

/// How to log in. Secrets live in SecretBytes (wiped on destruction) and never reach a log.
struct SshCredentials {
    QString keyFile;            ///< private key (OpenSSH or PEM), empty = none
    SecretBytes keyPassphrase;
    bool useAgent = true;       ///< try ssh-agent ($SSH_AUTH_SOCK) when set
    SecretBytes password;       ///< for "password" and "keyboard-interactive"
};

/// How the server's host key is trusted (DESIGN.md §5).
struct HostKeyPolicy {
    QString pinnedSha256;       ///< "SHA256:…" recorded in the project; empty = not pinned yet
    bool acceptNew = false;     ///< accept (and report for pinning) a key seen for the first time
    QString knownHostsFile;     ///< honoured when nothing is pinned; empty = ~/.ssh/known_hosts
};

struct SshTimeouts {
    int connectSeconds = 10;
    int keepAliveSeconds = 15;  ///< a keep-alive is sent when the channel is silent this long
};

/// What the server presented, for display and pinning.
struct HostKeyInfo {
    QString sha256;             ///< "SHA256:base64"
    QString type;               ///< "ssh-ed25519", ...
    enum class Trust { Pinned, KnownHosts, AcceptedNew, Unknown, Changed } trust = Trust::Unknown;
};

} // namespace triad
