#include "SshSession.h"

#include "ssh/HostKeyCheck.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QThread>

#include <libssh/libssh.h>
#include <openssl/crypto.h>
#include <libssh/server.h>  // ssh_send_keepalive is declared here, and works for clients too

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

namespace triad {

namespace {

QString libsshError(ssh_session session)
{
    return QString::fromUtf8(ssh_get_error(session));
}

struct ChannelCloser {
    void operator()(ssh_channel c) const
    {
        if (ssh_channel_is_open(c))
            ssh_channel_close(c);
        ssh_channel_free(c);
    }
};
using ChannelPtr = std::unique_ptr<ssh_channel_struct, ChannelCloser>;

} // namespace

/// Pumps bytes between a local socket and a direct-tcpip channel (the jump-host hop).
struct SshSession::Forwarder {
    ChannelPtr channel;
    int localFd = -1;
    std::atomic_bool stop{false};
    std::thread thread;

    ~Forwarder()
    {
        stop = true;
        if (thread.joinable())
            thread.join();
        if (localFd >= 0)
            ::close(localFd);
    }

    void run()
    {
        char buf[32 * 1024];
        while (!stop) {
            pollfd p{localFd, POLLIN, 0};
            const int ready = ::poll(&p, 1, 10);
            if (ready > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR))) {
                const ssize_t n = ::read(localFd, buf, sizeof buf);
                if (n <= 0) {
                    ssh_channel_send_eof(channel.get());
                    break;
                }
                if (ssh_channel_write(channel.get(), buf, uint32_t(n)) != n)
                    break;
            }
            const int got = ssh_channel_read_nonblocking(channel.get(), buf, sizeof buf, 0);
            if (got == SSH_ERROR || (got == 0 && ssh_channel_is_eof(channel.get())))
                break;
            for (int off = 0; off < got;) {
                const ssize_t w = ::write(localFd, buf + off, size_t(got - off));
                if (w <= 0) {
                    stop = true;
                    break;
                }
                off += int(w);
            }
        }
        ::shutdown(localFd, SHUT_RDWR);
    }
};

SshSession::SshSession(ssh_session_struct *session, QString where, SshTimeouts timeouts)
    : m_session(session), m_where(std::move(where)), m_timeouts(timeouts)
{
}

SshSession::~SshSession()
{
    m_forwarder.reset();   // before the session whose channel it uses
    if (m_session) {
        ssh_disconnect(m_session);
        ssh_free(m_session);
    }
}

Error SshSession::failure(const QString &step, const QString &detail) const
{
    return makeError(Error::Code::Transport, step + QStringLiteral(": ") + (detail.isEmpty() ? libsshError(m_session) : detail),
                     m_where);
}

