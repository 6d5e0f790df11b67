// The Export Report dialog on a realistic project (the report fixture: a real template, several
// runs, evidence, waivers, an attestation): the PDF preview's pages painted by the PDF writer's
// own code, the text preview of the other formats, exports recorded in the project as the CLI
// records them (read back and checked with pdftotext), and errors shown in the dialog.
#include "ReportFixture.h"
#include "SignalWait.h"
#include "TestPaths.h"
#include "common/Hash.h"
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "reports/ReportModelBuilder.h"
#include "reports/ReportRenderer.h"
#include "ui/MainWindow.h"
#include "ui/ReportDialog.h"
#include "ui/VerifyReportDialog.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>

using namespace triad;

namespace {

QString run(const QString &program, const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(120000);
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Share of pixels that are not (near) white: a painted page has text, rules and bands.
double inkShare(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    qint64 ink = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            ink += qGray(line[x]) < 235 ? 1 : 0;
    }
    return double(ink) / (double(rgb.width()) * rgb.height());
}

/// The text with UUIDs and date-times replaced by placeholders.
QString withoutVolatileParts(QString text)
{
    static const QRegularExpression uuid(
        QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    static const QRegularExpression time(QStringLiteral(
        "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2}| UTC)?)?"));
    return text.replace(uuid, QStringLiteral("<uuid>")).replace(time, QStringLiteral("<time>"));
}

QList<ReportRecord> reportsOf(const QString &path)
{
    auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
    if (!db)
        qFatal("%s", qPrintable(db.error().toString()));
    auto records = (*db)->reports();
    if (!records)
        qFatal("%s", qPrintable(records.error().toString()));
    return *records;
}

/// Waits for the next signal of `spy` unless it came already: a continuation attached with
/// QFuture::then(context, ...) to a finished future runs inside the call that attaches it.
bool arrived(QSignalSpy &spy, int ms)
{
    return !spy.isEmpty() || spy.wait(ms);
}

} // namespace

class TestReportDialog final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::shared_ptr<const Catalog> m_catalog;
    testing::FixtureProject m_fx;
    QList<RunInfo> m_runs;
    QString m_projectName;

    std::unique_ptr<ReportDialog> makeDialog()
    {
        auto dialog = std::make_unique<ReportDialog>(m_fx.path, m_projectName, m_runs, m_catalog);
        return dialog;
    }

