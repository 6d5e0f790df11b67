// Keyboard use of every dialog and page, offscreen: the Tab chain follows the reading order (top to
// bottom, left to right, the dialog's buttons last), the first field has focus when a dialog opens,
// every Tab press moves focus (no table or text field keeps it), Alt+letter of a label reaches its
// field, and every menu action with a shortcut triggers from the keyboard on a real project.
#include "ReportFixture.h"
#include "TestPaths.h"

#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "ui/AssessmentsView.h"
#include "ui/BackgroundPool.h"
#include "ui/AssetDialog.h"
#include "ui/HostKeyDialog.h"
#include "ui/ImportAssetsDialog.h"
#include "ui/IssuesView.h"
#include "ui/MainWindow.h"
#include "ui/NewProjectWizard.h"
#include "ui/OpenProjectPrompt.h"
#include "ui/ExtendWaiverDialog.h"
#include "ui/ReevaluateDialog.h"
#include "ui/ReportDialog.h"
#include "ui/RunDialog.h"
#include "ui/ShortcutsDialog.h"
#include "ui/StartPage.h"
#include "ui/VaultUnlockDialog.h"
#include "ui/AttestationDialog.h"
#include "ui/VerifyReportDialog.h"
#include "ui/models/RequirementStatusModel.h"
#include "ui/WaiverDialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QPointer>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <algorithm>

using namespace triad;

