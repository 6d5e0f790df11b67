// The New Project wizard, scripted end to end: it creates real project files, which are then
// opened with the core to check name, customer, vault and first asset.
#include "db/ProjectDatabase.h"
#include "ui/MainWindow.h"
#include "ui/NewProjectWizard.h"
#include "ui/PassphraseStrength.h"
#include "vault/CredentialVault.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace triad;

namespace {

const QString kPassphrase = QStringLiteral("correct horse battery staple 42");

/// Cheap key derivation for tests: the code path is the same, the cost parameter smaller.
SealedBox::KdfCost testCost()
{
    SealedBox::KdfCost cost;
    cost.log2N = 10;
    return cost;
}

struct Answers {
    QString name = QStringLiteral("ACME pre-audit");
    QString customer = QStringLiteral("ACME Corp");
    QString folder;
    QString fileName;           ///< empty: the one the wizard proposes
    bool useVault = true;
    QString passphrase = kPassphrase;
    QString again = kPassphrase;
    bool addThisComputer = true;
};

/// Walks the pages as a user would, checking that Next is allowed on each; returns false (with
/// the page where it stopped) when a page refuses.
bool fill(NewProjectWizard &wizard, const Answers &a)
{
    wizard.restart();
    wizard.setField(QStringLiteral("name"), a.name);
    wizard.setField(QStringLiteral("customer"), a.customer);
    if (!wizard.currentPage()->isComplete())
        return false;
    wizard.next();
    wizard.setField(QStringLiteral("folder"), a.folder);
    if (!a.fileName.isEmpty())
        wizard.setField(QStringLiteral("fileName"), a.fileName);
    if (!wizard.currentPage()->isComplete())
        return false;
    wizard.next();
    wizard.setField(QStringLiteral("useVault"), a.useVault);
    wizard.setField(QStringLiteral("passphrase"), a.passphrase);
    wizard.setField(QStringLiteral("passphraseAgain"), a.again);
    if (!wizard.currentPage()->isComplete())
        return false;
    wizard.next();
    wizard.setField(QStringLiteral("addThisComputer"), a.addThisComputer);
    return wizard.currentId() == NewProjectWizard::FirstAssetPage;
}

} // namespace

