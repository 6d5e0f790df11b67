#include "SshTransport.h"

#include "collect/CollectionScript.h"
#include "collect/LocalTransport.h"
#include "collect/ScriptOutputParser.h"
#include "ssh/SshSession.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QRandomGenerator>

namespace triad {

namespace {

/// The sudo handshake (DESIGN.md §5). sudo runs with a random prompt, so the password is written
/// only when sudo asks for it: without a prompt (NOPASSWD, or a cached timestamp) the password
/// line would reach the shell that sudo starts and run as a command. The script is sent only
/// once that shell has printed the marker: sent earlier, sudo would read script lines as further
/// password attempts. A second prompt means the password was refused: the feeder stops at once
/// and the channel is closed, so that exactly one failed attempt is logged on the host.
class SudoFeeder {
public:
    SudoFeeder(const SecretBytes &password, const QByteArray &script, const QByteArray &prompt, const QByteArray &marker)
        : m_password(password), m_script(script), m_prompt(prompt), m_marker(marker)
    {
        m_deadline.setRemainingTime(20000);
    }

    Result<QByteArray> operator()(const QByteArray &out, const QByteArray &err, bool &done)
    {
        if (out.contains(m_marker)) {
            done = true;
            return m_script;
        }
        const qsizetype prompts = err.count(m_prompt);
        if (prompts >= 2 || (m_passwordSent && (err.contains("Sorry") || err.contains("incorrect password"))))
            return makeError(Error::Code::Transport, QStringLiteral("sudo refused the password (one attempt made, not retried)"));
        if (err.contains("not in the sudoers") || err.contains("may not run sudo") || err.contains("is not allowed to execute"))
            return makeError(Error::Code::Transport, QStringLiteral("sudo refused: this user may not run commands as root"));
        if (prompts == 1 && !m_passwordSent) {
            m_passwordSent = true;
            QByteArray line(m_password.data(), m_password.size());
            line.append('\n');
            return line;    // wiped by the session once written (SshSession::execInteractive)
        }
        if (m_deadline.hasExpired())
            return makeError(Error::Code::Timeout, QStringLiteral("sudo did not start a shell within 20 s"));
        return QByteArray();
    }

private:
    const SecretBytes &m_password;
    const QByteArray &m_script;
    QByteArray m_prompt;
    QByteArray m_marker;
    bool m_passwordSent = false;
    QDeadlineTimer m_deadline;
};

QByteArray randomToken(const char *prefix)
{
    return QByteArray(prefix) + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
}

} // namespace

SshTransport::SshTransport(SshTarget target) : m_target(std::move(target)) {}

Result<CollectionBatch> SshTransport::collect(const QList<PlannedCollector> &collectors, const CollectOptions &options)
{
    auto script = buildCollectionScript(collectors);
    if (!script)
        return script.error();
    m_timings = {};
    const QDateTime started = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    timer.start();
    // Each phase's time is recorded as it ends, so a host that fails shows where it stopped.
    auto lap = [&timer] { return timer.restart(); };

    std::unique_ptr<SshSession> jumpSession;
    int viaFd = -1;
    if (m_target.jump) {
        auto jump = SshSession::connect(*m_target.jump, m_target.jumpHostKeys, m_target.timeouts, nullptr);
        m_timings.connectMs += lap();
        if (!jump)
            return jump.error();
        auto jumpAuth = (*jump)->authenticate(m_target.jumpCredentials);
        m_timings.authMs += lap();
        if (!jumpAuth)
            return jumpAuth.error();
        auto fd = (*jump)->forwardTo(m_target.endpoint.host, m_target.endpoint.port);
        m_timings.connectMs += lap();
        if (!fd)
            return fd.error();
        viaFd = *fd;
        jumpSession = std::move(*jump);
    }

    auto session = SshSession::connect(m_target.endpoint, m_target.hostKeys, m_target.timeouts, &m_seen, viaFd);
    m_timings.connectMs += lap();
    if (!session)
        return session.error();
    auto auth = (*session)->authenticate(m_target.credentials);
    m_timings.authMs += lap();
    if (!auth)
        return auth.error();

    ExecLimits limits;
    limits.timeoutSeconds = options.overallTimeoutSeconds;
    limits.maxStdoutBytes = outputBudget(collectors);
    limits.cancel = options.cancel;

    Result<ExecOutput> out = makeError(Error::Code::Internal, QStringLiteral("not run"));
    m_timings.commands = 1;
    if (m_target.sudoPassword.isEmpty()) {
        out = (*session)->exec(QStringLiteral("/bin/sh -s"), script->text, limits);
    } else {
        const QByteArray marker = randomToken("TRIAD-SUDO-READY-");
        const QByteArray prompt = randomToken("TRIAD-SUDO-PROMPT-") + ':';
        SudoFeeder feeder(m_target.sudoPassword, script->text, prompt, marker);
        out = (*session)->execInteractive(
            QStringLiteral("sudo -S -p %1 /bin/sh -c 'echo %2; exec /bin/sh -s'")
                .arg(QString::fromLatin1(prompt), QString::fromLatin1(marker)),
            [&feeder](const QByteArray &o, const QByteArray &e, bool &done) { return feeder(o, e, done); }, limits);
        if (out && !out->stdoutData.contains(marker)) {
            // sudo ended before it started the shell: not installed, not executable, or refused.
            QByteArray err = out->stderrData;
            err.replace(prompt, "");
            const QString detail = QString::fromUtf8(err).trimmed().left(300);
            return makeError(Error::Code::Transport,
                             out->exitCode == 126 || out->exitCode == 127
                                 ? QStringLiteral("sudo is not installed or cannot run on this host (exit %1): %2").arg(out->exitCode).arg(detail)
                                 : QStringLiteral("sudo did not start the collection (exit %1): %2").arg(out->exitCode).arg(detail),
                             (*session)->where());
        }
    }
    m_timings.collectMs = lap();
    if (!out) {
        Error e = out.error();
        if (e.location.isEmpty())
            e.location = (*session)->where();
        return e;
    }
    m_timings.bytesSent = out->bytesSent;
    m_timings.bytesReceived = out->bytesReceived;
    if (out->stdoutTruncated)
        return makeError(Error::Code::Transport, QStringLiteral("the collection printed more than %1 bytes").arg(limits.maxStdoutBytes),
                         (*session)->where());

    // No exit status at all: the shell was killed or the session torn down mid-collection. Partial
    // output would make the host look assessed; it is a failed host instead.
    if (out->exitCode < 0 && !scriptCompleted(out->stdoutData, *script))
        return makeError(Error::Code::Transport,
                         QStringLiteral("the session ended before the collection finished (killed or disconnected on the host)"),
                         (*session)->where());
    CollectionBatch batch = parseScriptOutput(out->stdoutData, *script, started);
    if (!scriptCompleted(out->stdoutData, *script) && batch.facts.hostname.isEmpty())
        return makeError(Error::Code::Transport,
                         QStringLiteral("the collection script did not run (exit %1): %2")
                             .arg(out->exitCode).arg(QString::fromUtf8(out->stderrData).trimmed().left(300)),
                         (*session)->where());
    return batch;
}

} // namespace triad
