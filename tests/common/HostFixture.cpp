#include "HostFixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>

#include <crypt.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data, mode_t mode)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        return false;
    f.close();
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0
        && ::chown(QFile::encodeName(path).constData(), 0, 0) == 0;
}

/// A SHA-512 crypt hash, as /etc/shadow holds it (libcrypt: no openssl program needed).
QByteArray passwordHash(const QString &password)
{
    const QByteArray salt = "$6$" + QByteArray::number(QRandomGenerator::global()->generate64(), 16) + '$';
    crypt_data data {};
    const char *hash = ::crypt_r(password.toUtf8().constData(), salt.constData(), &data);
    return hash && hash[0] == '$' ? QByteArray(hash) : QByteArray();
}

} // namespace

HostFixture::HostFixture(Options options) : m_options(std::move(options)) { }

HostFixture::~HostFixture()
{
    if (m_sshd)
        m_sshd->crash(); // sessions too: nothing of this host may outlive the test
}

bool HostFixture::writeFixtures()
{
    QByteArray passwd = readAll(QStringLiteral("/etc/passwd"));
    QByteArray shadow = readAll(QStringLiteral("/etc/shadow"));
    QByteArray group = readAll(QStringLiteral("/etc/group"));
    if (!m_options.rootShell.isEmpty()) {
        QList<QByteArray> lines = passwd.split('\n');
        for (QByteArray &line : lines)
            if (line.startsWith("root:"))
                line = line.left(line.lastIndexOf(':') + 1) + m_options.rootShell.toUtf8();
        passwd = lines.join('\n');
    }
    QByteArray sudoers
        = "Defaults env_reset\n"
          "Defaults !syslog\n"
          "Defaults !lecture\n"
          "Defaults timestamp_timeout=0\n"
          "Defaults secure_path=\"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"\n"
          "Defaults logfile=\""
        + m_dir.filePath(QStringLiteral("sudo.log")).toUtf8()
        + "\"\n"
          "root ALL=(ALL:ALL) ALL\n";
    int uid = 4700;
    for (const User &u : std::as_const(m_options.users)) {
        ++uid;
        const QString home = m_dir.filePath(QStringLiteral("home/") + u.name);
        QDir().mkpath(home);
        if (::chown(QFile::encodeName(home).constData(), uid_t(uid), gid_t(uid)) != 0)
            return false;
        QByteArray hash = u.password.isEmpty() ? QByteArray("*") : passwordHash(u.password);
        if (hash.isEmpty()) {
            m_error = QStringLiteral("crypt_r failed");
            return false;
        }
        const QByteArray id = QByteArray::number(uid);
        const QByteArray name = u.name.toUtf8();
        passwd += name + ":x:" + id + ':' + id + "::" + home.toUtf8() + ':' + u.shell.toUtf8() + '\n';
        // A password set "today" (day 1 is far in the past, and expiry would refuse the login).
        shadow += name + ':' + hash + ":19000:0:99999:7:::\n";
        group += name + ":x:" + id + ":\n";
        if (!u.sudoRule.isEmpty())
            sudoers += name + ' ' + u.sudoRule.toUtf8() + '\n';
    }
    if (!passwd.endsWith('\n'))
        passwd += '\n';
    // The host's /etc is a copy (see start()), written here before sshd starts.
    if (QProcess::execute(
            QStringLiteral("cp"),
            {QStringLiteral("-a"), QStringLiteral("/etc"), m_dir.filePath(QStringLiteral("etc"))})
        != 0) {
        m_error = QStringLiteral("cannot copy /etc");
        return false;
    }
    const QString etc = m_dir.filePath(QStringLiteral("etc/"));
    return writeFile(etc + QStringLiteral("passwd"), passwd, 0644)
        && writeFile(etc + QStringLiteral("shadow"), shadow, 0640)
        && writeFile(etc + QStringLiteral("group"), group, 0644)
        && (!QFile::exists(QStringLiteral("/etc/sudoers"))
            || writeFile(etc + QStringLiteral("sudoers"), sudoers, 0440));
}

bool HostFixture::start()
{
    if (!m_dir.isValid() || !writeFixtures()) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("cannot write the host's fixture files");
        return false;
    }
    // Users' homes live below this folder: it must be traversable for them.
    ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
    SshdFixture::Options o;
    o.address = m_options.address;
    o.passwordAuth = true;
    // A copy of the whole /etc, not files bind-mounted one by one: when useradd or chpasswd on
    // this machine (another test) renames a new /etc/shadow into place, the kernel detaches every
    // mount on the old file in all namespaces, and the host would silently see the machine's file.
    o.bindMounts = {{m_dir.filePath(QStringLiteral("etc")), QStringLiteral("/etc")}};
    o.bindMounts << m_options.extraBindMounts;
    if (!m_options.hiddenPrograms.isEmpty()) {
        // /usr/bin becomes a tmpfs of links to the real programs, minus the hidden ones (the real
        // folder stays reachable through a bind mount only this namespace sees).
        const QString real = m_dir.filePath(QStringLiteral("realbin"));
        QDir().mkpath(real);
        o.namespaceSetup << QStringLiteral("mount --bind /usr/bin '%1'").arg(real)
                         << QStringLiteral("mount -t tmpfs -o mode=755 tmpfs /usr/bin")
                         << QStringLiteral("for f in '%1'/*; do '%1/ln' -s \"$f\" /usr/bin/; done").arg(real);
        for (const QString &p : std::as_const(m_options.hiddenPrograms))
            o.namespaceSetup << QStringLiteral("'%1/rm' -f '/usr/bin/%2'").arg(real, p);
    }
    m_sshd = std::make_unique<SshdFixture>(o);
    if (!m_sshd->start()) {
        m_error = m_sshd->error();
        return false;
    }
    // Key logins of non-root users: sshd reads authorized_keys as that user.
    ::chmod(QFile::encodeName(m_sshd->dir()).constData(), 0755);
    ::chmod(QFile::encodeName(m_sshd->dir() + QStringLiteral("/authorized_keys")).constData(), 0644);
    return true;
}

QString HostFixture::sudoLog() const
{
    return QString::fromUtf8(readAll(m_dir.filePath(QStringLiteral("sudo.log"))));
}
