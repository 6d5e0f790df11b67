// Reports from a realistic project on a real SQLite file: every format rendered, the PDF read
// back with pdftotext and checked against the database, hostile host strings escaped, JUnit and
// OSCAL parsed, signatures verified and tampered with, and the CLI end to end.
#include "ReportFixture.h"
#include "TestPaths.h"

#include "common/Hash.h"
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "reports/CsvReportWriter.h"
#include "reports/HtmlReportWriter.h"
#include "reports/JsonReportWriter.h"
#include "reports/JunitReportWriter.h"
#include "reports/OscalReportWriter.h"
#include "reports/PdfReportWriter.h"
#include "reports/ReportModelBuilder.h"
#include "reports/ReportSigner.h"
#include "reports/RunJson.h"
#include "scan/RunScore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <optional>

using namespace triad;
using namespace triad::report;

namespace {

QString run(const QString &program, const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(600000);
    if (exitCode)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// pdftotext writes the ligatures the fonts use ("fi", "ff") as single characters.
QString unligature(QString text)
{
    return text.replace(QChar(0xFB00), QStringLiteral("ff")).replace(QChar(0xFB01), QStringLiteral("fi"))
        .replace(QChar(0xFB02), QStringLiteral("fl")).replace(QChar(0xFB03), QStringLiteral("ffi")).replace(QChar(0xFB04), QStringLiteral("ffl"));
}

/// pdftotext output, pages split at form feeds, white space collapsed.
QStringList pdfPages(const QString &pdf)
{
    QStringList pages = unligature(run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")})).split(QLatin1Char('\f'));
    for (QString &p : pages)
        p = p.simplified();
    if (!pages.isEmpty() && pages.last().isEmpty())
        pages.removeLast();
    return pages;
}

/// A self-signed EC P-256 key pair written as PEM, as a customer's signing certificate would be.
bool makeKeyPair(const QString &keyPath, const QString &certPath, const char *commonName)
{
    EVP_PKEY *key = EVP_EC_gen("P-256");
    X509 *cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600L * 24 * 30);
    X509_set_pubkey(cert, key);
    X509_NAME *name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(commonName), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("ACME Audit"), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    const bool signedOk = X509_sign(cert, key, EVP_sha256()) > 0;
    FILE *k = fopen(keyPath.toLocal8Bit().constData(), "w");
    FILE *c = fopen(certPath.toLocal8Bit().constData(), "w");
    const bool ok = signedOk && k && c && PEM_write_PrivateKey(k, key, nullptr, nullptr, 0, nullptr, nullptr) &&
                    PEM_write_X509(c, cert);
    if (k)
        fclose(k);
    if (c)
        fclose(c);
    X509_free(cert);
    EVP_PKEY_free(key);
    return ok;
}

/// RFC 4180 records of a CSV text.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << cell;
            cell.clear();
        } else if (c == QLatin1Char('\r')) {
        } else if (c == QLatin1Char('\n')) {
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
        } else {
            cell += c;
        }
    }
    return rows;
}

void collectUuids(const QJsonValue &v, QStringList &out)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() == QLatin1String("uuid") || it.key().endsWith(QLatin1String("-uuid")))
                out << it.value().toString();
            collectUuids(it.value(), out);
        }
    } else if (v.isArray()) {
        for (const QJsonValue &x : v.toArray())
            collectUuids(x, out);
    }
}

} // namespace

