#include "SshdFixture.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace {

int freePort(const QString &address)
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress(address), 0))
        return 0;
    return probe.serverPort();
}

bool run(const QString &program, const QStringList &args, QString *output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (output)
            *output = QString::fromUtf8(p.readAll());
        return false;
    }
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return true;
}

} // namespace

SshdFixture::SshdFixture(Options options) : m_options(std::move(options)) {}

SshdFixture::~SshdFixture()
{
    stop();
}

bool SshdFixture::available()
{
    return ::geteuid() == 0 && QFileInfo::exists(QStringLiteral("/usr/sbin/sshd")) &&
           QFileInfo::exists(QStringLiteral("/usr/bin/ssh-keygen"));
}

bool SshdFixture::keygen(const QString &path, const QString &passphrase, bool pem)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".pub"));
    QStringList args{QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"), passphrase,
                     QStringLiteral("-f"), path};
    if (pem) {
        args[2] = QStringLiteral("ecdsa");
        args << QStringLiteral("-m") << QStringLiteral("PEM");
    }
    QString out;
    if (!run(QStringLiteral("ssh-keygen"), args, &out)) {
        m_error = QStringLiteral("ssh-keygen failed: ") + out;
        return false;
    }
    return true;
}

QString SshdFixture::addUserKey(const QString &name, const QString &passphrase, bool pem)
{
    const QString path = m_dir.filePath(name);
    if (!keygen(path, passphrase, pem))
        return {};
    QFile pub(path + QStringLiteral(".pub"));
    QFile auth(m_dir.filePath(QStringLiteral("authorized_keys")));
    if (!pub.open(QIODevice::ReadOnly) || !auth.open(QIODevice::Append))
        return {};
    auth.write(pub.readAll());
    return path;
}

bool SshdFixture::writeConfig()
{
    QFile cfg(m_dir.filePath(QStringLiteral("sshd_config")));
    if (!cfg.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    // sshd keeps the first value of a keyword: the test's own lines come first and win.
    QStringList lines = m_options.extraConfig;
    lines << QStringList{
        QStringLiteral("Port %1").arg(m_port),
        QStringLiteral("ListenAddress %1").arg(m_options.address),
        QStringLiteral("HostKey %1").arg(m_dir.filePath(QStringLiteral("hostkey"))),
        QStringLiteral("PidFile %1").arg(m_dir.filePath(QStringLiteral("sshd.pid"))),
        QStringLiteral("AuthorizedKeysFile %1").arg(m_dir.filePath(QStringLiteral("authorized_keys"))),
        QStringLiteral("PermitRootLogin yes"),
        QStringLiteral("StrictModes no"),
        QStringLiteral("AllowTcpForwarding yes"),
        QStringLiteral("MaxStartups 100:30:200"),
        QStringLiteral("MaxSessions 50"),
        QStringLiteral("LogLevel VERBOSE"),
    };
    if (m_options.passwordAuth) {
        lines << QStringLiteral("PasswordAuthentication yes") << QStringLiteral("KbdInteractiveAuthentication yes")
              << QStringLiteral("UsePAM yes");
    } else {
        lines << QStringLiteral("PasswordAuthentication no") << QStringLiteral("KbdInteractiveAuthentication no")
              << QStringLiteral("UsePAM no");
    }
    cfg.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
    return true;
}

bool SshdFixture::start()
{
    if (!available()) {
        m_error = QStringLiteral("sshd tests need root and openssh-server");
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    if (!QFileInfo::exists(m_dir.filePath(QStringLiteral("hostkey"))) &&
        !keygen(m_dir.filePath(QStringLiteral("hostkey")), QString()))
        return false;
    if (!QFileInfo::exists(userKey()) && addUserKey(QStringLiteral("userkey"), QString()).isEmpty())
        return false;
    QFile::setPermissions(m_dir.filePath(QStringLiteral("authorized_keys")), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (m_port == 0)
        m_port = m_options.port ? m_options.port : freePort(m_options.address);
    if (m_port == 0 || !writeConfig()) {
        m_error = QStringLiteral("cannot pick a port or write the config");
        return false;
    }
    QDir().mkpath(QStringLiteral("/run/sshd"));

    // Dies with the test even when the test crashes (the signal survives exec; sshd's sessions
    // end when their client, the test, is gone).
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    const QStringList sshdArgs{QStringLiteral("-D"), QStringLiteral("-f"), m_dir.filePath(QStringLiteral("sshd_config")),
                               QStringLiteral("-E"), m_dir.filePath(QStringLiteral("sshd.log"))};
    if (m_options.bindMounts.isEmpty() && m_options.namespaceSetup.isEmpty()) {
        m_process.start(QStringLiteral("/usr/sbin/sshd"), sshdArgs);
    } else {
        // mount --bind each fixture over its path inside a private namespace, then exec sshd.
        QString script = QStringLiteral("set -e\n");
        for (const auto &[from, to] : m_options.bindMounts)
            script += QStringLiteral("mount --bind '%1' '%2'\n").arg(from, to);
        script += m_options.namespaceSetup.join(QLatin1Char('\n')) + QLatin1Char('\n');
        script += QStringLiteral("exec /usr/sbin/sshd \"$@\"\n");
        m_process.start(QStringLiteral("unshare"), QStringList{QStringLiteral("-m"), QStringLiteral("--propagation"),
                                                               QStringLiteral("private"), QStringLiteral("sh"), QStringLiteral("-c"),
                                                               script, QStringLiteral("sshd")} + sshdArgs);
    }
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("sshd did not start: ") + m_process.errorString();
        return false;
    }
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (m_process.state() == QProcess::NotRunning) {
            m_error = QStringLiteral("sshd exited: ") + QString::fromUtf8(m_process.readAll()) + log();
            return false;
        }
        QTcpSocket probe;
        probe.connectToHost(m_options.address, quint16(m_port));
        if (probe.waitForConnected(200) && probe.waitForReadyRead(1000) && probe.readAll().startsWith("SSH-"))
            return true;
        QThread::msleep(50);
    }
    m_error = QStringLiteral("sshd did not accept connections: ") + log();
    return false;
}

void SshdFixture::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(3000)) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }
}

QList<qint64> SshdFixture::descendants() const
{
    QHash<qint64, QList<qint64>> children;
    const QStringList procs = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : procs) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid ...": comm may hold spaces, so read after the last ')'.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1)
            children[fields.at(1).toLongLong()] << pid;
    }
    QList<qint64> result;
    QList<qint64> queue{pid()};
    while (!queue.isEmpty()) {
        const qint64 p = queue.takeFirst();
        for (qint64 c : children.value(p)) {
            result << c;
            queue << c;
        }
    }
    return result;
}

void SshdFixture::crash(bool reap)
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    const QList<qint64> below = descendants();
    ::kill(pid_t(pid()), SIGKILL);
    for (qint64 p : below)
        ::kill(pid_t(p), SIGKILL);
    if (reap)
        m_process.waitForFinished(3000);
}

bool SshdFixture::regenerateHostKey()
{
    stop();
    return keygen(m_dir.filePath(QStringLiteral("hostkey")), QString()) && start();
}

QString SshdFixture::hostKeySha256() const
{
    QString out;
    if (!run(QStringLiteral("ssh-keygen"), {QStringLiteral("-lf"), m_dir.filePath(QStringLiteral("hostkey.pub"))}, &out))
        return {};
    // "256 SHA256:abc… comment (ED25519)"
    return out.section(QLatin1Char(' '), 1, 1);
}

QString SshdFixture::log() const
{
    QFile f(m_dir.filePath(QStringLiteral("sshd.log")));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}