Result<std::unique_ptr<SshSession>> SshSession::connect(const SshEndpoint &endpoint, const HostKeyPolicy &policy,
                                                        const SshTimeouts &timeouts, HostKeyInfo *seen, int viaFd)
{
    const QString where = endpoint.host + QLatin1Char(':') + QString::number(endpoint.port);
    ssh_session raw = ssh_new();
    if (!raw)
        return makeError(Error::Code::Internal, QStringLiteral("cannot create an SSH session"), where);
    std::unique_ptr<SshSession> session(new SshSession(raw, where, timeouts));

    const QByteArray host = endpoint.host.toUtf8();
    const QByteArray user = endpoint.user.toUtf8();
    const int port = endpoint.port;
    const long timeout = timeouts.connectSeconds;
    const bool noConfig = false;
    const QString knownHosts = policy.knownHostsFile.isEmpty()
                                   ? QDir::homePath() + QStringLiteral("/.ssh/known_hosts") : policy.knownHostsFile;
    const QByteArray knownHostsPath = knownHosts.toUtf8();
    // The user's ~/.ssh/config is not read behind the auditor's back: the asset record says
    // everything (import it with 'assets import ~/.ssh/config').
    ssh_options_set(raw, SSH_OPTIONS_PROCESS_CONFIG, &noConfig);
    ssh_options_set(raw, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(raw, SSH_OPTIONS_PORT, &port);
    if (!user.isEmpty())
        ssh_options_set(raw, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(raw, SSH_OPTIONS_TIMEOUT, &timeout);
    ssh_options_set(raw, SSH_OPTIONS_KNOWNHOSTS, knownHostsPath.constData());
    if (viaFd >= 0) {
        socket_t fd = viaFd;
        ssh_options_set(raw, SSH_OPTIONS_FD, &fd);
    }

    if (ssh_connect(raw) != SSH_OK)
        return session->failure(QStringLiteral("connect"));

    auto verdict = checkHostKey(raw, policy);
    if (seen)
        *seen = verdict.info;
    if (!verdict.error.message.isEmpty()) {
        Error e = verdict.error;
        e.location = where;
        return e;
    }
    return session;
}

Status SshSession::authenticate(const SshCredentials &credentials)
{
    // "none" first: it tells which methods the server offers (and rarely succeeds).
    int rc = ssh_userauth_none(m_session, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return failure(QStringLiteral("authentication"));
    const int methods = ssh_userauth_list(m_session, nullptr);
    QStringList tried;

    if (!credentials.keyFile.isEmpty() && (methods & SSH_AUTH_METHOD_PUBLICKEY)) {
        tried << QStringLiteral("key ") + credentials.keyFile;
        ssh_key key = nullptr;
        const QByteArray path = QFile::encodeName(credentials.keyFile);
        const char *passphrase = credentials.keyPassphrase.isEmpty() ? nullptr : credentials.keyPassphrase.data();
        if (ssh_pki_import_privkey_file(path.constData(), passphrase, nullptr, nullptr, &key) != SSH_OK) {
            return failure(QStringLiteral("authentication"),
                           QStringLiteral("cannot read private key %1 (missing, unreadable, or wrong passphrase)")
                               .arg(credentials.keyFile));
        }
        rc = ssh_userauth_publickey(m_session, nullptr, key);
        ssh_key_free(key);
        if (rc == SSH_AUTH_SUCCESS)
            return {};
        if (rc == SSH_AUTH_ERROR)
            return failure(QStringLiteral("authentication"));
    }
    if (credentials.useAgent && (methods & SSH_AUTH_METHOD_PUBLICKEY) && !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK")) {
        tried << QStringLiteral("ssh-agent");
        rc = ssh_userauth_agent(m_session, nullptr);
        if (rc == SSH_AUTH_SUCCESS)
            return {};
    }
    if (!credentials.password.isEmpty() && (methods & SSH_AUTH_METHOD_PASSWORD)) {
        tried << QStringLiteral("password");
        rc = ssh_userauth_password(m_session, nullptr, credentials.password.data());
        if (rc == SSH_AUTH_SUCCESS)
            return {};
    }
    if (!credentials.password.isEmpty() && (methods & SSH_AUTH_METHOD_INTERACTIVE)) {
        tried << QStringLiteral("keyboard-interactive");
        rc = ssh_userauth_kbdint(m_session, nullptr, nullptr);
        // Answer every prompt with the password (the common single "Password:" prompt); an
        // empty round (info request with no prompts) is acknowledged and the loop continues.
        for (int round = 0; rc == SSH_AUTH_INFO && round < 5; ++round) {
            const int prompts = ssh_userauth_kbdint_getnprompts(m_session);
            for (int i = 0; i < prompts; ++i)
                ssh_userauth_kbdint_setanswer(m_session, unsigned(i), credentials.password.data());
            rc = ssh_userauth_kbdint(m_session, nullptr, nullptr);
        }
        if (rc == SSH_AUTH_SUCCESS)
            return {};
    }
    if (tried.isEmpty())
        return failure(QStringLiteral("authentication"),
                       QStringLiteral("no usable credentials (the server accepts: %1)").arg(describeAuthMethods(methods)));
    return failure(QStringLiteral("authentication"),
                   QStringLiteral("refused (tried %1)").arg(tried.join(QStringLiteral(", "))));
}

Result<ExecOutput> SshSession::exec(const QString &command, const QByteArray &stdinData, const ExecLimits &limits)
{
    bool sent = false;
    return execInteractive(command, [&stdinData, &sent](const QByteArray &, const QByteArray &, bool &done) -> Result<QByteArray> {
        done = true;
        if (sent)
            return QByteArray();
        sent = true;
        return stdinData;
    }, limits);
}

Result<ExecOutput> SshSession::execInteractive(const QString &command, const StdinFeeder &feeder, const ExecLimits &limits)
{
    ChannelPtr channel(ssh_channel_new(m_session));
    if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK)
        return failure(QStringLiteral("open channel"));
    if (ssh_channel_request_exec(channel.get(), command.toUtf8().constData()) != SSH_OK)
        return failure(QStringLiteral("start command"));

    ExecOutput out;
    QDeadlineTimer deadline(qint64(limits.timeoutSeconds) * 1000);
    QElapsedTimer silence;
    silence.start();
    bool stdinClosed = false;
    char buf[64 * 1024];

    while (true) {
        if (limits.cancel && *limits.cancel)
            return makeError(Error::Code::Cancelled, QStringLiteral("cancelled"), m_where);
        if (deadline.hasExpired())
            return makeError(Error::Code::Timeout,
                             QStringLiteral("the command did not finish within %1 s").arg(limits.timeoutSeconds), m_where);

        if (!stdinClosed) {
            bool done = false;
            auto chunk = feeder(out.stdoutData, out.stderrData, done);
            if (!chunk)
                return chunk.error();
            for (qsizetype off = 0; off < chunk->size();) {
                const int n = ssh_channel_write(channel.get(), chunk->constData() + off, uint32_t(chunk->size() - off));
                if (n == SSH_ERROR)
                    return failure(QStringLiteral("send input"));
                off += n;
                out.bytesSent += n;
            }
            // A chunk may hold a password (the sudo handshake): wipe this copy once it is sent.
            if (!chunk->isEmpty())
                OPENSSL_cleanse(chunk->data(), size_t(chunk->size()));
            if (done) {
                ssh_channel_send_eof(channel.get());
                stdinClosed = true;
            }
        }

        bool progressed = false;
        for (int isStderr = 0; isStderr <= 1; ++isStderr) {
            const int n = ssh_channel_read_nonblocking(channel.get(), buf, sizeof buf, isStderr);
            if (n == SSH_ERROR)
                return failure(QStringLiteral("read output"), QStringLiteral("the connection broke: %1").arg(libsshError(m_session)));
            if (n <= 0)
                continue;
            progressed = true;
            out.bytesReceived += n;
            QByteArray &sink = isStderr ? out.stderrData : out.stdoutData;
            const qint64 cap = isStderr ? limits.maxStderrBytes : limits.maxStdoutBytes;
            const qint64 room = cap - sink.size();
            if (room > 0)
                sink.append(buf, int(std::min<qint64>(room, n)));
            if (n > room && !isStderr)
                out.stdoutTruncated = true;
        }
        if (progressed) {
            silence.restart();
            continue;
        }
        if (ssh_channel_is_eof(channel.get()) || !ssh_channel_is_open(channel.get()))
            break;
        if (silence.elapsed() > qint64(m_timeouts.keepAliveSeconds) * 1000) {
            ssh_send_keepalive(m_session);
            silence.restart();
        }
        // Wait for data without spinning; short so that cancel and the feeder stay responsive.
        ssh_channel_poll_timeout(channel.get(), 50, 0);
    }
    out.exitCode = ssh_channel_get_exit_status(channel.get());
    return out;
}

Result<int> SshSession::forwardTo(const QString &host, int port)
{
    if (m_forwarder)
        return makeError(Error::Code::Internal, QStringLiteral("this session already forwards a connection"), m_where);
    ChannelPtr channel(ssh_channel_new(m_session));
    if (!channel)
        return failure(QStringLiteral("jump"));
    if (ssh_channel_open_forward(channel.get(), host.toUtf8().constData(), port, "127.0.0.1", 0) != SSH_OK)
        return failure(QStringLiteral("jump"), QStringLiteral("cannot reach %1:%2 through this host: %3")
                                                   .arg(host).arg(port).arg(libsshError(m_session)));
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        return makeError(Error::Code::Io, QStringLiteral("socketpair failed"), m_where);
    m_forwarder = std::make_unique<Forwarder>();
    m_forwarder->channel = std::move(channel);
    m_forwarder->localFd = fds[0];
    m_forwarder->thread = std::thread([f = m_forwarder.get()] { f->run(); });
    return fds[1];
}

} // namespace triad