class TestReports : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Catalog> m_catalog;
    testing::FixtureProject m_fx;
    std::unique_ptr<ProjectDatabase> m_db;
    ReportModel m_model;
    QString m_pdf;
    int m_pdfPages = 0;

    ReportModel modelOf(ProjectDatabase &db, qint64 runId)
    {
        ReportModelBuilder builder(db, &*m_catalog);
        auto m = builder.build(runId);
        if (!m)
            qFatal("%s", qPrintable(m.error().toString()));
        return *m;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
                 "pdftotext is missing: install poppler-utils (installer/deps.sh test)");
        auto catalog = Catalog::load({QStringLiteral(TRIAD_TEMPLATES_DIR)});
        QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().toString()));
        m_catalog = std::move(*catalog);
        auto fx = testing::buildFixtureProject(m_dir.filePath(QStringLiteral("acme.triad")), *m_catalog, {});
        QVERIFY2(fx, fx ? "" : qPrintable(fx.error().toString()));
        m_fx = *fx;
        auto db = ProjectDatabase::open(m_fx.path);
        QVERIFY(db);
        m_db = std::move(*db);
        m_model = modelOf(*m_db, m_fx.runIds.last());
        PdfReportWriter writer;
        auto pdf = writer.render(m_model);
        QVERIFY(pdf);
        m_pdf = m_dir.filePath(QStringLiteral("acme.pdf"));
        QVERIFY(writeFile(m_pdf, *pdf));
        m_pdfPages = writer.pageCount();
    }

    void modelMatchesTheDatabase()
    {
        const qint64 runId = m_fx.runIds.last();
        auto results = m_db->results(runId);
        QVERIFY(results);
        QCOMPARE(m_model.results.size(), results->size());
        QCOMPARE(m_model.resultCounts.total(), int(results->size()));
        // The same score as every other reader of a stored run.
        auto score = scoreStoredRun(*m_db, runId, &*m_catalog);
        QVERIFY(score);
        QCOMPARE(m_model.score.passed, score->passed);
        QCOMPARE(m_model.score.failed, score->failed);
        QCOMPARE(m_model.score.manual, score->manual);
        QCOMPARE(m_model.score.errors, score->errors);
        QCOMPARE(m_model.score.percent.has_value(), score->percent.has_value());
        QVERIFY(qAbs(*m_model.score.percent - *score->percent) < 1e-9);
        // Trend over every run, comparison with the previous one.
        QCOMPARE(m_model.trend.size(), m_fx.runIds.size());
        QCOMPARE(m_model.trend.last().runId, runId);
        auto cmp = m_db->compareRuns(m_fx.runIds.at(1), runId);
        QVERIFY(cmp);
        QCOMPARE(m_model.changes.previousRunId, m_fx.runIds.at(1));
        QCOMPARE(m_model.changes.newCount, int(cmp->newFailures.size()));
        QCOMPARE(m_model.changes.fixedCount, int(cmp->fixed.size()));
        QCOMPARE(m_model.changes.regressedCount, int(cmp->regressed.size()));
        QVERIFY(m_model.changes.regressedCount > 0);
        QVERIFY(m_model.changes.newCount > 0);
        // Findings: one per check, failing ones by severity, every failed result counted once.
        int failed = 0;
        for (const StoredResult &r : std::as_const(*results))
            failed += r.result.status == CheckStatus::Fail ? 1 : 0;
        int counted = 0;
        Severity previous = Severity::Critical;
        for (const Finding &f : std::as_const(m_model.findings)) {
            counted += f.failCount;
            if (f.failCount > 0) {
                QVERIFY(f.severity <= previous);
                previous = f.severity;
            }
        }
        QCOMPARE(counted, failed);
        // Subjects are their own results.
        bool subjectSeen = false;
        for (const Finding &f : std::as_const(m_model.findings))
            if (f.checkId == m_fx.subjectCheck)
                for (const AffectedItem &a : f.affected)
                    subjectSeen = subjectSeen || a.subject == QLatin1String("toor");
        QVERIFY(subjectSeen);
        // Requirements: every one of the template, in its sections.
        int rows = 0;
        for (const RequirementSection &s : std::as_const(m_model.sections))
            rows += int(s.rows.size());
        QCOMPARE(rows, int(m_catalog->assessment(QStringLiteral("cis-linux"))->requirements.size()));
        // Exceptions: the current one applied, the expired one flagged.
        QCOMPARE(m_model.waivers.size(), 2);
        QCOMPARE(m_model.waivers.at(0).state, QStringLiteral("active"));
        QVERIFY(m_model.waivers.at(0).waivedResults > 0);
        QCOMPARE(m_model.waivers.at(1).state, QStringLiteral("expired"));
        QCOMPARE(m_model.waivers.at(1).waivedResults, 0);
        // The attestation and its file.
        QCOMPARE(m_model.attestations.size(), 1);
        QCOMPARE(m_model.attestations.at(0).attestation.files.at(0).sha256, m_fx.attestationFileSha256);
        // The unreachable asset.
        bool unreachable = false;
        for (const AssetRow &a : std::as_const(m_model.assets))
            unreachable = unreachable || (a.name == m_fx.unreachableAsset && a.status == QLatin1String("unreachable"));
        QVERIFY(unreachable);
        // Evidence: every item of the run, its SHA-256 as stored.
        auto summaries = m_db->evidenceSummaries(runId);
        QVERIFY(summaries);
        QCOMPARE(m_model.evidenceTotal, int(summaries->size()));
        QCOMPARE(m_model.evidence.size(), summaries->size());
        for (const EvidenceItem &e : std::as_const(m_model.evidence)) {
            auto stored = m_db->evidence(e.id);
            QVERIFY(stored);
            QCOMPARE(e.sha256, sha256Hex(stored->raw.stdoutData));
        }
    }

    void pdfShowsEverySectionAndFigure()
    {
        const QStringList pages = pdfPages(m_pdf);
        QCOMPARE(int(pages.size()), m_pdfPages);
        const QString all = pages.join(QLatin1Char(' '));
        // Cover.
        QVERIFY(pages.at(0).contains(QStringLiteral("COMPLIANCE ASSESSMENT REPORT")));
        QVERIFY(pages.at(0).contains(QStringLiteral("ACME pre-audit 2026")));
        QVERIFY(pages.at(0).contains(QStringLiteral("Prepared for ACME Corp")));
        QVERIFY(pages.at(0).contains(percentText(m_model.score.percent)));
        QVERIFY(pages.at(0).contains(m_model.cover.templateSha256));
        QVERIFY(pages.at(0).contains(QStringLiteral("ACME production")));
        // Every page has its footer; the contents list every chapter on the page it starts.
        for (int i = 0; i < pages.size(); ++i)
            QVERIFY2(pages.at(i).contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages.size())), qPrintable(QString::number(i + 1)));
        const QStringList chapters{QStringLiteral("1 Executive summary"), QStringLiteral("2 Scope and assets"),
                                   QStringLiteral("3 Requirements"), QStringLiteral("4 Findings"), QStringLiteral("5 Exceptions register"),
                                   QStringLiteral("6 Manual attestations"), QStringLiteral("7 Evidence appendix"), QStringLiteral("8 Sign-off")};
        const QString contents = unligature(run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-f"), QStringLiteral("2"),
                                                                               QStringLiteral("-l"), QStringLiteral("2"), m_pdf, QStringLiteral("-")}));
        for (const QString &chapter : chapters) {
            const QRegularExpression line(QStringLiteral("^\\s*%1[ .]*\\s+(\\d+)\\s*$").arg(QRegularExpression::escape(chapter)),
                                          QRegularExpression::MultilineOption);
            const auto match = line.match(contents);
            QVERIFY2(match.hasMatch(), qPrintable(chapter + QStringLiteral(" not in the contents:\n") + contents));
            const int page = match.captured(1).toInt();
            QVERIFY2(page >= 3 && page <= pages.size(), qPrintable(chapter));
            QVERIFY2(pages.at(page - 1).contains(chapter), qPrintable(QStringLiteral("%1 is not on page %2").arg(chapter).arg(page)));
        }
        // Summary figures.
        const Score &s = m_model.score;
        QVERIFY(all.contains(QStringLiteral("%1 passed, %2 failed, %3 with errors, %4 not applicable").arg(s.passed).arg(s.failed).arg(s.errors).arg(s.notApplicable)));
        QVERIFY(all.contains(QStringLiteral("Compared with run %1").arg(m_fx.runIds.at(1))));
        QVERIFY(all.contains(QStringLiteral("New failures %1").arg(m_model.changes.newCount)));
        QVERIFY(all.contains(QStringLiteral("Regressed (failing again) %1").arg(m_model.changes.regressedCount)));
        for (const TrendPoint &p : std::as_const(m_model.trend))
            QVERIFY(all.contains(QStringLiteral("run %1").arg(p.runId)));
        // Every finding, numbered, with its check id.
        for (int i = 0; i < m_model.findings.size(); ++i) {
            const QString id = QStringLiteral("F-%1").arg(i + 1, 3, 10, QLatin1Char('0'));
            QVERIFY2(all.contains(id + QLatin1Char(' ') + m_model.findings.at(i).title.simplified()), qPrintable(id));
        }
        for (const TopRisk &t : std::as_const(m_model.topRisks))
            QVERIFY(all.contains(t.checkId));
        // Check texts carry the run's parameter values, not their placeholders.
        const auto placeholder = QRegularExpression(QStringLiteral("\\$\\{[a-z0-9_]+\\}")).match(all);
        QVERIFY2(!placeholder.hasMatch(), qPrintable(placeholder.captured()));
        // Exceptions, attestation, evidence, sign-off.
        QVERIFY(all.contains(QStringLiteral("Legacy monitoring agent needs this until the Q1 migration & rollout")));
        QVERIFY(all.contains(QStringLiteral("EXPIRED")));
        QVERIFY(all.contains(QStringLiteral("SEC-1042")));
        QVERIFY(all.contains(QStringLiteral("sshd-allowgroups.txt")));
        QVERIFY(all.contains(m_fx.attestationFileSha256));
        for (const EvidenceManifest &e : std::as_const(m_model.manifests))
            QVERIFY(all.contains(e.sha256));
        const Finding &first = m_model.findings.first();
        QVERIFY(all.contains(QStringLiteral("E%1").arg(first.excerptEvidenceId)));
        QVERIFY(all.contains(m_model.evidenceSha.value(first.excerptEvidenceId)));
        for (const EvidenceItem &e : std::as_const(m_model.evidence))
            QVERIFY2(all.contains(e.sha256), qPrintable(e.sha256));
        QVERIFY(pages.last().contains(QStringLiteral("Signature")));
        QVERIFY(pages.last().contains(QStringLiteral("Reviewer")));
        QVERIFY(m_pdfPages >= 10 && m_pdfPages < 400);
    }

    void letterPaper()
    {
        PdfReportWriter writer(PaperSize::Letter);
        auto pdf = writer.render(m_model);
        QVERIFY(pdf);
        const QString path = m_dir.filePath(QStringLiteral("letter.pdf"));
        QVERIFY(writeFile(path, *pdf));
        QVERIFY(run(QStringLiteral("pdfinfo"), {path}).contains(QStringLiteral("612 x 792 pts (letter)")));
        QVERIFY(run(QStringLiteral("pdfinfo"), {m_pdf}).contains(QStringLiteral("595 x 842 pts (A4)")));
    }

    void largeProjectStaysUsable()
    {
        // 100 assets of the full template: findings grouped, lists capped, evidence summarised.
        testing::FixtureOptions o;
        o.assets = 100;
        o.runs = 2;
        auto fx = testing::buildFixtureProject(m_dir.filePath(QStringLiteral("large.triad")), *m_catalog, o);
        QVERIFY2(fx, fx ? "" : qPrintable(fx.error().toString()));
        auto db = ProjectDatabase::open(fx->path, ProjectDatabase::OpenMode::ReadOnly);
        QVERIFY(db);
        const ReportModel model = modelOf(**db, fx->runIds.last());
        QVERIFY(model.results.size() > 30000);
        QVERIFY(model.evidenceSummarised);
        for (const Finding &f : model.findings)
            QVERIFY(f.affected.size() <= model.limits.affectedPerFinding);
        PdfReportWriter writer;
        auto pdf = writer.render(model);
        QVERIFY(pdf);
        const QString path = m_dir.filePath(QStringLiteral("large.pdf"));
        QVERIFY(writeFile(path, *pdf));
        const QStringList pages = pdfPages(path);
        QCOMPARE(int(pages.size()), writer.pageCount());
        // Grows with the failing checks, not with hosts x checks: a few hundred pages at most.
        QVERIFY2(writer.pageCount() > m_pdfPages && writer.pageCount() < 800, qPrintable(QString::number(writer.pageCount())));
        QVERIFY(pages.last().contains(QStringLiteral("Page %1 of %1").arg(pages.size())));
        QVERIFY(pages.join(QLatin1Char(' ')).contains(QStringLiteral("summarised by a manifest digest")));
    }

    void coverValuesWrapBetweenWords()
    {
        // A long tailoring summary: two lines on the cover, broken between words, then elided.
        ReportModel model = m_model;
        model.cover.tailoring = QStringLiteral(
            "production-hardening version 7: ssh.max-auth-tries parameter raised to 6, accounts.inactive-lock "
            "disabled for service accounts, filesystem.world-writable walk limited to /etc /var /srv and /opt, "
            "kernel.ip-forward not applicable on routers, password-maximum-age parameter set to 180 days");
        PdfReportWriter writer;
        auto pdf = writer.render(model);
        QVERIFY(pdf);
        const QString path = m_dir.filePath(QStringLiteral("cover-wrap.pdf"));
        QVERIFY(writeFile(path, *pdf));
        const QString cover = unligature(run(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                                                           QStringLiteral("1"), path, QStringLiteral("-")}));
        const QStringList tokens = cover.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        // The first words are shown whole (a word cut at the margin would appear as two tokens).
        const QStringList words = model.cover.tailoring.split(QLatin1Char(' '));
        for (int i = 0; i < 12; ++i)
            QVERIFY2(tokens.contains(words.at(i)), qPrintable(words.at(i) + QStringLiteral(" is not whole on the cover:\n") + cover));
        QVERIFY(cover.contains(QStringLiteral("\u2026")));          // what does not fit is elided
        QVERIFY(!cover.contains(QStringLiteral("180 days")));
        QVERIFY(cover.contains(model.cover.templateSha256));       // a hash still wraps inside itself if it must
    }

    void hostileHostStringsAreEscaped()
    {
        testing::FixtureOptions o;
        o.assets = 3;
        o.runs = 2;
        o.hostile = true;
        auto fx = testing::buildFixtureProject(m_dir.filePath(QStringLiteral("hostile.triad")), *m_catalog, o);
        QVERIFY2(fx, fx ? "" : qPrintable(fx.error().toString()));
        auto db = ProjectDatabase::open(fx->path, ProjectDatabase::OpenMode::ReadOnly);
        QVERIFY(db);
        const ReportModel model = modelOf(**db, fx->runIds.last());
        const QList<QChar> forbidden{QChar(0x202E), QChar(0x202C), QChar(0x2066), QChar(0x2069), QChar(0x200F), QChar(0x1b), QChar(0x07)};

        // HTML: markup shown as text, controls and bidi marks visible, long lines cut.
        const QString html = QString::fromUtf8(HtmlReportWriter().render(model));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(")));
        QVERIFY(html.contains(QStringLiteral("&amp;amp;")));
        QVERIFY(html.contains(QStringLiteral("&lt;U+202E&gt;")));
        QVERIFY(html.contains(QStringLiteral("\\x1b")));
        for (QChar c : forbidden)
            QVERIFY2(!html.contains(c), qPrintable(QString::number(c.unicode(), 16)));
        QVERIFY(!html.contains(QString(1000, QLatin1Char('A'))));
        const QRegularExpression cutNote(QStringLiteral("\\[\\+\\d+ characters\\]"));
        QVERIFY(html.contains(cutNote));
        QVERIFY(html.contains(QStringLiteral("Content-Security-Policy")));
        QVERIFY(!html.contains(QStringLiteral("src=")));

        // PDF: the same text as text, nothing interpreted, every line wrapped or cut.
        PdfReportWriter writer;
        auto pdf = writer.render(model);
        QVERIFY(pdf);
        const QString path = m_dir.filePath(QStringLiteral("hostile.pdf"));
        QVERIFY(writeFile(path, *pdf));
        const QString text = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
        QVERIFY(text.contains(QStringLiteral("<script>alert(")));
        QVERIFY(text.contains(QStringLiteral("<U+202E>")));
        QVERIFY(text.contains(cutNote));
        for (QChar c : forbidden)
            QVERIFY2(!text.contains(c), qPrintable(QString::number(c.unicode(), 16)));
        for (const QString &line : text.split(QLatin1Char('\n')))
            QVERIFY2(line.size() < 400, qPrintable(line.left(80)));
        QCOMPARE(int(text.count(QLatin1Char('\f'))), writer.pageCount());

        // The machine formats stay well-formed.
        QXmlStreamReader xml(JunitReportWriter().render(model));
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QJsonParseError error{};
        QJsonDocument::fromJson(JsonReportWriter().render(model), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QJsonDocument::fromJson(OscalReportWriter().render(model), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const auto csv = parseCsv(QString::fromUtf8(CsvReportWriter().render(model)));
        QCOMPARE(csv.size(), model.results.size() + 1);
        for (const QStringList &row : csv)
            QCOMPARE(row.size(), CsvReportWriter::columns().size());
    }

    void htmlIsOneSelfContainedFile()
    {
        const QString html = QString::fromUtf8(HtmlReportWriter().render(m_model));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        // Nothing to fetch, nothing to run: no script, no external resource.
        QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("<link"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QRegularExpression(QStringLiteral("(src|href)=\"(?!#)"))));
        QCOMPARE(int(html.count(QStringLiteral("<svg "))), 2);
        // The contents link to every chapter.
        const QRegularExpression link(QStringLiteral("<a href=\"#(s\\d+)\">([^<]+)</a>"));
        int links = 0;
        for (auto it = link.globalMatch(html); it.hasNext(); ++links) {
            const auto m = it.next();
            QVERIFY2(html.contains(QStringLiteral(" id=\"%1\"").arg(m.captured(1))), qPrintable(m.captured(2)));
        }
        QVERIFY(links >= 8);
        for (const QString &chapter : {QStringLiteral("4 Findings"), QStringLiteral("5 Exceptions register"), QStringLiteral("8 Sign-off")})
            QVERIFY(html.contains(QStringLiteral(">%1</h1>").arg(chapter)));
        QVERIFY(html.contains(m_fx.attestationFileSha256));
        QVERIFY(html.contains(percentText(m_model.score.percent)));
    }

    void csvHasOneRowPerResult()
    {
        const auto rows = parseCsv(QString::fromUtf8(CsvReportWriter().render(m_model)));
        QCOMPARE(rows.size(), m_model.results.size() + 1);
        QCOMPARE(rows.first(), CsvReportWriter::columns());
        for (qsizetype i = 0; i < m_model.results.size(); ++i) {
            const StoredResult &r = m_model.results.at(i);
            const QStringList &row = rows.at(i + 1);
            QCOMPARE(row.at(1), r.assetName);
            QCOMPARE(row.at(2), r.result.checkId);
            QCOMPARE(row.at(6), toString(r.result.status));
            QCOMPARE(row.at(7), toString(r.rawStatus));
            QCOMPARE(row.at(13).split(QLatin1Char(' ')).size(), r.evidenceIds.size());
        }
        QCOMPARE(csvCell(QStringLiteral("=cmd|' /C calc'!A0")), QStringLiteral("'=cmd|' /C calc'!A0"));
        QCOMPARE(csvCell(QStringLiteral("-5")), QStringLiteral("-5"));
        QCOMPARE(csvCell(QStringLiteral("a,\"b\"")), QStringLiteral("\"a,\"\"b\"\"\""));
    }

    void jsonAgreesWithTheScanDocument()
    {
        const QJsonObject report = JsonReportWriter().document(m_model);
        auto score = scoreStoredRun(*m_db, m_fx.runIds.last(), &*m_catalog);
        QVERIFY(score);
        auto scan = runDocument(*m_db, m_fx.runIds.last(), *score);
        QVERIFY(scan);
        for (const QString &key : {QStringLiteral("run"), QStringLiteral("assets"), QStringLiteral("results"), QStringLiteral("score")})
            QVERIFY2(report.value(key) == scan->value(key), qPrintable(key));
        QCOMPARE(report.value(QStringLiteral("report")).toObject().value(QStringLiteral("schema")).toString(), QStringLiteral("triad-report/1"));
        QCOMPARE(report.value(QStringLiteral("evidence")).toArray().size(), m_model.evidenceTotal);
        QCOMPARE(report.value(QStringLiteral("waivers")).toArray().at(1).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("expired"));
        QCOMPARE(report.value(QStringLiteral("changes")).toObject().value(QStringLiteral("regressed")).toInt(), m_model.changes.regressedCount);
        QCOMPARE(report.value(QStringLiteral("trend")).toArray().size(), m_fx.runIds.size());
    }

    void junitHasOneCasePerResult()
    {
        QXmlStreamReader xml(JunitReportWriter().render(m_model));
        int cases = 0, failures = 0, errors = 0, skipped = 0, suites = 0;
        int declaredTests = -1;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            const auto name = xml.name();
            if (name == QLatin1String("testsuites"))
                declaredTests = xml.attributes().value(QStringLiteral("tests")).toInt();
            else if (name == QLatin1String("testsuite"))
                ++suites;
            else if (name == QLatin1String("testcase"))
                ++cases;
            else if (name == QLatin1String("failure"))
                ++failures;
            else if (name == QLatin1String("error"))
                ++errors;
            else if (name == QLatin1String("skipped"))
                ++skipped;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        const StatusCounts &c = m_model.resultCounts;
        // One suite per asset, and one for the manual evidence of the template's requirements.
        int manualFailed = 0, manualOutstanding = 0;
        for (const ManualRequirement &q : std::as_const(m_model.manualRequirements)) {
            manualFailed += q.part == ManualPart::AttestedFail ? 1 : 0;
            manualOutstanding += q.part == ManualPart::NotAttested ? 1 : 0;
        }
        QVERIFY(!m_model.manualRequirements.isEmpty());
        QCOMPARE(suites, int(m_model.runAssets.size()) + 1);
        QCOMPARE(cases, c.total() + 1 + int(m_model.manualRequirements.size()));     // + the unreachable asset
        QCOMPARE(declaredTests, cases);
        QCOMPARE(failures, c.fail + manualFailed);
        QCOMPARE(errors, c.error + 1);
        QCOMPARE(skipped, c.notApplicable + c.manual + c.waived + manualOutstanding);
    }

    void oscalHasTheAssessmentResultsStructure()
    {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(OscalReportWriter().render(m_model), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject ar = doc.object().value(QStringLiteral("assessment-results")).toObject();
        QVERIFY(!ar.isEmpty());
        const QJsonObject metadata = ar.value(QStringLiteral("metadata")).toObject();
        QCOMPARE(metadata.value(QStringLiteral("oscal-version")).toString(), QStringLiteral("1.1.2"));
        for (const QString &key : {QStringLiteral("title"), QStringLiteral("last-modified"), QStringLiteral("version")})
            QVERIFY(!metadata.value(key).toString().isEmpty());
        QStringList uuids;
        collectUuids(doc.object(), uuids);
        const QRegularExpression v4(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        for (const QString &u : std::as_const(uuids))
            QVERIFY2(v4.match(u).hasMatch(), qPrintable(u));
        // import-ap and relevant evidence point at back-matter resources.
        QSet<QString> resources;
        for (const QJsonValue &r : ar.value(QStringLiteral("back-matter")).toObject().value(QStringLiteral("resources")).toArray())
            resources.insert(r.toObject().value(QStringLiteral("uuid")).toString());
        QVERIFY(resources.contains(ar.value(QStringLiteral("import-ap")).toObject().value(QStringLiteral("href")).toString().mid(1)));
        const QJsonArray results = ar.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 1);
        const QJsonObject result = results.at(0).toObject();
        QVERIFY(!result.value(QStringLiteral("start")).toString().isEmpty());
        const QJsonArray controls = result.value(QStringLiteral("reviewed-controls")).toObject().value(QStringLiteral("control-selections"))
                                        .toArray().at(0).toObject().value(QStringLiteral("include-controls")).toArray();
        QVERIFY(!controls.isEmpty());
        const QRegularExpression token(QStringLiteral("^[A-Za-z_][A-Za-z0-9._-]*$"));
        for (const QJsonValue &c : controls)
            QVERIFY(token.match(c.toObject().value(QStringLiteral("control-id")).toString()).hasMatch());
        const QJsonArray observations = result.value(QStringLiteral("observations")).toArray();
        QCOMPARE(observations.size(), m_model.results.size());
        QSet<QString> observationIds;
        for (const QJsonValue &o : observations) {
            const QJsonObject obs = o.toObject();
            observationIds.insert(obs.value(QStringLiteral("uuid")).toString());
            QCOMPARE(obs.value(QStringLiteral("methods")).toArray().at(0).toString(), QStringLiteral("TEST"));
            for (const QJsonValue &e : obs.value(QStringLiteral("relevant-evidence")).toArray())
                QVERIFY(resources.contains(e.toObject().value(QStringLiteral("href")).toString().mid(1)));
        }
        const QJsonArray findings = result.value(QStringLiteral("findings")).toArray();
        QVERIFY(!findings.isEmpty());
        int notSatisfied = 0;
        for (const QJsonValue &f : findings) {
            const QJsonObject target = f.toObject().value(QStringLiteral("target")).toObject();
            QCOMPARE(target.value(QStringLiteral("type")).toString(), QStringLiteral("objective-id"));
            const QString state = target.value(QStringLiteral("status")).toObject().value(QStringLiteral("state")).toString();
            QVERIFY(state == QLatin1String("satisfied") || state == QLatin1String("not-satisfied"));
            notSatisfied += state == QLatin1String("not-satisfied") ? 1 : 0;
            for (const QJsonValue &r : f.toObject().value(QStringLiteral("related-observations")).toArray())
                QVERIFY(observationIds.contains(r.toObject().value(QStringLiteral("observation-uuid")).toString()));
        }
        QVERIFY(notSatisfied > 0);
        QCOMPARE(oscalControlId(QStringLiteral("164.312(b)")), QStringLiteral("req-164.312_b_"));
    }

    void signatureVerifiesAndTamperingIsFound()
    {
        const QString key = m_dir.filePath(QStringLiteral("signer.key"));
        const QString cert = m_dir.filePath(QStringLiteral("signer.pem"));
        const QString otherKey = m_dir.filePath(QStringLiteral("other.key"));
        const QString otherCert = m_dir.filePath(QStringLiteral("other.pem"));
        QVERIFY(makeKeyPair(key, cert, "Alice Assessor"));
        QVERIFY(makeKeyPair(otherKey, otherCert, "Mallory"));
        const QByteArray report = readFile(m_pdf);
        auto signature = signDetached(report, key, cert);
        QVERIFY2(signature, signature ? "" : qPrintable(signature.error().toString()));
        QVERIFY(signature->startsWith("-----BEGIN CMS-----"));
        auto good = verifyDetached(report, *signature, cert);
        QVERIFY2(good, good ? "" : qPrintable(good.error().toString()));
        QVERIFY(good->signerSubject.contains(QStringLiteral("CN=Alice Assessor")));
        QByteArray tampered = report;
        tampered[tampered.size() / 2] = char(tampered.at(tampered.size() / 2) ^ 0x01);
        QVERIFY(!verifyDetached(tampered, *signature));
        QVERIFY(!verifyDetached(report, *signature, otherCert));            // not the expected signer
        QVERIFY(!signDetached(report, otherKey, cert));                     // key of another certificate
        QVERIFY(!verifyDetached(report, QByteArray("-----BEGIN CMS-----\nAAAA\n-----END CMS-----\n")));
    }

    void cliExportsRecordsAndVerifies()
    {
        QFile::copy(m_fx.path, m_dir.filePath(QStringLiteral("cli.triad")));
        const QString project = m_dir.filePath(QStringLiteral("cli.triad"));
        const QString cli = QStringLiteral(TRIAD_CLI_PATH);
        const QString key = m_dir.filePath(QStringLiteral("cli.key"));
        const QString cert = m_dir.filePath(QStringLiteral("cli.pem"));
        QVERIFY(makeKeyPair(key, cert, "Alice Assessor"));
        int code = -1;
        QString output;
        for (const QString &format : {QStringLiteral("html"), QStringLiteral("csv"), QStringLiteral("json"), QStringLiteral("junit"),
                                      QStringLiteral("oscal")}) {
            output = run(cli, {QStringLiteral("report"), project, QStringLiteral("--format"), format, QStringLiteral("--out"),
                               m_dir.filePath(QStringLiteral("cli.") + format)}, &code);
            QVERIFY2(code == 0, qPrintable(output));
        }
        const QString pdf = m_dir.filePath(QStringLiteral("cli.pdf"));
        output = run(cli, {QStringLiteral("report"), project, QStringLiteral("--run"), QStringLiteral("latest"), QStringLiteral("--format"),
                           QStringLiteral("pdf"), QStringLiteral("--paper"), QStringLiteral("letter"), QStringLiteral("--out"), pdf,
                           QStringLiteral("--sign-key"), key, QStringLiteral("--sign-cert"), cert}, &code);
        QVERIFY2(code == 0, qPrintable(output));
        QVERIFY(QFile::exists(pdf + QStringLiteral(".sig")));
        {
            auto db = ProjectDatabase::open(project, ProjectDatabase::OpenMode::ReadOnly);
            QVERIFY(db);
            auto records = (*db)->reports();
            QVERIFY(records);
            QCOMPARE(records->size(), 6);
            QCOMPARE(records->last().sha256, sha256Hex(readFile(pdf)));
            QCOMPARE(records->last().paper, QStringLiteral("letter"));
            QVERIFY(records->last().signerSubject.contains(QStringLiteral("Alice Assessor")));
            QCOMPARE(records->first().sha256, sha256Hex(readFile(m_dir.filePath(QStringLiteral("cli.html")))));
            auto audit = (*db)->auditLog();
            QVERIFY(audit);
            QCOMPARE(audit->last().action, QStringLiteral("report.exported"));
        }
        output = run(cli, {QStringLiteral("verify-report"), pdf, QStringLiteral("--project"), project, QStringLiteral("--cert"), cert}, &code);
        QVERIFY2(code == 0, qPrintable(output));
        QVERIFY(output.contains(QStringLiteral("signature: valid")));
        QVERIFY(output.contains(QStringLiteral("recorded as report 6")));
        output = run(cli, {QStringLiteral("verify-report"), m_dir.filePath(QStringLiteral("cli.json")), QStringLiteral("--project"), project}, &code);
        QVERIFY2(code == 0, qPrintable(output));

        // One changed byte: neither the project record nor the signature vouches for it.
        QByteArray bytes = readFile(pdf);
        bytes[bytes.size() - 100] = char(bytes.at(bytes.size() - 100) ^ 0x20);
        QVERIFY(writeFile(pdf, bytes));
        output = run(cli, {QStringLiteral("verify-report"), pdf, QStringLiteral("--project"), project}, &code);
        QCOMPARE(code, 1);
        QVERIFY(output.contains(QStringLiteral("NOT RECORDED")));
        QVERIFY(output.contains(QStringLiteral("signature: INVALID")));
        QVERIFY(output.contains(QStringLiteral("NOT VERIFIED")));

        output = run(cli, {QStringLiteral("report"), project, QStringLiteral("--format"), QStringLiteral("docx"), QStringLiteral("--out"),
                           m_dir.filePath(QStringLiteral("x"))}, &code);
        QCOMPARE(code, 2);
        output = run(cli, {QStringLiteral("verify-report"), pdf}, &code);
        QCOMPARE(code, 0 + 1);      // the .sig beside it is used and fails
    }
};

QTEST_MAIN(TestReports)
#include "tst_reports.moc"
