#pragma once

#include "common/Result.h"
#include "ssh/SshTypes.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

struct ssh_session_struct;

namespace triad {

/// Limits of one remote command.
struct ExecLimits {
    int timeoutSeconds = 600;           ///< the whole command
    qint64 maxStdoutBytes = 256 << 20;  ///< more is discarded and flagged
    qint64 maxStderrBytes = 1 << 20;
    const std::atomic_bool *cancel = nullptr;
};

struct ExecOutput {
    int exitCode = -1;
    QByteArray stdoutData;
    QByteArray stderrData;
    bool stdoutTruncated = false;
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;
};

/// Decides what to send on stdin once output has arrived: used for the sudo handshake, where the
/// script may only be sent after sudo has accepted the password (DESIGN.md §5). Called with the
/// stdout and stderr received so far; returns the next chunk to write (empty: nothing yet), or an
/// Error to abort. `done` is set once everything has been written and stdin may be closed. Each
/// chunk is wiped once written (it may hold a password).
using StdinFeeder = std::function<Result<QByteArray>(const QByteArray &out, const QByteArray &err, bool &done)>;

/// One authenticated SSH connection (libssh), used from one thread at a time.
/// Every failure names the host and the step ("web-01:22: authentication: …").
class SshSession final {
public:
    ~SshSession();
    SshSession(const SshSession &) = delete;
    SshSession &operator=(const SshSession &) = delete;

    /// Connects, verifies the host key against `policy` (pinned key first, then known_hosts),
    /// and fills `seen` with what the server presented, also when verification fails.
    /// `viaFd` >= 0: talk over this already-connected socket (jump hosts) instead of TCP.
    static Result<std::unique_ptr<SshSession>> connect(const SshEndpoint &endpoint, const HostKeyPolicy &policy,
                                                       const SshTimeouts &timeouts, HostKeyInfo *seen, int viaFd = -1);

    /// Tries, in order: key file, ssh-agent, password, keyboard-interactive (as the server allows).
    Status authenticate(const SshCredentials &credentials);

    /// Runs `command` with `stdinData` written to its standard input (then EOF).
    Result<ExecOutput> exec(const QString &command, const QByteArray &stdinData, const ExecLimits &limits);
    /// As exec(), with stdin produced by `feeder` as output arrives.
    Result<ExecOutput> execInteractive(const QString &command, const StdinFeeder &feeder, const ExecLimits &limits);

    /// Opens a direct-tcpip channel to host:port through this session and serves it on a local
    /// socket; returns the other end of the socket pair, for a nested SshSession::connect(viaFd).
    /// The forwarding runs on a thread owned by this session until the session is destroyed.
    Result<int> forwardTo(const QString &host, int port);

    [[nodiscard]] QString where() const { return m_where; }

private:
    SshSession(ssh_session_struct *session, QString where, SshTimeouts timeouts);
    Error failure(const QString &step, const QString &detail = {}) const;

    struct Forwarder;
    ssh_session_struct *m_session = nullptr;
    QString m_where;
    SshTimeouts m_timeouts;
    std::unique_ptr<Forwarder> m_forwarder;
};

} // namespace triad
