#pragma once

#include "common/Result.h"
#include "db/ProjectTypes.h"
#include "ssh/SshTypes.h"

#include <QString>

namespace triad {

class CredentialVault;

struct ConnectionTestOptions {
    /// Resolves the asset's "vault:" references and a stored key passphrase; null = locked.
    const CredentialVault *vault = nullptr;
    /// A fingerprint the user has just accepted for a host with no pinned key: the host must
    /// present exactly this key (so what is pinned is what the user saw), and it is reported in
    /// ConnectionReport::fingerprintToPin.
    QString trustFingerprint;
    QString knownHostsFile;             ///< empty = ~/.ssh/known_hosts
    int connectTimeoutSeconds = 10;
};

/// What a connection test found, step by step; every field is filled as far as the test got.
struct ConnectionReport {
    enum class Sudo {
        NotChecked,     ///< the test did not get that far
        Passwordless,   ///< `sudo -n true` works
        Password,       ///< the stored sudo password was accepted
        WrongPassword,  ///< the stored sudo password was refused
        NeedsPassword,  ///< sudo asks for a password and none is stored
        Missing,        ///< sudo is not installed
    };

    HostKeyInfo hostKey;                ///< what the server presented (empty when unreachable)
    QString pinnedBefore;               ///< the asset's pinned fingerprint at the start
    /// Set when the key is now trusted but not yet pinned in the project (accepted by the user,
    /// or found in known_hosts): the caller records it as the asset's pin, as a scan with
    /// --accept-new-host-keys would.
    QString fingerprintToPin;
    bool connected = false;             ///< TCP and SSH handshake done, host key trusted
    bool authenticated = false;
    QString loginUser;                  ///< `id -un` on the host
    QString osName;                     ///< PRETTY_NAME of /etc/os-release
    Sudo sudo = Sudo::NotChecked;
    QString sudoDetail;                 ///< what sudo said when it failed (never the password)
    Error error;                        ///< the step that failed; empty message = every step passed

    [[nodiscard]] bool ok() const { return error.message.isEmpty(); }
    /// The server's key is not pinned and not in known_hosts: ask the user, then test again with
    /// ConnectionTestOptions::trustFingerprint = hostKey.sha256.
    [[nodiscard]] bool needsTrustDecision() const { return hostKey.trust == HostKeyInfo::Trust::Unknown && !hostKey.sha256.isEmpty(); }
    /// The server presented a key other than the pinned (or just accepted) one: refused.
    [[nodiscard]] bool hostKeyChanged() const { return hostKey.trust == HostKeyInfo::Trust::Changed; }
};

QString describe(ConnectionReport::Sudo sudo);

/// "Test connection" (DESIGN.md §7): reaches an SSH asset as a scan would (same target, jump host,
/// credentials and host-key policy, see sshTargetFor()), then logs in and runs one short read-only
/// script: the login user, the OS name from os-release, and whether sudo works (`sudo -n`, or
/// `sudo -S` with the stored password written on standard input, never on a command line).
/// A key seen for the first time is never trusted here unless it equals
/// options.trustFingerprint. Blocking: call it on a worker thread.
ConnectionReport testConnection(const Asset &asset, const ConnectionTestOptions &options);

/// PRETTY_NAME (or NAME and VERSION) of an os-release file's text; empty when it has neither.
QString osNameFromOsRelease(const QByteArray &text);

} // namespace triad
