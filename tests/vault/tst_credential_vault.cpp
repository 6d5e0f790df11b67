// The project's credential vault on a real project file.
#include "db/ProjectDatabase.h"
#include "vault/CredentialVault.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace triad;

namespace {

SecretBytes secret(const char *text)
{
    return SecretBytes(QByteArray(text));
}

/// Every byte of the project file and its WAL, as an attacker with the file would see them.
QByteArray projectBytes(const QString &path)
{
    QByteArray all;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile f(path + suffix);
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

} // namespace

class TestCredentialVault final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    const SealedBox::KdfCost m_fast {10, 8, 1};

    std::unique_ptr<ProjectDatabase> newProject(const QString &name)
    {
        auto db
            = ProjectDatabase::create(m_dir.filePath(name), ProjectInfo {QStringLiteral("Vault"), {}, {}});
        if (!db)
            qFatal("%s", qPrintable(db.error().toString()));
        return std::move(*db);
    }

private slots:
    void createStoreAndReopen()
    {
        const QString file = m_dir.filePath(QStringLiteral("a.triad"));
        {
            auto db = newProject(QStringLiteral("a.triad"));
            QVERIFY(!*CredentialVault::exists(*db));
            auto locked = CredentialVault::unlock(*db, secret("pass phrase"));
            QVERIFY(!locked); // OpenExisting on a project without a vault
            QCOMPARE(locked.error().code, Error::Code::NotFound);
            auto vault = CredentialVault::unlock(*db, secret("pass phrase"),
                                                 CredentialVault::Mode::CreateIfMissing, m_fast);
            QVERIFY2(vault, qPrintable(vault ? QString() : vault.error().toString()));
            QVERIFY(*CredentialVault::exists(*db));
            QVERIFY((*vault)->store(*db, QStringLiteral("asset/web/password"), QStringLiteral("password"),
                                    secret("Hunter2-Zq9")));
            QVERIFY((*vault)->store(*db, QStringLiteral("asset/web/sudo"), QStringLiteral("sudo-password"),
                                    secret("Sudo-Xw7")));
            QVERIFY(
                !(*vault)->store(*db, QStringLiteral("empty"), QStringLiteral("password"), SecretBytes()));
            QCOMPARE((*vault)->secret(QStringLiteral("asset/web/password"))->bytes(),
                     QByteArray("Hunter2-Zq9"));
        }
        const QByteArray bytes = projectBytes(file);
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains("Hunter2-Zq9"));
        QVERIFY(!bytes.contains("Sudo-Xw7"));
        QVERIFY(!bytes.contains("pass phrase"));

        auto db = ProjectDatabase::open(file);
        QVERIFY(db);
        auto wrong = CredentialVault::unlock(**db, secret("pass phrasE"));
        QVERIFY(!wrong);
        QVERIFY(wrong.error().message.contains(QStringLiteral("wrong passphrase")));
        // CreateIfMissing never re-creates a vault under another passphrase.
        QVERIFY(
            !CredentialVault::unlock(**db, secret("other"), CredentialVault::Mode::CreateIfMissing, m_fast));

        auto vault = CredentialVault::unlock(**db, secret("pass phrase"));
        QVERIFY(vault);
        QCOMPARE((*vault)->names().size(), 2);
        QCOMPARE((*vault)->secret(QStringLiteral("asset/web/sudo"))->bytes(), QByteArray("Sudo-Xw7"));
        auto missing = (*vault)->secret(QStringLiteral("asset/nobody/password"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, Error::Code::NotFound);
    }

    void passphraseChangeKeepsEveryCredential()
    {
        const QString file = m_dir.filePath(QStringLiteral("change.triad"));
        {
            auto db = newProject(QStringLiteral("change.triad"));
            auto vault = CredentialVault::unlock(*db, secret("old phrase"), CredentialVault::Mode::CreateIfMissing, m_fast);
            QVERIFY(vault);
            QVERIFY((*vault)->store(*db, QStringLiteral("asset/db/password"), QStringLiteral("password"), secret("Db-Pw-31")));
            QVERIFY(!(*vault)->changePassphrase(*db, SecretBytes(), m_fast));
            QVERIFY((*vault)->changePassphrase(*db, secret("new phrase"), m_fast));
        }
        QVERIFY(!projectBytes(file).contains("new phrase"));
        auto db = ProjectDatabase::open(file);
        QVERIFY(db);
        auto old = CredentialVault::unlock(**db, secret("old phrase"));
        QVERIFY(!old);
        QVERIFY(old.error().message.contains(QStringLiteral("wrong passphrase")));
        auto vault = CredentialVault::unlock(**db, secret("new phrase"));
        QVERIFY2(vault, qPrintable(vault ? QString() : vault.error().toString()));
        QCOMPARE((*vault)->secret(QStringLiteral("asset/db/password"))->bytes(), QByteArray("Db-Pw-31"));
    }

