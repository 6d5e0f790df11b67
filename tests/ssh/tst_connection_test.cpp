// "Test connection" (core/scan/ConnectionTest) against a real sshd on loopback: host-key trust
// (unknown, accepted, pinned, changed, known_hosts), login with a key and with a vault password,
// sudo without and with a password, and the OS name.
#include "HostFixture.h"

#include "db/ProjectDatabase.h"
#include "scan/ConnectionTest.h"
#include "vault/AssetSecrets.h"
#include "vault/CredentialVault.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace triad;

namespace {

const QByteArray kPassword = "C0nn-test;pw 7";

Asset rootAsset(SshdFixture &sshd, const QString &keyFile)
{
    Asset a;
    a.name = QStringLiteral("web-01");
    a.transport = QStringLiteral("ssh");
    a.address = sshd.address();
    a.port = sshd.port();
    a.user = QStringLiteral("root");
    a.credentialRef = QStringLiteral("key:") + keyFile;
    return a;
}

ConnectionTestOptions strictOptions()
{
    ConnectionTestOptions o;
    o.knownHostsFile = QStringLiteral("/nonexistent/known_hosts");
    return o;
}

QString localOsName()
{
    QFile f(QStringLiteral("/etc/os-release"));
    return f.open(QIODevice::ReadOnly) ? osNameFromOsRelease(f.readAll()) : QString();
}

} // namespace

class TestConnectionTest final : public QObject {
    Q_OBJECT
    std::unique_ptr<HostFixture> m_host;
    QTemporaryDir m_dir;
    std::unique_ptr<ProjectDatabase> m_db;
    std::shared_ptr<CredentialVault> m_vault;

    SshdFixture &sshd() { return m_host->sshd(); }

private slots:
    void osReleaseIsRead()
    {
        QCOMPARE(osNameFromOsRelease("NAME=\"Debian GNU/Linux\"\nVERSION=\"12 (bookworm)\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"),
                 QStringLiteral("Debian GNU/Linux 12 (bookworm)"));
        QCOMPARE(osNameFromOsRelease("# comment\nNAME='Alpine Linux'\nVERSION=3.19\n"), QStringLiteral("Alpine Linux 3.19"));
        QCOMPARE(osNameFromOsRelease("garbage\n"), QString());
    }

    void initTestCase()
    {
        if (!SshdFixture::available())
            QSKIP("needs root and openssh-server");
        if (!QFile::exists(QStringLiteral("/usr/bin/sudo")))
            QSKIP("needs sudo (installer/deps.sh test installs it)");
        HostFixture::Options o;
        o.address = QStringLiteral("127.0.47.1");
        o.users = {
            {QStringLiteral("tconn"), QString::fromUtf8(kPassword), QStringLiteral("/bin/sh"), QStringLiteral("ALL=(ALL) ALL")},
            {QStringLiteral("tconnnp"), QString::fromUtf8(kPassword), QStringLiteral("/bin/sh"),
             QStringLiteral("ALL=(ALL) NOPASSWD: ALL")},
        };
        m_host = std::make_unique<HostFixture>(o);
        QVERIFY2(m_host->start(), qPrintable(m_host->error()));

        ProjectInfo info;
        info.name = QStringLiteral("Connection test");
        auto db = ProjectDatabase::create(m_dir.filePath(QStringLiteral("p.triad")), info);
        QVERIFY(db);
        m_db = std::move(*db);
        auto vault = CredentialVault::unlock(*m_db, SecretBytes("vault passphrase"), CredentialVault::Mode::CreateIfMissing,
                                             SealedBox::KdfCost{10, 8, 1});
        QVERIFY(vault);
        m_vault = *vault;
    }

