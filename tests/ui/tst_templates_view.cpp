// The Templates view on the shipped template library: the template list, the requirement tree
// and its search, and the detail pane of requirements and checks, offscreen.
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "ui/MainWindow.h"
#include "ui/TailoringEditor.h"
#include "ui/ProjectLoader.h"
#include "ui/TemplateDetailHtml.h"
#include "ui/TemplatesView.h"
#include "ui/models/RequirementTreeModel.h"
#include "ui/models/TemplateListModel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTreeView>

using namespace triad;

namespace {

using Kind = RequirementTreeModel::Kind;

Kind kindOf(const QModelIndex &index)
{
    return Kind(index.data(RequirementTreeModel::KindRole).toInt());
}

/// Every node of a tree model, depth first.
QList<QModelIndex> allNodes(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QList<QModelIndex> nodes;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        nodes << index << allNodes(model, index);
    }
    return nodes;
}

QString plainText(const QString &html)
{
    QTextDocument doc;
    doc.setHtml(html);
    return doc.toPlainText();
}

bool caught(QSignalSpy &spy, int timeout = 10000)
{
    return !spy.isEmpty() || spy.wait(timeout);
}

} // namespace

class TestTemplatesView final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Off the GUI thread, as the main window loads it.
        auto future = ProjectLoader::loadCatalog();
        future.waitForFinished();
        m_catalog = future.result();
        QVERIFY2(m_catalog, "the shipped templates did not load");
    }

    void templateListShowsTheShippedLibrary()
    {
        TemplateListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCatalog(m_catalog);
        QSet<QString> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.insert(model.templateIdAt(row));
        for (const char *id : {"cis-linux", "pci-dss-4", "hipaa-security", "soc2"})
            QVERIFY2(ids.contains(QLatin1String(id)), id);
        for (const AssessmentTemplate &t : m_catalog->assessments()) {
            const int row = model.rowOf(t.id);
            QVERIFY(row >= 0);
            int manual = 0;
            QSet<QString> checks;
            for (const RequirementDef &r : t.requirements) {
                manual += r.checks.isEmpty() ? 1 : 0;
                for (const QString &c : r.checks)
                    checks.insert(c);
            }
            QCOMPARE(model.index(row, TemplateListModel::Version).data().toString(), t.version);
            QCOMPARE(model.index(row, TemplateListModel::Requirements).data().toInt(), int(t.requirements.size()));
            QCOMPARE(model.index(row, TemplateListModel::Manual).data().toInt(), manual);
            QCOMPARE(model.index(row, TemplateListModel::Checks).data().toInt(), int(checks.size()));
            QVERIFY(manual > 0 && !checks.isEmpty());
        }
        model.setCatalog(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void requirementTreeHoldsEveryRequirementAndCheck()
    {
        for (const AssessmentTemplate &t : m_catalog->assessments()) {
            RequirementTreeModel model;
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.setTemplate(m_catalog, t.id);
            QSet<QString> sections;
            int checkCount = 0;
            for (const RequirementDef &r : t.requirements) {
                sections.insert(r.section);
                checkCount += int(r.checks.size());
            }
            QCOMPARE(model.rowCount(), int(sections.size()));
            int requirements = 0;
            int checks = 0;
            for (const QModelIndex &index : allNodes(model)) {
                switch (kindOf(index)) {
                case Kind::Section:
                    QVERIFY(!model.parent(index).isValid());
                    break;
                case Kind::Requirement: {
                    ++requirements;
                    const RequirementDef *r = model.requirementAt(index);
                    QVERIFY(r);
                    QCOMPARE(index.data().toString(), r->id);
                    QCOMPARE(model.rowCount(index), int(r->checks.size()));
                    QCOMPARE(kindOf(model.parent(index)), Kind::Section);
                    // A manual requirement says so where a severity would be.
                    if (r->checks.isEmpty())
                        QCOMPARE(model.index(index.row(), RequirementTreeModel::Severity, model.parent(index)).data().toString(),
                                 QStringLiteral("manual"));
                    for (int c = 0; c < r->checks.size(); ++c)
                        QCOMPARE(model.index(c, 0, index).data().toString(), r->checks.at(c));
                    break;
                }
                case Kind::Check: {
                    ++checks;
                    const CheckDef *c = model.checkAt(index);
                    QVERIFY2(c, qPrintable(index.data().toString()));
                    QCOMPARE(model.index(index.row(), RequirementTreeModel::Title, model.parent(index)).data().toString(), c->title);
                    QCOMPARE(model.index(index.row(), RequirementTreeModel::Severity, model.parent(index)).data().toString(),
                             toString(c->severity));
                    QCOMPARE(index.data(RequirementTreeModel::RequirementIdRole).toString(), model.requirementAt(index)->id);
                    break;
                }
                }
            }
            QCOMPARE(requirements, int(t.requirements.size()));
            QCOMPARE(checks, checkCount);
        }

        RequirementTreeModel model;
        model.setTemplate(m_catalog, QStringLiteral("cis-linux"));
        const QModelIndex first = model.index(0, 0);
        QCOMPARE(first.data().toString(), QStringLiteral("1.1.1"));
        QCOMPARE(model.index(0, RequirementTreeModel::Title).data().toString(), QStringLiteral("Filesystem kernel modules"));
        model.setTemplate(m_catalog, QStringLiteral("no-such-template"));
        QCOMPARE(model.rowCount(), 0);
    }

    void searchMatchesIdsAndTitlesAtEveryLevel()
    {
        RequirementTreeModel model;
        RequirementFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTemplate(m_catalog, QStringLiteral("cis-linux"));
        const int allCount = int(allNodes(proxy).size());

        // A check id: the check shows, under its requirement and section, and little else.
        proxy.setText(QStringLiteral("ssh.max-auth-tries"));
        QList<QModelIndex> shown = allNodes(proxy);
        QVERIFY(!shown.isEmpty());
        QVERIFY(shown.size() < allCount / 10);
        bool found = false;
        for (const QModelIndex &index : shown) {
            if (kindOf(index) == Kind::Check && index.data().toString() == QLatin1String("ssh.max-auth-tries")) {
                found = true;
                QCOMPARE(kindOf(index.parent()), Kind::Requirement);
                QCOMPARE(kindOf(index.parent().parent()), Kind::Section);
            }
            if (kindOf(index) == Kind::Check)
                QVERIFY(index.data().toString().contains(QLatin1String("ssh.max-auth-tries")));
        }
        QVERIFY(found);

        // Words of a title, in any case: a matching requirement brings its checks along.
        proxy.setText(QStringLiteral("CRAMFS kernel MODULE"));
        shown = allNodes(proxy);
        QStringList ids;
        for (const QModelIndex &index : shown)
            ids << index.data().toString();
        QVERIFY2(ids.contains(QStringLiteral("1.1.1.1")), qPrintable(ids.join(u',')));
        QVERIFY(ids.contains(QStringLiteral("fs.module-cramfs")));
        QVERIFY(!ids.contains(QStringLiteral("1.1.1.2")));

        proxy.setText(QStringLiteral("no such words anywhere"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setText(QString());
        QCOMPARE(int(allNodes(proxy).size()), allCount);
    }

    void rulesAndCollectorsReadAsPlainWords()
    {
        const CheckDef *check = m_catalog->findCheck(QStringLiteral("ssh.permit-root-login"));
        QVERIFY(check);
        QCOMPARE(TemplateDetailHtml::describeRule(check->rules.at(0)),
                 QStringLiteral("permitrootlogin from sshd_effective, else sshd_config_file equals \"no\" (case ignored); "
                                "when missing it fails"));
        const CheckLibrary *lib = m_catalog->library(check->library);
        QVERIFY(lib);
        for (const CollectorDef &c : lib->collectors) {
            if (c.id == QLatin1String("sshd_effective"))
                QCOMPARE(TemplateDetailHtml::describeCollector(c), QStringLiteral("runs `sshd -T` with sudo, read as key/value pairs"));
        }
        const CheckDef *perms = m_catalog->findCheck(QStringLiteral("ssh.config-permissions"));
        QVERIFY(perms);
        QCOMPARE(TemplateDetailHtml::describeRule(perms->rules.at(0)),
                 QStringLiteral("mode from sshd_config_stat grants no permission beyond the mode \"0600\"; when missing it fails"));
    }

    void viewShowsRequirementAndCheckDetails()
    {
        TemplatesView view;
        view.resize(1300, 800);
        view.show();
        QSignalSpy shown(&view, &TemplatesView::templatesShown);
        QSignalSpy detail(&view, &TemplatesView::detailShown);
        view.setCatalog(m_catalog);
        QVERIFY(caught(shown));
        QCOMPARE(shown.first().at(0).toInt(), int(m_catalog->assessments().size()));
        // The first template's first requirement is shown at once: the pane is never blank.
        QVERIFY(caught(detail));
        const AssessmentTemplate &first = m_catalog->assessments().first();
        QCOMPARE(view.currentTemplate(), first.id);
        QCOMPARE(detail.last().at(0).toString(), first.requirements.first().id);

        QVERIFY(view.selectTemplate(QStringLiteral("cis-linux")));
        detail.clear();
        QVERIFY(view.selectItem(QStringLiteral("ssh.permit-root-login")));
        QCOMPARE(detail.count(), 1);
        QCOMPARE(detail.last().at(0).toString(), QStringLiteral("ssh.permit-root-login"));
        const QString text = plainText(view.detailHtml());
        const CheckDef *check = m_catalog->findCheck(QStringLiteral("ssh.permit-root-login"));
        for (const QString &part : {check->title, check->description, check->rationale, check->remediation.summary,
                                    check->verification.expected, QStringLiteral("severity high"),
                                    QStringLiteral("How it is checked"), QStringLiteral("runs `sshd -T` with sudo"),
                                    QStringLiteral("Manual verification"), QStringLiteral("Framework mappings")})
            QVERIFY2(text.contains(part), qPrintable(part));
        // Every template requirement that maps the check is named, and only those.
        for (const AssessmentTemplate &t : m_catalog->assessments()) {
            for (const RequirementDef &r : t.requirements) {
                const QString mapping = t.id + QLatin1Char(' ') + r.id;
                QCOMPARE(text.contains(mapping + QLatin1Char(' ')) || text.endsWith(mapping) || text.contains(mapping + QLatin1Char('\n')),
                         r.checks.contains(check->id));
            }
        }

        // A manual requirement: what to ask for and what it must show.
        QVERIFY(view.selectItem(QStringLiteral("1.1.1.10")));
        const QString manual = plainText(view.detailHtml());
        const RequirementDef *req = nullptr;
        for (const RequirementDef &r : m_catalog->assessment(QStringLiteral("cis-linux"))->requirements)
            req = r.id == QLatin1String("1.1.1.10") ? &r : req;
        QVERIFY(req && req->manual);
        QVERIFY(manual.contains(QStringLiteral("Manual requirement")));
        QVERIFY(manual.contains(req->manual->askFor));     // holds quotes and $(...): escaped, shown as written
        QVERIFY(manual.contains(req->manual->verify));
    }

    void searchInTheViewExpandsAndCounts()
    {
        TemplatesView view;
        view.show();
        view.setCatalog(m_catalog);
        QVERIFY(view.selectTemplate(QStringLiteral("cis-linux")));
        view.setSearchText(QStringLiteral("auth-tries"));
        auto *matches = view.findChild<QLabel *>(QStringLiteral("requirementMatches"));
        QVERIFY(matches);
        QVERIFY2(matches->text().contains(QLatin1String("match")), qPrintable(matches->text()));
        QVERIFY(matches->text() != QLatin1String("no match"));
        // The hits are unfolded so that the user sees them.
        const QModelIndex section = view.treeView()->model()->index(0, 0);
        QVERIFY(view.treeView()->isExpanded(section));
        // Choosing an item hidden by the search clears the search.
        QVERIFY(view.selectItem(QStringLiteral("1.1.1.1")));
        QVERIFY(view.findChild<QLineEdit *>(QStringLiteral("requirementSearch"))->text().isEmpty());
        view.setSearchText(QStringLiteral("zzz-nothing"));
        QCOMPARE(matches->text(), QStringLiteral("no match"));
    }

    void noCatalogIsSaidInPlace()
    {
        TemplatesView view;
        QSignalSpy shown(&view, &TemplatesView::templatesShown);
        view.setCatalog(nullptr);
        QCOMPARE(shown.count(), 1);
        QCOMPARE(shown.first().at(0).toInt(), 0);
        auto *state = view.findChild<QLabel *>(QStringLiteral("templatesState"));
        QVERIFY(state && state->text().contains(QLatin1String("triad-cli templates validate")));
    }

    void mainWindowHasATemplatesPage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("window.triad"));
        {
            ProjectInfo info;
            info.name = QStringLiteral("Window test");
            info.createdAt = QDateTime::currentDateTimeUtc();
            QVERIFY(ProjectDatabase::create(path, info));
        }
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::projectLoaded);
        QSignalSpy detail(&window, &MainWindow::templateDetailShown);
        QSignalSpy versions(window.templatesView()->tailoringEditor(), &TailoringEditor::versionsLoaded);
        window.openProject(path);
        window.showView(MainWindow::View::Templates);
        QCOMPARE(window.currentView(), MainWindow::View::Templates);
        QVERIFY(caught(loaded));
        // The window's own catalog (loaded on a worker) reaches the page, and the editor reads
        // the project's stored tailorings: there are none yet.
        QVERIFY(caught(detail));
        QVERIFY(caught(versions));
        QCOMPARE(versions.last().at(0).toInt(), 0);
        QVERIFY(!window.templatesView()->currentTemplate().isEmpty());
    }

    void checkDetailScreenshot()
    {
        // For tests/screenshots.sh: a check's detail with how it is checked and its parameters.
        const QByteArray dir = qgetenv("TRIAD_UI_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set TRIAD_UI_SCREENSHOT_DIR to write the screenshot");
        TemplatesView view;
        view.resize(1400, 860);
        view.setCatalog(m_catalog);
        QVERIFY(view.selectTemplate(QStringLiteral("cis-linux")));
        view.setSearchText(QStringLiteral("ssh.max"));
        QVERIFY(view.selectItem(QStringLiteral("ssh.max-auth-tries")));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/templates-check.png")));
    }

private:
    std::shared_ptr<const Catalog> m_catalog;
};

QTEST_MAIN(TestTemplatesView)
#include "tst_templates_view.moc"
