// SshSession against a real OpenSSH server on loopback.
#include "SshdFixture.h"

#include "ssh/SshSession.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTcpServer>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace triad;

namespace {

SshEndpoint endpointOf(const SshdFixture &sshd, const QString &user = QStringLiteral("root"))
{
    return SshEndpoint{sshd.address(), sshd.port(), user};
}

SshCredentials keyCredentials(const QString &keyFile, const QByteArray &passphrase = {})
{
    SshCredentials c;
    c.keyFile = keyFile;
    c.keyPassphrase = SecretBytes(passphrase);
    c.useAgent = false;
    return c;
}

HostKeyPolicy acceptNew()
{
    HostKeyPolicy p;
    p.acceptNew = true;
    p.knownHostsFile = QStringLiteral("/nonexistent/known_hosts");
    return p;
}

bool ensureUser(const QString &user, const QString &password)
{
    QProcess id;
    id.start(QStringLiteral("id"), {user});
    id.waitForFinished();
    if (id.exitCode() != 0 &&
        QProcess::execute(QStringLiteral("useradd"), {QStringLiteral("-m"), QStringLiteral("-s"), QStringLiteral("/bin/sh"), user}) != 0)
        return false;
    QProcess chpasswd;
    chpasswd.start(QStringLiteral("chpasswd"));
    chpasswd.write((user + QLatin1Char(':') + password + QLatin1Char('\n')).toUtf8());
    chpasswd.closeWriteChannel();
    return chpasswd.waitForFinished() && chpasswd.exitCode() == 0;
}

} // namespace

class TestSshSession final : public QObject {
    Q_OBJECT
    SshdFixture m_sshd;

private slots:
    void initTestCase()
    {
        if (!SshdFixture::available())
            QSKIP("needs root and openssh-server");
        QVERIFY2(m_sshd.start(), qPrintable(m_sshd.error()));
    }