    void alteredCredentialIsRefused()
    {
        auto db = newProject(QStringLiteral("b.triad"));
        auto vault
            = CredentialVault::unlock(*db, secret("pp"), CredentialVault::Mode::CreateIfMissing, m_fast);
        QVERIFY(vault
                && (*vault)->store(*db, QStringLiteral("c"), QStringLiteral("password"), secret("s3cret")));
        auto stored = db->credentials();
        QByteArray blob = stored->at(0).sealed;
        blob[blob.size() - 1] = char(blob.at(blob.size() - 1) ^ 1);
        QVERIFY(db->storeCredential(QStringLiteral("c"), QStringLiteral("password"), blob));
        auto reopened = CredentialVault::unlock(*db, secret("pp"));
        QVERIFY(!reopened);
        QVERIFY2(reopened.error().message.contains(QStringLiteral("'c'")),
                 qPrintable(reopened.error().message));
        QVERIFY(!reopened.error().message.contains(QStringLiteral("s3cret")));
    }

    void secretsAreReadableFromPoolThreads()
    {
        auto db = newProject(QStringLiteral("c.triad"));
        auto vault
            = CredentialVault::unlock(*db, secret("pp"), CredentialVault::Mode::CreateIfMissing, m_fast);
        QVERIFY(vault
                && (*vault)->store(*db, QStringLiteral("shared"), QStringLiteral("password"),
                                   secret("same-for-all")));
        std::shared_ptr<const CredentialVault> readOnly = *vault;
        QList<QFuture<bool>> futures;
        for (int i = 0; i < 16; ++i)
            futures << QtConcurrent::run([readOnly] {
                for (int n = 0; n < 200; ++n)
                    if (readOnly->secret(QStringLiteral("shared"))->bytes() != "same-for-all")
                        return false;
                return true;
            });
        for (auto &f : futures)
            QVERIFY(f.result());
    }

    void unlockingAFleetCostsOneScrypt()
    {
        // 60 assets' passwords under the default (strong) passphrase cost: one scrypt for the
        // vault key, a cheap open per credential. One full scrypt each would take seconds.
        auto db = newProject(QStringLiteral("fleet.triad"));
        auto vault
            = CredentialVault::unlock(*db, secret("fleet pass"), CredentialVault::Mode::CreateIfMissing);
        QVERIFY(vault);
        for (int i = 0; i < 60; ++i)
            QVERIFY((*vault)->store(*db, QStringLiteral("asset/h%1/password").arg(i),
                                    QStringLiteral("password"), SecretBytes("pw-" + QByteArray::number(i))));
        QElapsedTimer timer;
        timer.start();
        auto reopened = CredentialVault::unlock(*db, secret("fleet pass"));
        QVERIFY(reopened);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE((*reopened)->secret(QStringLiteral("asset/h59/password"))->bytes(), QByteArray("pw-59"));
        // The passphrase seals the vault key only: a credential does not open with it directly.
        QVERIFY(!SealedBox::open(db->credentials()->at(0).sealed, secret("fleet pass")));
    }

    void references()
    {
        QCOMPARE(CredentialVault::nameFromRef(QStringLiteral("vault:asset/x/password")),
                 QStringLiteral("asset/x/password"));
        QVERIFY(CredentialVault::nameFromRef(QStringLiteral("key:/home/a/.ssh/id")).isEmpty());
        QCOMPARE(CredentialVault::refFor(QStringLiteral("n")), QStringLiteral("vault:n"));
    }
};

QTEST_GUILESS_MAIN(TestCredentialVault)
#include "tst_credential_vault.moc"
