// Attestations recorded in the GUI and the requirements of a run: a real local scan of a small
// PCI-like template (a checks-only requirement, a mixed one whose check passes and whose manual
// part needs a document, a manual-only one), the Record Attestation dialog scripted through its
// seam with a real evidence file, the database read back, and the Requirements tab reloaded.
#include "AssessmentLab.h"
#include "SignalWait.h"

#include "common/Hash.h"
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "engine/TailoringLoader.h"
#include "scan/Scanner.h"
#include "ui/AttestationDialog.h"
#include "ui/MainWindow.h"
#include "ui/RegisterView.h"
#include "ui/RequirementsView.h"
#include "ui/StartPage.h"
#include "ui/BackgroundPool.h"
#include "ui/models/AttestationTableModel.h"
#include "ui/models/RequirementStatusModel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace triad;

namespace {

// Numbered as PCI DSS numbers its requirements; the texts are ours.
const char *const kPciLabTemplate = R"(schema: triad-template/1
kind: assessment
id: pci-lab
title: PCI-like lab template
version: 4.0.1
uses: [lab]
requirements:
  - {id: "2.2.1", section: "2 Secure configurations", title: Configuration standards are applied, checks: [lab.setting]}
  - id: "2.2.2"
    section: "2 Secure configurations"
    title: The hardening is applied and its standard is approved by management
    checks: [lab.setting]
    manual: {ask_for: The approved configuration standard., verify: It is signed off and names the hardened setting.}
  - id: "12.1.1"
    section: "12 Security policy"
    title: An information security policy is published
    manual: {ask_for: The security policy and its distribution record., verify: It was reviewed in the last twelve months.}
)";

const QString kOutstanding = QStringLiteral("Checks pass \u00b7 manual evidence outstanding");

QList<Attestation> attestationsIn(const QString &path)
{
    auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
    if (!db)
        return {};
    auto list = (*db)->attestations();
    return list ? *list : QList<Attestation>{};
}

} // namespace