    /// The report the writers make of `runId` directly, without the dialog.
    report::RenderedReport renderDirectly(qint64 runId, ReportFormat format, report::PaperSize paper)
    {
        auto db = ProjectDatabase::open(m_fx.path, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            qFatal("%s", qPrintable(db.error().toString()));
        report::ReportModelBuilder builder(**db, m_catalog.get());
        auto model = builder.build(runId);
        if (!model)
            qFatal("%s", qPrintable(model.error().toString()));
        auto rendered = report::renderReport(*model, format, paper);
        if (!rendered)
            qFatal("%s", qPrintable(rendered.error().toString()));
        return *rendered;
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
        auto runs = (*db)->runs();
        QVERIFY(runs);
        m_runs = *runs;
        QVERIFY(m_runs.size() >= 2);
        auto info = (*db)->projectInfo();
        QVERIFY(info);
        m_projectName = info->name;
    }

    void pdfPreviewShowsTheFirstPagesOfTheRealReport()
    {
        auto dialog = makeDialog();
        QSignalSpy ready(dialog.get(), &ReportDialog::previewReady);
        QVERIFY(ready.wait(60000));
        QCOMPARE(dialog->runId(), m_fx.runIds.last()); // the newest run by default
        QVERIFY(dialog->format() == ReportFormat::Pdf);
        const report::ReportPreview &preview = dialog->preview();
        QVERIFY(preview.format == ReportFormat::Pdf);
        // The page count is the real PDF's: the writer's own, and what pdfinfo reads.
        const report::RenderedReport pdf
            = renderDirectly(m_fx.runIds.last(), ReportFormat::Pdf, report::PaperSize::A4);
        QCOMPARE(preview.pageCount, pdf.pages);
        QVERIFY(preview.pageCount > 3);
        QCOMPARE(preview.pages.size(), 3);
        // A4 at the preview's resolution: portrait, 210:297.
        for (const QImage &page : preview.pages) {
            QVERIFY(!page.isNull());
            QVERIFY(page.height() > page.width());
            QVERIFY(qAbs(double(page.width()) / page.height() - 210.0 / 297.0) < 0.01);
        }
        // Painted pages: the cover's navy band at the top, ink on the contents and summary pages.
        const QImage cover = preview.pages.at(0).convertToFormat(QImage::Format_RGB32);
        const QColor band = cover.pixelColor(cover.width() / 2, 8);
        QVERIFY2(band.blue() > band.red() + 40 && band.value() < 140, qPrintable(band.name()));
        QVERIFY2(inkShare(preview.pages.at(0)) > 0.15,
                 qPrintable(QString::number(inkShare(preview.pages.at(0)))));
        QVERIFY2(inkShare(preview.pages.at(1)) > 0.005,
                 qPrintable(QString::number(inkShare(preview.pages.at(1)))));
        QVERIFY2(inkShare(preview.pages.at(2)) > 0.005,
                 qPrintable(QString::number(inkShare(preview.pages.at(2)))));
        auto *title = dialog->findChild<QLabel *>(QStringLiteral("reportPreviewTitle"));
        QVERIFY(title);
        QVERIFY2(title->text().contains(QStringLiteral("pages 1–3 of %1").arg(pdf.pages)),
                 qPrintable(title->text()));

        // For a person to look at the pages themselves (tests/screenshots.sh sets the folder).
        if (const QString dir = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR"); !dir.isEmpty()) {
            for (int i = 0; i < preview.pages.size(); ++i)
                QVERIFY(
                    preview.pages.at(i).save(dir + QStringLiteral("/export-preview-page%1.png").arg(i + 1)));
        }

        // Letter paper: another page shape, laid out again.
        dialog->setPaper(report::PaperSize::Letter);
        QVERIFY(ready.wait(60000));
        const QImage letter = dialog->preview().pages.at(0);
        QVERIFY(qAbs(double(letter.width()) / letter.height() - 8.5 / 11.0) < 0.01);
    }

    void textFormatsPreviewTheirFirstLines()
    {
        auto dialog = makeDialog();
        QSignalSpy ready(dialog.get(), &ReportDialog::previewReady);
        QVERIFY(ready.wait(60000));
        for (ReportFormat format : {ReportFormat::Csv, ReportFormat::Json, ReportFormat::Oscal,
                                    ReportFormat::Html, ReportFormat::Junit}) {
            dialog->setFormat(format);
            QVERIFY(ready.wait(60000));
            const report::ReportPreview &preview = dialog->preview();
            QCOMPARE(toString(preview.format), toString(format));
            const QByteArray whole = renderDirectly(m_fx.runIds.last(), format, report::PaperSize::A4).bytes;
            const QStringList lines = QString::fromUtf8(whole).split(QLatin1Char('\n'));
            QVERIFY(!preview.text.isEmpty());
            QCOMPARE(preview.text.section(QLatin1Char('\n'), 0, 0), lines.first());
            // Renders differ only in the time they were made and, in OSCAL, in fresh UUIDs.
            QVERIFY2(
                withoutVolatileParts(QString::fromUtf8(whole)).startsWith(withoutVolatileParts(preview.text)),
                qPrintable(toString(format)));
            QCOMPARE(preview.size, whole.size());
            QVERIFY(preview.lineCount >= preview.text.count(QLatin1Char('\n')) + 1);
        }
        if (const QString dir = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR"); !dir.isEmpty()) {
            dialog->setFormat(ReportFormat::Csv);
            QVERIFY(ready.wait(60000));
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
            QVERIFY(dialog->grab().save(dir + QStringLiteral("/export-dialog-csv.png")));
            dialog->setFormat(ReportFormat::Junit);
            QVERIFY(ready.wait(60000));
        }
        // The file name follows the format until the user chooses one.
        QVERIFY2(dialog->outputPath().endsWith(QStringLiteral(".junit.xml")),
                 qPrintable(dialog->outputPath()));
    }

    void pdfExportIsRecordedLikeTheCli()
    {
        const int before = int(reportsOf(m_fx.path).size());
        auto dialog = makeDialog();
        const QString out = m_dir.filePath(QStringLiteral("gui-report.pdf"));
        dialog->setRun(m_fx.runIds.at(1));
        dialog->setOutputPath(out);
        QSignalSpy exported(dialog.get(), &ReportDialog::exported);
        QSignalSpy failed(dialog.get(), &ReportDialog::exportFailed);
        // The event loop keeps turning while the report is built and written: a timer measures
        // the longest gap between its ticks (the render takes seconds; on the GUI thread the
        // gap would be as long).
        QElapsedTimer clock;
        qint64 lastTick = 0;
        qint64 longestGap = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, this, [&] {
            longestGap = std::max(longestGap, clock.elapsed() - lastTick);
            lastTick = clock.elapsed();
        });
        clock.start();
        ticker.start();
        QVERIFY(dialog->startExport());
        QVERIFY(dialog->isExporting());
        QVERIFY(exported.wait(120000));
        ticker.stop();
        QCOMPARE(failed.size(), 0);
        QVERIFY(!dialog->isExporting());
        QVERIFY2(clock.elapsed() > 500, "the export was too quick to tell whether it blocked");
        // Generous for a shared, loaded machine; far below the render's own time.
        QVERIFY2(longestGap < 400,
                 qPrintable(QStringLiteral("the GUI thread stalled %1 ms").arg(longestGap)));

        const QByteArray bytes = readFile(out);
        QVERIFY(bytes.startsWith("%PDF-"));
        const QString sha = sha256Hex(bytes);
        QCOMPARE(exported.at(0).at(1).toString(), sha);
        const QList<ReportRecord> records = reportsOf(m_fx.path);
        QCOMPARE(records.size(), before + 1);
        const ReportRecord &r = records.last();
        QCOMPARE(r.id, exported.at(0).at(0).toLongLong());
        QCOMPARE(r.sha256, sha);
        QCOMPARE(r.runId, m_fx.runIds.at(1));
        QCOMPARE(r.format, QStringLiteral("pdf"));
        QCOMPARE(r.paper, QStringLiteral("a4"));
        QCOMPARE(r.size, qint64(bytes.size()));
        QCOMPARE(r.fileName, QFileInfo(out).absoluteFilePath());
        QVERIFY(dialog->statusText().contains(sha));

        // The file is the real report of that run: its text read back with pdftotext.
        int code = -1;
        const QString text = run(QStringLiteral("pdftotext"), {out, QStringLiteral("-")}, &code);
        QCOMPARE(code, 0);
        QVERIFY2(text.contains(m_projectName), qPrintable(text.left(400)));
        QVERIFY(text.contains(QStringLiteral("COMPLIANCE ASSESSMENT REPORT")));
        QVERIFY(text.contains(QStringLiteral("run %1").arg(m_fx.runIds.at(1))));
        const QString info = run(QStringLiteral("pdfinfo"), {out});
        const int pages
            = info.section(QStringLiteral("Pages:"), 1).trimmed().section(QLatin1Char('\n'), 0, 0).toInt();
        QVERIFY(pages > 3);
        QVERIFY(text.contains(QStringLiteral("Page 1 of %1").arg(pages)));

        // And the CLI checks it against the project.
        const QString verify
            = run(QStringLiteral(TRIAD_CLI_PATH),
                  {QStringLiteral("verify-report"), out, QStringLiteral("--project"), m_fx.path}, &code);
        QVERIFY2(code == 0, qPrintable(verify));
        QVERIFY(verify.contains(QStringLiteral("recorded as report %1").arg(r.id)));
    }