class TestNewProjectWizard final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("TriadTest"));
        QApplication::setApplicationName(QStringLiteral("tst_new_project_wizard"));
        QSettings().clear();
    }

    void createsAProjectWithVaultAndThisComputer()
    {
        QTemporaryDir dir;
        NewProjectWizard wizard;
        wizard.setVaultCost(testCost());
        wizard.show();
        Answers a;
        a.folder = dir.filePath(QStringLiteral("engagements/2026"));   // made on Finish
        QVERIFY(fill(wizard, a));
        const QString expected = dir.filePath(QStringLiteral("engagements/2026/ACME pre-audit.triad"));
        QCOMPARE(wizard.projectPath(), expected);
        QVERIFY(wizard.currentPage()->findChild<QLabel *>(QStringLiteral("summary"))->text().contains(
            QStringLiteral("with a credential vault")));
        QSignalSpy created(&wizard, &NewProjectWizard::projectCreated);
        QSignalSpy finished(&wizard, &QDialog::finished);
        wizard.accept();
        // Finish and Back stay disabled while the worker creates the file (unless it was done
        // before accept() returned, which a fast machine may manage).
        QVERIFY(created.count() > 0 || (wizard.isCreating() && !wizard.button(QWizard::FinishButton)->isEnabled()));
        QTRY_VERIFY_WITH_TIMEOUT(created.count() > 0, 20000);
        QCOMPARE(created.at(0).at(0).toString(), expected);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        // The passphrase is not kept in the wizard once it is in the vault.
        QVERIFY(wizard.field(QStringLiteral("passphrase")).toString().isEmpty());

        auto db = ProjectDatabase::open(expected);
        QVERIFY(db);
        auto info = (*db)->projectInfo();
        QVERIFY(info);
        QCOMPARE(info->name, QStringLiteral("ACME pre-audit"));
        QCOMPARE(info->customer, QStringLiteral("ACME Corp"));
        auto assets = (*db)->assets();
        QVERIFY(assets);
        QCOMPARE(assets->size(), 1);
        QCOMPARE(assets->first().name, QStringLiteral("localhost"));
        QCOMPARE(assets->first().transport, QStringLiteral("local"));
        auto exists = CredentialVault::exists(**db);
        QVERIFY(exists && *exists);
        QVERIFY(CredentialVault::unlock(**db, SecretBytes(kPassphrase.toUtf8())));
        QVERIFY(!CredentialVault::unlock(**db, SecretBytes(QByteArrayLiteral("wrong passphrase"))));
    }

    void createsAProjectWithoutVaultOrAsset()
    {
        QTemporaryDir dir;
        NewProjectWizard wizard;
        Answers a;
        a.name = QStringLiteral("Quarterly review");
        a.customer.clear();
        a.folder = dir.path();
        a.fileName = QStringLiteral("q3");          // ".triad" is added
        a.useVault = false;
        a.passphrase.clear();
        a.again.clear();
        a.addThisComputer = false;
        QVERIFY(fill(wizard, a));
        QSignalSpy created(&wizard, &NewProjectWizard::projectCreated);
        wizard.accept();
        QTRY_VERIFY_WITH_TIMEOUT(created.count() > 0, 20000);
        const QString path = dir.filePath(QStringLiteral("q3.triad"));
        QCOMPARE(created.at(0).at(0).toString(), path);
        auto db = ProjectDatabase::open(path);
        QVERIFY(db);
        QCOMPARE((*db)->projectInfo()->name, QStringLiteral("Quarterly review"));
        QVERIFY((*db)->projectInfo()->customer.isEmpty());
        QCOMPARE((*db)->assets()->size(), 0);
        auto exists = CredentialVault::exists(**db);
        QVERIFY(exists && !*exists);
    }

    void neverOverwritesAFile()
    {
        QTemporaryDir dir;
        const QString taken = dir.filePath(QStringLiteral("taken.triad"));
        {
            QFile f(taken);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("someone's data");
        }
        NewProjectWizard wizard;
        Answers a;
        a.folder = dir.path();
        a.fileName = QStringLiteral("taken.triad");
        QVERIFY(!fill(wizard, a));
        QCOMPARE(wizard.currentId(), int(NewProjectWizard::LocationPage));
        QVERIFY(wizard.currentPage()->findChild<QLabel *>(QStringLiteral("locationHint"))->text().contains(
            QStringLiteral("exists already")));

        // The file appears between the Location page and Finish: the error shows in place, the
        // wizard stays open, the file is untouched.
        a.fileName = QStringLiteral("late.triad");
        QVERIFY(fill(wizard, a));
        const QString late = dir.filePath(QStringLiteral("late.triad"));
        {
            QFile f(late);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("written meanwhile");
        }
        QSignalSpy created(&wizard, &NewProjectWizard::projectCreated);
        wizard.show();
        wizard.accept();
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.isCreating(), 20000);
        QCOMPARE(created.count(), 0);
        QVERIFY(wizard.isVisible());
        QVERIFY(wizard.errorText().contains(QStringLiteral("exists already")));
        QFile f(late);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("written meanwhile"));
    }

    void vaultPageNeedsMatchingLongEnoughPassphrases()
    {
        QTemporaryDir dir;
        NewProjectWizard wizard;
        Answers a;
        a.folder = dir.path();
        a.again = kPassphrase + QStringLiteral("x");
        QVERIFY(!fill(wizard, a));
        QCOMPARE(wizard.currentId(), int(NewProjectWizard::VaultPage));
        QCOMPARE(wizard.currentPage()->findChild<QLabel *>(QStringLiteral("matchHint"))->text(),
                 QStringLiteral("The passphrases differ."));
        a.passphrase = a.again = QStringLiteral("short");
        QVERIFY(!fill(wizard, a));
        QVERIFY(wizard.currentPage()->findChild<QLabel *>(QStringLiteral("strengthHint"))->text().startsWith(
            QStringLiteral("Too short")));
        a.useVault = false;
        QVERIFY(fill(wizard, a));

        QCOMPARE(passphraseStrength(QString()), PassphraseStrength::Empty);
        QCOMPARE(passphraseStrength(QStringLiteral("abc123")), PassphraseStrength::TooShort);
        QCOMPARE(passphraseStrength(QStringLiteral("password")), PassphraseStrength::Weak);
        QCOMPARE(passphraseStrength(QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaa")), PassphraseStrength::Weak);
        QCOMPARE(passphraseStrength(QStringLiteral("Tr0ub4dor&3x")), PassphraseStrength::Fair);
        QCOMPARE(passphraseStrength(kPassphrase), PassphraseStrength::Strong);
    }

    void newProjectFromTheMainWindowOpensIt()
    {
        QTemporaryDir dir;
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::projectLoaded);
        NewProjectPrompt::setNextScript([&dir](NewProjectWizard &wizard) {
            wizard.setVaultCost(testCost());
            Answers a;
            a.name = QStringLiteral("Scripted <b>engagement</b>");
            a.folder = dir.path();
            a.fileName = QStringLiteral("scripted.triad");
            return fill(wizard, a);
        });
        window.newProject();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 20000);
        QCOMPARE(window.projectPath(), dir.filePath(QStringLiteral("scripted.triad")));
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("Scripted <b>engagement</b>")));
    }

    /// Saves each page to $TRIAD_UI_SCREENSHOT_DIR (tests/screenshots.sh) when set.
    void wizardScreenshots()
    {
        const QString out = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR");
        QTemporaryDir dir;
        NewProjectWizard wizard;
        wizard.resize(640, 480);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        Answers a;
        a.folder = dir.path();
        a.again = QStringLiteral("correct horse");
        fill(wizard, a);    // stops at the vault page: the passphrases differ
        QCOMPARE(wizard.currentId(), int(NewProjectWizard::VaultPage));
        if (out.isEmpty())
            return;
        wizard.restart();
        wizard.setField(QStringLiteral("name"), a.name);
        wizard.setField(QStringLiteral("customer"), a.customer);
        QVERIFY(wizard.grab().save(out + QStringLiteral("/wizard-1-project.png")));
        wizard.next();
        wizard.setField(QStringLiteral("folder"), dir.path());
        QVERIFY(wizard.grab().save(out + QStringLiteral("/wizard-2-location.png")));
        wizard.next();
        wizard.setField(QStringLiteral("passphrase"), kPassphrase);
        wizard.setField(QStringLiteral("passphraseAgain"), QStringLiteral("correct horse"));
        QVERIFY(wizard.grab().save(out + QStringLiteral("/wizard-3-vault.png")));
        wizard.setField(QStringLiteral("passphraseAgain"), kPassphrase);
        wizard.next();
        QVERIFY(wizard.grab().save(out + QStringLiteral("/wizard-4-first-asset.png")));
    }
};

QTEST_MAIN(TestNewProjectWizard)
#include "tst_new_project_wizard.moc"