namespace {

QString withoutMnemonic(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

/// The widget the user sees for `w`: a spin box, date edit or editable combo box for its inner
/// line edit.
QWidget *owner(QWidget *w)
{
    if (w && (qobject_cast<QAbstractSpinBox *>(w->parentWidget()) || qobject_cast<QComboBox *>(w->parentWidget())))
        return w->parentWidget();
    return w;
}

/// How a widget appears in a chain: its object name; a button without one by its text.
QString describe(QWidget *w)
{
    w = owner(w);
    if (!w)
        return QStringLiteral("(nothing)");
    // A tab widget's bar stands for the tab widget.
    if (qobject_cast<QTabBar *>(w) && qobject_cast<QTabWidget *>(w->parentWidget()))
        w = w->parentWidget();
    if (!w->objectName().isEmpty() && !w->objectName().startsWith(QLatin1String("qt_"))
        && !w->objectName().startsWith(QLatin1String("__qt__")))
        return w->objectName();
    if (auto *button = qobject_cast<QAbstractButton *>(w))
        return QStringLiteral("button:") + withoutMnemonic(button->text());
    return QStringLiteral("<%1>").arg(QString::fromLatin1(w->metaObject()->className()));
}

/// Shows `window`, makes it the active window and waits until it is.
bool activate(QWidget *window)
{
    window->show();
    window->activateWindow();
    QApplication::setActiveWindow(window);
    return QTest::qWaitForWindowActive(window);
}

/// Presses Tab from the focused widget until focus comes back to it, and names every widget
/// reached. A press that leaves focus where it was (a table walking its cells, a text field
/// taking the Tab) is recorded as "(kept focus)": the user is stuck there.
QStringList tabChain()
{
    QWidget *first = QApplication::focusWidget();
    QStringList chain{describe(first)};
    if (!first)
        return chain;
    QWidget *current = first;
    int sectionsWalked = 0;
    for (int press = 0; press < 60; ++press) {
        QTest::keyClick(current, Qt::Key_Tab);
        QWidget *next = QApplication::focusWidget();
        if (next == first)
            return chain;
        if (next == current) {
            // A date edit moves through its sections (year, month, day) before it lets go.
            auto *date = qobject_cast<QDateTimeEdit *>(owner(next));
            if (date && ++sectionsWalked < date->sectionCount())
                continue;
            chain << QStringLiteral("(kept focus)");
            return chain;
        }
        sectionsWalked = 0;
        chain << describe(next);
        current = next;
    }
    chain << QStringLiteral("(no way back to the first widget)");
    return chain;
}

/// The buttons of the dialog's button box that Tab reaches, left to right as drawn.
QStringList buttonsInReadingOrder(QWidget *dialog)
{
    QList<QAbstractButton *> buttons;
    for (auto *box : dialog->findChildren<QDialogButtonBox *>())
        for (QAbstractButton *b : box->buttons())
            if (b->isVisibleTo(dialog) && b->isEnabled() && (b->focusPolicy() & Qt::TabFocus))
                buttons << b;
    std::sort(buttons.begin(), buttons.end(), [dialog](QAbstractButton *a, QAbstractButton *b) {
        return a->mapTo(dialog, QPoint()).x() < b->mapTo(dialog, QPoint()).x();
    });
    QStringList names;
    for (QAbstractButton *b : buttons)
        names << describe(b);
    return names;
}

/// Every visible label with a mnemonic and a buddy: Alt+letter puts focus on the buddy. Two
/// visible labels or buttons of one window with the same letter make Qt alternate between them.
void checkMnemonics(QWidget *window)
{
    QMap<QChar, QStringList> owners;
    auto letterOf = [](const QString &text) -> QChar {
        const QString plain = QString(text).replace(QStringLiteral("&&"), QString());
        const qsizetype at = plain.indexOf(QLatin1Char('&'));
        return at >= 0 && at + 1 < plain.size() ? plain.at(at + 1).toLower() : QChar();
    };
    for (QAbstractButton *b : window->findChildren<QAbstractButton *>())
        if (b->isVisible() && !letterOf(b->text()).isNull())
            owners[letterOf(b->text())] << describe(b);
    for (QTabBar *bar : window->findChildren<QTabBar *>())
        if (bar->isVisible())
            for (int i = 0; i < bar->count(); ++i)
                if (!letterOf(bar->tabText(i)).isNull())
                    owners[letterOf(bar->tabText(i))] << QStringLiteral("tab:") + withoutMnemonic(bar->tabText(i));
    for (QMenuBar *bar : window->findChildren<QMenuBar *>())
        for (QAction *menu : bar->actions())
            if (menu->isVisible() && !letterOf(menu->text()).isNull())
                owners[letterOf(menu->text())] << QStringLiteral("menu:") + withoutMnemonic(menu->text());
    QList<QLabel *> labels;
    for (QLabel *label : window->findChildren<QLabel *>()) {
        if (!label->isVisible() || letterOf(label->text()).isNull())
            continue;
        if (label->buddy() && !label->buddy()->isEnabled())
            continue;   // a disabled field cannot take focus; its label waits for it
        QVERIFY2(label->buddy(), qPrintable(QStringLiteral("label \"%1\" has a mnemonic but no buddy").arg(label->text())));
        owners[letterOf(label->text())] << describe(label->buddy());
        labels << label;
    }
    for (auto it = owners.cbegin(); it != owners.cend(); ++it)
        QVERIFY2(it.value().size() == 1, qPrintable(QStringLiteral("Alt+%1 is claimed by %2 in %3")
                                                        .arg(it.key(), it.value().join(QStringLiteral(", ")),
                                                             window->windowTitle())));
    for (QLabel *label : labels) {
        const QChar letter = letterOf(label->text());
        QTest::keyClick(window, letter.toLatin1(), Qt::AltModifier);
        QVERIFY2(owner(QApplication::focusWidget()) == label->buddy(),
                 qPrintable(QStringLiteral("Alt+%1 (\"%2\") reached %3, not %4")
                                .arg(letter, label->text(), describe(QApplication::focusWidget()), describe(label->buddy()))));
    }
}

} // namespace

class TestKeyboard final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::shared_ptr<const Catalog> m_catalog;
    testing::FixtureProject m_fx;
    QList<RunInfo> m_runs;
    QString m_projectName;