    void signedCsvExport()
    {
        const QString key = m_dir.filePath(QStringLiteral("signer.key"));
        const QString cert = m_dir.filePath(QStringLiteral("signer.pem"));
        int code = -1;
        const QString made = run(QStringLiteral("openssl"),
                                 {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                  QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                                  QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                                  QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                                  QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
                                  QStringLiteral("/CN=Alice Assessor/O=ACME Audit")},
                                 &code);
        if (code != 0)
            QSKIP(qPrintable(QStringLiteral("openssl could not make a test certificate: ") + made));
        auto dialog = makeDialog();
        const QString out = m_dir.filePath(QStringLiteral("gui-report.csv"));
        dialog->setFormat(ReportFormat::Csv);
        dialog->setOutputPath(out);
        dialog->setSigning(key, cert);
        QSignalSpy exported(dialog.get(), &ReportDialog::exported);
        QVERIFY(dialog->startExport());
        QVERIFY(exported.wait(60000));
        QVERIFY(QFile::exists(out + QStringLiteral(".sig")));
        const ReportRecord r = reportsOf(m_fx.path).last();
        QCOMPARE(r.format, QStringLiteral("csv"));
        QCOMPARE(r.paper, QString());
        QCOMPARE(r.sha256, sha256Hex(readFile(out)));
        QCOMPARE(r.signatureSha256, sha256Hex(readFile(out + QStringLiteral(".sig"))));
        QVERIFY(r.signerSubject.contains(QStringLiteral("Alice Assessor")));
        const QString verify
            = run(QStringLiteral(TRIAD_CLI_PATH),
                  {QStringLiteral("verify-report"), out, QStringLiteral("--project"), m_fx.path}, &code);
        QVERIFY2(code == 0, qPrintable(verify));
        QVERIFY(verify.contains(QStringLiteral("signature: valid")));
    }

