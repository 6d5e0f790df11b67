// The Assets page on real project files, offscreen: the asset model (with the latest result of
// each asset), filters, the add/edit dialog with secrets sealed in the project's vault, removal,
// inventory import with preview, and "Test connection" against a real sshd on loopback with the
// host-key trust dialog. Every dialog is scripted through its prompt seam.
#include "IssueProjectBuilder.h"
#include "SshdFixture.h"
#include "ui/AssetDialog.h"
#include "ui/AssetsView.h"
#include "ui/ConfirmPrompt.h"
#include "ui/HostKeyDialog.h"
#include "ui/ImportAssetsDialog.h"
#include "ui/MainWindow.h"
#include "ui/VaultUnlockDialog.h"
#include "ui/models/AssetTableModel.h"
#include "vault/CredentialVault.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace triad;
using triad::test::IssueProjectBuilder;
using triad::test::Verdict;

namespace {

const QString kPassphrase = QStringLiteral("correct horse battery");

bool caught(QSignalSpy &spy, int timeout = 15000)
{
    return !spy.isEmpty() || spy.wait(timeout);
}

/// web-01 (web, dmz) and db-01 (db) fail in two runs, ok-01 (web) passes in the second, new-01
/// (lab) was never assessed.
QString makeFleet(const QString &dir)
{
    const QString path = dir + QStringLiteral("/fleet.triad");
    IssueProjectBuilder p(path, QStringLiteral("Fleet"));
    p.addAsset(QStringLiteral("web-01"), {QStringLiteral("web"), QStringLiteral("dmz")});
    p.addAsset(QStringLiteral("db-01"), {QStringLiteral("db")});
    p.addAsset(QStringLiteral("ok-01"), {QStringLiteral("web")});
    p.addAsset(QStringLiteral("new-01"), {QStringLiteral("lab")});
    p.addRun({{QStringLiteral("web-01"), QStringLiteral("ssh.a"), CheckStatus::Fail, Severity::High},
              {QStringLiteral("db-01"), QStringLiteral("ssh.a"), CheckStatus::Fail, Severity::High}});
    p.addRun({{QStringLiteral("web-01"), QStringLiteral("ssh.a"), CheckStatus::Fail, Severity::High},
              {QStringLiteral("web-01"), QStringLiteral("ssh.b"), CheckStatus::Fail, Severity::Low},
              {QStringLiteral("ok-01"), QStringLiteral("ssh.a"), CheckStatus::Pass, Severity::High}});
    return path;
}

QString makeEmpty(const QString &dir)
{
    const QString path = dir + QStringLiteral("/empty.triad");
    IssueProjectBuilder p(path, QStringLiteral("Empty"));
    return path;
}

std::unique_ptr<ProjectDatabase> openDb(const QString &path)
{
    auto db = ProjectDatabase::open(path);
    return db ? std::move(*db) : nullptr;
}

Asset assetNamed(const QString &path, const QString &name)
{
    auto db = openDb(path);
    auto a = db ? db->assetByName(name) : Result<Asset>(makeError(Error::Code::NotFound, name));
    return a ? *a : Asset{};
}

bool loadView(AssetsView &view, const QString &path)
{
    QSignalSpy loaded(&view, &AssetsView::assetsLoaded);
    view.setProject(path);
    return caught(loaded);
}

bool reloadView(AssetsView &view)
{
    QSignalSpy loaded(&view, &AssetsView::assetsLoaded);
    view.reload();
    return caught(loaded);
}

QString cell(const AssetsView &view, const QString &asset, int column)
{
    for (int row = 0; row < view.model()->rowCount(); ++row)
        if (view.model()->rowAt(row)->asset.name == asset)
            return view.model()->index(row, column).data().toString();
    return QStringLiteral("(no asset %1)").arg(asset);
}

} // namespace

