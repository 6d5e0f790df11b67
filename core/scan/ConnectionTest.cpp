#include "ConnectionTest.h"

#include "scan/TransportFactory.h"
#include "ssh/SshSession.h"

#include <QList>

namespace triad {

namespace {

/// Read-only, POSIX sh, a few milliseconds: who we are, what the host runs, whether sudo works
/// without a password. Sent on standard input like the collection script.
const QByteArray kProbeScript =
    "printf 'user='; id -un 2>/dev/null || echo\n"
    "if command -v sudo >/dev/null 2>&1; then\n"
    "  printf 'sudo='; sudo -n true >/dev/null 2>&1; echo $?\n"
    "else echo 'sudo=missing'; fi\n"
    "echo '--os-release--'\n"
    "cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release 2>/dev/null\n";

QString unquote(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\'')))
        && value.endsWith(value.at(0)))
        value = value.mid(1, value.size() - 2);
    return value;
}

ExecLimits shortLimits()
{
    ExecLimits limits;
    limits.timeoutSeconds = 30;
    limits.maxStdoutBytes = 64 * 1024;
    limits.maxStderrBytes = 16 * 1024;
    return limits;
}

/// Checks the stored sudo password with one `sudo -S` attempt: the password is the only line on
/// standard input, so a wrong one costs exactly one failed attempt (sudo then reads end-of-file).
void checkSudoPassword(SshSession &session, const SecretBytes &password, ConnectionReport &report)
{
    QByteArray line(password.data(), password.size());
    line.append('\n');
    auto out = session.exec(QStringLiteral("sudo -S -p '' true"), line, shortLimits());
    SecretBytes wipe(std::move(line));     // the copy of the password goes with this scope
    if (!out) {
        report.sudo = ConnectionReport::Sudo::NotChecked;
        report.sudoDetail = out.error().message;
        return;
    }
    if (out->exitCode == 0) {
        report.sudo = ConnectionReport::Sudo::Password;
        return;
    }
    report.sudo = ConnectionReport::Sudo::WrongPassword;
    report.sudoDetail = QString::fromUtf8(out->stderrData).trimmed().left(300);
}

} // namespace

QString describe(ConnectionReport::Sudo sudo)
{
    switch (sudo) {
    case ConnectionReport::Sudo::NotChecked:
        return QStringLiteral("not checked");
    case ConnectionReport::Sudo::Passwordless:
        return QStringLiteral("available without a password (sudo -n)");
    case ConnectionReport::Sudo::Password:
        return QStringLiteral("available with the stored password");
    case ConnectionReport::Sudo::WrongPassword:
        return QStringLiteral("the stored sudo password was refused");
    case ConnectionReport::Sudo::NeedsPassword:
        return QStringLiteral("needs a password, and none is stored");
    case ConnectionReport::Sudo::Missing:
        return QStringLiteral("not installed");
    }
    return {};
}

QString osNameFromOsRelease(const QByteArray &text)
{
    QString pretty;
    QString name;
    QString version;
    for (const QByteArray &raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0 || line.startsWith(QLatin1Char('#')))
            continue;
        const QString key = line.left(eq);
        const QString value = unquote(line.mid(eq + 1));
        if (key == QLatin1String("PRETTY_NAME"))
            pretty = value;
        else if (key == QLatin1String("NAME"))
            name = value;
        else if (key == QLatin1String("VERSION"))
            version = value;
    }
    if (!pretty.isEmpty())
        return pretty;
    return version.isEmpty() ? name : name + QLatin1Char(' ') + version;
}