    /// File › Verify Report on a signed export made by the export dialog: verified with the run and
    /// the signer named; the same file with one byte changed is neither recorded nor validly signed.
    void verifyReportFromTheFileMenu()
    {
        const QString key = m_dir.filePath(QStringLiteral("verifier.key"));
        const QString cert = m_dir.filePath(QStringLiteral("verifier.pem"));
        int code = -1;
        const QString made = run(QStringLiteral("openssl"),
                                 {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                  QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                                  QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                                  QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                                  QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
                                  QStringLiteral("/CN=Vera Verifier/O=ACME Audit")},
                                 &code);
        if (code != 0)
            QSKIP(qPrintable(QStringLiteral("openssl could not make a test certificate: ") + made));
        const QString out = m_dir.filePath(QStringLiteral("to-verify.json"));
        {
            auto dialog = makeDialog();
            dialog->setFormat(ReportFormat::Json);
            dialog->setOutputPath(out);
            dialog->setSigning(key, cert);
            QSignalSpy exported(dialog.get(), &ReportDialog::exported);
            QVERIFY(dialog->startExport());
            QVERIFY(exported.wait(60000));
        }
        const ReportRecord record = reportsOf(m_fx.path).last();
        QCOMPARE(record.sha256, sha256Hex(readFile(out)));

        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::projectLoaded);
        window.openProject(m_fx.path);
        QVERIFY(arrived(loaded, 20000));
        QAction *verifyAction = nullptr;
        for (QAction *a : window.menuBar()->actions().first()->menu()->actions())
            if (a->text() == QStringLiteral("&Verify Report…"))
                verifyAction = a;
        QVERIFY(verifyAction);
        QTRY_VERIFY_WITH_TIMEOUT(verifyAction->isEnabled(), 20000);

        auto verifyWith = [&](const QString &reportPath) -> QPointer<VerifyReportDialog> {
            QPointer<VerifyReportDialog> shown;
            VerifyReportPrompt::setNextScript([&](VerifyReportDialog &d) {
                d.setReportPath(reportPath);
                d.setCertificatePath(cert);     // the signer must be Vera's certificate
                shown = &d;
                return d.startVerify();
            });
            verifyAction->trigger();
            return shown;
        };
        QPointer<VerifyReportDialog> good = verifyWith(out);
        QVERIFY(good);
        QTRY_VERIFY_WITH_TIMEOUT(good->verdictText().startsWith(QStringLiteral("Verified.")), 30000);
        const QString verdict = good->verdictText();
        QVERIFY2(verdict.contains(QStringLiteral("report %1, the JSON report of run %2").arg(record.id).arg(record.runId)),
                 qPrintable(verdict));
        QVERIFY2(verdict.contains(QStringLiteral("signature is valid, signed by")) && verdict.contains(QStringLiteral("Vera Verifier")),
                 qPrintable(verdict));
        if (const QString dir = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR"); !dir.isEmpty()) {
            good->resize(720, 420);
            QVERIFY(good->grab().save(dir + QStringLiteral("/verify-report-ok.png")));
        }
        good->close();

        // One byte changed (the signature beside it is the original's): both checks fail.
        const QString altered = m_dir.filePath(QStringLiteral("altered.json"));
        QByteArray bytes = readFile(out);
        QVERIFY(bytes.size() > 100);
        bytes[bytes.size() / 2] = bytes[bytes.size() / 2] == 'x' ? 'y' : 'x';
        {
            QFile f(altered);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        QVERIFY(QFile::copy(out + QStringLiteral(".sig"), altered + QStringLiteral(".sig")));
        QPointer<VerifyReportDialog> bad = verifyWith(altered);
        QVERIFY(bad);
        QTRY_VERIFY_WITH_TIMEOUT(bad->verdictText().startsWith(QStringLiteral("NOT verified.")), 30000);
        const QString failed = bad->verdictText();
        QVERIFY2(failed.contains(QStringLiteral("Not recorded: no report with this SHA-256 was exported from this project")),
                 qPrintable(failed));
        QVERIFY2(failed.contains(QStringLiteral("The signature is NOT valid")), qPrintable(failed));
        if (const QString dir = qEnvironmentVariable("TRIAD_UI_SCREENSHOT_DIR"); !dir.isEmpty()) {
            bad->resize(720, 420);
            QVERIFY(bad->grab().save(dir + QStringLiteral("/verify-report-altered.png")));
        }
        bad->close();
        // The CLI reaches the same verdict through the same code.
        const QString cli = run(QStringLiteral(TRIAD_CLI_PATH),
                                {QStringLiteral("verify-report"), altered, QStringLiteral("--project"), m_fx.path}, &code);
        QCOMPARE(code, 1);
        QVERIFY2(cli.contains(QStringLiteral("project: NOT RECORDED")) && cli.contains(QStringLiteral("signature: INVALID")),
                 qPrintable(cli));
    }