class TestAssetsView final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void modelShowsAssetsWithTheirLatestResult()
    {
        QTemporaryDir dir;
        const QString path = makeFleet(dir.path());
        AssetsView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(loadView(view, path));
        QCOMPARE(view.model()->rowCount(), 4);
        QCOMPARE(view.model()->columnCount(), int(AssetTableModel::ColumnCount));
        QCOMPARE(view.model()->allTags(), QStringList({QStringLiteral("db"), QStringLiteral("dmz"), QStringLiteral("lab"),
                                                       QStringLiteral("web")}));
        // web-01: newest run is run 2 with two failed checks; db-01 was last seen in run 1.
        QCOMPARE(cell(view, QStringLiteral("web-01"), AssetTableModel::LastResult), QStringLiteral("0 % · 2 failed · cis-linux run 2"));
        QCOMPARE(cell(view, QStringLiteral("db-01"), AssetTableModel::LastResult), QStringLiteral("0 % · 1 failed · cis-linux run 1"));
        QCOMPARE(cell(view, QStringLiteral("ok-01"), AssetTableModel::LastResult), QStringLiteral("100 % · 0 failed · cis-linux run 2"));
        QCOMPARE(cell(view, QStringLiteral("new-01"), AssetTableModel::LastResult), QStringLiteral("not assessed yet"));
        QCOMPARE(cell(view, QStringLiteral("web-01"), AssetTableModel::Tags), QStringLiteral("web, dmz"));
        QCOMPARE(cell(view, QStringLiteral("web-01"), AssetTableModel::Address), QStringLiteral("(this computer)"));

        Asset remote;
        remote.name = QStringLiteral("edge");
        remote.address = QStringLiteral("10.0.0.5");
        remote.port = 2222;
        remote.user = QStringLiteral("audit");
        remote.proxyJump = QStringLiteral("bastion");
        QCOMPARE(AssetTableModel::addressText(remote), QStringLiteral("audit@10.0.0.5:2222 via bastion"));
        // Sorting by the last result sorts by score, not by text.
        view.table()->sortByColumn(AssetTableModel::LastResult, Qt::DescendingOrder);
        QCOMPARE(view.proxy()->index(0, AssetTableModel::Name).data().toString(), QStringLiteral("ok-01"));
    }

    void filtersByTextAndTag()
    {
        QTemporaryDir dir;
        const QString path = makeFleet(dir.path());
        AssetsView view;
        QVERIFY(loadView(view, path));
        auto *search = view.findChild<QLineEdit *>(QStringLiteral("assetSearch"));
        auto *tags = view.findChild<QComboBox *>(QStringLiteral("assetTagFilter"));
        QVERIFY(search && tags);
        QCOMPARE(view.proxy()->rowCount(), 4);
        search->setText(QStringLiteral("DB"));
        QCOMPARE(view.proxy()->rowCount(), 1);      // db-01 by name and by tag "db"
        QCOMPARE(view.proxy()->index(0, 0).data().toString(), QStringLiteral("db-01"));
        search->clear();
        tags->setCurrentIndex(tags->findData(QStringLiteral("web")));
        QCOMPARE(view.proxy()->rowCount(), 2);
        search->setText(QStringLiteral("ok"));
        QCOMPARE(view.proxy()->rowCount(), 1);
        // The tag filter survives a reload.
        search->clear();
        QVERIFY(reloadView(view));
        QCOMPARE(tags->currentData().toString(), QStringLiteral("web"));
        QCOMPARE(view.proxy()->rowCount(), 2);
    }

    void emptyProjectSaysWhatToDo()
    {
        QTemporaryDir dir;
        AssetsView view;
        QVERIFY(loadView(view, makeEmpty(dir.path())));
        auto *stack = view.findChild<QStackedWidget *>();
        auto *empty = view.findChild<QLabel *>(QStringLiteral("assetsEmptyState"));
        QVERIFY(stack && empty);
        QCOMPARE(stack->currentWidget(), empty);
        QVERIFY(empty->text().contains(QStringLiteral("Import")));
        QVERIFY(empty->text().contains(QStringLiteral("Add")));
    }

    void dialogValidatesInline()
    {
        QTemporaryDir dir;
        Asset blank;
        AssetDialog dialog(blank, {QStringLiteral("web-01")}, {});
        QVERIFY(!dialog.isComplete());
        QVERIFY(dialog.problemText().contains(QStringLiteral("name")));
        dialog.setName(QStringLiteral("web-01"));
        QVERIFY(dialog.problemText().contains(QStringLiteral("exists already")));
        dialog.setName(QStringLiteral("web-02"));
        QVERIFY(dialog.problemText().contains(QStringLiteral("host")));
        dialog.setHost(QStringLiteral("bad host"));
        QVERIFY(dialog.problemText().contains(QStringLiteral("cannot contain spaces")));
        dialog.setHost(QStringLiteral("10.0.0.7"));
        QVERIFY2(dialog.isComplete(), qPrintable(dialog.problemText()));      // ssh-agent by default
        dialog.setJumpHost(QStringLiteral("a b"));
        QVERIFY(dialog.problemText().contains(QStringLiteral("jump host")));
        dialog.setJumpHost(QStringLiteral("ops@bastion:2200"));
        dialog.setAuth(AssetDialog::Auth::KeyFile);
        QVERIFY(dialog.isFieldShown(dialog.keyFileEdit()));
        QVERIFY(!dialog.isFieldShown(dialog.passwordEdit()));
        QVERIFY(dialog.problemText().contains(QStringLiteral("key file")));
        dialog.setKeyFile(dir.filePath(QStringLiteral("missing")));
        QVERIFY(dialog.problemText().contains(QStringLiteral("does not exist")));
        QFile key(dir.filePath(QStringLiteral("id_test")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.close();
        dialog.setKeyFile(key.fileName());
        QVERIFY2(dialog.isComplete(), qPrintable(dialog.problemText()));
        dialog.setAuth(AssetDialog::Auth::Password);
        QVERIFY(dialog.problemText().contains(QStringLiteral("password")));
        dialog.setPassword(QStringLiteral("pw"));
        dialog.setSudo(AssetDialog::Sudo::Password);
        QVERIFY(dialog.isFieldShown(dialog.sudoPasswordEdit()));
        QVERIFY(dialog.problemText().contains(QStringLiteral("sudo password")));
        dialog.setSudoPassword(QStringLiteral("spw"));
        dialog.setTags(QStringLiteral("prod, pci,, prod"));
        QVERIFY2(dialog.isComplete(), qPrintable(dialog.problemText()));
        const Asset a = dialog.asset();
        QCOMPARE(a.tags, QStringList({QStringLiteral("prod"), QStringLiteral("pci")}));
        QCOMPARE(a.proxyJump, QStringLiteral("ops@bastion:2200"));
        QVERIFY(a.useSudo);
        QVERIFY(a.credentialRef.isEmpty());     // set when the password is sealed
        const AssetSecrets s = dialog.secrets();
        QVERIFY(s.password && s.sudoPassword && !s.keyPassphrase);
        QCOMPARE(s.password->bytes(), QByteArray("pw"));
        // Local assets need no host and carry no secrets.
        dialog.setTransport(QStringLiteral("local"));
        QVERIFY(!dialog.isFieldShown(dialog.passwordEdit()));
        QVERIFY(dialog.isComplete());
        QVERIFY(!dialog.secrets().any());
        QVERIFY(dialog.asset().credentialRef.isEmpty());
    }

    void addedSecretsAreSealedAndTheVaultIsAskedOnce()
    {
        QTemporaryDir dir;
        const QString path = makeEmpty(dir.path());
        AssetsView view;
        QVERIFY(loadView(view, path));
        int vaultPrompts = 0;
        VaultPrompt::setNextScript([&vaultPrompts](VaultUnlockDialog &d) {
            ++vaultPrompts;
            if (!d.creates())
                return false;
            d.setPassphrase(kPassphrase);
            d.setConfirmation(kPassphrase);
            return true;
        });
        AssetPrompt::setNextScript([](AssetDialog &d) {
            d.setName(QStringLiteral("web-01"));
            d.setHost(QStringLiteral("10.0.0.5"));
            d.setUser(QStringLiteral("audit"));
            d.setTags(QStringLiteral("prod, pci"));
            d.setAuth(AssetDialog::Auth::Password);
            d.setPassword(QStringLiteral("login-S3cret"));
            d.setSudo(AssetDialog::Sudo::Password);
            d.setSudoPassword(QStringLiteral("sudo-S3cret"));
            return true;
        });
        QSignalSpy saved(&view, &AssetsView::assetSaved);
        view.addAsset();
        QVERIFY2(caught(saved), qPrintable(view.statusText()));
        QCOMPARE(vaultPrompts, 1);
        QVERIFY(view.isVaultUnlocked());
        QTRY_COMPARE(view.model()->rowCount(), 1);
        // The saved asset is selected and can be edited at once.
        QTRY_VERIFY(view.table()->selectionModel()->hasSelection());
        QVERIFY(view.pageActions().at(1)->isEnabled());     // Edit
        QVERIFY(view.pageActions().at(2)->isEnabled());     // Remove

        Asset stored = assetNamed(path, QStringLiteral("web-01"));
        QCOMPARE(stored.credentialRef, QStringLiteral("vault:asset/web-01/password"));
        QCOMPARE(stored.sudoCredentialRef, QStringLiteral("vault:asset/web-01/sudo"));
        QVERIFY(stored.useSudo);
        QCOMPARE(stored.tags, QStringList({QStringLiteral("prod"), QStringLiteral("pci")}));
        {
            // Sealed: the project file holds no plaintext; the vault opens with the passphrase.
            auto db = openDb(path);
            QVERIFY(db);
            auto credentials = db->credentials();
            QVERIFY(credentials);
            QCOMPARE(credentials->size(), 2);
            for (const StoredCredential &c : std::as_const(*credentials)) {
                QVERIFY(!c.sealed.contains("S3cret"));
            }
            auto vault = CredentialVault::unlock(*db, SecretBytes(kPassphrase.toUtf8()));
            QVERIFY(vault);
            QCOMPARE((*vault)->secret(QStringLiteral("asset/web-01/password"))->bytes(), QByteArray("login-S3cret"));
            QCOMPARE((*vault)->secret(QStringLiteral("asset/web-01/sudo"))->bytes(), QByteArray("sudo-S3cret"));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("S3cret"));

        // A second asset with a secret: the vault is open for this session, no second prompt.
        VaultPrompt::setNextScript([&vaultPrompts](VaultUnlockDialog &) {
            ++vaultPrompts;
            return false;
        });
        AssetPrompt::setNextScript([](AssetDialog &d) {
            d.setName(QStringLiteral("db-01"));
            d.setHost(QStringLiteral("10.0.0.6"));
            d.setAuth(AssetDialog::Auth::Password);
            d.setPassword(QStringLiteral("second-S3cret"));
            return true;
        });
        saved.clear();
        view.addAsset();
        QVERIFY2(caught(saved), qPrintable(view.statusText()));
        QCOMPARE(vaultPrompts, 1);
        VaultPrompt::setNextScript({});
        QCOMPARE(assetNamed(path, QStringLiteral("db-01")).credentialRef, QStringLiteral("vault:asset/db-01/password"));

        // Editing without typing the password keeps the stored one; the dialog says it is stored.
        QTRY_COMPARE(view.model()->rowCount(), 2);
        QVERIFY(view.selectAsset(QStringLiteral("db-01")));
        bool placeholderSaysStored = false;
        bool keptAuth = false;
        AssetPrompt::setNextScript([&](AssetDialog &d) {
            placeholderSaysStored = d.passwordEdit()->placeholderText().contains(QStringLiteral("Stored in the vault"));
            keptAuth = d.isFieldShown(d.passwordEdit());
            d.setTags(QStringLiteral("db, prod"));
            return true;
        });
        saved.clear();
        view.editSelected();
        QVERIFY(caught(saved));
        QVERIFY(placeholderSaysStored);
        QVERIFY(keptAuth);
        stored = assetNamed(path, QStringLiteral("db-01"));
        QCOMPARE(stored.credentialRef, QStringLiteral("vault:asset/db-01/password"));
        QCOMPARE(stored.tags, QStringList({QStringLiteral("db"), QStringLiteral("prod")}));
        auto db = openDb(path);
        QVERIFY(db);
        QCOMPARE(db->credentials()->size(), 3);
        auto vault = CredentialVault::unlock(*db, SecretBytes(kPassphrase.toUtf8()));
        QVERIFY(vault);
        QCOMPARE((*vault)->secret(QStringLiteral("asset/db-01/password"))->bytes(), QByteArray("second-S3cret"));

        // Switching db-01 to the SSH agent drops its stored password; web-01's stay.
        AssetPrompt::setNextScript([](AssetDialog &d) {
            d.setAuth(AssetDialog::Auth::Agent);
            return true;
        });
        saved.clear();
        view.editSelected();
        QVERIFY(caught(saved));
        QCOMPARE(assetNamed(path, QStringLiteral("db-01")).credentialRef, QStringLiteral("agent"));
        auto left = db->credentials();
        QVERIFY(left);
        QStringList names;
        for (const StoredCredential &c : std::as_const(*left))
            names << c.name;
        QCOMPARE(names, QStringList({QStringLiteral("asset/web-01/password"), QStringLiteral("asset/web-01/sudo")}));
    }

    void wrongPassphraseLeavesTheVaultLockedAndSaysSo()
    {
        QTemporaryDir dir;
        const QString path = makeEmpty(dir.path());
        {
            auto db = openDb(path);
            QVERIFY(db && CredentialVault::unlock(*db, SecretBytes(kPassphrase.toUtf8()), CredentialVault::Mode::CreateIfMissing));
        }
        AssetsView view;
        QVERIFY(loadView(view, path));
        VaultPrompt::setNextScript([](VaultUnlockDialog &d) {
            if (d.creates())
                return false;
            d.setPassphrase(QStringLiteral("wrong passphrase"));
            return true;
        });
        AssetPrompt::setNextScript([](AssetDialog &d) {
            d.setName(QStringLiteral("web-01"));
            d.setHost(QStringLiteral("10.0.0.5"));
            d.setAuth(AssetDialog::Auth::Password);
            d.setPassword(QStringLiteral("pw"));
            return true;
        });
        QSignalSpy error(&view, &AssetsView::errorShown);
        view.addAsset();
        QVERIFY(caught(error));
        QVERIFY2(view.statusText().contains(QStringLiteral("vault stays locked")), qPrintable(view.statusText()));
        QVERIFY(!view.isVaultUnlocked());
        QVERIFY(assetNamed(path, QStringLiteral("web-01")).name.isEmpty());     // nothing saved
    }

    void removeAsksFirst()
    {
        QTemporaryDir dir;
        const QString path = makeFleet(dir.path());
        AssetsView view;
        QVERIFY(loadView(view, path));
        QVERIFY(view.selectAsset(QStringLiteral("new-01")));
        QString question;
        ConfirmPrompt::setNextScript([&question](QMessageBox &box) {
            question = box.text();
            return false;
        });
        view.removeSelected();
        QVERIFY(question.contains(QStringLiteral("new-01")));
        QTest::qWait(200);
        QCOMPARE(assetNamed(path, QStringLiteral("new-01")).name, QStringLiteral("new-01"));
        ConfirmPrompt::setNextScript([](QMessageBox &) { return true; });
        QSignalSpy removed(&view, &AssetsView::assetRemoved);
        view.removeSelected();
        QVERIFY(caught(removed));
        QCOMPARE(removed.at(0).at(0).toString(), QStringLiteral("new-01"));
        QVERIFY(assetNamed(path, QStringLiteral("new-01")).name.isEmpty());
        QTRY_COMPARE(view.model()->rowCount(), 3);
    }

    void importPreviewsThenImports()
    {
        QTemporaryDir dir;
        const QString path = makeFleet(dir.path());
        const QString csv = dir.filePath(QStringLiteral("inventory.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name,address,port,user,tags\n"
                "app-01,10.1.0.1,22,audit,\"app;prod\"\n"
                "app-02,10.1.0.2,2222,audit,app\n"
                "web-01,10.1.0.3,22,audit,web\n");
        f.close();
        AssetsView view;
        QVERIFY(loadView(view, path));
        ImportAssetsDialog *dialog = view.importAssets();
        QVERIFY(dialog);
        QSignalSpy preview(dialog, &ImportAssetsDialog::previewReady);
        dialog->setFile(csv);
        QVERIFY(caught(preview));
        QCOMPARE(preview.last().at(0).toInt(), 3);
        QTableWidget *table = dialog->previewTable();
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("app-02"));
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("3"));      // line in the file
        QCOMPARE(table->item(1, 3)->text(), QStringLiteral("2222"));
        QVERIFY(table->item(2, 8)->text().contains(QStringLiteral("skipped")));
        QVERIFY2(dialog->statusText().contains(QStringLiteral("2 new")), qPrintable(dialog->statusText()));
        QVERIFY(dialog->canImport());
        dialog->setExtraTags(QStringLiteral("imported"));
        QSignalSpy imported(&view, &AssetsView::assetsImported);
        dialog->importNow();
        QVERIFY(caught(imported));
        QCOMPARE(imported.at(0).at(0).toInt(), 2);
        const Asset app1 = assetNamed(path, QStringLiteral("app-01"));
        QCOMPARE(app1.address, QStringLiteral("10.1.0.1"));
        QCOMPARE(app1.user, QStringLiteral("audit"));
        QCOMPARE(app1.transport, QStringLiteral("ssh"));
        QCOMPARE(app1.tags, QStringList({QStringLiteral("app"), QStringLiteral("prod"), QStringLiteral("imported")}));
        QCOMPARE(assetNamed(path, QStringLiteral("app-02")).port, 2222);
        QCOMPARE(assetNamed(path, QStringLiteral("web-01")).transport, QStringLiteral("local"));   // untouched
        QTRY_COMPARE(view.model()->rowCount(), 6);
    }

    void importShowsTheFileAndLineOfAnError()
    {
        QTemporaryDir dir;
        const QString path = makeFleet(dir.path());
        const QString ini = dir.filePath(QStringLiteral("hosts.csv"));
        QFile f(ini);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("name,address,port\napp-01,10.1.0.1,22\napp-02,10.1.0.2,notaport\n");
        f.close();
        ImportAssetsDialog dialog(path, {});
        QSignalSpy preview(&dialog, &ImportAssetsDialog::previewReady);
        dialog.setFile(ini);
        QVERIFY(caught(preview));
        QCOMPARE(preview.last().at(0).toInt(), -1);
        QVERIFY2(dialog.statusText().contains(QStringLiteral("hosts.csv:3")), qPrintable(dialog.statusText()));
        QVERIFY(!dialog.canImport());
        QCOMPARE(dialog.previewTable()->rowCount(), 0);

        // An ssh config, format chosen by hand.
        const QString config = dir.filePath(QStringLiteral("config"));
        QFile c(config);
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write("Host bastion\n  HostName 10.2.0.1\n  User ops\nHost app\n  HostName 10.2.0.2\n  ProxyJump bastion\n");
        c.close();
        preview.clear();
        dialog.setFormat(InventoryImport::Format::SshConfig);
        dialog.setFile(config);
        QTRY_VERIFY(!preview.isEmpty() && preview.last().at(0).toInt() == 2);
        QCOMPARE(dialog.previewTable()->item(1, 6)->text(), QStringLiteral("bastion"));
    }

    void testConnectionAsksTrustPinsAndRefusesAChangedKey()
    {
        if (!SshdFixture::available())
            QSKIP("needs root and openssh-server");
        SshdFixture::Options o;
        o.address = QStringLiteral("127.0.47.2");
        SshdFixture sshd(o);
        QVERIFY2(sshd.start(), qPrintable(sshd.error()));
        QTemporaryDir dir;
        const QString path = makeEmpty(dir.path());
        {
            auto db = openDb(path);
            Asset a;
            a.name = QStringLiteral("lab-ssh");
            a.address = sshd.address();
            a.port = sshd.port();
            a.user = QStringLiteral("root");
            a.credentialRef = QStringLiteral("key:") + sshd.userKey();
            QVERIFY(db && db->addAsset(a));
        }
        AssetsView view;
        view.setKnownHostsFile(QStringLiteral("/nonexistent/known_hosts"));
        QVERIFY(loadView(view, path));
        QVERIFY(view.selectAsset(QStringLiteral("lab-ssh")));
        const QString fingerprint = sshd.hostKeySha256();

        // 1. Unknown key, not trusted: nothing pinned.
        QString shown;
        HostKeyPrompt::setNextScript([&shown](HostKeyDialog &d) {
            shown = d.shownText();
            return false;
        });
        QSignalSpy tested(&view, &AssetsView::connectionTested);
        view.testSelected();
        QVERIFY(caught(tested));
        QCOMPARE(tested.last().at(1).toBool(), false);
        QVERIFY2(shown.contains(fingerprint), qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("lab-ssh")));
        QVERIFY(assetNamed(path, QStringLiteral("lab-ssh")).hostKeySha256.isEmpty());
        QVERIFY(view.connectionText().contains(QStringLiteral("not trusted")));

        // 2. Trusted: pinned, logged in, facts shown.
        HostKeyPrompt::setNextScript([](HostKeyDialog &) { return true; });
        tested.clear();
        view.testSelected();
        QVERIFY(caught(tested));
        QVERIFY2(tested.last().at(1).toBool(), qPrintable(view.connectionText()));
        QCOMPARE(tested.last().at(2).toString(), fingerprint);
        QCOMPARE(assetNamed(path, QStringLiteral("lab-ssh")).hostKeySha256, fingerprint);
        QVERIFY2(view.connectionText().contains(QStringLiteral("logged in as root")), qPrintable(view.connectionText()));
        QVERIFY(view.connectionText().contains(QStringLiteral("Ready to assess")));
        QTRY_VERIFY(cell(view, QStringLiteral("lab-ssh"), AssetTableModel::HostKey).startsWith(fingerprint.left(19)));
        if (const QString shots = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR"); !shots.isEmpty()) {
            view.resize(1200, 640);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QVERIFY(view.grab().save(shots + QStringLiteral("/assets-connection-test.png")));
        }

        // 3. The host's key changes: refused, both fingerprints shown, no question asked, pin kept.
        QVERIFY(sshd.regenerateHostKey());
        bool asked = false;
        HostKeyPrompt::setNextScript([&asked](HostKeyDialog &) {
            asked = true;
            return true;
        });
        QVERIFY(reloadView(view));
        QVERIFY(view.selectAsset(QStringLiteral("lab-ssh")));
        tested.clear();
        view.testSelected();
        QVERIFY(caught(tested));
        HostKeyPrompt::setNextScript({});
        QVERIFY(!asked);
        QCOMPARE(tested.last().at(1).toBool(), false);
        const QString text = view.connectionText();
        QVERIFY2(text.contains(QStringLiteral("refused")), qPrintable(text));
        QVERIFY(text.contains(fingerprint));
        QVERIFY(text.contains(sshd.hostKeySha256()));
        QCOMPARE(assetNamed(path, QStringLiteral("lab-ssh")).hostKeySha256, fingerprint);
        if (const QString shots = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(view.grab().save(shots + QStringLiteral("/assets-changed-key.png")));

        // 4. After a verified reinstallation the user forgets the pin; the next test asks again.
        AssetPrompt::setNextScript([](AssetDialog &d) {
            d.setForgetHostKey(true);
            return true;
        });
        QSignalSpy saved(&view, &AssetsView::assetSaved);
        view.editSelected();
        QVERIFY(caught(saved));
        QVERIFY(assetNamed(path, QStringLiteral("lab-ssh")).hostKeySha256.isEmpty());
        QVERIFY(reloadView(view));
        QVERIFY(view.selectAsset(QStringLiteral("lab-ssh")));
        HostKeyPrompt::setNextScript([](HostKeyDialog &) { return true; });
        tested.clear();
        view.testSelected();
        QVERIFY(caught(tested));
        QVERIFY2(tested.last().at(1).toBool(), qPrintable(view.connectionText()));
        QCOMPARE(assetNamed(path, QStringLiteral("lab-ssh")).hostKeySha256, sshd.hostKeySha256());
    }

    void testOfAVaultAssetUnlocksTheVaultFirstAndShowsErrorsInPlace()
    {
        QTemporaryDir dir;
        const QString path = makeEmpty(dir.path());
        int closedPort = 0;
        {
            QTcpServer probe;       // a port nothing listens on: the connection is refused at once
            QVERIFY(probe.listen(QHostAddress(QStringLiteral("127.0.47.3"))));
            closedPort = probe.serverPort();
        }
        {
            auto db = openDb(path);
            QVERIFY(db);
            auto vault = CredentialVault::unlock(*db, SecretBytes(kPassphrase.toUtf8()), CredentialVault::Mode::CreateIfMissing);
            QVERIFY(vault);
            Asset a;
            a.name = QStringLiteral("vaulted");
            a.address = QStringLiteral("127.0.47.3");
            a.port = closedPort;
            a.user = QStringLiteral("audit");
            AssetSecrets secrets;
            secrets.password = SecretBytes("pw");
            QVERIFY(storeAssetSecrets(*db, **vault, a, secrets));
            QVERIFY(db->addAsset(a));
        }
        AssetsView view;
        QVERIFY(loadView(view, path));
        QVERIFY(view.selectAsset(QStringLiteral("vaulted")));
        int prompts = 0;
        VaultPrompt::setNextScript([&prompts](VaultUnlockDialog &d) {
            ++prompts;
            d.setPassphrase(kPassphrase);
            return !d.creates();
        });
        QSignalSpy tested(&view, &AssetsView::connectionTested);
        QSignalSpy errors(&view, &AssetsView::errorShown);
        view.testSelected();
        QVERIFY(caught(tested));
        QCOMPARE(prompts, 1);
        QVERIFY(view.isVaultUnlocked());
        QCOMPARE(tested.last().at(1).toBool(), false);
        QVERIFY(!errors.isEmpty());
        QVERIFY2(view.connectionText().contains(QStringLiteral("127.0.47.3:%1").arg(closedPort)), qPrintable(view.connectionText()));
        QVERIFY(view.connectionText().contains(QStringLiteral("Error")));
        VaultPrompt::setNextScript([&prompts](VaultUnlockDialog &) {
            ++prompts;
            return false;
        });
        tested.clear();
        view.testSelected();
        QVERIFY(caught(tested));
        QCOMPARE(prompts, 1);       // once per session
        VaultPrompt::setNextScript({});
    }

    void mainWindowHasTheAssetsPage()
    {
        QTemporaryDir dir;
        const QString path = makeFleet(dir.path());
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::assetsLoaded);
        window.openProject(path);
        QVERIFY(caught(loaded));
        QCOMPARE(loaded.at(0).at(0).toInt(), 4);
        window.showView(MainWindow::View::Assets);
        QCOMPARE(window.currentView(), MainWindow::View::Assets);
        QCOMPARE(window.assetsView()->model()->rowCount(), 4);
    }

    void dialogScreenshots()
    {
        const QString dir = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR");
        Asset blank;
        AssetDialog dialog(blank, {}, {});
        dialog.setName(QStringLiteral("web-01"));
        dialog.setHost(QStringLiteral("10.20.0.11"));
        dialog.setUser(QStringLiteral("audit"));
        dialog.setTags(QStringLiteral("prod, pci, dmz"));
        dialog.setJumpHost(QStringLiteral("ops@bastion.example.net"));
        dialog.setAuth(AssetDialog::Auth::Password);
        dialog.setPassword(QStringLiteral("secret"));
        dialog.setSudo(AssetDialog::Sudo::Password);
        QVERIFY(dialog.problemText().contains(QStringLiteral("sudo password")));
        HostKeyInfo key;
        key.sha256 = QStringLiteral("SHA256:n3bXqj0ZK2l6Yy0mJ4a1vH2nB9yUu6PpQpXxW0dC8eE");
        key.type = QStringLiteral("ssh-ed25519");
        HostKeyDialog hostKey(QStringLiteral("web-<01>"), QStringLiteral("audit@10.20.0.11:22"), key);
        QVERIFY(hostKey.shownText().contains(QStringLiteral("web-&lt;01&gt;")));     // escaped
        QTemporaryDir tmp;
        const QString inventory = tmp.filePath(QStringLiteral("hosts.ini"));
        QFile f(inventory);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[web]\nweb-01 ansible_host=10.20.0.11 ansible_user=audit\nweb-02 ansible_host=10.20.0.12 ansible_port=2222\n"
                "[db]\ndb-01 ansible_host=10.20.1.5 ansible_user=dba ansible_ssh_private_key_file=~/.ssh/id_db\n"
                "[prod:children]\nweb\ndb\n");
        f.close();
        ImportAssetsDialog import(makeFleet(tmp.path()), {QStringLiteral("web-01")});
        QSignalSpy preview(&import, &ImportAssetsDialog::previewReady);
        import.setFile(inventory);
        QVERIFY(caught(preview));
        QCOMPARE(preview.last().at(0).toInt(), 3);
        VaultUnlockDialog vault(VaultUnlockDialog::Mode::Create);
        vault.setPassphrase(QStringLiteral("short"));
        if (dir.isEmpty())
            return;
        import.show();
        QVERIFY(QTest::qWaitForWindowExposed(&import));
        QVERIFY(import.grab().save(dir + QStringLiteral("/import-dialog.png")));
        vault.show();
        QVERIFY(QTest::qWaitForWindowExposed(&vault));
        QVERIFY(vault.grab().save(dir + QStringLiteral("/vault-dialog.png")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/asset-dialog.png")));
        Asset pinned;
        pinned.id = 7;
        pinned.name = QStringLiteral("db-01");
        pinned.address = QStringLiteral("10.20.1.5");
        pinned.user = QStringLiteral("dba");
        pinned.credentialRef = QStringLiteral("vault:asset/db-01/password");
        pinned.hostKeySha256 = key.sha256;
        AssetDialog edit(pinned, {}, {{QStringLiteral("asset/db-01/password"), QStringLiteral("password")}});
        QVERIFY(edit.isComplete());
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
        QVERIFY(edit.grab().save(dir + QStringLiteral("/asset-edit-dialog.png")));
        hostKey.show();
        QVERIFY(QTest::qWaitForWindowExposed(&hostKey));
        QVERIFY(hostKey.grab().save(dir + QStringLiteral("/host-key-dialog.png")));
    }
};

QTEST_MAIN(TestAssetsView)
#include "tst_assets_view.moc"