    void unknownKeyAsksForADecision()
    {
        const ConnectionReport r = testConnection(rootAsset(sshd(), sshd().userKey()), strictOptions());
        QVERIFY(!r.ok());
        QVERIFY(r.needsTrustDecision());
        QVERIFY(!r.connected);
        QVERIFY(!r.authenticated);
        QCOMPARE(r.hostKey.sha256, sshd().hostKeySha256());
        QCOMPARE(r.hostKey.type, QStringLiteral("ssh-ed25519"));
        QVERIFY(r.fingerprintToPin.isEmpty());
    }

    void acceptedKeyIsReportedForPinningWithTheHostFacts()
    {
        ConnectionTestOptions o = strictOptions();
        o.trustFingerprint = sshd().hostKeySha256();
        const ConnectionReport r = testConnection(rootAsset(sshd(), sshd().userKey()), o);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.hostKey.trust, HostKeyInfo::Trust::AcceptedNew);
        QCOMPARE(r.fingerprintToPin, sshd().hostKeySha256());
        QVERIFY(r.authenticated);
        QCOMPARE(r.loginUser, QStringLiteral("root"));
        QVERIFY(!r.osName.isEmpty());
        QCOMPARE(r.osName, localOsName());      // the fixture host's /etc is a copy of this machine's
        QCOMPARE(r.sudo, ConnectionReport::Sudo::Passwordless);
    }

    void anotherAcceptedFingerprintIsRefused()
    {
        // The user accepted a fingerprint, but the host now presents another key (a swap between
        // the look and the click): nothing is trusted or pinned.
        ConnectionTestOptions o = strictOptions();
        o.trustFingerprint = QStringLiteral("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        const ConnectionReport r = testConnection(rootAsset(sshd(), sshd().userKey()), o);
        QVERIFY(!r.ok());
        QVERIFY(r.hostKeyChanged());
        QVERIFY(!r.connected);
        QVERIFY(r.fingerprintToPin.isEmpty());
        QCOMPARE(r.hostKey.sha256, sshd().hostKeySha256());
    }

    void knownHostsEntryIsTrustedAndPinned()
    {
        const QString knownHosts = m_dir.filePath(QStringLiteral("known_hosts"));
        QFile pub(sshd().dir() + QStringLiteral("/hostkey.pub"));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        QFile kh(knownHosts);
        QVERIFY(kh.open(QIODevice::WriteOnly));
        kh.write(QStringLiteral("[%1]:%2 ").arg(sshd().address()).arg(sshd().port()).toUtf8() + pub.readAll());
        kh.close();
        ConnectionTestOptions o;
        o.knownHostsFile = knownHosts;
        const ConnectionReport r = testConnection(rootAsset(sshd(), sshd().userKey()), o);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.hostKey.trust, HostKeyInfo::Trust::KnownHosts);
        QCOMPARE(r.fingerprintToPin, sshd().hostKeySha256());
    }

    void unauthorizedKeyFailsAtLogin()
    {
        const QString other = m_dir.filePath(QStringLiteral("other"));
        QCOMPARE(QProcess::execute(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                                                                   QStringLiteral("-N"), QString(), QStringLiteral("-f"), other}),
                 0);
        Asset a = rootAsset(sshd(), other);
        a.hostKeySha256 = sshd().hostKeySha256();
        const ConnectionReport r = testConnection(a, strictOptions());
        QVERIFY(r.connected);
        QVERIFY(!r.authenticated);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.message.contains(QStringLiteral("authentication"), Qt::CaseInsensitive), qPrintable(r.error.toString()));
        QCOMPARE(r.hostKey.trust, HostKeyInfo::Trust::Pinned);
        QVERIFY(r.fingerprintToPin.isEmpty());     // pinned already
    }

    void vaultPasswordLoginAndSudoPassword()
    {
        Asset a;
        a.name = QStringLiteral("db-01");
        a.address = sshd().address();
        a.port = sshd().port();
        a.user = QStringLiteral("tconn");
        a.hostKeySha256 = sshd().hostKeySha256();
        AssetSecrets secrets;
        secrets.password = SecretBytes(kPassword);
        secrets.sudoPassword = SecretBytes(kPassword);     // sudo asks for the user's own password
        QVERIFY(storeAssetSecrets(*m_db, *m_vault, a, secrets));
        QCOMPARE(a.credentialRef, QStringLiteral("vault:asset/db-01/password"));
        QCOMPARE(a.sudoCredentialRef, QStringLiteral("vault:asset/db-01/sudo"));
        QVERIFY(a.useSudo);

        // Locked vault: said so, nothing attempted.
        ConnectionReport locked = testConnection(a, strictOptions());
        QVERIFY(!locked.ok());
        QVERIFY2(locked.error.message.contains(QStringLiteral("locked")), qPrintable(locked.error.toString()));
        QVERIFY(!locked.connected);

        ConnectionTestOptions o = strictOptions();
        o.vault = m_vault.get();
        ConnectionReport r = testConnection(a, o);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.loginUser, QStringLiteral("tconn"));
        QCOMPARE(r.sudo, ConnectionReport::Sudo::Password);

        // A wrong stored sudo password: refused, one failed attempt on the host, never retried.
        const int before = int(m_host->sudoLog().count(QStringLiteral("incorrect password attempt")));
        secrets = {};
        secrets.sudoPassword = SecretBytes("not the password");
        QVERIFY(storeAssetSecrets(*m_db, *m_vault, a, secrets));
        r = testConnection(a, o);
        QVERIFY(r.authenticated);
        QCOMPARE(r.sudo, ConnectionReport::Sudo::WrongPassword);
        QVERIFY(!r.ok());
        QVERIFY(!r.error.message.contains(QStringLiteral("not the password")));
        QTRY_COMPARE(int(m_host->sudoLog().count(QStringLiteral("incorrect password attempt"))), before + 1);

        // Without a stored sudo password, sudo that asks for one is reported as such.
        a.sudoCredentialRef.clear();
        r = testConnection(a, o);
        QCOMPARE(r.sudo, ConnectionReport::Sudo::NeedsPassword);
        QVERIFY(!r.ok());
        a.useSudo = false;      // an asset that does not use sudo passes all the same
        r = testConnection(a, o);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.sudo, ConnectionReport::Sudo::NeedsPassword);

        a.user = QStringLiteral("tconnnp");
        a.useSudo = true;
        r = testConnection(a, o);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.sudo, ConnectionReport::Sudo::Passwordless);
    }

    void localAssetHasNoConnectionToTest()
    {
        Asset a;
        a.name = QStringLiteral("localhost");
        a.transport = QStringLiteral("local");
        const ConnectionReport r = testConnection(a, {});
        QVERIFY(!r.ok());
        QCOMPARE(r.error.code, Error::Code::Unsupported);
    }

    // Last: it replaces the host key.
    void changedKeyIsRefusedNamingBothFingerprints()
    {
        const QString pinned = sshd().hostKeySha256();
        QVERIFY(sshd().regenerateHostKey());
        Asset a = rootAsset(sshd(), sshd().userKey());
        a.hostKeySha256 = pinned;
        const ConnectionReport r = testConnection(a, strictOptions());
        QVERIFY(!r.ok());
        QVERIFY(r.hostKeyChanged());
        QVERIFY(!r.needsTrustDecision());
        QVERIFY(!r.connected);
        QCOMPARE(r.pinnedBefore, pinned);
        QCOMPARE(r.hostKey.sha256, sshd().hostKeySha256());
        QVERIFY(r.error.message.contains(pinned));
        QVERIFY(r.error.message.contains(sshd().hostKeySha256()));
        QVERIFY(r.fingerprintToPin.isEmpty());
    }

    void cleanupTestCase()
    {
        m_vault.reset();
        m_db.reset();
        m_host.reset();
    }
};

QTEST_GUILESS_MAIN(TestConnectionTest)
#include "tst_connection_test.moc"
