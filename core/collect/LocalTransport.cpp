#include "LocalTransport.h"

#include "collect/CollectionScript.h"
#include "collect/ScriptOutputParser.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QProcess>

#include <csignal>
#include <unistd.h>

namespace triad {

qint64 outputBudget(const QList<PlannedCollector> &collectors)
{
    qint64 budget = 1 << 20;     // facts and frames
    for (const PlannedCollector &c : collectors)
        budget += c.spec.maxBytes + kStderrCap + 256;
    return budget;
}

namespace {

void killGroup(QProcess &process)
{
    const qint64 pid = process.processId();
    if (pid > 0)
        ::kill(-pid_t(pid), SIGKILL);   // the whole session: timeout, sh -c, the collector itself
    process.kill();
    process.waitForFinished(2000);
}

} // namespace

Result<CollectionBatch> LocalTransport::collect(const QList<PlannedCollector> &collectors, const CollectOptions &options)
{
    auto script = buildCollectionScript(collectors);
    if (!script)
        return script.error();

    QProcess process;
    process.setProgram(QStringLiteral("/bin/sh"));
    process.setArguments({QStringLiteral("-s")});
    process.setChildProcessModifier([] { ::setsid(); });
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));   // tools print the formats we parse
    process.setProcessEnvironment(env);
    const QDateTime started = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    timer.start();
    m_timings = {};
    m_timings.commands = 1;
    m_timings.bytesSent = script->text.size();
    process.start();
    if (!process.waitForStarted(10000))
        return makeError(Error::Code::Transport, QStringLiteral("cannot start /bin/sh: %1").arg(process.errorString()),
                         QStringLiteral("localhost"));
    process.write(script->text);
    process.closeWriteChannel();

    const qint64 budget = outputBudget(collectors);
    QByteArray output;
    QDeadlineTimer deadline(qint64(options.overallTimeoutSeconds) * 1000);
    while (process.state() != QProcess::NotRunning) {
        if (options.cancel && *options.cancel) {
            killGroup(process);
            m_timings.collectMs = timer.elapsed();
            return makeError(Error::Code::Cancelled, QStringLiteral("cancelled"), QStringLiteral("localhost"));
        }
        if (deadline.hasExpired()) {
            killGroup(process);
            m_timings.collectMs = timer.elapsed();
            return makeError(Error::Code::Timeout,
                             QStringLiteral("collection did not finish within %1 s").arg(options.overallTimeoutSeconds),
                             QStringLiteral("localhost"));
        }
        process.waitForReadyRead(100);
        output += process.readAllStandardOutput();
        process.readAllStandardError();   // the script sends nothing there; keep the pipe drained
        if (output.size() > budget) {
            killGroup(process);
            m_timings.collectMs = timer.elapsed();
            return makeError(Error::Code::Transport,
                             QStringLiteral("the collection printed more than %1 bytes").arg(budget), QStringLiteral("localhost"));
        }
    }
    output += process.readAllStandardOutput();
    m_timings.collectMs = timer.elapsed();
    m_timings.bytesReceived = output.size();
    CollectionBatch batch = parseScriptOutput(output, *script, started);
    // Collectors that did not run are marked in the batch; only a script that printed nothing at
    // all (no shell, no mktemp) fails the asset as a whole.
    if (!scriptCompleted(output, *script) && batch.facts.hostname.isEmpty())
        return makeError(Error::Code::Transport, QStringLiteral("the collection script did not run (exit %1)").arg(process.exitCode()),
                         QStringLiteral("localhost"));
    return batch;
}

} // namespace triad
