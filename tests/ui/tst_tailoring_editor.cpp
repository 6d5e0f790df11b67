// The tailoring editor on the shipped templates and a real project file, offscreen: parameter
// bounds, disabling with a reason, severity overrides, YAML validation with line and column, and a
// saved tailoring that the core loads back and plans a scan with, as triad-cli scan --tailoring does.
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "engine/Planner.h"
#include "engine/TailoringLoader.h"
#include "ui/ProjectLoader.h"
#include "ui/TailoringDelegates.h"
#include "ui/TailoringEditor.h"
#include "ui/TailoringYaml.h"
#include "ui/models/TailoringCheckModel.h"
#include "ui/models/TailoringParameterModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyleOptionViewItem>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace triad;

namespace {

const QString kTemplate = QStringLiteral("cis-linux");
const QString kName = QStringLiteral("ACME production");

QString makeProject(const QString &dir)
{
    const QString path = dir + QStringLiteral("/tailoring.triad");
    ProjectInfo info;
    info.name = QStringLiteral("Tailoring test");
    info.createdAt = QDateTime::currentDateTimeUtc();
    auto db = ProjectDatabase::create(path, info);
    if (!db)
        qFatal("%s", qPrintable(db.error().toString()));
    return path;
}

/// The error of a failed result for a failure message (QVERIFY2 builds its message eagerly).
template <typename T>
QByteArray errorOf(const Result<T> &result)
{
    return result ? QByteArray() : result.error().toString().toUtf8();
}

bool caught(QSignalSpy &spy, int timeout = 10000)
{
    return !spy.isEmpty() || spy.wait(timeout);
}

/// A requirement of `t` with at least two automated checks: disabling it disables several.
const RequirementDef *requirementWithChecks(const AssessmentTemplate &t)
{
    for (const RequirementDef &r : t.requirements) {
        if (r.checks.size() >= 2)
            return &r;
    }
    return nullptr;
}

const PlannedCheck *plannedCheck(const Plan &plan, const QString &id)
{
    for (const PlannedCheck &c : plan.checks) {
        if (c.check.id == id)
            return &c;
    }
    return nullptr;
}

} // namespace