class TestRequirementsView final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::shared_ptr<const Catalog> m_catalog;
    QString m_project;
    qint64 m_runId = 0;
    QString m_evidence;

    /// A fresh copy of the scanned project, so that each test starts without attestations.
    QString freshProject(const QString &name)
    {
        const QString copy = m_dir.filePath(name + QStringLiteral(".triad"));
        QFile::remove(copy);
        if (!QFile::copy(m_project, copy))
            qFatal("cannot copy the project");
        return copy;
    }

    /// The row of the requirement in the view's (unfiltered) model.
    static const RunRequirement *rowOf(RequirementsView &view, const QString &id)
    {
        for (int row = 0; row < view.model()->rowCount(); ++row)
            if (view.model()->requirementAt(row)->row.id == id)
                return view.model()->requirementAt(row);
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("TRIAD_OPERATOR", "auditor-ann");
        QVERIFY(m_dir.isValid());
        const QString templates = m_dir.filePath(QStringLiteral("templates"));
        QVERIFY(QDir().mkpath(templates + QStringLiteral("/checks")));
        test::writeLabFile(templates + QStringLiteral("/checks/lab.yaml"), test::kLabLibrary);
        test::writeLabFile(templates + QStringLiteral("/pci-lab.yaml"), kPciLabTemplate);
        auto catalog = Catalog::load({templates});
        QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().toString()));
        m_catalog = std::make_shared<const Catalog>(std::move(*catalog));
        // The main window reads its templates from here (defaultTemplatesDir).
        qputenv("TRIAD_TEMPLATES_DIR", templates.toUtf8());

        const QString state = m_dir.filePath(QStringLiteral("lab.conf"));
        test::writeLabFile(state, "hardened=yes\n");
        m_evidence = m_dir.filePath(QStringLiteral("config-standard-v2.pdf"));
        test::writeLabFile(m_evidence, "%PDF-1.4 approved configuration standard, signed by the CISO\n");

        m_project = m_dir.filePath(QStringLiteral("scanned.triad"));
        ProjectInfo info;
        info.name = QStringLiteral("PCI lab");
        info.createdAt = QDateTime::currentDateTimeUtc();
        auto db = ProjectDatabase::create(m_project, info);
        QVERIFY2(db, db ? "" : qPrintable(db.error().toString()));
        QVERIFY((*db)->addAsset(test::localAsset(QStringLiteral("cde-host"), {QStringLiteral("cde")})));
        auto tailoring = TailoringLoader::loadText(
            QStringLiteral("tailoring: {template: pci-lab, name: lab}\nparameters: {state_file: \"%1\"}\n").arg(state).toUtf8(),
            QStringLiteral("lab.yaml"));
        QVERIFY2(tailoring, tailoring ? "" : qPrintable(tailoring.error().toString()));
        {
            Scanner scanner(**db, *m_catalog);
            ScanRequest request;
            request.templateId = QStringLiteral("pci-lab");
            request.tailoring = *tailoring;
            request.operatorName = QStringLiteral("auditor-ann");
            auto summary = scanner.run(request);
            QVERIFY2(summary, summary ? "" : qPrintable(summary.error().toString()));
            QCOMPARE(summary->runStatus, QStringLiteral("completed"));
            m_runId = summary->runId;
        }
        db->reset();
        // freshProject() copies the file alone: everything must be in it, nothing left in a WAL.
        QVERIFY(!QFile::exists(m_project + QStringLiteral("-wal")) || QFileInfo(m_project + QStringLiteral("-wal")).size() == 0);
    }

    void cleanupTestCase()
    {
        QVERIFY(backgroundPool()->waitForDone(60000));
    }

    void requirementsShowTheirStatusInWordsAndFilterToOutstandingEvidence()
    {
        const QString path = freshProject(QStringLiteral("status"));
        RequirementsView view;
        view.show();    // a hidden view waits until it is shown to read the run
        QAbstractItemModelTester modelTester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(view.filter(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setCatalog(m_catalog);
        QSignalSpy loaded(&view, &RequirementsView::requirementsLoaded);
        view.setRun(path, m_runId);
        QTRY_VERIFY2_WITH_TIMEOUT(loaded.count() > 0, qPrintable(view.summaryText()), 20000);
        QCOMPARE(view.model()->rowCount(), 3);
        QCOMPARE(rowOf(view, QStringLiteral("2.2.1"))->row.statusText, QStringLiteral("Checks pass"));
        QVERIFY(rowOf(view, QStringLiteral("2.2.1"))->row.met);
        QCOMPARE(rowOf(view, QStringLiteral("2.2.2"))->row.statusText, kOutstanding);
        QVERIFY(!rowOf(view, QStringLiteral("2.2.2"))->row.met);
        QCOMPARE(rowOf(view, QStringLiteral("2.2.2"))->askFor, QStringLiteral("The approved configuration standard."));
        QCOMPARE(rowOf(view, QStringLiteral("12.1.1"))->row.statusText, QStringLiteral("Manual evidence outstanding"));
        // The same count as `triad-cli requirements` prints.
        QVERIFY2(view.summaryText().contains(QStringLiteral("manual evidence outstanding: <b>2</b> (1 manual-only, 1 beside their checks)")),
                 qPrintable(view.summaryText()));

        view.setOutstandingOnly(true);
        QCOMPARE(view.filter()->rowCount(), 2);
        QVERIFY(view.findChild<QCheckBox *>(QStringLiteral("requirementOutstandingOnly"))->isChecked());
        QStringList shown;
        for (int row = 0; row < view.filter()->rowCount(); ++row)
            shown << view.filter()->index(row, RequirementStatusModel::Id).data().toString();
        QCOMPARE(shown, (QStringList{QStringLiteral("2.2.2"), QStringLiteral("12.1.1")}));
        QVERIFY(view.selectRequirement(QStringLiteral("2.2.2")));
        QVERIFY2(view.detailText().contains(QStringLiteral("It must show: It is signed off and names the hardened setting.")),
                 qPrintable(view.detailText()));
        view.setOutstandingOnly(false);
        QCOMPARE(view.filter()->rowCount(), 3);
        // A checks-only requirement has nothing to attest: the button says so by being disabled.
        QVERIFY(view.selectRequirement(QStringLiteral("2.2.1")));
        QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("requirementRecordAttestation"))->isEnabled());
        QVERIFY(view.selectRequirement(QStringLiteral("2.2.2")));
        QVERIFY(view.findChild<QPushButton *>(QStringLiteral("requirementRecordAttestation"))->isEnabled());
    }

    void dialogOffersOnlyRequirementsWithAManualPart()
    {
        AttestationDialog dialog(m_project, m_catalog, QStringLiteral("pci-lab"), {});
        QCOMPARE(dialog.offeredTemplates(), QStringList{QStringLiteral("pci-lab")});
        QCOMPARE(dialog.offeredRequirements(), (QStringList{QStringLiteral("2.2.2"), QStringLiteral("12.1.1")}));
        QVERIFY(!dialog.selectRequirement(QStringLiteral("2.2.1")));
        QVERIFY(dialog.selectRequirement(QStringLiteral("12.1.1")));
        QVERIFY(dialog.manualPartText().contains(QStringLiteral("The security policy and its distribution record.")));
        // The statement is required; the attester defaults to the operator.
        QVERIFY(!dialog.isComplete());
        QCOMPARE(dialog.attestation().attester, QStringLiteral("auditor-ann"));
        dialog.setStatement(QStringLiteral("Policy v7 seen"));
        QVERIFY(dialog.isComplete());
        dialog.setAttester(QStringLiteral("  "));
        QVERIFY(!dialog.isComplete());
    }

    void recordFromTheRequirementViewStoresTheFileAndTheRequirementIsMet()
    {
        const QString path = freshProject(QStringLiteral("record"));
        RequirementsView view;
        view.show();    // a hidden view waits until it is shown to read the run
        view.setCatalog(m_catalog);
        QSignalSpy loaded(&view, &RequirementsView::requirementsLoaded);
        view.setRun(path, m_runId);
        QTRY_VERIFY2_WITH_TIMEOUT(loaded.count() > 0, qPrintable(view.summaryText()), 20000);
        QVERIFY(view.selectRequirement(QStringLiteral("2.2.2")));

        QSignalSpy recorded(&view, &RequirementsView::attestationRecorded);
        QStringList offered;
        QString preselected;
        AttestationPrompt::setNextScript([&](AttestationDialog &d) {
            offered = d.offeredRequirements();
            preselected = d.attestation().requirementId;
            d.setVerdict(CheckStatus::Pass);
            d.setStatement(QStringLiteral("Configuration standard v2 is signed by the CISO and names hardened=yes"));
            d.addEvidenceFiles({m_evidence});
            return true;
        });
        view.recordAttestation();
        QVERIFY(triad::test::received(recorded));
        QCOMPARE(preselected, QStringLiteral("2.2.2"));
        QVERIFY(!offered.contains(QStringLiteral("2.2.1")));

        const QList<Attestation> stored = attestationsIn(path);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored[0].templateId, QStringLiteral("pci-lab"));
        QCOMPARE(stored[0].requirementId, QStringLiteral("2.2.2"));
        QCOMPARE(toString(stored[0].status), QStringLiteral("pass"));
        QCOMPARE(stored[0].attester, QStringLiteral("auditor-ann"));
        QCOMPARE(stored[0].files.size(), 1);
        QCOMPARE(stored[0].files[0].fileName, QStringLiteral("config-standard-v2.pdf"));
        QFile evidence(m_evidence);
        QVERIFY(evidence.open(QIODevice::ReadOnly));
        const QByteArray bytes = evidence.readAll();
        QCOMPARE(stored[0].files[0].sha256, sha256Hex(bytes));
        {
            auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
            QVERIFY(db);
            auto copy = (*db)->attestationFileContent(stored[0].files[0].id);
            QVERIFY(copy);
            QCOMPARE(*copy, bytes);
        }

        // The view reads the run again: the requirement is met, and one piece of evidence is left.
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 2, 20000);
        const RunRequirement *mixed = rowOf(view, QStringLiteral("2.2.2"));
        QVERIFY(mixed);
        QVERIFY(mixed->row.met);
        QCOMPARE(manualPartWord(mixed->row.manualPart), QStringLiteral("pass"));
        QVERIFY2(!mixed->row.statusText.contains(QStringLiteral("outstanding")), qPrintable(mixed->row.statusText));
        QVERIFY(mixed->row.attestation.startsWith(QStringLiteral("pass by auditor-ann")));
        QVERIFY2(view.summaryText().contains(QStringLiteral("manual evidence outstanding: <b>1</b>")), qPrintable(view.summaryText()));
        view.setOutstandingOnly(true);
        QCOMPARE(view.filter()->rowCount(), 1);
        QCOMPARE(view.filter()->index(0, RequirementStatusModel::Id).data().toString(), QStringLiteral("12.1.1"));
    }

    void unreadableEvidenceIsAnErrorAndNothingIsStored()
    {
        const QString path = freshProject(QStringLiteral("unreadable"));
        // Chosen, then moved away before Record: the file cannot be read any more.
        const QString moved = m_dir.filePath(QStringLiteral("moved-policy.pdf"));
        test::writeLabFile(moved, "policy v7");

        RegisterView view;
        view.setCatalog(m_catalog);
        view.setProject(path);
        QPointer<AttestationDialog> dialog;
        AttestationPrompt::setNextScript([&](AttestationDialog &d) {
            dialog = &d;
            d.selectTemplate(QStringLiteral("pci-lab"));
            d.selectRequirement(QStringLiteral("12.1.1"));
            d.setStatement(QStringLiteral("Policy v7 seen"));
            d.addEvidenceFiles({m_evidence, moved});
            QFile::remove(moved);
            return true;
        });
        QSignalSpy recorded(&view, &RegisterView::attestationRecorded);
        view.recordAttestation();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isRecording(), 20000);
        QVERIFY2(dialog, "the dialog closed: the attestation was stored");
        QVERIFY2(dialog->messageText().startsWith(QStringLiteral("Not recorded")), qPrintable(dialog->messageText()));
        QVERIFY2(dialog->messageText().contains(moved), qPrintable(dialog->messageText()));
        QCOMPARE(recorded.count(), 0);
        QVERIFY(attestationsIn(path).isEmpty());   // not even the readable first file

        // A file its owner may not read (as root every file is readable: then a folder instead).
        const QString locked = m_dir.filePath(QStringLiteral("locked-policy.pdf"));
        test::writeLabFile(locked, "secret");
        QVERIFY(QFile::setPermissions(locked, QFileDevice::Permissions()));
        QString unreadable = locked;
        if (QFile probe(locked); probe.open(QIODevice::ReadOnly)) {
            unreadable = m_dir.filePath(QStringLiteral("a-folder.pdf"));
            QVERIFY(QDir().mkpath(unreadable));
        }
        dialog->removeEvidenceFile(1);
        dialog->addEvidenceFiles({unreadable});
        QVERIFY(dialog->messageText().isEmpty());   // a changed file list clears the last error
        dialog->record();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isRecording(), 20000);
        QVERIFY2(dialog, "the dialog closed: the attestation was stored");
        QVERIFY2(dialog->messageText().contains(unreadable), qPrintable(dialog->messageText()));
        QVERIFY(attestationsIn(path).isEmpty());

        // Without it the attestation is recorded, and the register lists it.
        dialog->removeEvidenceFile(1);
        dialog->record();
        QVERIFY(triad::test::received(recorded));
        QTRY_VERIFY(!dialog);   // closed and deleted once stored
        QCOMPARE(attestationsIn(path).size(), 1);
        QCOMPARE(attestationsIn(path)[0].files.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(view.attestationModel()->rowCount() == 1, 20000);
    }

    /// The Requirements tab of the Runs & results page, and its reload after an attestation
    /// recorded on the Waivers & attestations page.
    void mainWindowShowsTheRunsRequirements()
    {
        const QString path = freshProject(QStringLiteral("window"));
        MainWindow window;
        window.resize(1400, 860);
        window.show();
        QSignalSpy projectLoaded(&window, &MainWindow::projectLoaded);
        window.openProject(path);
        QTRY_VERIFY2_WITH_TIMEOUT(projectLoaded.count() > 0,
                                  qPrintable(window.startPage()->messageLabel()->text()), 30000);
        RequirementsView *requirements = window.requirementsView();
        window.showView(MainWindow::View::Results);
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QTableView *>(QStringLiteral("resultTable"))->model()->rowCount() > 0, 20000);
        // The tab reads the run's requirements when it is first shown, not with the results.
        QCOMPARE(requirements->model()->rowCount(), 0);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("resultTabs"));
        QVERIFY(tabs);
        tabs->setCurrentWidget(requirements);
        QTRY_VERIFY_WITH_TIMEOUT(requirements->model()->rowCount() == 3, 20000);
        requirements->selectRequirement(QStringLiteral("2.2.2"));
        const QString dir = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QTest::qWait(200);
            QVERIFY(window.grab().save(dir + QStringLiteral("/requirements-tab.png")));
            AttestationDialog dialog(path, m_catalog, QStringLiteral("pci-lab"), QStringLiteral("2.2.2"), &window);
            dialog.setStatement(QStringLiteral("Configuration standard v2 is signed by the CISO and names hardened=yes"));
            dialog.addEvidenceFiles({m_evidence});
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/attestation-dialog.png")));
        }
        QSignalSpy reloaded(requirements, &RequirementsView::requirementsLoaded);
        AttestationPrompt::setNextScript([&](AttestationDialog &d) {
            d.selectTemplate(QStringLiteral("pci-lab"));
            d.selectRequirement(QStringLiteral("2.2.2"));
            d.setVerdict(CheckStatus::Fail);
            d.setStatement(QStringLiteral("The standard is a draft, not signed"));
            return true;
        });
        window.showView(MainWindow::View::Register);
        auto *button = window.registerView()->findChild<QPushButton *>(QStringLiteral("recordAttestationButton"));
        QVERIFY(button && button->isEnabled());
        // The window reads the templates in the background; the tab's button waits for them.
        QTRY_VERIFY_WITH_TIMEOUT(requirements->findChild<QPushButton *>(QStringLiteral("requirementRecordAttestation"))->isEnabled(), 20000);
        QSignalSpy recorded(window.registerView(), &RegisterView::attestationRecorded);
        button->click();
        QVERIFY(triad::test::received(recorded));
        // Back on the run: the tab reads it again.
        reloaded.clear();
        window.showView(MainWindow::View::Results);
        QVERIFY(triad::test::received(reloaded));
        const RunRequirement *mixed = rowOf(*requirements, QStringLiteral("2.2.2"));
        QVERIFY(mixed);
        QVERIFY(!mixed->row.met);
        QCOMPARE(manualPartWord(mixed->row.manualPart), QStringLiteral("fail"));
        QCOMPARE(mixed->row.status, QStringLiteral("fail"));
        if (!dir.isEmpty()) {
            window.showView(MainWindow::View::Results);
            QTest::qWait(200);
            QVERIFY(window.grab().save(dir + QStringLiteral("/requirements-tab-attested.png")));
            window.showView(MainWindow::View::Register);
            QTRY_VERIFY(window.registerView()->attestationModel()->rowCount() == 1);
            QTest::qWait(200);
            QVERIFY(window.grab().save(dir + QStringLiteral("/register-attestation.png")));
        }
    }
};

QTEST_MAIN(TestRequirementsView)
#include "tst_requirements_view.moc"