    void unknownKeyIsRefusedUnlessAccepted()
    {
        HostKeyPolicy strict;
        strict.knownHostsFile = QStringLiteral("/nonexistent/known_hosts");
        HostKeyInfo seen;
        auto refused = SshSession::connect(endpointOf(m_sshd), strict, {}, &seen);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("unknown host key")), qPrintable(refused.error().message));
        QCOMPARE(seen.sha256, m_sshd.hostKeySha256());
        QVERIFY(refused.error().message.contains(seen.sha256));
        QCOMPARE(seen.trust, HostKeyInfo::Trust::Unknown);

        auto accepted = SshSession::connect(endpointOf(m_sshd), acceptNew(), {}, &seen);
        QVERIFY2(accepted, qPrintable(accepted ? QString() : accepted.error().toString()));
        QCOMPARE(seen.trust, HostKeyInfo::Trust::AcceptedNew);
        QCOMPARE(seen.type, QStringLiteral("ssh-ed25519"));
    }

    void knownHostsFileIsHonoured()
    {
        QTemporaryDir dir;
        const QString knownHosts = dir.filePath(QStringLiteral("known_hosts"));
        QFile pub(m_sshd.dir() + QStringLiteral("/hostkey.pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        QFile kh(knownHosts);
        QVERIFY(kh.open(QIODevice::WriteOnly));
        kh.write(QStringLiteral("[%1]:%2 ").arg(m_sshd.address()).arg(m_sshd.port()).toUtf8() + pub.readAll());
        kh.close();
        HostKeyPolicy policy;
        policy.knownHostsFile = knownHosts;
        HostKeyInfo seen;
        auto session = SshSession::connect(endpointOf(m_sshd), policy, {}, &seen);
        QVERIFY2(session, qPrintable(session ? QString() : session.error().toString()));
        QCOMPARE(seen.trust, HostKeyInfo::Trust::KnownHosts);
    }

    void pinnedKeyAndChangedKey()
    {
        HostKeyPolicy pinned;
        pinned.pinnedSha256 = m_sshd.hostKeySha256();
        HostKeyInfo seen;
        QVERIFY(SshSession::connect(endpointOf(m_sshd), pinned, {}, &seen));
        QCOMPARE(seen.trust, HostKeyInfo::Trust::Pinned);

        pinned.pinnedSha256 = QStringLiteral("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        pinned.acceptNew = true;    // accepting new keys never overrides a pin
        auto changed = SshSession::connect(endpointOf(m_sshd), pinned, {}, &seen);
        QVERIFY(!changed);
        QCOMPARE(seen.trust, HostKeyInfo::Trust::Changed);
        QVERIFY(changed.error().message.contains(QStringLiteral("host key changed")));
        QVERIFY(changed.error().message.contains(pinned.pinnedSha256));
        QVERIFY(changed.error().message.contains(m_sshd.hostKeySha256()));
        QCOMPARE(changed.error().location, QStringLiteral("%1:%2").arg(m_sshd.address()).arg(m_sshd.port()));
    }

    void keyAuthenticationAndExecWithStdin()
    {
        auto session = SshSession::connect(endpointOf(m_sshd), acceptNew(), {}, nullptr);
        QVERIFY(session);
        QVERIFY2((*session)->authenticate(keyCredentials(m_sshd.userKey())), "key authentication");
        QByteArray script = "echo hello; echo oops >&2; printf 'a\\0b'; exit 7\n";
        auto out = (*session)->exec(QStringLiteral("/bin/sh -s"), script, {});
        QVERIFY2(out, qPrintable(out ? QString() : out.error().toString()));
        QCOMPARE(out->exitCode, 7);
        QCOMPARE(out->stdoutData, QByteArray("hello\na\0b", 9));
        QCOMPARE(out->stderrData, QByteArray("oops\n"));
        QVERIFY(out->bytesSent >= script.size());
    }

    void largeOutputIsCappedAndCommandsTimeOut()
    {
        auto session = SshSession::connect(endpointOf(m_sshd), acceptNew(), {}, nullptr);
        QVERIFY(session && (*session)->authenticate(keyCredentials(m_sshd.userKey())));
        ExecLimits limits;
        limits.maxStdoutBytes = 1000;
        auto big = (*session)->exec(QStringLiteral("head -c 3000000 /dev/zero"), {}, limits);
        QVERIFY(big);
        QCOMPARE(big->stdoutData.size(), 1000);
        QVERIFY(big->stdoutTruncated);

        limits.timeoutSeconds = 1;
        QElapsedTimer t;
        t.start();
        auto hung = (*session)->exec(QStringLiteral("sleep 30"), {}, limits);
        QVERIFY(!hung);
        QCOMPARE(hung.error().code, Error::Code::Timeout);
        QVERIFY(t.elapsed() < 5000);
    }

    void cancelStopsWithinASecond()
    {
        auto session = SshSession::connect(endpointOf(m_sshd), acceptNew(), {}, nullptr);
        QVERIFY(session && (*session)->authenticate(keyCredentials(m_sshd.userKey())));
        std::atomic_bool cancel{false};
        ExecLimits limits;
        limits.cancel = &cancel;
        QTimer::singleShot(300, [&cancel] { cancel = true; });
        QElapsedTimer t;
        t.start();
        QThread *thread = QThread::create([&] {
            auto r = (*session)->exec(QStringLiteral("sleep 30"), {}, limits);
            QVERIFY(!r);
            QCOMPARE(r.error().code, Error::Code::Cancelled);
        });
        thread->start();
        while (!thread->isFinished())
            QTest::qWait(20);
        delete thread;
        QVERIFY(t.elapsed() < 1500);
    }

    void wrongKeysAndPassphrases()
    {
        const QString other = m_sshd.dir() + QStringLiteral("/not-authorized");
        QVERIFY(QProcess::execute(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                                                                 QStringLiteral("-N"), QString(), QStringLiteral("-f"), other}) == 0);
        auto session = SshSession::connect(endpointOf(m_sshd), acceptNew(), {}, nullptr);
        QVERIFY(session);
        const Status refused = (*session)->authenticate(keyCredentials(other));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("refused")), qPrintable(refused.error().message));
        QVERIFY(refused.error().message.contains(QStringLiteral("authentication")));

        const QString protectedKey = m_sshd.addUserKey(QStringLiteral("protected"), QStringLiteral("s3cret phrase"));
        const QString pemKey = m_sshd.addUserKey(QStringLiteral("pem"), QStringLiteral("pem-pass"), true);
        QVERIFY(!protectedKey.isEmpty() && !pemKey.isEmpty());
        auto s2 = SshSession::connect(endpointOf(m_sshd), acceptNew(), {}, nullptr);
        const Status wrongPhrase = (*s2)->authenticate(keyCredentials(protectedKey, "Xyzzy-42"));
        QVERIFY(!wrongPhrase);
        QVERIFY(wrongPhrase.error().message.contains(QStringLiteral("passphrase")));
        QVERIFY(!wrongPhrase.error().message.contains(QStringLiteral("Xyzzy")));   // the secret is never echoed
        auto s3 = SshSession::connect(endpointOf(m_sshd), acceptNew(), {}, nullptr);
        QVERIFY((*s3)->authenticate(keyCredentials(protectedKey, "s3cret phrase")));
        auto s4 = SshSession::connect(endpointOf(m_sshd), acceptNew(), {}, nullptr);
        QVERIFY((*s4)->authenticate(keyCredentials(pemKey, "pem-pass")));
    }

    void closedPortFailsFast()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int port = probe.serverPort();
        probe.close();
        QElapsedTimer t;
        t.start();
        auto s = SshSession::connect(SshEndpoint{QStringLiteral("127.0.0.1"), port, QStringLiteral("root")}, acceptNew(), {}, nullptr);
        QVERIFY(!s);
        QCOMPARE(s.error().code, Error::Code::Transport);
        QVERIFY(s.error().message.startsWith(QStringLiteral("connect")));
        QVERIFY(t.elapsed() < 3000);
    }

    void jumpHost()
    {
        SshdFixture::Options o;
        o.address = QStringLiteral("127.0.0.2");
        SshdFixture inner(o);
        QVERIFY2(inner.start(), qPrintable(inner.error()));
        auto jump = SshSession::connect(endpointOf(m_sshd), acceptNew(), {}, nullptr);
        QVERIFY(jump && (*jump)->authenticate(keyCredentials(m_sshd.userKey())));
        auto fd = (*jump)->forwardTo(inner.address(), inner.port());
        QVERIFY2(fd, qPrintable(fd ? QString() : fd.error().toString()));
        HostKeyInfo seen;
        auto target = SshSession::connect(endpointOf(inner), acceptNew(), {}, &seen, *fd);
        QVERIFY2(target, qPrintable(target ? QString() : target.error().toString()));
        QCOMPARE(seen.sha256, inner.hostKeySha256());
        QVERIFY((*target)->authenticate(keyCredentials(inner.userKey())));
        auto out = (*target)->exec(QStringLiteral("echo through-the-jump"), {}, {});
        QVERIFY(out);
        QCOMPARE(out->stdoutData, QByteArray("through-the-jump\n"));
        target->reset();
    }

    void passwordAndKeyboardInteractive()
    {
        if (!ensureUser(QStringLiteral("triadtest"), QStringLiteral("Pa55 word!")))
            QSKIP("cannot create a local user with a password");
        SshdFixture::Options o;
        o.address = QStringLiteral("127.0.0.3");
        o.passwordAuth = true;
        SshdFixture pw(o);
        QVERIFY2(pw.start(), qPrintable(pw.error()));
        SshCredentials c;
        c.useAgent = false;
        c.password = SecretBytes(QByteArrayLiteral("Pa55 word!"));
        auto s = SshSession::connect(endpointOf(pw, QStringLiteral("triadtest")), acceptNew(), {}, nullptr);
        QVERIFY(s);
        QVERIFY((*s)->authenticate(c));
        auto out = (*s)->exec(QStringLiteral("id -un"), {}, {});
        QVERIFY(out);
        QCOMPARE(out->stdoutData.trimmed(), QByteArray("triadtest"));

        SshCredentials wrong;
        wrong.useAgent = false;
        wrong.password = SecretBytes(QByteArrayLiteral("not it"));
        auto s2 = SshSession::connect(endpointOf(pw, QStringLiteral("triadtest")), acceptNew(), {}, nullptr);
        const Status refused = (*s2)->authenticate(wrong);
        QVERIFY(!refused);
        QVERIFY(!refused.error().message.contains(QStringLiteral("not it")));
    }

    void keyboardInteractiveOnly()
    {
        if (!ensureUser(QStringLiteral("triadtest"), QStringLiteral("Pa55 word!")))
            QSKIP("cannot create a local user with a password");
        SshdFixture::Options o;
        o.address = QStringLiteral("127.0.0.4");
        o.passwordAuth = true;
        o.extraConfig << QStringLiteral("PasswordAuthentication no");   // only keyboard-interactive left
        SshdFixture kbd(o);
        QVERIFY2(kbd.start(), qPrintable(kbd.error()));
        SshCredentials c;
        c.useAgent = false;
        c.password = SecretBytes(QByteArrayLiteral("Pa55 word!"));
        auto s = SshSession::connect(endpointOf(kbd, QStringLiteral("triadtest")), acceptNew(), {}, nullptr);
        QVERIFY(s);
        const Status ok = (*s)->authenticate(c);
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().toString()));
        QVERIFY(kbd.log().contains(QStringLiteral("keyboard-interactive")));
    }
};

QTEST_GUILESS_MAIN(TestSshSession)
#include "tst_ssh_session.moc"