class TestTailoringEditor final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("TRIAD_OPERATOR", "tailoring-test");
        auto future = ProjectLoader::loadCatalog();
        future.waitForFinished();
        m_catalog = future.result();
        QVERIFY2(m_catalog, "the shipped templates did not load");
        QVERIFY(m_catalog->assessment(kTemplate));
    }

    void parameterValuesAreCheckedAgainstTheirBounds()
    {
        TailoringParameterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTemplate(*m_catalog, *m_catalog->assessment(kTemplate));
        const int row = model.rowOf(QStringLiteral("ssh_max_auth_tries"));
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, TailoringParameterModel::Type).data().toString(), QStringLiteral("whole number"));
        QCOMPARE(model.index(row, TailoringParameterModel::Bounds).data().toString(), QStringLiteral("1 to 10"));
        QCOMPARE(model.index(row, TailoringParameterModel::Default).data().toString(), QStringLiteral("4"));
        QVERIFY(model.values().isEmpty());

        const QModelIndex value = model.index(row, TailoringParameterModel::Value);
        QSignalSpy changed(&model, &TailoringParameterModel::valuesChanged);
        QVERIFY(model.setData(value, QStringLiteral("12")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(row, TailoringParameterModel::Problem).data().toString(), QStringLiteral("12 is above the maximum 10"));
        QCOMPARE(model.problems(), QStringList{QStringLiteral("parameter ssh_max_auth_tries: 12 is above the maximum 10")});
        QVERIFY(model.values().isEmpty());      // an invalid value is never written
        QCOMPARE(model.problems().size(), 1);
        QCOMPARE(value.data().toString(), QStringLiteral("12")); // kept as typed, to be corrected

        QVERIFY(model.setData(value, QStringLiteral("0")));
        QVERIFY(model.problems().first().contains(QLatin1String("below the minimum 1")));
        QVERIFY(model.setData(value, QStringLiteral("three")));
        QVERIFY(model.problems().first().contains(QLatin1String("not a whole number")));
        QVERIFY(model.setData(value, QStringLiteral("3")));
        QVERIFY(model.problems().isEmpty());
        QCOMPARE(model.values(), (QVariantMap{{QStringLiteral("ssh_max_auth_tries"), qint64(3)}}));
        QCOMPARE(model.changedCount(), 1);
        QVERIFY(value.data(TailoringParameterModel::OverriddenRole).toBool());
        // The default typed back is no change at all.
        QVERIFY(model.setData(value, QStringLiteral("4")));
        QVERIFY(model.values().isEmpty());
        QCOMPARE(model.changedCount(), 0);

        // A list is typed with commas and compared by meaning; an octal mode must be octal.
        const int list = model.rowOf(QStringLiteral("ssh_weak_ciphers"));
        QVERIFY(list >= 0);
        QVERIFY(model.setData(model.index(list, TailoringParameterModel::Value), QStringLiteral("3des-cbc,  arcfour ,")));
        QCOMPARE(model.values().value(QStringLiteral("ssh_weak_ciphers")).toStringList(),
                 (QStringList{QStringLiteral("3des-cbc"), QStringLiteral("arcfour")}));
        model.reset(list);
        QVERIFY(model.values().isEmpty());
        for (int r = 0; r < model.rowCount(); ++r) {
            if (model.rowAt(r)->def.type != ParameterDef::Type::Mode)
                continue;
            QVERIFY(model.setData(model.index(r, TailoringParameterModel::Value), QStringLiteral("0999")));
            QVERIFY(model.rowAt(r)->problem.contains(QLatin1String("octal")));
            model.reset(r);
            break;
        }

        // Delete on a tailored row of the table puts the default back.
        {
            TailoringEditor editor;
            editor.setCatalog(m_catalog);
            editor.setTemplate(kTemplate);
            TailoringParameterModel *shown = editor.parameterModel();
            const int r = shown->rowOf(QStringLiteral("ssh_max_auth_tries"));
            QVERIFY(shown->setData(shown->index(r, TailoringParameterModel::Value), QStringLiteral("6")));
            auto *table = editor.findChild<QTableView *>(QStringLiteral("parameterTable"));
            editor.show();
            QVERIFY(QTest::qWaitForWindowExposed(&editor));
            table->setFocus();
            table->selectRow(r);
            QTest::keyClick(table, Qt::Key_Delete);
            QVERIFY(shown->values().isEmpty());
        }

        // The editor for a whole number honours the bounds.
        ParameterValueDelegate delegate;
        QWidget parent;
        std::unique_ptr<QWidget> editor(delegate.createEditor(&parent, QStyleOptionViewItem(), value));
        auto *spin = qobject_cast<QSpinBox *>(editor.get());
        QVERIFY(spin);
        QCOMPARE(spin->minimum(), 1);
        QCOMPARE(spin->maximum(), 10);
        delegate.setEditorData(spin, value);
        QCOMPARE(spin->value(), 4);
        spin->setValue(7);
        delegate.setModelData(spin, &model, value);
        QCOMPARE(model.values().value(QStringLiteral("ssh_max_auth_tries")).toLongLong(), 7);
    }

    void disablingNeedsAReason()
    {
        TailoringEditor editor;
        QAbstractItemModelTester tester(editor.checkModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTemporaryDir dir;
        editor.setCatalog(m_catalog);
        editor.setProject(makeProject(dir.path()));
        editor.setTemplate(kTemplate);
        editor.setTailoringName(kName);
        QVERIFY(editor.problems().isEmpty());
        QVERIFY(editor.canSave());

        TailoringCheckModel *checks = editor.checkModel();
        const int row = checks->rowOf(QStringLiteral("ssh.permit-root-login"));
        QVERIFY(row >= 0);
        QVERIFY(checks->setData(checks->index(row, TailoringCheckModel::Disabled), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(editor.problems(), QStringList{QStringLiteral("disabling ssh.permit-root-login needs a reason")});
        QVERIFY(!editor.canSave());
        QVERIFY(!editor.findChild<QPushButton *>(QStringLiteral("saveTailoring"))->isEnabled());
        QCOMPARE(checks->index(row, TailoringCheckModel::Reason).data().toString(), QStringLiteral("A reason is required"));
        auto *problems = editor.findChild<QLabel *>(QStringLiteral("tailoringProblems"));
        QVERIFY(problems->text().contains(QLatin1String("needs a reason")));
        QVERIFY(!problems->isHidden());

        QVERIFY(checks->setData(checks->index(row, TailoringCheckModel::Reason), QStringLiteral("   ")));
        QVERIFY(!editor.canSave());     // blanks are no reason
        QVERIFY(checks->setData(checks->index(row, TailoringCheckModel::Reason), QStringLiteral("Break-glass account <ops>")));
        QVERIFY(editor.problems().isEmpty());
        QVERIFY(editor.canSave());
        QVERIFY(problems->isHidden());
        QCOMPARE(checks->disabledChecks().value(QStringLiteral("ssh.permit-root-login")), QStringLiteral("Break-glass account <ops>"));
        // The summary names the change and shows the user's text as text.
        const QString summary = editor.findChild<QTextBrowser *>(QStringLiteral("tailoringSummary"))->toPlainText();
        QVERIFY2(summary.contains(QLatin1String("Break-glass account <ops>")), qPrintable(summary));

        // Without a name there is nothing to save under.
        editor.setTailoringName(QString());
        QVERIFY(editor.problems().contains(QStringLiteral("give the tailoring a name")));
        editor.setTailoringName(kName);

        // A severity equal to the template's is no override.
        const Severity original = checks->rowAt(row)->severity;
        QVERIFY(checks->setData(checks->index(row, TailoringCheckModel::SeverityOverride), toString(original)));
        QVERIFY(checks->severityOverrides().isEmpty());
        QVERIFY(checks->setData(checks->index(row, TailoringCheckModel::SeverityOverride), QStringLiteral("critical")));
        QCOMPARE(toString(checks->severityOverrides().value(QStringLiteral("ssh.permit-root-login"))), QStringLiteral("critical"));
        QVERIFY(!checks->setData(checks->index(row, TailoringCheckModel::SeverityOverride), QStringLiteral("urgent")));
    }

    void savedTailoringLoadsBackAndPlansAScan()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir.path());
        TailoringEditor editor;
        editor.setCatalog(m_catalog);
        QSignalSpy versions(&editor, &TailoringEditor::versionsLoaded);
        editor.setProject(path);
        editor.setTemplate(kTemplate);
        QVERIFY(caught(versions));
        QCOMPARE(versions.last().at(0).toInt(), 0);

        const AssessmentTemplate &assessment = *m_catalog->assessment(kTemplate);
        const RequirementDef *requirement = requirementWithChecks(assessment);
        QVERIFY(requirement);
        editor.setTailoringName(kName);
        TailoringParameterModel *parameters = editor.parameterModel();
        QVERIFY(parameters->setData(parameters->index(parameters->rowOf(QStringLiteral("ssh_max_auth_tries")),
                                                      TailoringParameterModel::Value),
                                    QStringLiteral("3")));
        editor.disableRequirement(requirement->id, QStringLiteral("Handled by the \"golden image\" pipeline: see SEC-42"));
        editor.checkModel()->setSeverityOverride(QStringLiteral("ssh.permit-root-login"), Severity::Critical);
        QVERIFY2(editor.problems().isEmpty(), qPrintable(editor.problems().join(u'\n')));
        const QString summary = editor.findChild<QTextBrowser *>(QStringLiteral("tailoringSummary"))->toPlainText();
        QVERIFY2(summary.contains(QStringLiteral("ssh_max_auth_tries: 4 → 3")), qPrintable(summary));
        QVERIFY(summary.contains(QStringLiteral("ssh.permit-root-login: high → critical")));
        QVERIFY(summary.contains(requirement->checks.first()));
        QVERIFY2(summary.contains(QLatin1String("Requirements no longer assessed")), qPrintable(summary));

        QSignalSpy saved(&editor, &TailoringEditor::saved);
        versions.clear();
        auto *saveButton = editor.findChild<QPushButton *>(QStringLiteral("saveTailoring"));
        QVERIFY(saveButton->isEnabled());
        QTest::mouseClick(saveButton, Qt::LeftButton);     // what the user does
        QVERIFY(caught(saved));
        QCOMPARE(saved.first().at(1).toInt(), 1);
        QVERIFY(caught(versions));
        QCOMPARE(editor.versions().size(), 1);
        QVERIFY(editor.findChild<QLabel *>(QStringLiteral("tailoringStatus"))->text().contains(QLatin1String("version 1")));

        // What `triad-cli scan --tailoring "ACME production"` does: the newest version of that
        // name, read by TailoringLoader, validated and planned.
        Tailoring tailoring;
        {
            auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
            QVERIFY(db);
            auto stored = (*db)->latestTailoring(kTemplate, kName);
            QVERIFY2(stored, errorOf(stored).constData());
            QCOMPARE(stored->version, 1);
            QCOMPARE(stored->yaml, editor.currentYaml());
            auto loaded = TailoringLoader::loadText(stored->yaml.toUtf8(), kName);
            QVERIFY2(loaded, errorOf(loaded).constData());
            tailoring = *loaded;
            auto audit = (*db)->auditLog();
            QVERIFY(audit);
            QVERIFY(std::any_of(audit->cbegin(), audit->cend(), [](const AuditEntry &e) {
                return e.action == QLatin1String("tailoring.saved") && e.actor == QLatin1String("tailoring-test");
            }));
        }
        QCOMPARE(tailoring.templateId, kTemplate);
        QCOMPARE(tailoring.name, kName);
        QVERIFY(validateTailoring(*m_catalog, tailoring).isEmpty());
        auto plan = Planner::plan(*m_catalog, kTemplate, &tailoring);
        QVERIFY2(plan, errorOf(plan).constData());
        QCOMPARE(plan->tailoringName, kName);
        QCOMPARE(plan->parameters.value(QStringLiteral("ssh_max_auth_tries")).toLongLong(), 3);
        for (const QString &id : requirement->checks) {
            const PlannedCheck *c = plannedCheck(*plan, id);
            QVERIFY2(c, qPrintable(id));
            QVERIFY(c->disabled);
            QCOMPARE(c->disabledReason, QStringLiteral("Handled by the \"golden image\" pipeline: see SEC-42"));
        }
        const PlannedCheck *root = plannedCheck(*plan, QStringLiteral("ssh.permit-root-login"));
        QVERIFY(root);
        QCOMPARE(toString(root->check.severity), QStringLiteral("critical"));
        QVERIFY(!root->disabled);

        // The same text again is the same version; a change is the next one.
        saved.clear();
        editor.save();
        QVERIFY(caught(saved));
        QCOMPARE(saved.first().at(1).toInt(), 1);
        QVERIFY(editor.findChild<QLabel *>(QStringLiteral("tailoringStatus"))->text().startsWith(QLatin1String("Unchanged")));
        QTRY_COMPARE(editor.versions().size(), 1);  // listed again after the save
        QVERIFY(parameters->setData(parameters->index(parameters->rowOf(QStringLiteral("ssh_max_auth_tries")),
                                                      TailoringParameterModel::Value),
                                    QStringLiteral("5")));
        saved.clear();
        versions.clear();
        editor.save();
        QVERIFY(caught(saved));
        QCOMPARE(saved.first().at(1).toInt(), 2);
        QTRY_COMPARE(editor.versions().size(), 2);

        // Version 1 loads back into a fresh editor as it was saved.
        TailoringEditor other;
        other.setCatalog(m_catalog);
        QSignalSpy otherVersions(&other, &TailoringEditor::versionsLoaded);
        other.setProject(path);
        other.setTemplate(kTemplate);
        QVERIFY(caught(otherVersions));
        int v1 = -1;
        for (int i = 0; i < other.versions().size(); ++i)
            v1 = other.versions().at(i).version == 1 ? i : v1;
        QVERIFY(v1 >= 0);
        QVERIFY(other.loadVersion(v1));
        QCOMPARE(other.tailoringName(), kName);
        QCOMPARE(other.parameterModel()->values().value(QStringLiteral("ssh_max_auth_tries")).toLongLong(), 3);
        QCOMPARE(other.checkModel()->disabledChecks().keys(), tailoring.disabledChecks.keys());
        QCOMPARE(toString(other.checkModel()->severityOverrides().value(QStringLiteral("ssh.permit-root-login"))), QStringLiteral("critical"));
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        QCOMPARE(other.currentYaml(), (*db)->latestTailoring(kTemplate, kName, 1)->yaml);
    }

    void yamlErrorsNameTheLineAndColumn()
    {
        TailoringEditor editor;
        editor.setCatalog(m_catalog);
        editor.setTemplate(kTemplate);
        editor.setTailoringName(QStringLiteral("before"));
        auto *error = editor.findChild<QLabel *>(QStringLiteral("tailoringYamlError"));
        QVERIFY(error);

        // Malformed YAML: the form is left as it was and the error names where.
        const QString broken = QStringLiteral("tailoring: {template: cis-linux, name: x}\n"
                                              "parameters:\n"
                                              "  ssh_max_auth_tries: [3, 4\n");
        QVERIFY(!editor.applyYaml(broken, QStringLiteral("acme.yaml")));
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains(QRegularExpression(QStringLiteral("acme\\.yaml:\\d+:\\d+: malformed YAML"))),
                 qPrintable(error->text()));
        QCOMPARE(editor.tailoringName(), QStringLiteral("before"));

        // A key the schema does not know is named with its line.
        const QString misspelt = QStringLiteral("tailoring: {template: cis-linux, name: x}\n"
                                                "disabel:\n"
                                                "  - {check: ssh.permit-root-login, reason: r}\n");
        QVERIFY(!editor.applyYaml(misspelt, QStringLiteral("acme.yaml")));
        QVERIFY2(error->text().contains(QLatin1String("acme.yaml:")) && error->text().contains(QLatin1String("disabel")),
                 qPrintable(error->text()));
        // The cursor is put on the line named.
        QCOMPARE(editor.findChild<QPlainTextEdit *>(QStringLiteral("tailoringYaml"))->textCursor().blockNumber() + 1,
                 error->text().section(QLatin1Char(':'), 2, 2).toInt());

        // A value out of bounds loads, stays visible with its problem, and blocks saving.
        const QString outOfBounds = QStringLiteral("tailoring: {template: cis-linux, name: loaded}\n"
                                                   "parameters: {ssh_max_auth_tries: 99}\n"
                                                   "disable:\n"
                                                   "  - {check: no.such-check, reason: gone}\n");
        QVERIFY(editor.applyYaml(outOfBounds, QStringLiteral("acme.yaml")));
        QVERIFY(error->isHidden());
        QCOMPARE(editor.tailoringName(), QStringLiteral("loaded"));
        TailoringParameterModel *parameters = editor.parameterModel();
        const int row = parameters->rowOf(QStringLiteral("ssh_max_auth_tries"));
        QCOMPARE(parameters->index(row, TailoringParameterModel::Value).data().toString(), QStringLiteral("99"));
        QVERIFY(parameters->index(row, TailoringParameterModel::Problem).data().toString().contains(QLatin1String("above the maximum 10")));
        QVERIFY(editor.problems().join(u' ').contains(QLatin1String("above the maximum 10")));
        QVERIFY(!editor.canSave());
        const QString problems = editor.findChild<QLabel *>(QStringLiteral("tailoringProblems"))->text();
        QVERIFY2(problems.contains(QLatin1String("no.such-check")), qPrintable(problems));   // named as left out
        QVERIFY(editor.checkModel()->disabledChecks().isEmpty());

        // A tailoring of another template is not loaded into this one.
        QVERIFY(!editor.applyYaml(QStringLiteral("tailoring: {template: soc2, name: x}\n"), QStringLiteral("soc2.yaml")));
        QVERIFY(error->text().contains(QLatin1String("soc2")));
    }

    void leavingATemplateKeepsItsUnsavedChanges()
    {
        TailoringEditor editor;
        editor.setCatalog(m_catalog);
        editor.setTemplate(kTemplate);
        editor.setTailoringName(kName);
        TailoringParameterModel *parameters = editor.parameterModel();
        const auto value = [parameters] {
            return parameters->index(parameters->rowOf(QStringLiteral("ssh_max_auth_tries")), TailoringParameterModel::Value);
        };
        QVERIFY(parameters->setData(value(), QStringLiteral("11")));     // out of bounds: kept as typed
        editor.checkModel()->setDisabled(QStringLiteral("fs.module-cramfs"), true, QStringLiteral("No modules"));

        editor.setTemplate(QStringLiteral("soc2"));
        QVERIFY(editor.tailoringName().isEmpty());       // a fresh tailoring of another template
        QVERIFY(editor.checkModel()->disabledChecks().isEmpty());
        editor.setTemplate(kTemplate);
        QCOMPARE(editor.tailoringName(), kName);
        QCOMPARE(value().data().toString(), QStringLiteral("11"));
        QVERIFY(editor.problems().join(u' ').contains(QLatin1String("above the maximum 10")));
        QCOMPARE(editor.checkModel()->disabledChecks().value(QStringLiteral("fs.module-cramfs")), QStringLiteral("No modules"));
        QVERIFY(editor.findChild<QLabel *>(QStringLiteral("tailoringStatus"))->text().contains(QLatin1String("unsaved changes")));
    }

    void yamlTextSurvivesAnyReason()
    {
        Tailoring t;
        t.templateId = kTemplate;
        t.name = QStringLiteral("Name: with \"quotes\" # and a hash");
        t.parameters.insert(QStringLiteral("ssh_max_auth_tries"), qint64(3));
        t.parameters.insert(QStringLiteral("ssh_weak_ciphers"), QStringList{QStringLiteral("a,b"), QStringLiteral("- c")});
        t.parameters.insert(QStringLiteral("sshd_config_path"), QStringLiteral("/etc/ssh/sshd_config"));
        t.disabledChecks.insert(QStringLiteral("ssh.permit-root-login"),
                                QStringLiteral("line one\nline two: {x}\t\\ ümlaut ✓ \x01 ]"));
        t.severityOverrides.insert(QStringLiteral("ssh.config-permissions"), Severity::Low);
        const QString yaml = tailoringToYaml(t);
        auto back = TailoringLoader::loadText(yaml.toUtf8(), QStringLiteral("written.yaml"));
        QVERIFY2(back, QByteArray(errorOf(back) + '\n' + yaml.toUtf8()).constData());
        QCOMPARE(back->name, t.name);
        QCOMPARE(back->disabledChecks, t.disabledChecks);
        QCOMPARE(back->severityOverrides, t.severityOverrides);
        QCOMPARE(back->parameters.value(QStringLiteral("ssh_max_auth_tries")).toLongLong(), 3);
        QCOMPARE(back->parameters.value(QStringLiteral("ssh_weak_ciphers")).toStringList(), t.parameters.value(QStringLiteral("ssh_weak_ciphers")).toStringList());
        QVERIFY(validateTailoring(*m_catalog, *back).isEmpty());
        QCOMPARE(tailoringToYaml(*back), yaml);     // deterministic: same text, same stored version
    }

    void editorScreenshot()
    {
        // For tests/screenshots.sh: the editor with changes and one validation error.
        const QByteArray dir = qgetenv("TRIAD_UI_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set TRIAD_UI_SCREENSHOT_DIR to write the screenshot");
        QTemporaryDir tmp;
        TailoringEditor editor;
        editor.resize(1400, 760);
        editor.setCatalog(m_catalog);
        QSignalSpy versions(&editor, &TailoringEditor::versionsLoaded);
        editor.setProject(makeProject(tmp.path()));
        editor.setTemplate(kTemplate);
        QVERIFY(caught(versions));
        // A file with one value out of bounds: loaded, the editor shows that row and its problem.
        QVERIFY(editor.applyYaml(QStringLiteral("tailoring: {template: cis-linux, name: ACME production}\n"
                                                "parameters: {ssh_max_auth_tries: 12, ssh_login_grace_time: 30}\n"
                                                "disable:\n"
                                                "  - {check: fs.module-cramfs, reason: Appliance image without loadable modules (SEC-42)}\n"
                                                "severity: {ssh.permit-root-login: critical}\n"),
                                 QStringLiteral("acme-production.yaml")));
        QVERIFY(!editor.canSave());
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QVERIFY(editor.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("tailoring-editor.png"))));
        editor.findChild<QTabWidget *>()->setCurrentIndex(1);
        QVERIFY(editor.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("tailoring-checks.png"))));
        editor.findChild<QTabWidget *>()->setCurrentIndex(2);
        editor.applyYaml(QStringLiteral("tailoring: {template: cis-linux, name: x}\nparameters:\n  ssh_max_auth_tries: [3, 4\n"),
                         QStringLiteral("acme.yaml"));
        QVERIFY(editor.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("tailoring-yaml-error.png"))));

        // The same in a dark palette: muted defaults and problems must stay readable.
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
        dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
        const QPalette before = QApplication::palette();
        QApplication::setPalette(dark);
        editor.findChild<QTabWidget *>()->setCurrentIndex(0);
        QTest::qWait(50);   // palette change events reach every widget
        QVERIFY(editor.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("tailoring-editor-dark.png"))));
        QApplication::setPalette(before);
    }

private:
    std::shared_ptr<const Catalog> m_catalog;
};

QTEST_MAIN(TestTailoringEditor)
#include "tst_tailoring_editor.moc"
