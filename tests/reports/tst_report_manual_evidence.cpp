// The manual part of a mixed requirement in every report format: a PCI DSS requirement whose
// checks pass reads as "checks pass, manual evidence outstanding" until its manual part is
// attested, then as met; one attested as failed reads as failed. Real SQLite project, the real
// pci-dss-4 template, the PDF read back with pdftotext.
#include "TestPaths.h"

#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "reports/CsvReportWriter.h"
#include "reports/HtmlReportWriter.h"
#include "reports/JsonReportWriter.h"
#include "reports/JunitReportWriter.h"
#include "reports/OscalReportWriter.h"
#include "reports/PdfReportWriter.h"
#include "reports/ReportModelBuilder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <optional>

using namespace triad;
using namespace triad::report;

namespace {

const QString kOutstanding = QStringLiteral("Checks pass \u00b7 manual evidence outstanding");
const QString kAttestedPass = QStringLiteral("Checks pass \u00b7 manual evidence attested as passed");
const QString kAttestedFail = QStringLiteral("Checks pass \u00b7 manual evidence attested as failed");

/// The PDF as pdftotext reads it, white space collapsed, ligatures spelled out.
QString pdfText(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    p.waitForFinished(120000);
    QString text = QString::fromUtf8(p.readAllStandardOutput());
    text.replace(QChar(0xFB00), QStringLiteral("ff")).replace(QChar(0xFB01), QStringLiteral("fi")).replace(QChar(0xFB02), QStringLiteral("fl"));
    return text.simplified();
}

/// Whether the phrase's words appear in order, each within a few lines of the one before: a
/// table cell wraps, and pdftotext may put a neighbouring cell's line between its lines.
bool containsPhrase(const QString &text, const QString &phrase)
{
    QStringList words = phrase.split(QLatin1Char(' '));
    for (QString &w : words)
        w = QRegularExpression::escape(w);
    return QRegularExpression(words.join(QStringLiteral(".{1,160}?")), QRegularExpression::DotMatchesEverythingOption).match(text).hasMatch();
}

QJsonObject requirementIn(const QJsonObject &report, const QString &id)
{
    for (const QJsonValue &v : report.value(QStringLiteral("requirements")).toArray())
        if (v.toObject().value(QStringLiteral("id")).toString() == id)
            return v.toObject();
    return {};
}

/// The JUnit test case of a requirement's manual part: "skipped", "failure" or "passed".
QString junitVerdict(const QByteArray &xml, const QString &requirementId)
{
    QXmlStreamReader r(xml);
    bool inCase = false;
    QString verdict;
    while (!r.atEnd()) {
        const auto token = r.readNext();
        if (token == QXmlStreamReader::StartElement && r.name() == QLatin1String("testcase")) {
            inCase = r.attributes().value(QStringLiteral("classname")) == QLatin1String("manual evidence") &&
                     r.attributes().value(QStringLiteral("name")).startsWith(QString(requirementId + QLatin1Char(' ')));
            verdict = QStringLiteral("passed");
        } else if (inCase && token == QXmlStreamReader::StartElement) {
            verdict = r.name().toString();
        } else if (inCase && token == QXmlStreamReader::EndElement && r.name() == QLatin1String("testcase")) {
            return verdict;
        }
    }
    return {};
}

} // namespace

