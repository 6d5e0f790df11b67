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

/// Writes the sudo password once, waits for the shell that sudo starts to announce itself, and
/// only then sends the script: sent earlier, sudo would read script lines as further password
/// attempts. A refusal closes stdin at once so that exactly one failed attempt is logged.
class SudoFeeder {
public:
    SudoFeeder(const SecretBytes &password, const QByteArray &script, const QByteArray &marker)
        : m_password(password), m_script(script), m_marker(marker)
    {
        m_deadline.setRemainingTime(20000);
    }

    Result<QByteArray> operator()(const QByteArray &out, const QByteArray &err, bool &done)
    {
        if (m_stage == 0) {
            m_stage = 1;
            QByteArray line = m_password.bytes();
            line.append('\n');
            return line;
        }
        if (m_stage == 1) {
            if (out.contains(m_marker)) {
                m_stage = 2;
                done = true;
                return m_script;
            }
            if (err.contains("Sorry") || err.contains("incorrect password") || err.contains("not in the sudoers") ||
                err.contains("may not run sudo"))
                return makeError(Error::Code::Transport,
                                 QStringLiteral("sudo refused (wrong password or no sudo rights): %1")
                                     .arg(QString::fromUtf8(err).trimmed().left(200)));
            if (err.contains("command not found") || err.contains("sudo: not found"))
                return makeError(Error::Code::Transport, QStringLiteral("sudo is not installed on this host"));
            if (m_deadline.hasExpired())
                return makeError(Error::Code::Transport, QStringLiteral("sudo did not start a shell within 20 s"));
        }
        return QByteArray();
    }

private:
    const SecretBytes &m_password;
    const QByteArray &m_script;
    QByteArray m_marker;
    int m_stage = 0;
    QDeadlineTimer m_deadline;
};

} // namespace

SshTransport::SshTransport(SshTarget target) : m_target(std::move(target)) {}

Result<CollectionBatch> SshTransport::collect(const QList<PlannedCollector> &collectors, const CollectOptions &options)
{
    auto script = buildCollectionScript(collectors);
    if (!script)
        return script.error();
    m_bytesSent = 0;
    m_bytesReceived = 0;

    const QDateTime started = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    timer.start();

    std::unique_ptr<SshSession> jumpSession;
    int viaFd = -1;
    if (m_target.jump) {
        auto jump = SshSession::connect(*m_target.jump, m_target.jumpHostKeys, m_target.timeouts, nullptr);
        if (!jump)
            return jump.error();
        if (auto s = (*jump)->authenticate(m_target.jumpCredentials); !s)
            return s.error();
        auto fd = (*jump)->forwardTo(m_target.endpoint.host, m_target.endpoint.port);
        if (!fd)
            return fd.error();
        viaFd = *fd;
        jumpSession = std::move(*jump);
    }

    auto session = SshSession::connect(m_target.endpoint, m_target.hostKeys, m_target.timeouts, &m_seen, viaFd);
    if (!session)
        return session.error();
    if (auto s = (*session)->authenticate(m_target.credentials); !s)
        return s.error();

    ExecLimits limits;
    limits.timeoutSeconds = options.overallTimeoutSeconds;
    limits.maxStdoutBytes = outputBudget(collectors);
    limits.cancel = options.cancel;

    Result<ExecOutput> out = makeError(Error::Code::Internal, QStringLiteral("not run"));
    if (m_target.sudoPassword.isEmpty()) {
        out = (*session)->exec(QStringLiteral("/bin/sh -s"), script->text, limits);
    } else {
        const QByteArray marker = "TRIAD-SUDO-READY-" + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
        SudoFeeder feeder(m_target.sudoPassword, script->text, marker);
        out = (*session)->execInteractive(
            QStringLiteral("sudo -S -p '' /bin/sh -c 'echo %1; exec /bin/sh -s'").arg(QString::fromLatin1(marker)),
            [&feeder](const QByteArray &o, const QByteArray &e, bool &done) { return feeder(o, e, done); }, limits);
    }
    if (!out)
        return out.error();
    m_bytesSent = out->bytesSent;
    m_bytesReceived = out->bytesReceived;
    if (out->stdoutTruncated)
        return makeError(Error::Code::Transport, QStringLiteral("the collection printed more than %1 bytes").arg(limits.maxStdoutBytes),
                         (*session)->where());

    CollectionBatch batch = parseScriptOutput(out->stdoutData, *script, started, timer.elapsed());
    if (!scriptCompleted(out->stdoutData, *script) && batch.facts.hostname.isEmpty())
        return makeError(Error::Code::Transport,
                         QStringLiteral("the collection script did not run (exit %1): %2")
                             .arg(out->exitCode).arg(QString::fromUtf8(out->stderrData).trimmed().left(300)),
                         (*session)->where());
    return batch;
}

} // namespace triad
