// The GUI's shared credential vault (ProjectVault) on real project files: one passphrase prompt
// for every page that waits, a wrong passphrase told to each of them, a cancelled prompt telling
// nobody, a project change dropping an unlock under way, and lock(). Plus CredentialVault read
// from several threads while a secret is stored, as a running assessment and the Assets page do.
#include "IssueProjectBuilder.h"

#include "db/ProjectDatabase.h"
#include "ui/BackgroundPool.h"
#include "ui/ProjectVault.h"
#include "ui/VaultUnlockDialog.h"
#include "vault/CredentialVault.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QWidget>
#include <QtConcurrent>

#include <atomic>

using namespace triad;
using triad::test::IssueProjectBuilder;

namespace {

const QString kPassphrase = QStringLiteral("correct horse battery");

/// A project whose vault holds one password, "stored-S3cret" under "lab-password".
QString makeVaultProject(const QString &dir, const QString &name)
{
    const QString path = dir + QLatin1Char('/') + name;
    {
        IssueProjectBuilder p(path, QStringLiteral("Vault"));
    }
    auto db = ProjectDatabase::open(path);
    if (!db)
        return {};
    auto vault = CredentialVault::unlock(**db, SecretBytes(kPassphrase.toUtf8()), CredentialVault::Mode::CreateIfMissing);
    if (!vault || !(*vault)->store(**db, QStringLiteral("lab-password"), QStringLiteral("password"), SecretBytes("stored-S3cret")))
        return {};
    return path;
}

void answerNextPrompt(int *prompts, const QString &passphrase)
{
    VaultPrompt::setNextScript([prompts, passphrase](VaultUnlockDialog &d) {
        ++*prompts;
        if (passphrase.isEmpty())
            return false;       // Cancel
        d.setPassphrase(passphrase);
        return true;
    });
}

} // namespace