    void errorsAreShownInTheDialog()
    {
        const int before = int(reportsOf(m_fx.path).size());
        auto dialog = makeDialog();
        QSignalSpy failed(dialog.get(), &ReportDialog::exportFailed);
        QSignalSpy exported(dialog.get(), &ReportDialog::exported);

        // A folder that does not exist.
        dialog->setOutputPath(m_dir.filePath(QStringLiteral("no-such-folder/report.pdf")));
        QVERIFY(!dialog->startExport());
        QCOMPARE(failed.size(), 1);
        QVERIFY2(dialog->statusText().contains(QStringLiteral("does not exist")),
                 qPrintable(dialog->statusText()));

        // A path the file system refuses (a directory in its place): the write fails on the
        // worker, the dialog says why, and nothing is recorded.
        const QString blocked = m_dir.filePath(QStringLiteral("blocked.html"));
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("blocked.html")));
        dialog->setFormat(ReportFormat::Html);
        dialog->setOutputPath(blocked);
        qsizetype failures = failed.count();
        QVERIFY(dialog->startExport());
        QVERIFY(triad::test::receivedMoreThan(failed, failures, 60000));
        QCOMPARE(exported.size(), 0);
        QVERIFY2(dialog->statusText().startsWith(QStringLiteral("The report was not exported")),
                 qPrintable(dialog->statusText()));
        QVERIFY(dialog->statusText().contains(QStringLiteral("cannot write")));

        // A signing key that is not one.
        const QString badKey = m_dir.filePath(QStringLiteral("bad.key"));
        QFile f(badKey);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a key\n");
        f.close();
        dialog->setOutputPath(m_dir.filePath(QStringLiteral("signed.html")));
        dialog->setSigning(badKey, badKey, QStringLiteral("secret passphrase"));
        failures = failed.count();
        QVERIFY(dialog->startExport());
        QVERIFY(triad::test::receivedMoreThan(failed, failures, 60000));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("signed.html"))));
        QCOMPARE(int(reportsOf(m_fx.path).size()), before);
        // The passphrase is not kept in the dialog after the attempt.
        auto *passphrase = dialog->findChild<QLineEdit *>(QStringLiteral("reportPassphrase"));
        QVERIFY(passphrase);
        QVERIFY(passphrase->text().isEmpty());
    }

    /// A disk that fills up while the report is written: the error in the dialog, no half
    /// file left, nothing recorded.
    void fullDiskIsShownInTheDialog()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to mount a small tmpfs");
        const QString small = m_dir.filePath(QStringLiteral("small"));
        QVERIFY(QDir().mkpath(small));
        const QByteArray mountPoint = QFile::encodeName(small);
        if (::mount("tmpfs", mountPoint.constData(), "tmpfs", 0, "size=64k") != 0)
            QSKIP("cannot mount a tmpfs here");
        const int before = int(reportsOf(m_fx.path).size());
        QString status;
        QStringList left;
        bool failedInTime = false;
        {
            auto dialog = makeDialog();
            QSignalSpy failed(dialog.get(), &ReportDialog::exportFailed);
            dialog->setOutputPath(small + QStringLiteral("/report.pdf"));
            if (dialog->startExport())
                failedInTime = failed.wait(120000);
            status = dialog->statusText();
            left = QDir(small).entryList(QDir::Files | QDir::NoDotAndDotDot);
        }
        ::umount(mountPoint.constData());
        QVERIFY(failedInTime);
        QVERIFY2(status.contains(QStringLiteral("No space left"), Qt::CaseInsensitive), qPrintable(status));
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
        QCOMPARE(int(reportsOf(m_fx.path).size()), before);
    }

    void ctrlEOpensTheDialogFromTheMainWindow()
    {
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::projectLoaded);
        window.openProject(m_fx.path);
        QVERIFY(arrived(loaded, 20000));
        QAction *action = nullptr;
        for (QAction *a : window.menuBar()->actions().first()->menu()->actions())
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_E))
                action = a;
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        action->trigger();
        auto *dialog = window.findChild<ReportDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->outputPath().endsWith(QStringLiteral(".pdf")));
        QSignalSpy ready(dialog, &ReportDialog::previewReady);
        QVERIFY(ready.wait(60000));
        dialog->close();
    }
};

QTEST_MAIN(TestReportDialog)
#include "tst_report_dialog.moc"