    /// Walks the chain of `dialog` from the widget that has focus when it opens: its first entry is
    /// the first field, so a dialog that opens with focus elsewhere fails too.
    void expectChain(QWidget *dialog, const QStringList &fields)
    {
        QVERIFY(activate(dialog));
        const QStringList expected = fields + buttonsInReadingOrder(dialog);
        const QStringList chain = tabChain();
        if (chain != expected)
            qWarning().noquote() << "Tab chain of" << dialog->windowTitle() << ":" << chain.join(QStringLiteral(" > "))
                                 << "\n  expected:" << expected.join(QStringLiteral(" > "));
        QCOMPARE(chain, expected);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        auto catalog = Catalog::load({QStringLiteral(TRIAD_TEMPLATES_DIR)});
        QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().toString()));
        m_catalog = std::make_shared<const Catalog>(std::move(*catalog));
        auto fx = testing::buildFixtureProject(m_dir.filePath(QStringLiteral("acme.triad")), *m_catalog, {});
        QVERIFY2(fx, fx ? "" : qPrintable(fx.error().toString()));
        m_fx = *fx;
        auto db = ProjectDatabase::open(m_fx.path, ProjectDatabase::OpenMode::ReadOnly);
        QVERIFY(db);
        m_runs = *(*db)->runs();
        QVERIFY(!m_runs.isEmpty());
        m_projectName = (*db)->projectInfo()->name;
    }

    // The main windows of these tests start catalog and project loads on the background pool. A
    // load still running when main() returns frees memory while the exit handlers do: glibc
    // reported a corrupted heap and the process hung in Qt Test's crash handler. Let them finish.
    void cleanupTestCase()
    {
        QVERIFY(backgroundPool()->waitForDone(60000));
        QVERIFY(QThreadPool::globalInstance()->waitForDone(60000));
    }

    void waiverDialog()
    {
        WaiverDialog dialog(QStringLiteral("ssh.banner"), QStringLiteral("web-01"),
                            {QStringLiteral("prod"), QStringLiteral("pci")});
        dialog.setJustification(QStringLiteral("Compensated by the bastion"));
        dialog.setApprover(QStringLiteral("CISO"));
        expectChain(&dialog, {QStringLiteral("waiverScope"), QStringLiteral("waiverJustification"),
                              QStringLiteral("waiverApprover"), QStringLiteral("waiverTicket"),
                              QStringLiteral("waiverExpires")});
        // The tag box appears beside the scope, and Tab reaches it next.
        dialog.setScope(WaiverDialog::Scope::Tag);
        QWidget *scope = dialog.findChild<QWidget *>(QStringLiteral("waiverScope"));
        scope->setFocus();
        QTest::keyClick(scope, Qt::Key_Tab);
        QCOMPARE(describe(QApplication::focusWidget()), QStringLiteral("waiverTag"));
        checkMnemonics(&dialog);
    }

    void attestationDialog()
    {
        // The fixture's installed templates: PCI DSS has requirements with a manual part.
        AttestationDialog dialog(m_fx.path, m_catalog, QStringLiteral("pci-dss-4"), {});
        QVERIFY(!dialog.offeredRequirements().isEmpty());
        dialog.setStatement(QStringLiteral("Seen"));
        expectChain(&dialog, {QStringLiteral("attestationTemplate"), QStringLiteral("attestationRequirement"),
                              QStringLiteral("attestationPass"), QStringLiteral("attestationStatement"),
                              QStringLiteral("attestationAttester"), QStringLiteral("attestationFiles"),
                              QStringLiteral("attestationAddFiles")});
        checkMnemonics(&dialog);
    }

    void vaultDialogs()
    {
        VaultUnlockDialog create(VaultUnlockDialog::Mode::Create);
        create.setPassphrase(QStringLiteral("correct horse"));
        create.setConfirmation(QStringLiteral("correct horse"));
        expectChain(&create, {QStringLiteral("vaultPassphrase"), QStringLiteral("vaultAgain")});
        checkMnemonics(&create);
        create.clear();

        VaultUnlockDialog unlock(VaultUnlockDialog::Mode::Unlock);
        expectChain(&unlock, {QStringLiteral("vaultPassphrase")});   // "Unlock" is disabled while empty
        checkMnemonics(&unlock);

        VaultUnlockDialog change(VaultUnlockDialog::Mode::Change);
        change.setPassphrase(QStringLiteral("battery staple"));
        change.setConfirmation(QStringLiteral("battery staple"));
        expectChain(&change, {QStringLiteral("vaultPassphrase"), QStringLiteral("vaultAgain")});
        checkMnemonics(&change);
        change.clear();
    }

    void hostKeyDialog()
    {
        HostKeyInfo key;
        key.type = QStringLiteral("ssh-ed25519");
        key.sha256 = QStringLiteral("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");
        HostKeyDialog dialog(QStringLiteral("web-01"), QStringLiteral("audit@10.0.0.5:22"), key);
        QVERIFY(activate(&dialog));
        // Cancel has focus: trusting a key is never what Enter does.
        QCOMPARE(describe(QApplication::focusWidget()), QStringLiteral("button:Cancel"));
        QStringList chain = tabChain();
        // The fingerprint can be reached (and copied) from the keyboard; from Cancel the chain wraps.
        QVERIFY2(chain.contains(QStringLiteral("hostKeyFingerprint")), qPrintable(chain.join(QLatin1Char(' '))));
        std::rotate(chain.begin(), chain.begin() + chain.indexOf(QStringLiteral("hostKeyFingerprint")), chain.end());
        QCOMPARE(chain, QStringList{QStringLiteral("hostKeyFingerprint")} + buttonsInReadingOrder(&dialog));
    }

    void shortcutsDialog()
    {
        MainWindow window;
        ShortcutsDialog dialog(window.menuBar());
        expectChain(&dialog, {QStringLiteral("shortcutTable")});
    }

    void assetDialog()
    {
        Asset blank;
        blank.transport = QStringLiteral("ssh");
        AssetDialog dialog(blank, {QStringLiteral("web-01")}, {});
        dialog.setName(QStringLiteral("db-01"));
        dialog.setHost(QStringLiteral("10.0.0.7"));
        dialog.setUser(QStringLiteral("audit"));
        dialog.setAuth(AssetDialog::Auth::KeyFile);
        dialog.setSudo(AssetDialog::Sudo::Password);
        expectChain(&dialog, {QStringLiteral("assetName"), QStringLiteral("assetTransport"), QStringLiteral("assetHost"),
                              QStringLiteral("assetPort"), QStringLiteral("assetUser"), QStringLiteral("assetJump"),
                              QStringLiteral("assetTags"), QStringLiteral("assetAuth"), QStringLiteral("assetKeyFile"),
                              QStringLiteral("assetBrowseKey"), QStringLiteral("assetKeyPassphrase"),
                              QStringLiteral("assetSudo"), QStringLiteral("assetSudoPassword")});
        checkMnemonics(&dialog);
    }

    void importAssetsDialog()
    {
        const QString inventory = m_dir.filePath(QStringLiteral("fleet.csv"));
        QFile file(inventory);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("name,address,port\napp-01,10.1.0.1,22\napp-02,10.1.0.2,22\n");
        file.close();
        ImportAssetsDialog dialog(m_fx.path, {});
        QSignalSpy preview(&dialog, &ImportAssetsDialog::previewReady);
        dialog.setFile(inventory);
        QVERIFY(preview.count() > 0 || preview.wait(10000));
        QCOMPARE(preview.last().at(0).toInt(), 2);
        expectChain(&dialog, {QStringLiteral("importFile"), QStringLiteral("importBrowse"), QStringLiteral("importFormat"),
                              QStringLiteral("importTags"), QStringLiteral("importPreview")});
        checkMnemonics(&dialog);
    }

    void runDialog()
    {
        auto db = ProjectDatabase::open(m_fx.path, ProjectDatabase::OpenMode::ReadOnly);
        QVERIFY(db);
        RunDialogInput input;
        input.assets = *(*db)->assets();
        input.templates = m_catalog->assessments();
        input.tailorings = *(*db)->tailorings();
        RunDialog dialog(input);
        dialog.setScope(RunDialog::Scope::BySelection);
        dialog.setChecked({input.assets.first().name});
        expectChain(&dialog, {QStringLiteral("runScope"), QStringLiteral("runItems"), QStringLiteral("runTemplate"),
                              // runTailoring is disabled: the fixture stores no tailoring of the template
                              QStringLiteral("runConcurrency"),
                              QStringLiteral("runAcceptKeys")});
        checkMnemonics(&dialog);
    }

    void reportDialog()
    {
        ReportDialog dialog(m_fx.path, m_projectName, m_runs, m_catalog);
        QSignalSpy ready(&dialog, &ReportDialog::previewReady);
        QVERIFY(ready.wait(20000));
        expectChain(&dialog, {QStringLiteral("reportRun"), QStringLiteral("reportFormat"), QStringLiteral("reportPaper"),
                              QStringLiteral("reportOutput"), QStringLiteral("reportBrowse"), QStringLiteral("reportSign"),
                              QStringLiteral("reportPages")});
        dialog.findChild<QCheckBox *>(QStringLiteral("reportSign"))->setChecked(true);
        checkMnemonics(&dialog);
    }

    void verifyReportDialog()
    {
        VerifyReportDialog dialog(m_fx.path);
        expectChain(&dialog, {QStringLiteral("verifyReport"), QStringLiteral("verifyReportBrowse"),
                              QStringLiteral("verifySignature"), QStringLiteral("verifySignatureBrowse"),
                              QStringLiteral("verifyCert"), QStringLiteral("verifyCertBrowse"), QStringLiteral("verifyCa"),
                              QStringLiteral("verifyCaBrowse")});
        checkMnemonics(&dialog);
    }

    void reevaluateDialog()
    {
        RunInfo run = m_runs.first();
        ReevaluateDialog dialog(run, {});
        expectChain(&dialog, {QStringLiteral("reevaluateTailoring")});
        checkMnemonics(&dialog);
    }

    void extendWaiverDialog()
    {
        ExtendWaiverDialog dialog(7, QStringLiteral("ssh.banner"), QDate(2026, 12, 31));
        // The date field opens with focus and Tab walks its sections first, which tabChain() takes
        // for "back at the start": walk it here, then the buttons, and round to the date again.
        QVERIFY(activate(&dialog));
        auto *date = dialog.findChild<QDateEdit *>(QStringLiteral("extendWaiverDate"));
        QCOMPARE(owner(QApplication::focusWidget()), date);
        for (int press = 0; press < 4 && owner(QApplication::focusWidget()) == date; ++press)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QStringList chain;
        for (int press = 0; press < 3; ++press) {
            chain << describe(QApplication::focusWidget());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        QCOMPARE(chain, QStringList{} << buttonsInReadingOrder(&dialog) << QStringLiteral("extendWaiverDate"));
        checkMnemonics(&dialog);
    }

    void newProjectWizard()
    {
        NewProjectWizard wizard;
        QVERIFY(activate(&wizard));
        // The wizard's own buttons (Back, Next, Cancel, Finish) that Tab reaches, as drawn.
        auto wizardButtons = [&wizard] {
            QList<QAbstractButton *> buttons;
            for (QAbstractButton *b : wizard.findChildren<QAbstractButton *>())
                if (!wizard.currentPage()->isAncestorOf(b) && b->isVisible() && b->isEnabled())
                    buttons << b;
            std::sort(buttons.begin(), buttons.end(), [&wizard](QAbstractButton *a, QAbstractButton *b) {
                return a->mapTo(&wizard, QPoint()).x() < b->mapTo(&wizard, QPoint()).x();
            });
            QStringList names;
            for (QAbstractButton *b : buttons)
                names << QStringLiteral("button:") + withoutMnemonic(b->text());
            return names;
        };
        auto expectPage = [&](const QStringList &fields) {
            const QStringList chain = tabChain();
            const QStringList expected = fields + wizardButtons();
            if (chain != expected)
                qWarning().noquote() << "wizard page" << wizard.currentId() << chain.join(QStringLiteral(" > "))
                                     << "\n  expected:" << expected.join(QStringLiteral(" > "));
            QCOMPARE(chain, expected);
            checkMnemonics(&wizard);
        };
        wizard.setField(QStringLiteral("name"), QStringLiteral("Acme PCI 2026"));
        expectPage({QStringLiteral("projectName"), QStringLiteral("customer")});
        if (QTest::currentTestFailed())
            return;
        wizard.next();
        wizard.setField(QStringLiteral("folder"), m_dir.path());
        QTRY_COMPARE(describe(QApplication::focusWidget()), QStringLiteral("folder"));   // the page's first field
        expectPage({QStringLiteral("folder"), QStringLiteral("button:Browse…"), QStringLiteral("fileName")});
        if (QTest::currentTestFailed())
            return;
        wizard.next();
        wizard.setField(QStringLiteral("useVault"), true);
        QTRY_COMPARE(describe(QApplication::focusWidget()), QStringLiteral("useVault"));
        expectPage({QStringLiteral("useVault"), QStringLiteral("passphrase"), QStringLiteral("passphraseAgain")});
        if (QTest::currentTestFailed())
            return;
        wizard.setField(QStringLiteral("useVault"), false);
        wizard.next();
        QTRY_COMPARE(describe(QApplication::focusWidget()), QStringLiteral("addThisComputer"));
        expectPage({QStringLiteral("addThisComputer")});
    }

    /// Opens the fixture project in `window` and waits for it.
    bool openProject(MainWindow &window)
    {
        QSignalSpy loaded(&window, &MainWindow::projectLoaded);
        window.resize(1400, 900);   // a usual window: no scroll arrows on the tab bars
        if (!activate(&window))
            return false;
        window.openProject(m_fx.path);
        return QTest::qWaitFor([&] { return loaded.count() > 0; }, 20000);
    }

    /// The Tab chain of every page, from the side bar round the page and back to the side bar.
    void pagesTabChains_data()
    {
        QTest::addColumn<int>("view");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("dashboard") << int(MainWindow::View::Dashboard) << QStringList{QStringLiteral("dashboardScroll"), QStringLiteral("scoreTrendChart"), QStringLiteral("issueEventsChart"), QStringLiteral("severityChart"), QStringLiteral("topChecksChart"), QStringLiteral("heatMap")};
        QTest::newRow("results") << int(MainWindow::View::Results) << QStringList{QStringLiteral("runTable"), QStringLiteral("resultTabs"), QStringLiteral("resultStatusFilter"), QStringLiteral("resultSearch"), QStringLiteral("resultTable"), QStringLiteral("resultDetail")};
        QTest::newRow("issues") << int(MainWindow::View::Issues) << QStringList{QStringLiteral("issueStateFilter"), QStringLiteral("issueSeverityFilter"), QStringLiteral("issueAssetFilter"), QStringLiteral("issueRequirementFilter"), QStringLiteral("issueSearch"), QStringLiteral("waiveButton"), QStringLiteral("issueTable"), QStringLiteral("issueDetail")};
        QTest::newRow("register") << int(MainWindow::View::Register) << QStringList{QStringLiteral("waiverTable"), QStringLiteral("recordAttestationButton"), QStringLiteral("attestationTable")};
        QTest::newRow("templates") << int(MainWindow::View::Templates) << QStringList{QStringLiteral("templateTable"), QStringLiteral("templateTabs"), QStringLiteral("requirementSearch"), QStringLiteral("requirementTree"), QStringLiteral("templateDetail")};
        QTest::newRow("assets") << int(MainWindow::View::Assets) << QStringList{QStringLiteral("button:Add…"), QStringLiteral("button:Edit…"), QStringLiteral("button:Remove…"), QStringLiteral("button:Import…"), QStringLiteral("button:Test Connection"), QStringLiteral("assetTagFilter"), QStringLiteral("assetSearch"), QStringLiteral("assetTable"), QStringLiteral("connectionReport")};
        QTest::newRow("compare") << int(MainWindow::View::Compare) << QStringList{QStringLiteral("compareRunA"), QStringLiteral("compareRunB"), QStringLiteral("button:Swap"), QStringLiteral("compareTabs"), QStringLiteral("compareAsset"), QStringLiteral("compareSeverity"), QStringLiteral("compareTable"), QStringLiteral("compareDetail")};
        QTest::newRow("assessments") << int(MainWindow::View::Assessments) << QStringList{QStringLiteral("newAssessment"), QStringLiteral("assessmentRuns"), QStringLiteral("reevaluateRun"), QStringLiteral("runTimingAssets"), QStringLiteral("runTimingCollectors")};
    }

    void pagesTabChains()
    {
        QFETCH(int, view);
        QFETCH(QStringList, expected);
        MainWindow window;
        QVERIFY(openProject(window));
        window.showView(MainWindow::View(view));
        QTest::qWait(500);   // the page's own load
        auto *sideBar = window.findChild<QListWidget *>(QStringLiteral("sideBar"));
        sideBar->setFocus();
        QCOMPARE(QApplication::focusWidget(), sideBar);
        const QStringList chain = tabChain();
        qInfo().noquote() << QTest::currentDataTag() << chain.join(QStringLiteral(" > "));
        QVERIFY2(!chain.contains(QStringLiteral("(kept focus)")), qPrintable(chain.join(QStringLiteral(" > "))));
        QCOMPARE(chain, QStringList{QStringLiteral("sideBar")} + expected);
    }

    /// The Requirements tab of the Runs & results page, and its Alt letters in the whole window.
    void requirementsTabChain()
    {
        MainWindow window;
        QVERIFY(openProject(window));
        window.showView(MainWindow::View::Results);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("resultTabs"));
        QVERIFY(tabs);
        tabs->setCurrentIndex(1);
        auto *table = window.findChild<QTableView *>(QStringLiteral("requirementTable"));
        QVERIFY(table);
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 20000);
        // On a requirement with a manual part Record Attestation is enabled, and Tab reaches it.
        int manual = -1;
        for (int row = 0; row < table->model()->rowCount() && manual < 0; ++row)
            if (table->model()->index(row, 0).data(RequirementStatusModel::ManualPartRole).toBool())
                manual = row;
        QVERIFY(manual >= 0);
        table->selectRow(manual);
        auto *record = window.findChild<QWidget *>(QStringLiteral("requirementRecordAttestation"));
        QTRY_VERIFY_WITH_TIMEOUT(record->isEnabled(), 20000);   // once the templates are read
        window.findChild<QWidget *>(QStringLiteral("runTable"))->setFocus();
        const QStringList chain = tabChain();
        qInfo().noquote() << "requirements" << chain.join(QStringLiteral(" > "));
        QCOMPARE(chain, (QStringList{QStringLiteral("runTable"), QStringLiteral("resultTabs"),
                                     QStringLiteral("requirementOutstandingOnly"),
                                     QStringLiteral("requirementRecordAttestation"), QStringLiteral("requirementTable"),
                                     QStringLiteral("requirementDetail"), QStringLiteral("sideBar")}));
        checkMnemonics(&window);
    }

    /// The tailoring editor, the second tab of the Templates page, with a template chosen.
    void tailoringEditorTabChain()
    {
        MainWindow window;
        QVERIFY(openProject(window));
        window.showView(MainWindow::View::Templates);
        auto *templates = window.findChild<QTableView *>(QStringLiteral("templateTable"));
        QVERIFY(templates);
        QTRY_VERIFY_WITH_TIMEOUT(templates->model()->rowCount() > 0, 20000);
        templates->selectRow(0);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("templateTabs"));
        tabs->setCurrentIndex(1);
        QTest::qWait(300);
        templates->setFocus();
        const QStringList chain = tabChain();
        QCOMPARE(chain, (QStringList{QStringLiteral("templateTable"), QStringLiteral("templateTabs"),
                                     QStringLiteral("tailoringName"), QStringLiteral("tailoringTabs"),
                                     QStringLiteral("parameterTable"), QStringLiteral("tailoringSummary"),
                                     QStringLiteral("sideBar")}));
        // Each tab of the editor: its labels' letters are free in the whole window (menus, tabs).
        auto *editorTabs = window.findChild<QTabWidget *>(QStringLiteral("tailoringTabs"));
        for (int tab = 0; tab < editorTabs->count(); ++tab) {
            editorTabs->setCurrentIndex(tab);
            checkMnemonics(&window);
        }
    }

    /// The start page, with the fixture project in its recent list.
    void startPageTabChain()
    {
        MainWindow window;
        QVERIFY(openProject(window));
        window.closeProject();
        auto *recent = window.startPage()->recentView();
        QTRY_VERIFY(recent->model()->rowCount() > 0);
        window.startPage()->findChild<QWidget *>(QStringLiteral("newProjectButton"))->setFocus();
        const QStringList chain = tabChain();
        qInfo().noquote() << "start" << chain.join(QStringLiteral(" > "));
        QCOMPARE(chain, (QStringList{QStringLiteral("newProjectButton"), QStringLiteral("openProjectButton"),
                                     QStringLiteral("scanThisComputerButton"), QStringLiteral("browseTemplatesButton"),
                                     QStringLiteral("recentProjects"),
                                     QStringLiteral("openRecentButton"), QStringLiteral("removeRecentButton")}));
    }

    /// Every menu action with a shortcut triggers from its keys on the main window with a project
    /// open. Dialogs they open are scripted (answered "cancel") or closed again.
    void menuShortcutsTrigger()
    {
        MainWindow window;
        QVERIFY(openProject(window));
        // Waive needs a selected issue: select the first one.
        window.showView(MainWindow::View::Issues);
        auto *issueTable = window.issuesView()->findChild<QTableView *>(QStringLiteral("issueTable"));
        QVERIFY(issueTable);
        QTRY_VERIFY_WITH_TIMEOUT(issueTable->model()->rowCount() > 0, 20000);
        // New Assessment is enabled once the Assessments page has read the project.
        QTRY_VERIFY_WITH_TIMEOUT(window.assessmentsView()->newAssessmentAction()->isEnabled(), 20000);
        issueTable->selectRow(0);

        QList<QAction *> actions;
        std::function<void(QMenu *)> collect = [&](QMenu *menu) {
            for (QAction *a : menu->actions()) {
                if (a->menu())
                    collect(a->menu());
                else if (!a->shortcuts().isEmpty())
                    actions << a;
            }
        };
        for (QAction *top : window.menuBar()->actions())
            if (top->menu())
                collect(top->menu());
        // Close Project last: the actions before it need the open project.
        std::stable_partition(actions.begin(), actions.end(),
                              [](QAction *a) { return withoutMnemonic(a->text()) != QLatin1String("Close Project"); });
        QVERIFY(actions.size() >= 15);

        QStringList notTriggered;
        QStringList disabled;
        QSet<int> viewsShown;
        QSet<QString> prompted;   // the scripted dialogs that the shortcuts opened
        for (QAction *action : actions) {
            const QString name = withoutMnemonic(action->text());
            // These would end the test (Quit) or start a scan of this machine (Scan This
            // Computer): only their shortcut is tested.
            if (name == QLatin1String("Quit") || name == QLatin1String("Scan This Computer"))
                QObject::disconnect(action, &QAction::triggered, nullptr, nullptr);
            if (action == window.issuesView()->waiveAction()) {
                // Reload (F5) read the issues again and cleared the selection.
                window.showView(MainWindow::View::Issues);
                QTRY_VERIFY_WITH_TIMEOUT(issueTable->model()->rowCount() > 0, 20000);
                issueTable->selectRow(0);
            }
            // Actions that wait for a page's load (New Assessment after Reload) get a moment.
            if (!QTest::qWaitFor([action] { return action->isEnabled(); }, 3000)) {
                disabled << name;
                continue;
            }
            WaiverPrompt::setNextScript([&](WaiverDialog &) {
                prompted.insert(QStringLiteral("waiver"));
                return false;   // cancel
            });
            RunPrompt::setNextScript([&](RunDialog &) {
                prompted.insert(QStringLiteral("run"));
                return false;   // cancel
            });
            NewProjectPrompt::setNextScript([&](NewProjectWizard &) {
                prompted.insert(QStringLiteral("wizard"));
                return false;   // cancel
            });
            OpenProjectPrompt::setNextScript([&](QFileDialog &) {
                prompted.insert(QStringLiteral("open"));
                return false;   // cancel
            });
            QSignalSpy triggered(action, &QAction::triggered);
            for (const QKeySequence &key : action->shortcuts()) {
                QVERIFY(activate(&window));
                const int before = int(triggered.count());
                QTest::keySequence(&window, key);
                if (triggered.count() != before + 1)
                    notTriggered << QStringLiteral("%1 (%2)").arg(name, key.toString());
                viewsShown << int(window.currentView());
                for (QWidget *top : QApplication::topLevelWidgets())
                    if (top != &window && top->isVisible() && qobject_cast<QDialog *>(top))
                        top->close();
            }
            WaiverPrompt::setNextScript({});
            RunPrompt::setNextScript({});
            NewProjectPrompt::setNextScript({});
            OpenProjectPrompt::setNextScript({});
        }
        QVERIFY2(notTriggered.isEmpty(), qPrintable(notTriggered.join(QStringLiteral(", "))));
        // Cancel Assessment waits for a running assessment; nothing else may be disabled.
        QVERIFY2(disabled == QStringList{QStringLiteral("Cancel Assessment")}, qPrintable(disabled.join(QStringLiteral(", "))));
        QCOMPARE(viewsShown.size(), 8);
        QCOMPARE(prompted, (QSet<QString>{QStringLiteral("waiver"), QStringLiteral("run"), QStringLiteral("wizard"),
                                          QStringLiteral("open")}));
    }

    /// Closing a dialog gives focus back to the widget that had it.
    void focusReturnsAfterDialog()
    {
        MainWindow window;
        QVERIFY(openProject(window));
        window.showView(MainWindow::View::Results);
        auto *search = window.findChild<QWidget *>(QStringLiteral("resultSearch"));
        QVERIFY(search);
        search->setFocus();
        QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_Slash));
        QPointer<ShortcutsDialog> dialog = window.findChild<ShortcutsDialog *>();
        QVERIFY(dialog);
        // A window manager activates a new dialog; the offscreen platform does not by itself.
        QVERIFY(activate(dialog));
        QCOMPARE(describe(QApplication::focusWidget()), QStringLiteral("shortcutTable"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        // The window remembers where focus was; the window manager's reactivation restores it.
        QCOMPARE(window.focusWidget(), search);
        QVERIFY(activate(&window));
        QCOMPARE(QApplication::focusWidget(), search);
    }
};

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