class TestProjectVault final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_projects = 0;

    QString newProject() { return makeVaultProject(m_dir.path(), QStringLiteral("v%1.triad").arg(++m_projects)); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void pagesWaitingForOneUnlockShareOnePrompt()
    {
        const QString path = newProject();
        QVERIFY(!path.isEmpty());
        ProjectVault vault;
        vault.setProject(path);
        QSignalSpy state(&vault, &ProjectVault::stateChanged);
        QWidget assetsPage;
        QWidget assessmentsPage;
        int prompts = 0;
        answerNextPrompt(&prompts, kPassphrase);
        std::shared_ptr<CredentialVault> first;
        std::shared_ptr<CredentialVault> second;
        vault.withUnlocked(&assetsPage, false, [&](const std::shared_ptr<CredentialVault> &v) { first = v; });
        // The key is being derived: the second page waits for it instead of asking again.
        answerNextPrompt(&prompts, QStringLiteral("must not be asked"));
        vault.withUnlocked(&assessmentsPage, false, [&](const std::shared_ptr<CredentialVault> &v) { second = v; });
        QTRY_VERIFY_WITH_TIMEOUT(first && second, 30000);
        QCOMPARE(prompts, 1);
        QCOMPARE(first, second);
        QVERIFY(vault.isUnlocked());
        QCOMPARE(state.count(), 1);
        QCOMPARE(first->secret(QStringLiteral("lab-password"))->bytes(), QByteArray("stored-S3cret"));

        // Unlocked: answered at once, no prompt.
        std::shared_ptr<CredentialVault> third;
        vault.withUnlocked(&assetsPage, false, [&](const std::shared_ptr<CredentialVault> &v) { third = v; });
        QCOMPARE(third, first);
        QCOMPARE(prompts, 1);
        VaultPrompt::setNextScript({});

        // Locked: the next use asks again; a holder (a running scan) keeps its own copy.
        vault.lock();
        QVERIFY(!vault.isUnlocked());
        QCOMPARE(state.count(), 2);
        QCOMPARE(state.last().at(0).toBool(), false);
        QVERIFY(first->contains(QStringLiteral("lab-password")));
    }

    void aWrongPassphraseIsToldToEveryWaitingPage()
    {
        const QString path = newProject();
        ProjectVault vault;
        vault.setProject(path);
        QWidget page;
        int prompts = 0;
        QStringList failures;
        bool unlocked = false;
        answerNextPrompt(&prompts, QStringLiteral("Tr0ub4dor-guess"));
        for (int i = 0; i < 2; ++i)
            vault.withUnlocked(
                &page, false, [&](const std::shared_ptr<CredentialVault> &) { unlocked = true; },
                [&](const QString &message) { failures << message; });
        QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 2, 30000);
        QCOMPARE(prompts, 1);
        QVERIFY(!unlocked);
        QVERIFY(!vault.isUnlocked());
        QVERIFY(!failures.first().isEmpty());
        QVERIFY(!failures.first().contains(QStringLiteral("Tr0ub4dor")));    // never the passphrase

        // The next try asks again and may succeed.
        answerNextPrompt(&prompts, kPassphrase);
        vault.withUnlocked(&page, false, [&](const std::shared_ptr<CredentialVault> &) { unlocked = true; });
        QTRY_VERIFY_WITH_TIMEOUT(unlocked, 30000);
        QCOMPARE(prompts, 2);
    }

    void aCancelledPromptTellsNobodyAndTheNextUseAsksAgain()
    {
        const QString path = newProject();
        ProjectVault vault;
        vault.setProject(path);
        QWidget page;
        int prompts = 0;
        int calls = 0;
        answerNextPrompt(&prompts, {});
        vault.withUnlocked(
            &page, false, [&](const std::shared_ptr<CredentialVault> &) { ++calls; }, [&](const QString &) { ++calls; });
        QTest::qWait(50);
        QCOMPARE(prompts, 1);
        QCOMPARE(calls, 0);
        bool unlocked = false;
        answerNextPrompt(&prompts, kPassphrase);
        vault.withUnlocked(&page, false, [&](const std::shared_ptr<CredentialVault> &) { unlocked = true; });
        QTRY_VERIFY_WITH_TIMEOUT(unlocked, 30000);
        QCOMPARE(prompts, 2);
        QCOMPARE(calls, 0);
    }

    void anotherProjectLocksTheVaultAndDropsAnUnlockUnderWay()
    {
        const QString first = newProject();
        const QString second = newProject();
        ProjectVault vault;
        vault.setProject(first);
        QWidget page;
        int prompts = 0;
        bool unlocked = false;
        answerNextPrompt(&prompts, kPassphrase);
        vault.withUnlocked(&page, false, [&](const std::shared_ptr<CredentialVault> &) { unlocked = true; });
        vault.setProject(second);   // while the first project's key is still being derived
        QVERIFY(backgroundPool()->waitForDone(30000));  // the derivation has ended...
        QTest::qWait(50);                               // ...and its answer was delivered (and dropped)
        QVERIFY(!unlocked);
        QVERIFY(!vault.isUnlocked());

        answerNextPrompt(&prompts, kPassphrase);
        vault.withUnlocked(&page, false, [&](const std::shared_ptr<CredentialVault> &) { unlocked = true; });
        QTRY_VERIFY_WITH_TIMEOUT(unlocked, 30000);
        QSignalSpy state(&vault, &ProjectVault::stateChanged);
        vault.setProject(first);
        QVERIFY(!vault.isUnlocked());
        QCOMPARE(state.count(), 1);
    }

    void aPageThatIsGoneIsNotCalledBack()
    {
        const QString path = newProject();
        ProjectVault vault;
        vault.setProject(path);
        auto page = std::make_unique<QWidget>();
        int prompts = 0;
        bool called = false;
        answerNextPrompt(&prompts, kPassphrase);
        vault.withUnlocked(page.get(), false, [&](const std::shared_ptr<CredentialVault> &) { called = true; });
        page.reset();
        QTRY_VERIFY_WITH_TIMEOUT(vault.isUnlocked(), 30000);    // the vault is still unlocked for the others
        QVERIFY(!called);
    }

    void thePassphraseIsChangedByResealingTheVaultKey()
    {
        const QString path = newProject();
        ProjectVault vault;
        vault.setProject(path);
        QWidget page;
        int prompts = 0;
        bool unlocked = false;
        answerNextPrompt(&prompts, kPassphrase);
        vault.withUnlocked(&page, false, [&](const std::shared_ptr<CredentialVault> &) { unlocked = true; });
        QTRY_VERIFY_WITH_TIMEOUT(unlocked, 30000);

        // Cancelled: nothing is said and nothing changes.
        bool called = false;
        QString error;
        VaultUnlockDialog::Mode asked = VaultUnlockDialog::Mode::Unlock;
        VaultPrompt::setNextScript([&prompts, &asked](VaultUnlockDialog &d) {
            ++prompts;
            asked = d.mode();
            return false;
        });
        vault.changePassphrase(&page, [&](const QString &e) { called = true; error = e; });
        QTRY_COMPARE_WITH_TIMEOUT(prompts, 2, 10000);
        QVERIFY(asked == VaultUnlockDialog::Mode::Change);
        QTest::qWait(50);
        QVERIFY(!called);

        // The vault is unlocked already: only the new passphrase is asked for, twice.
        const QString next = QStringLiteral("battery staple horse");
        VaultPrompt::setNextScript([&prompts, next](VaultUnlockDialog &d) {
            ++prompts;
            if (d.mode() != VaultUnlockDialog::Mode::Change || !d.creates())
                return false;
            d.setPassphrase(next);
            d.setConfirmation(next);
            return true;
        });
        vault.changePassphrase(&page, [&](const QString &e) { called = true; error = e; });
        QTRY_VERIFY_WITH_TIMEOUT(called, 30000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(prompts, 3);
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        QVERIFY(db);
        QVERIFY(!CredentialVault::unlock(**db, SecretBytes(kPassphrase.toUtf8())));
        auto reopened = CredentialVault::unlock(**db, SecretBytes(next.toUtf8()));
        QVERIFY(reopened);
        QCOMPARE((*reopened)->secret(QStringLiteral("lab-password"))->bytes(), QByteArray("stored-S3cret"));
    }

    void aProjectWithoutAVaultHasNoPassphraseToChange()
    {
        const QString path = m_dir.filePath(QStringLiteral("novault.triad"));
        {
            IssueProjectBuilder p(path, QStringLiteral("No vault"));
        }
        ProjectVault vault;
        vault.setProject(path);
        QWidget page;
        int prompts = 0;
        answerNextPrompt(&prompts, kPassphrase);
        QString error;
        vault.changePassphrase(&page, [&](const QString &e) { error = e; });
        QTRY_VERIFY_WITH_TIMEOUT(!error.isEmpty(), 10000);
        QVERIFY2(error.contains(QStringLiteral("no credential vault")), qPrintable(error));
        QCOMPARE(prompts, 0);       // not asked for a passphrase that does not exist
        VaultPrompt::setNextScript({});
    }

    void secretsAreReadOnScanThreadsWhileOneIsStored()
    {
        const QString path = newProject();
        auto db = ProjectDatabase::open(path);
        QVERIFY(db);
        auto vault = CredentialVault::unlock(**db, SecretBytes(kPassphrase.toUtf8()));
        QVERIFY(vault);
        std::shared_ptr<CredentialVault> shared = *vault;
        std::atomic<bool> stop {false};
        std::atomic<int> wrong {0};
        QList<QFuture<void>> readers;
        for (int t = 0; t < 4; ++t)
            readers << QtConcurrent::run([shared, &stop, &wrong] {
                while (!stop.load()) {
                    auto s = shared->secret(QStringLiteral("lab-password"));
                    if (!s || s->bytes() != QByteArray("stored-S3cret"))
                        ++wrong;
                    (void)shared->names();
                }
            });
        for (int i = 0; i < 200; ++i)
            QVERIFY(shared->store(**db, QStringLiteral("asset/added-%1").arg(i), QStringLiteral("password"),
                                  SecretBytes(QByteArray("added-") + QByteArray::number(i))));
        stop = true;
        for (QFuture<void> &f : readers)
            f.waitForFinished();
        QCOMPARE(wrong.load(), 0);
        QCOMPARE(shared->names().size(), 201);
        QCOMPARE(shared->secret(QStringLiteral("asset/added-199"))->bytes(), QByteArray("added-199"));
    }
};

QTEST_MAIN(TestProjectVault)
#include "tst_project_vault.moc"