ConnectionReport testConnection(const Asset &asset, const ConnectionTestOptions &options)
{
    ConnectionReport report;
    report.pinnedBefore = asset.hostKeySha256;
    if (asset.transport != QLatin1String("ssh")) {
        report.error = makeError(Error::Code::Unsupported,
                                 QStringLiteral("only SSH assets have a connection to test (this one uses '%1')").arg(asset.transport),
                                 asset.name);
        return report;
    }
    TransportOptions transportOptions;
    transportOptions.vault = options.vault;
    transportOptions.connectTimeoutSeconds = options.connectTimeoutSeconds;
    transportOptions.acceptNewHostKeys = false;     // only the key the user saw, below
    auto target = sshTargetFor(asset, transportOptions);
    if (!target) {
        report.error = target.error();
        return report;
    }
    target->hostKeys.knownHostsFile = options.knownHostsFile;
    target->jumpHostKeys.knownHostsFile = options.knownHostsFile;
    const bool accepting = asset.hostKeySha256.isEmpty() && !options.trustFingerprint.isEmpty();
    if (accepting)
        target->hostKeys.pinnedSha256 = options.trustFingerprint;

    std::unique_ptr<SshSession> jumpSession;
    int viaFd = -1;
    if (target->jump) {
        auto jump = SshSession::connect(*target->jump, target->jumpHostKeys, target->timeouts, nullptr);
        if (!jump) {
            report.error = makeError(jump.error().code, QStringLiteral("jump host: ") + jump.error().message, jump.error().location);
            return report;
        }
        if (auto s = (*jump)->authenticate(target->jumpCredentials); !s) {
            report.error = makeError(s.error().code, QStringLiteral("jump host: ") + s.error().message, s.error().location);
            return report;
        }
        auto fd = (*jump)->forwardTo(target->endpoint.host, target->endpoint.port);
        if (!fd) {
            report.error = fd.error();
            return report;
        }
        viaFd = *fd;
        jumpSession = std::move(*jump);
    }

    auto session = SshSession::connect(target->endpoint, target->hostKeys, target->timeouts, &report.hostKey, viaFd);
    if (accepting && report.hostKey.trust == HostKeyInfo::Trust::Pinned)
        report.hostKey.trust = HostKeyInfo::Trust::AcceptedNew;     // pinned only for this test so far
    if (!session) {
        report.error = session.error();
        return report;
    }
    report.connected = true;
    if (asset.hostKeySha256.isEmpty()
        && (report.hostKey.trust == HostKeyInfo::Trust::AcceptedNew || report.hostKey.trust == HostKeyInfo::Trust::KnownHosts))
        report.fingerprintToPin = report.hostKey.sha256;

    if (auto s = (*session)->authenticate(target->credentials); !s) {
        report.error = s.error();
        return report;
    }
    report.authenticated = true;

    auto out = (*session)->exec(QStringLiteral("/bin/sh -s"), kProbeScript, shortLimits());
    if (!out) {
        report.error = out.error();
        return report;
    }
    const qsizetype split = out->stdoutData.indexOf("--os-release--\n");
    const QByteArray head = split < 0 ? out->stdoutData : out->stdoutData.left(split);
    report.osName = split < 0 ? QString() : osNameFromOsRelease(out->stdoutData.mid(split + 15));
    QString sudoCode;
    for (const QByteArray &raw : head.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.startsWith(QLatin1String("user=")))
            report.loginUser = line.mid(5);
        else if (line.startsWith(QLatin1String("sudo=")))
            sudoCode = line.mid(5);
    }
    if (sudoCode == QLatin1String("missing"))
        report.sudo = ConnectionReport::Sudo::Missing;
    else if (sudoCode == QLatin1String("0"))
        report.sudo = ConnectionReport::Sudo::Passwordless;
    else if (!target->sudoPassword.isEmpty())
        checkSudoPassword(**session, target->sudoPassword, report);
    else if (!sudoCode.isEmpty())
        report.sudo = ConnectionReport::Sudo::NeedsPassword;

    // Sudo is a failed step only when the asset's scans rely on it.
    const bool sudoWanted = asset.useSudo || !asset.sudoCredentialRef.isEmpty();
    if (sudoWanted && report.sudo != ConnectionReport::Sudo::Passwordless && report.sudo != ConnectionReport::Sudo::Password)
        report.error = makeError(Error::Code::Transport,
                                 QStringLiteral("sudo: %1%2").arg(describe(report.sudo),
                                     report.sudoDetail.isEmpty() ? QString() : QStringLiteral(" (") + report.sudoDetail + QLatin1Char(')')),
                                 (*session)->where());
    return report;
}

} // namespace triad
