// The Issues view, its lazily paged model, the waive dialog and the waiver/attestation register,
// on real project files, offscreen.
#include "BackgroundPoolGate.h"
#include "EventLoopStallMeter.h"
#include "IssueProjectBuilder.h"
#include "ui/IssueQueries.h"
#include "ui/IssuesView.h"
#include "ui/MainWindow.h"
#include "ui/ExtendWaiverDialog.h"
#include "ui/RegisterView.h"
#include "ui/Theme.h"
#include "ui/WaiverDialog.h"
#include "ui/models/AttestationTableModel.h"
#include "ui/models/IssueTableModel.h"
#include "ui/models/WaiverTableModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

#include <cmath>

using namespace triad;
using triad::test::IssueProjectBuilder;
using triad::test::Verdict;

namespace {

const QString kWeb = QStringLiteral("web-01");
const QString kDb = QStringLiteral("db-01");

/// Two runs over two assets: web-01/ssh.a fixed in run 2; web-01/ssh.b, db-01/ssh.a and
/// db-01/db.x open; web-01/ssh.c waived (a waiver for every asset added between the runs).
QString makeLifecycleProject(const QString &dir)
{
    const QString path = dir + QStringLiteral("/issues.triad");
    IssueProjectBuilder p(path);
    p.addAsset(kWeb, {QStringLiteral("web"), QStringLiteral("dmz")});
    p.addAsset(kDb, {QStringLiteral("db")});
    p.addRun(
        {{kWeb, QStringLiteral("ssh.a"), CheckStatus::Fail, Severity::High},
         {kWeb, QStringLiteral("ssh.b"), CheckStatus::Fail, Severity::Critical},
         {kWeb, QStringLiteral("ssh.c"), CheckStatus::Fail, Severity::Low},
         {kDb, QStringLiteral("ssh.a"), CheckStatus::Fail, Severity::High},
         {kDb, QStringLiteral("db.x"), CheckStatus::Fail, Severity::Medium, QStringLiteral("/etc/my.cnf")}});
    p.addWaiver(QStringLiteral("ssh.c"));
    p.addRun(
        {{kWeb, QStringLiteral("ssh.a"), CheckStatus::Pass, Severity::High},
         {kWeb, QStringLiteral("ssh.b"), CheckStatus::Fail, Severity::Critical},
         {kWeb, QStringLiteral("ssh.c"), CheckStatus::Fail, Severity::Low},
         {kDb, QStringLiteral("ssh.a"), CheckStatus::Fail, Severity::High},
         {kDb, QStringLiteral("db.x"), CheckStatus::Fail, Severity::Medium, QStringLiteral("/etc/my.cnf")}});
    return path;
}

QList<Asset> assetsOf(const QString &path)
{
    auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
    return db ? (*db)->assets().value() : QList<Asset> {};
}

QList<RunInfo> runsOf(const QString &path)
{
    auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
    return db ? (*db)->runs().value() : QList<RunInfo> {};
}

QList<Waiver> waiversOf(const QString &path)
{
    auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
    return db ? (*db)->waivers().value() : QList<Waiver> {};
}

/// Waits for a signal the spy may already have caught: a continuation attached to a future that
/// has already finished runs at once, inside the call that attached it (Qt 6.4).
bool caught(QSignalSpy &spy, int timeout = 10000)
{
    return !spy.isEmpty() || spy.wait(timeout);
}

/// Chooses the item of `combo` with this text and waits for the view to show the new filter.
bool chooseAndWait(IssuesView &view, const char *comboName, const QString &text)
{
    auto *combo = view.findChild<QComboBox *>(QLatin1String(comboName));
    const int index = combo ? combo->findText(text) : -1;
    if (index < 0)
        return false;
    if (combo->currentIndex() == index)
        return true;
    QSignalSpy loaded(&view, &IssuesView::issuesLoaded);
    combo->setCurrentIndex(index);
    return caught(loaded);
}

QStringList shownKeys(const IssueTableModel &model)
{
    QStringList keys;
    for (int row = 0; row < model.rowCount(); ++row)
        keys << model.issueAt(row)->assetName + QLatin1Char('/') + model.issueAt(row)->checkId;
    return keys;
}

/// WCAG 2 contrast ratio of two colours (1 to 21); 3 is the least for large or bold text and marks.
double contrastRatio(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TestIssuesView final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    /// The state colours (open, fixed, waived) come from the theme: another shade in the dark theme,
    /// and readable on the table's base colour in both (contrast ratio at least 3). The detail
    /// pane's history is drawn again in the new shades when the theme changes.
    void stateColoursFollowTheTheme()
    {
        QTemporaryDir dir;
        const QString path = makeLifecycleProject(dir.path());
        IssuesView view;
        view.resize(1200, 700);
        view.show();
        QSignalSpy loaded(&view, &IssuesView::issuesLoaded);
        view.setProject(path, assetsOf(path), runsOf(path));
        QVERIFY(caught(loaded));
        QVERIFY(chooseAndWait(view, "issueStateFilter", QStringLiteral("All states")));
        const IssueTableModel &model = *view.model();
        QCOMPARE(model.rowCount(), 5);

        const QPalette original = QApplication::palette();
        // displayed state -> its colour, per theme
        QHash<QString, QColor> light;
        QHash<QString, QColor> dark;
        for (auto [palette, colours] : {std::pair{Theme::lightPalette(), &light}, std::pair{Theme::darkPalette(), &dark}}) {
            QApplication::setPalette(palette);
            const QColor base = palette.color(QPalette::Base);
            for (int row = 0; row < model.rowCount(); ++row) {
                const QModelIndex state = model.index(row, IssueTableModel::State);
                const QColor colour = state.data(Qt::ForegroundRole).value<QBrush>().color();
                const QString name = state.data(IssueTableModel::StateRole).toString();
                QVERIFY2(contrastRatio(colour, base) >= 3.0,
                         qPrintable(QStringLiteral("%1 %2 on %3: %4").arg(name, colour.name(), base.name())
                                        .arg(contrastRatio(colour, base))));
                colours->insert(name, colour);
            }
        }
        QCOMPARE(light.size(), 3);   // open, fixed, waived
        for (auto it = light.cbegin(); it != light.cend(); ++it)
            QVERIFY2(dark.value(it.key()) != it.value(), qPrintable(it.key()));

        // The open issue's history says "opened" in the theme's red, redrawn on a theme change.
        QSignalSpy detail(&view, &IssuesView::detailShown);
        auto *table = view.findChild<QTableView *>(QStringLiteral("issueTable"));
        int open = -1;
        for (int row = 0; row < model.rowCount() && open < 0; ++row)
            if (model.index(row, IssueTableModel::State).data(IssueTableModel::StateRole).toString() == QLatin1String("open"))
                open = row;
        QVERIFY(open >= 0);
        const qint64 openId = model.index(open, 0).data(IssueTableModel::IssueIdRole).toLongLong();
        // The view selects its first row by itself, and its detail may already have been shown:
        // leave that row first, so that choosing the open issue is a change even when it is row 0.
        table->setCurrentIndex(QModelIndex());
        detail.clear();
        table->selectRow(open);
        QTRY_VERIFY_WITH_TIMEOUT(!detail.isEmpty() && detail.last().at(0).toLongLong() == openId, 10000);
        auto *pane = view.findChild<QTextBrowser *>(QStringLiteral("issueDetail"));
        QVERIFY(pane->toHtml().contains(dark.value(QStringLiteral("open")).name(), Qt::CaseInsensitive));
        QApplication::setPalette(Theme::lightPalette());
        QTRY_VERIFY(pane->toHtml().contains(light.value(QStringLiteral("open")).name(), Qt::CaseInsensitive));
        QVERIFY(!pane->toHtml().contains(dark.value(QStringLiteral("open")).name(), Qt::CaseInsensitive));
        QApplication::setPalette(original);
    }

    void issueModelPagesThroughThousandsOfIssues()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("many.triad"));
        {
            IssueProjectBuilder p(path);
            QList<Verdict> verdicts;
            for (int a = 0; a < 3; ++a) {
                const QString asset = QStringLiteral("host-%1").arg(a);
                p.addAsset(asset);
                for (int c = 0; c < 1000; ++c)
                    verdicts << Verdict {asset, QStringLiteral("check.%1").arg(c, 4, 10, QLatin1Char('0')),
                                         CheckStatus::Fail, Severity(c % 5)};
            }
            p.addRun(verdicts);
        }
        IssueTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy pages(&model, &IssueTableModel::pageLoaded);
        model.setQuery(path, {});
        QVERIFY(caught(pages));
        QCOMPARE(model.totalCount(), 3000);
        QCOMPARE(model.rowCount(), IssueTableModel::kPageSize);
        QVERIFY(model.canFetchMore({}));
        // Most severe first, as the database orders them.
        QCOMPARE(model.index(0, IssueTableModel::Severity).data().toString(), QStringLiteral("critical"));
        int fetches = 0;
        while (model.canFetchMore({})) {
            const int before = model.rowCount();
            model.fetchMore({});
            if (model.isLoading())
                QVERIFY(!model.canFetchMore({})); // one page at a time
            QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > before, 10000);
            QCOMPARE(model.rowCount() - before, qMin(IssueTableModel::kPageSize, 3000 - before));
            ++fetches;
        }
        QCOMPARE(fetches, 5);
        QCOMPARE(model.rowCount(), 3000);
        QSet<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids.insert(model.index(row, 0).data(IssueTableModel::IssueIdRole).toLongLong());
        QCOMPARE(ids.size(), 3000); // pages neither overlap nor skip

        // A filter is applied in the database: the count and the pages are of the filter.
        IssueFilter filter;
        filter.assetName = QStringLiteral("host-1");
        filter.text = QStringLiteral("check.09");
        pages.clear();
        model.setQuery(path, filter);
        QVERIFY(caught(pages));
        QCOMPARE(model.totalCount(), 100);
        QCOMPARE(model.rowCount(), 100);
        QVERIFY(!model.canFetchMore({}));
    }

    void aPageOfAnOldFilterIsDropped()
    {
        QTemporaryDir dir;
        const QString path = makeLifecycleProject(dir.path());
        IssueTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy pages(&model, &IssueTableModel::pageLoaded);
        {
            // Both loads wait until the second query is set, so the first one's answer is late.
            test::BackgroundPoolGate gate;
            model.setQuery(path, {});
            IssueFilter filter;
            filter.assetName = kDb;
            model.setQuery(path, filter);
            QCOMPARE(pages.count(), 0);
        }
        QVERIFY(caught(pages));
        QTest::qWait(100);
        QCOMPARE(pages.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(shownKeys(model),
                 (QStringList {QStringLiteral("db-01/ssh.a"), QStringLiteral("db-01/db.x")}));
    }

    void registerModelsPassTheModelTester()
    {
        WaiverTableModel waivers;
        QAbstractItemModelTester waiverTester(&waivers,
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Waiver active;
        active.id = 1;
        active.checkId = QStringLiteral("ssh.a");
        active.expiresOn = now.date().addDays(3);
        Waiver expired = active;
        expired.id = 2;
        expired.assetScope = QStringLiteral("tag:dmz");
        expired.expiresOn = now.date().addDays(-1);
        Waiver ended = active;
        ended.id = 3;
        ended.assetScope = QStringLiteral("asset:web-01");
        ended.endedAt = now.addSecs(-60);
        waivers.setWaivers({active, expired, ended}, now);
        QCOMPARE(waivers.rowCount(), 3);
        QCOMPARE(waivers.index(0, WaiverTableModel::State).data().toString(), QStringLiteral("active"));
        QCOMPARE(waivers.index(1, WaiverTableModel::State).data().toString(), QStringLiteral("expired"));
        QCOMPARE(waivers.index(2, WaiverTableModel::State).data().toString(), QStringLiteral("ended"));
        QCOMPARE(waivers.index(0, WaiverTableModel::Scope).data().toString(), QStringLiteral("all assets"));
        QCOMPARE(waivers.index(1, WaiverTableModel::Scope).data().toString(), QStringLiteral("tag dmz"));
        QCOMPARE(waivers.index(2, WaiverTableModel::Scope).data().toString(), QStringLiteral("asset web-01"));
        QVERIFY(waivers.index(0, 0).data(WaiverTableModel::ActiveRole).toBool());
        QVERIFY(!waivers.index(2, 0).data(WaiverTableModel::ActiveRole).toBool());

        AttestationTableModel attestations;
        QAbstractItemModelTester attestationTester(&attestations,
                                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
        Attestation a;
        a.id = 7;
        a.templateId = QStringLiteral("cis-linux");
        a.requirementId = QStringLiteral("1.1.1");
        a.status = CheckStatus::Fail;
        a.statement = QStringLiteral("BIOS password not set");
        a.attester = QStringLiteral("auditor");
        a.files = {AttestationFile {1, QStringLiteral("bios.png"), QString(64, QLatin1Char('a')), 10}};
        attestations.setAttestations({a});
        QCOMPARE(attestations.rowCount(), 1);
        QCOMPARE(attestations.index(0, AttestationTableModel::Verdict).data().toString(),
                 QStringLiteral("fail"));
        QVERIFY(attestations.index(0, AttestationTableModel::Files)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("bios.png")));
        QVERIFY(attestations.index(0, AttestationTableModel::Files)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QString(64, QLatin1Char('a'))));
        attestations.setAttestations({});
        QCOMPARE(attestations.rowCount(), 0);
    }

    void viewFiltersByStateSeverityAssetAndText()
    {
        QTemporaryDir dir;
        const QString path = makeLifecycleProject(dir.path());
        IssuesView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1200, 700);
        view.show();
        QSignalSpy loaded(&view, &IssuesView::issuesLoaded);
        view.setProject(path, assetsOf(path), runsOf(path));
        QVERIFY(caught(loaded));
        const IssueTableModel &model = *view.model();
        // Open by default, most severe first.
        QCOMPARE(shownKeys(model),
                 (QStringList {QStringLiteral("web-01/ssh.b"), QStringLiteral("db-01/ssh.a"),
                               QStringLiteral("db-01/db.x")}));
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("issueCount"))->text(),
                 QStringLiteral("3 issue(s)"));

        QVERIFY(chooseAndWait(view, "issueStateFilter", QStringLiteral("Waived")));
        QCOMPARE(shownKeys(model), QStringList {QStringLiteral("web-01/ssh.c")});
        QCOMPARE(model.index(0, IssueTableModel::State).data().toString(), QStringLiteral("waived"));
        QVERIFY(chooseAndWait(view, "issueStateFilter", QStringLiteral("Fixed")));
        QCOMPARE(shownKeys(model), QStringList {QStringLiteral("web-01/ssh.a")});
        QVERIFY(chooseAndWait(view, "issueStateFilter", QStringLiteral("All states")));
        QCOMPARE(model.rowCount(), 5);

        QVERIFY(chooseAndWait(view, "issueSeverityFilter", QStringLiteral("High and above")));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(chooseAndWait(view, "issueSeverityFilter", QStringLiteral("Critical")));
        QCOMPARE(shownKeys(model), QStringList {QStringLiteral("web-01/ssh.b")});
        QVERIFY(chooseAndWait(view, "issueSeverityFilter", QStringLiteral("All severities")));

        QVERIFY(chooseAndWait(view, "issueAssetFilter", kDb));
        QCOMPARE(shownKeys(model),
                 (QStringList {QStringLiteral("db-01/ssh.a"), QStringLiteral("db-01/db.x")}));
        QVERIFY(chooseAndWait(view, "issueAssetFilter", QStringLiteral("All assets")));

        auto *search = view.findChild<QLineEdit *>(QStringLiteral("issueSearch"));
        QSignalSpy afterSearch(&view, &IssuesView::issuesLoaded);
        search->setText(QStringLiteral("my.cnf")); // the subject
        QVERIFY(caught(afterSearch));
        QCOMPARE(shownKeys(model), QStringList {QStringLiteral("db-01/db.x")});

        // Nothing matches: the view says why and what to do.
        afterSearch.clear();
        search->setText(QStringLiteral("no-such-check"));
        QVERIFY(caught(afterSearch));
        auto *empty = view.findChild<QLabel *>(QStringLiteral("issuesEmptyState"));
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(QStringLiteral("No issue matches")));
        afterSearch.clear();
        search->clear();
        QVERIFY(caught(afterSearch));
        QVERIFY(!empty->isVisible());
    }

    void setFilterPutsAnotherViewsFilterIntoTheControls()
    {
        QTemporaryDir dir;
        const QString path = makeLifecycleProject(dir.path());
        IssuesView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.show();
        QSignalSpy loaded(&view, &IssuesView::issuesLoaded);
        view.setProject(path, assetsOf(path), runsOf(path));
        QVERIFY(caught(loaded));
        auto apply = [&](const IssueFilter &filter, const QString &requirement = {}) {
            loaded.clear();
            view.setFilter(filter, requirement);
            return caught(loaded);
        };
        auto combo = [&](const char *name) {
            return view.findChild<QComboBox *>(QLatin1String(name))->currentText();
        };

        IssueFilter fixed;
        fixed.states = {QStringLiteral("fixed")};
        QVERIFY(apply(fixed));
        QCOMPARE(loaded.count(), 1); // one query, not one per control
        QCOMPARE(combo("issueStateFilter"), QStringLiteral("Fixed"));
        QCOMPARE(shownKeys(*view.model()), QStringList {QStringLiteral("web-01/ssh.a")});

        IssueFilter high;
        high.states = {QStringLiteral("open")};
        high.minSeverity = Severity::High;
        high.assetName = kDb;
        QVERIFY(apply(high));
        QCOMPARE(combo("issueStateFilter"), QStringLiteral("Open"));
        QCOMPARE(combo("issueSeverityFilter"), QStringLiteral("High and above"));
        QCOMPARE(combo("issueAssetFilter"), kDb);
        QCOMPARE(shownKeys(*view.model()), QStringList {QStringLiteral("db-01/ssh.a")});

        IssueFilter medium;
        medium.severity = Severity::Medium;
        QVERIFY(apply(medium));
        QCOMPARE(combo("issueStateFilter"), QStringLiteral("All states"));
        QCOMPARE(combo("issueSeverityFilter"), QStringLiteral("Medium only"));
        QCOMPARE(combo("issueAssetFilter"), QStringLiteral("All assets"));
        QCOMPARE(shownKeys(*view.model()), QStringList {QStringLiteral("db-01/db.x")});
        QVERIFY(view.currentFilter().severity == Severity::Medium);
        QVERIFY(!view.currentFilter().minSeverity);

        // A check and a run's event are not in the combos: they show as a scope to remove.
        IssueFilter check;
        check.checkId = QStringLiteral("ssh.a");
        check.text = QStringLiteral("db-");
        QVERIFY(apply(check));
        QCOMPARE(view.findChild<QLineEdit *>(QStringLiteral("issueSearch"))->text(), QStringLiteral("db-"));
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("issueScope"))->text(),
                 QStringLiteral("Check ssh.a"));
        QCOMPARE(shownKeys(*view.model()), QStringList {QStringLiteral("db-01/ssh.a")});
        IssueFilter fixedInRun2;
        fixedInRun2.event = IssueEvent::Fixed;
        fixedInRun2.eventRunId = 2;
        QVERIFY(apply(fixedInRun2));
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("issueScope"))->text(),
                 QStringLiteral("Fixed in run 2"));
        QCOMPARE(view.findChild<QLineEdit *>(QStringLiteral("issueSearch"))->text(), QString());
        QCOMPARE(shownKeys(*view.model()), QStringList {QStringLiteral("web-01/ssh.a")});
        fixedInRun2.eventRunId = 1;
        QVERIFY(apply(fixedInRun2));
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("issuesEmptyState"))
                    ->text()
                    .contains(QStringLiteral("run scope")));
    }

    void detailShowsLatestResultAndHistory()
    {
        QTemporaryDir dir;
        const QString path = makeLifecycleProject(dir.path());
        IssuesView view;
        view.show();
        QSignalSpy loaded(&view, &IssuesView::issuesLoaded);
        QSignalSpy detail(&view, &IssuesView::detailShown);
        view.setProject(path, assetsOf(path), runsOf(path));
        QVERIFY(caught(loaded));
        // The detail of the fixed issue, not of the first open one (a detail that arrives after
        // the filter changed is dropped by the view, so none is caught from before).
        detail.clear();
        QVERIFY(chooseAndWait(view, "issueStateFilter", QStringLiteral("Fixed")));
        QVERIFY(caught(detail));
        auto *pane = view.findChild<QTextBrowser *>(QStringLiteral("issueDetail"));
        QVERIFY(!pane->toPlainText().contains(QStringLiteral("Loading")));
        const QString text = pane->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("opened")) && text.contains(QStringLiteral("fixed")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("run 1")));
        QVERIFY2(text.indexOf(QStringLiteral("History")) < text.indexOf(QStringLiteral("opened")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("run 2")));
        // Host strings are text, never markup.
        QVERIFY2(text.contains(QStringLiteral("actual <b>of</b> ssh.a")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("expected of ssh.a")));
        // The newest result is the pass of run 2 that fixed it, with the evidence it read.
        QVERIFY2(text.contains(QStringLiteral("Latest result")) && text.contains(QStringLiteral("run 2")),
                 qPrintable(text));
        QVERIFY2(text.indexOf(QStringLiteral("Evidence")) < text.indexOf(QStringLiteral("History")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("$ cat /etc/ssh.a")));
        QVERIFY(text.contains(QStringLiteral("output of ssh.a on web-01")));
        QVERIFY(text.contains(QStringLiteral("SHA-256")));
        // A fixed issue is not waived.
        QVERIFY(!view.waiveAction()->isEnabled());

        QVERIFY(chooseAndWait(view, "issueStateFilter", QStringLiteral("Waived")));
        QTRY_VERIFY_WITH_TIMEOUT(pane->toPlainText().contains(QStringLiteral("waived"))
                                     && !pane->toPlainText().contains(QStringLiteral("Loading")),
                                 5000);
    }

    void detailShowsTheStartOfLongEvidenceInMonospace()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("evidence.triad"));
        {
            QByteArray output = "<script>alert(1)</script>\n";
            for (int line = 1; line <= 500; ++line)
                output += "line " + QByteArray::number(line) + " of the world-writable files\n";
            IssueProjectBuilder p(path);
            p.addAsset(kWeb);
            p.addRun(
                {{kWeb, QStringLiteral("files.ww"), CheckStatus::Fail, Severity::Medium, {}, {}, output}});
        }
        IssuesView view;
        view.resize(1200, 800);
        view.show();
        QSignalSpy detail(&view, &IssuesView::detailShown);
        view.setProject(path, assetsOf(path), runsOf(path));
        QVERIFY(caught(detail));
        auto *pane = view.findChild<QTextBrowser *>(QStringLiteral("issueDetail"));
        const QString text = pane->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("<script>alert(1)</script>")),
                 qPrintable(text)); // escaped, shown
        QVERIFY(text.contains(QStringLiteral("line 1 of the world-writable files")));
        QVERIFY(text.contains(QStringLiteral("line 50 of")));
        QVERIFY(!text.contains(QStringLiteral("line 200 of")));
        QVERIFY2(text.contains(QStringLiteral("Showing the first")), qPrintable(text));
        // The output is preformatted, i.e. in a fixed-pitch font.
        const QString html = pane->toHtml();
        QVERIFY2(html.contains(QStringLiteral("<pre")), qPrintable(html.left(2000)));
        QCOMPARE(IssueQueries::excerpt(QByteArray("a\nb\n")), QByteArray("a\nb\n"));
        QCOMPARE(IssueQueries::excerpt(QByteArray(20000, 'x')).size(), IssueQueries::kEvidenceExcerptBytes);
    }

    void waiveDialogScriptedThroughTheSeamStoresAWaiver()
    {
        QTemporaryDir dir;
        const QString path = makeLifecycleProject(dir.path());
        IssuesView view;
        view.show();
        QSignalSpy loaded(&view, &IssuesView::issuesLoaded);
        view.setProject(path, assetsOf(path), runsOf(path));
        QVERIFY(caught(loaded));
        QCOMPARE(view.model()->issueAt(0)->checkId, QStringLiteral("ssh.b"));
        QVERIFY(view.waiveAction()->isEnabled());

        // An incomplete dialog stores nothing.
        WaiverPrompt::setNextScript([](WaiverDialog &dialog) {
            dialog.setJustification(QStringLiteral("no approver"));
            return true;
        });
        view.waiveAction()->trigger();
        QTest::qWait(200);
        QCOMPARE(waiversOf(path).size(), 1);

        QString prefilledCheck;
        QString prefilledAsset;
        WaiverPrompt::setNextScript([&](WaiverDialog &dialog) {
            prefilledCheck = dialog.checkId();
            prefilledAsset = dialog.assetName();
            dialog.setScope(WaiverDialog::Scope::Asset);
            dialog.setJustification(
                QStringLiteral("Root login needed by the <legacy> backup agent until Q3"));
            dialog.setApprover(QStringLiteral("Jane Doe, CISO"));
            dialog.setTicket(QStringLiteral("RISK-77"));
            dialog.setExpiresOn(QDate::currentDate().addDays(60));
            return true;
        });
        QSignalSpy added(&view, &IssuesView::waiverAdded);
        view.waiveAction()->trigger();
        QVERIFY(caught(added));
        QCOMPARE(prefilledCheck, QStringLiteral("ssh.b"));
        QCOMPARE(prefilledAsset, kWeb);

        const QList<Waiver> waivers = waiversOf(path);
        QCOMPARE(waivers.size(), 2);
        const Waiver &w = waivers.last();
        QCOMPARE(w.id, added.first().first().toLongLong());
        QCOMPARE(w.checkId, QStringLiteral("ssh.b"));
        QCOMPARE(w.assetScope, QStringLiteral("asset:web-01"));
        QCOMPARE(w.approver, QStringLiteral("Jane Doe, CISO"));
        QCOMPARE(w.ticket, QStringLiteral("RISK-77"));
        QCOMPARE(w.expiresOn, QDate::currentDate().addDays(60));
        QVERIFY(w.justification.contains(QStringLiteral("<legacy>")));
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("issueStatus"))
                    ->text()
                    .contains(QStringLiteral("stored")));

        // A tag scope.
        WaiverPrompt::setNextScript([](WaiverDialog &dialog) {
            dialog.setScope(WaiverDialog::Scope::Tag, QStringLiteral("dmz"));
            dialog.setJustification(QStringLiteral("DMZ hosts are rebuilt nightly"));
            dialog.setApprover(QStringLiteral("CISO"));
            return true;
        });
        added.clear();
        view.waiveAction()->trigger();
        QVERIFY(caught(added));
        QCOMPARE(waiversOf(path).last().assetScope, QStringLiteral("tag:dmz"));
    }

    /// Saves a PNG of a filled-in waive dialog for a person to look at (tests/screenshots.sh) when
    /// TRIAD_UI_SCREENSHOT_DIR is set; checks the pre-filled fields either way.
    void waiverDialogScreenshot()
    {
        WaiverDialog dialog(QStringLiteral("ssh.permit-root-login"), kWeb,
                            {QStringLiteral("dmz"), QStringLiteral("pci")});
        QCOMPARE(dialog.checkId(), QStringLiteral("ssh.permit-root-login"));
        QVERIFY(!dialog.isComplete());
        dialog.setScope(WaiverDialog::Scope::Asset);
        dialog.setJustification(
            QStringLiteral("The backup agent logs in as root until the Q3 migration; the host "
                           "is reachable from the backup VLAN only."));
        dialog.setApprover(QStringLiteral("Jane Roe (CISO)"));
        dialog.setTicket(QStringLiteral("RISK-77"));
        QVERIFY(dialog.isComplete());
        QCOMPARE(dialog.waiver().assetScope, QStringLiteral("asset:web-01"));
        const QString dir = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/waive-dialog.png")));
    }

    void registerShowsWaiversAndAttestationsAndEndsAWaiver()
    {
        QTemporaryDir dir;
        const QString path = makeLifecycleProject(dir.path());
        {
            auto db = ProjectDatabase::open(path);
            QVERIFY(db);
            Attestation a;
            a.templateId = QStringLiteral("cis-linux");
            a.requirementId = QStringLiteral("1.4.1");
            a.status = CheckStatus::Pass;
            a.statement = QStringLiteral("Bootloader password set, seen on the console");
            a.attester = QStringLiteral("auditor");
            QVERIFY((*db)->addAttestation(a, {{QStringLiteral("console.png"), QByteArray("png bytes")}}));
        }
        RegisterView view;
        view.show();
        QAbstractItemModelTester waiverTester(view.waiverModel(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester attestationTester(view.attestationModel(),
                                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&view, &RegisterView::registerLoaded);
        view.setProject(path);
        QVERIFY(caught(loaded));
        QCOMPARE(view.waiverModel()->rowCount(), 1);
        QCOMPARE(view.waiverModel()->index(0, WaiverTableModel::State).data().toString(),
                 QStringLiteral("active"));
        QCOMPARE(view.attestationModel()->rowCount(), 1);
        // sha256("png bytes")
        const QString files = view.attestationModel()
                                  ->index(0, AttestationTableModel::Files)
                                  .data(Qt::ToolTipRole)
                                  .toString();
        QVERIFY2(files.contains(QStringLiteral("console.png"))
                     && files.contains(QString::fromLatin1(
                         QCryptographicHash::hash("png bytes", QCryptographicHash::Sha256).toHex())),
                 qPrintable(files));

        auto *table = view.findChild<QTableView *>(QStringLiteral("waiverTable"));
        auto *reason = view.findChild<QLineEdit *>(QStringLiteral("endWaiverReason"));
        auto *end = view.findChild<QPushButton *>(QStringLiteral("endWaiverButton"));
        QVERIFY(!end->isEnabled());
        table->selectRow(0);
        QVERIFY(!end->isEnabled()); // a reason is required
        reason->setText(QStringLiteral("Backup agent replaced"));
        QVERIFY(end->isEnabled());
        QSignalSpy ended(&view, &RegisterView::waiverEnded);
        loaded.clear();
        end->click();
        QVERIFY(caught(ended));
        QVERIFY(waiversOf(path).first().endedAt.isValid());
        QVERIFY2(caught(loaded),
                 qPrintable(view.findChild<QLabel *>(QStringLiteral("registerStatus"))->text()));
        QCOMPARE(view.waiverModel()->index(0, WaiverTableModel::State).data().toString(),
                 QStringLiteral("ended"));
        table->selectRow(0);
        QVERIFY(!end->isEnabled()); // an ended waiver cannot be ended again
    }

    /// Extend… gives the selected waiver a later expiry: the dialog offers no earlier day, the
    /// worker refuses one anyway, and the change is in the audit log as triad-cli writes it.
    void registerExtendsAWaiver()
    {
        QTemporaryDir dir;
        const QString path = makeLifecycleProject(dir.path());
        const Waiver before = waiversOf(path).first();
        RegisterView view;
        view.show();
        QSignalSpy loaded(&view, &RegisterView::registerLoaded);
        view.setProject(path);
        QVERIFY(caught(loaded));
        auto *table = view.findChild<QTableView *>(QStringLiteral("waiverTable"));
        auto *extend = view.findChild<QPushButton *>(QStringLiteral("extendWaiverButton"));
        QVERIFY(extend);
        QVERIFY(!extend->isEnabled());
        table->selectRow(0);
        QVERIFY(extend->isEnabled());

        // An equal or earlier day is refused by the worker too (not only by the date field).
        auto refused = IssueQueries::extendWaiver(path, before.id, before.expiresOn, QStringLiteral("tester"));
        refused.waitForFinished();
        QVERIFY(!refused.result());
        QVERIFY2(refused.result().error().message.contains(QStringLiteral("must be later")),
                 qPrintable(refused.result().error().message));

        const QDate later = before.expiresOn.addDays(45);
        QDate earliestOffered;
        ExtendWaiverPrompt::setNextScript([&](ExtendWaiverDialog &dialog) {
            dialog.setNewExpiry(before.expiresOn.addDays(-10));     // the field keeps it later
            earliestOffered = dialog.newExpiry();
            if (const QString shots = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR"); !shots.isEmpty())
                (void)dialog.grab().save(shots + QStringLiteral("/extend-waiver-dialog.png"));
            dialog.setNewExpiry(later);
            return true;
        });
        QSignalSpy extended(&view, &RegisterView::waiverExtended);
        loaded.clear();
        extend->click();
        QVERIFY2(caught(extended), qPrintable(view.findChild<QLabel *>(QStringLiteral("registerStatus"))->text()));
        QCOMPARE(earliestOffered, before.expiresOn.addDays(1));
        QCOMPARE(waiversOf(path).first().expiresOn, later);
        QVERIFY(caught(loaded));
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("registerStatus"))->text(),
                 QStringLiteral("Waiver %1 now expires %2.").arg(before.id).arg(later.toString(Qt::ISODate)));
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        QVERIFY(db);
        auto audit = (*db)->auditLog();
        QVERIFY(audit);
        int changes = 0;
        for (const AuditEntry &e : std::as_const(*audit)) {
            if (e.action != QLatin1String("waiver.changed"))
                continue;
            ++changes;
            QCOMPARE(e.details, QStringLiteral("waiver %1 now expires %2").arg(before.id).arg(later.toString(Qt::ISODate)));
        }
        QCOMPARE(changes, 1);     // the refused attempt wrote nothing
        if (const QString shots = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR"); !shots.isEmpty()) {
            view.resize(1100, 500);
            QVERIFY(view.grab().save(shots + QStringLiteral("/register-extended.png")));
        }
    }

    void emptyStatesSayWhatToDoNext()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fresh.triad"));
        {
            IssueProjectBuilder p(path);
            p.addAsset(kWeb);
        }
        IssuesView issues;
        issues.show();
        QSignalSpy loaded(&issues, &IssuesView::issuesLoaded);
        issues.setProject(path, assetsOf(path), runsOf(path));
        QVERIFY(caught(loaded));
        auto *empty = issues.findChild<QLabel *>(QStringLiteral("issuesEmptyState"));
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(QStringLiteral("run an assessment first"), Qt::CaseInsensitive)
                || empty->text().contains(QStringLiteral("Run an assessment first")));
        QVERIFY(!issues.waiveAction()->isEnabled());

        RegisterView reg;
        reg.show();
        QSignalSpy regLoaded(&reg, &RegisterView::registerLoaded);
        reg.setProject(path);
        QVERIFY2(caught(regLoaded),
                 qPrintable(reg.findChild<QLabel *>(QStringLiteral("registerStatus"))->text()));
        QVERIFY(reg.findChild<QLabel *>(QStringLiteral("waiversEmptyState"))->isVisible());
        QVERIFY(reg.findChild<QLabel *>(QStringLiteral("waiversEmptyState"))
                    ->text()
                    .contains(QStringLiteral("Waive…")));
        QVERIFY(reg.findChild<QLabel *>(QStringLiteral("attestationsEmptyState"))->isVisible());
    }

    /// The GUI thread's longest stall while the Issues view opens a large project, pages through it
    /// and shows the history of several issues. Needs a project file: TRIAD_UI_LARGE_PROJECT
    /// (e.g. made by tests/bench/lifecycle/bench_lifecycle 200 250 20 DIR: 1 M results).
    void staysResponsiveOnALargeProject()
    {
        const QString path = qEnvironmentVariable("TRIAD_UI_LARGE_PROJECT");
        if (path.isEmpty())
            QSKIP("set TRIAD_UI_LARGE_PROJECT to a large project file");
        testing::EventLoopStallMeter stalls;
        IssuesView view;
        view.resize(1400, 800);
        view.show();
        QSignalSpy loaded(&view, &IssuesView::issuesLoaded);
        QSignalSpy detail(&view, &IssuesView::detailShown);
        QSignalSpy pages(view.model(), &IssueTableModel::pageLoaded);
        stalls.start();
        QElapsedTimer step;
        step.start();
        view.setProject(path, assetsOf(path), runsOf(path));
        QVERIFY(caught(loaded, 60000));
        const qint64 firstPage = step.elapsed();
        QVERIFY(caught(detail, 60000));
        const qint64 firstDetail = step.elapsed() - firstPage;
        step.restart();
        for (int n = 0; n < 4 && view.model()->canFetchMore({}); ++n) {
            pages.clear();
            view.model()->fetchMore({});
            QVERIFY(caught(pages, 60000));
        }
        const qint64 fourPages = step.elapsed();
        auto *table = view.findChild<QTableView *>(QStringLiteral("issueTable"));
        step.restart();
        for (int row : {10, 700, 1500, 2400}) {
            detail.clear();
            table->selectRow(row);
            QVERIFY(caught(detail, 60000));
        }
        const qint64 fourDetails = step.elapsed();
        stalls.stop();
        qInfo("%d issues; first page %lld ms, its first detail %lld ms, 4 more pages %lld ms, 4 details %lld "
              "ms; "
              "longest GUI-thread stall %lld ms",
              view.model()->totalCount(), firstPage, firstDetail, fourPages, fourDetails, stalls.worstMs());
        QVERIFY2(stalls.worstMs() < 100, qPrintable(QStringLiteral("the GUI thread stalled %1 ms").arg(stalls.worstMs())));
    }

    void mainWindowNavigatesToIssuesAndRegister()
    {
        QTemporaryDir dir;
        const QString path = makeLifecycleProject(dir.path());
        MainWindow window;
        window.show();
        QSignalSpy issuesLoaded(&window, &MainWindow::issuesLoaded);
        QSignalSpy registerLoaded(&window, &MainWindow::registerLoaded);
        window.openProject(path);
        QVERIFY(caught(issuesLoaded));
        QVERIFY(registerLoaded.count() > 0 || caught(registerLoaded));
        QCOMPARE(window.currentView(), MainWindow::View::Dashboard); // the landing page
        auto *sideBar = window.findChild<QListWidget *>(QStringLiteral("sideBar"));
        QVERIFY(sideBar);
        QCOMPARE(sideBar->currentItem()->text(), QStringLiteral("Dashboard"));
        sideBar->setCurrentItem(sideBar->findItems(QStringLiteral("Issues"), Qt::MatchExactly).value(0));
        QCOMPARE(window.currentView(), MainWindow::View::Issues);
        QVERIFY(window.issuesView()->isVisible());
        QCOMPARE(window.issuesView()->model()->rowCount(), 3);
        window.showView(MainWindow::View::Register);
        QCOMPARE(sideBar->currentItem()->text(), QStringLiteral("Waivers & attestations"));
        QVERIFY(window.registerView()->isVisible());
        QCOMPARE(window.registerView()->waiverModel()->rowCount(), 1);

        // A waiver added in the Issues view appears in the register.
        window.showView(MainWindow::View::Issues);
        WaiverPrompt::setNextScript([](WaiverDialog &dialog) {
            dialog.setJustification(QStringLiteral("accepted"));
            dialog.setApprover(QStringLiteral("CISO"));
            return true;
        });
        registerLoaded.clear();
        window.issuesView()->waiveAction()->trigger();
        QVERIFY(caught(registerLoaded));
        QCOMPARE(window.registerView()->waiverModel()->rowCount(), 2);
    }
};

QTEST_MAIN(TestIssuesView)
#include "tst_issues_view.moc"