class TestReportManualEvidence final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<Catalog> m_catalog;
    const AssessmentTemplate *m_pci = nullptr;
    std::unique_ptr<ProjectDatabase> m_db;
    qint64 m_runId = 0;
    QString m_attested;     // mixed requirement attested as passed in the second step
    QString m_refused;      // mixed requirement attested as failed in the second step
    int m_withManualPart = 0;
    int m_mixed = 0;

    ReportModel model()
    {
        ReportModelBuilder builder(*m_db, &*m_catalog);
        auto m = builder.build(m_runId);
        if (!m)
            qFatal("%s", qPrintable(m.error().toString()));
        return *m;
    }

    QString renderPdf(const ReportModel &m, const QString &name)
    {
        auto pdf = PdfReportWriter().render(m);
        if (!pdf)
            return {};
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(*pdf) != pdf->size())
            return {};
        return path;
    }

    void attest(const QString &requirement, CheckStatus status)
    {
        Attestation a;
        a.templateId = m_pci->id;
        a.requirementId = requirement;
        a.status = status;
        a.statement = QStringLiteral("Policy and review records seen with the process owner");
        a.attester = QStringLiteral("Bob Auditor");
        auto id = m_db->addAttestation(a, {{QStringLiteral("policy.txt"), QByteArray("policy v3\n")}});
        QVERIFY2(id, id ? "" : qPrintable(id.error().toString()));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(), "pdftotext is missing (poppler-utils)");
        auto catalog = Catalog::load({QStringLiteral(TRIAD_TEMPLATES_DIR)});
        QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().toString()));
        m_catalog = std::move(*catalog);
        m_pci = m_catalog->assessment(QStringLiteral("pci-dss-4"));
        QVERIFY(m_pci);

        // Two mixed requirements whose checks all exist; their checks pass on both hosts.
        QStringList mixed;
        QHash<QString, QStringList> requirementsOfCheck;
        for (const RequirementDef &r : m_pci->requirements) {
            for (const QString &c : r.checks)
                requirementsOfCheck[c] << r.id;
            if (r.manual || r.checks.isEmpty())
                ++m_withManualPart;
            if (r.manual && !r.checks.isEmpty()) {
                ++m_mixed;
                bool known = true;
                for (const QString &c : r.checks)
                    known = known && m_catalog->findCheck(c);
                if (known && mixed.size() < 2)
                    mixed << r.id;
            }
        }
        QCOMPARE(mixed.size(), 2);
        QVERIFY(m_mixed >= 30);     // PCI DSS has many requirements that are half host, half paper
        m_attested = mixed.at(0);
        m_refused = mixed.at(1);

        auto created = ProjectDatabase::create(m_dir.filePath(QStringLiteral("pci.triad")), ProjectInfo{QStringLiteral("PCI pre-audit"), QStringLiteral("ACME"), {}});
        QVERIFY(created);
        m_db = std::move(*created);
        QFile file(m_pci->file);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(m_db->recordTemplateUse(m_pci->id, m_pci->version, m_pci->contentSha256, file.readAll()));
        RunInfo run;
        run.templateId = m_pci->id;
        run.templateVersion = m_pci->version;
        run.templateSha256 = m_pci->contentSha256;
        run.templateTitle = m_pci->title;
        run.startedAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        run.status = RunStatus::Running;
        run.operatorName = QStringLiteral("alice");
        auto runId = m_db->beginRun(run);
        QVERIFY(runId);
        m_runId = *runId;
        for (const QString &host : {QStringLiteral("cde-web-01"), QStringLiteral("cde-db-01")}) {
            Asset asset;
            asset.name = host;
            asset.address = QStringLiteral("127.0.0.1");
            auto assetId = m_db->addAsset(asset);
            QVERIFY(assetId);
            AssetRunRecord rec;
            rec.runId = m_runId;
            rec.assetId = *assetId;
            rec.assetName = host;
            rec.status = AssetRunStatus::Ok;
            QList<StoredResult> results;
            QSet<QString> stored;
            for (const QString &req : std::as_const(mixed)) {
                for (const RequirementDef &r : m_pci->requirements) {
                    if (r.id != req)
                        continue;
                    for (const QString &c : r.checks) {
                        if (stored.contains(c))
                            continue;
                        stored.insert(c);
                        const CheckDef *def = m_catalog->findCheck(c);
                        StoredResult sr;
                        sr.assetName = host;
                        sr.result.checkId = c;
                        sr.result.status = CheckStatus::Pass;
                        sr.rawStatus = CheckStatus::Pass;
                        sr.result.expected = QStringLiteral("as the standard asks");
                        sr.result.actual = QStringLiteral("as the standard asks");
                        sr.severity = def->severity;
                        sr.title = def->title;
                        sr.requirementIds = requirementsOfCheck.value(c);
                        results << sr;
                    }
                }
            }
            QVERIFY(m_db->storeAssetResults(m_runId, rec, {}, results));
        }
        QVERIFY(m_db->finishRun(m_runId, RunStatus::Completed, QDateTime::currentDateTimeUtc()));
    }

    void outstandingManualEvidenceIsNotMet()
    {
        const ReportModel m = model();
        // The percentages are the scan's: every assessed requirement passed.
        QCOMPARE(m.score.failed, 0);
        QVERIFY(m.score.passed > 0);
        QCOMPARE(*m.score.percent, 100.0);
        // Every manual part is outstanding, mixed and manual-only together.
        QCOMPARE(m.score.manualNotAttested, m_withManualPart);
        QCOMPARE(m.score.mixedManualNotAttested, m_mixed);
        QCOMPARE(m.score.manualAttestedPass, 0);

        const QJsonObject json = QJsonDocument::fromJson(JsonReportWriter().render(m)).object();
        const QJsonObject req = requirementIn(json, m_attested);
        QCOMPARE(req.value(QStringLiteral("automated_status")).toString(), QStringLiteral("pass"));
        QCOMPARE(req.value(QStringLiteral("manual_part")).toString(), QStringLiteral("not_attested"));
        QCOMPARE(req.value(QStringLiteral("status")).toString(), QStringLiteral("manual"));
        QCOMPARE(req.value(QStringLiteral("met")).toBool(), false);
        QCOMPARE(req.value(QStringLiteral("status_text")).toString(), kOutstanding);
        QCOMPARE(req.value(QStringLiteral("manual")).toBool(), false);
        const QJsonObject evidence = json.value(QStringLiteral("manual_evidence")).toObject();
        QCOMPARE(evidence.value(QStringLiteral("outstanding")).toInt(), m_withManualPart);
        QCOMPARE(evidence.value(QStringLiteral("outstanding_mixed")).toInt(), m_mixed);
        QVERIFY(evidence.value(QStringLiteral("outstanding_requirements")).toArray().contains(m_attested));
        QCOMPARE(json.value(QStringLiteral("score")).toObject().value(QStringLiteral("mixed_manual_not_attested")).toInt(), m_mixed);

        const QString pdf = renderPdf(m, QStringLiteral("outstanding.pdf"));
        QVERIFY(!pdf.isEmpty());
        const QString text = pdfText(pdf);
        QVERIFY2(containsPhrase(text, kOutstanding), "the requirements table says the evidence is outstanding");
        QVERIFY(!containsPhrase(text, kAttestedPass));
        QVERIFY(containsPhrase(text, QStringLiteral("%1 manual evidence outstanding").arg(m_withManualPart)));
        QVERIFY(text.contains(QStringLiteral("%1 of %2 requirement(s) with a manual part still need a person's verdict (%3 manual-only, %4 beside their checks)")
                                  .arg(m_withManualPart).arg(m_withManualPart).arg(m_withManualPart - m_mixed).arg(m_mixed)));
        QVERIFY(QString::fromUtf8(HtmlReportWriter().render(m)).contains(kOutstanding));

        QCOMPARE(junitVerdict(JunitReportWriter().render(m), m_attested), QStringLiteral("skipped"));
        const QString csv = QString::fromUtf8(CsvReportWriter().render(m));
        QVERIFY(csv.section(QStringLiteral("\r\n"), 0, 0).endsWith(QStringLiteral(",requirements_manual_outstanding,requirements_manual_failed")));
        QVERIFY(csv.contains(m_attested));
        // OSCAL: the checks were assessed, the requirement is not satisfied while evidence is outstanding.
        const QString oscal = QString::fromUtf8(OscalReportWriter().render(m));
        QVERIFY(oscal.contains(kOutstanding));
        QVERIFY(oscal.contains(QStringLiteral("\"not_attested\"")));
    }

    void attestationDecidesTheManualPart()
    {
        attest(m_attested, CheckStatus::Pass);
        attest(m_refused, CheckStatus::Fail);
        const ReportModel m = model();
        QCOMPARE(*m.score.percent, 100.0);      // attestations never move the scan's figures
        QCOMPARE(m.score.manualNotAttested, m_withManualPart - 2);
        QCOMPARE(m.score.mixedManualNotAttested, m_mixed - 2);
        QCOMPARE(m.score.manualAttestedPass, 1);
        QCOMPARE(m.score.manualAttestedFail, 1);
        QCOMPARE(m.score.mixedManualAttestedFail, 1);

        const QJsonObject json = QJsonDocument::fromJson(JsonReportWriter().render(m)).object();
        const QJsonObject met = requirementIn(json, m_attested);
        QCOMPARE(met.value(QStringLiteral("status")).toString(), QStringLiteral("pass"));
        QCOMPARE(met.value(QStringLiteral("met")).toBool(), true);
        QCOMPARE(met.value(QStringLiteral("manual_part")).toString(), QStringLiteral("pass"));
        QVERIFY(met.value(QStringLiteral("attestation")).toString().startsWith(QStringLiteral("pass by Bob Auditor")));
        const QJsonObject failed = requirementIn(json, m_refused);
        QCOMPARE(failed.value(QStringLiteral("status")).toString(), QStringLiteral("fail"));
        QCOMPARE(failed.value(QStringLiteral("automated_status")).toString(), QStringLiteral("pass"));
        QCOMPARE(failed.value(QStringLiteral("met")).toBool(), false);
        QCOMPARE(failed.value(QStringLiteral("status_text")).toString(), kAttestedFail);
        QVERIFY(!json.value(QStringLiteral("manual_evidence")).toObject().value(QStringLiteral("outstanding_requirements")).toArray().contains(m_attested));

        const QString pdf = renderPdf(m, QStringLiteral("attested.pdf"));
        QVERIFY(!pdf.isEmpty());
        const QString text = pdfText(pdf);
        QVERIFY(containsPhrase(text, kAttestedPass));
        QVERIFY(containsPhrase(text, kAttestedFail));
        QVERIFY(text.contains(QStringLiteral("1 attested as passed, 1 attested as failed")));

        const QByteArray junit = JunitReportWriter().render(m);
        QCOMPARE(junitVerdict(junit, m_attested), QStringLiteral("passed"));
        QCOMPARE(junitVerdict(junit, m_refused), QStringLiteral("failure"));
        bool failedColumn = false;
        for (const QString &line : QString::fromUtf8(CsvReportWriter().render(m)).split(QStringLiteral("\r\n")))
            failedColumn = failedColumn || line.endsWith(QLatin1Char(',') + m_refused);
        QVERIFY(failedColumn);
    }
};

QTEST_MAIN(TestReportManualEvidence)
#include "tst_report_manual_evidence.moc"
