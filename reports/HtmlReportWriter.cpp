#include "HtmlReportWriter.h"

#include "ReportBody.h"
#include "ReportText.h"

namespace triad::report {
namespace {

const char *const kCss = R"CSS(
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 14px; color: #222831; margin: 0; background: #eef1f5; }
main { max-width: 1080px; margin: 0 auto 40px auto; background: #fff; padding: 0 36px 36px 36px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
header.cover { background: #1b3a5c; color: #fff; margin: 0 -36px 24px -36px; padding: 32px 36px 24px 36px; border-bottom: 6px solid #e67e22; }
header.cover .kicker { color: #c8d6e5; font-weight: bold; letter-spacing: .08em; font-size: 12px; }
header.cover .title { font-size: 30px; font-weight: bold; margin: 8px 0 4px 0; color: #fff; }
header.cover .framework { color: #dfe7f0; }
.project { display: flex; justify-content: space-between; align-items: center; gap: 24px; margin-bottom: 12px; }
.project .name { font-size: 24px; font-weight: bold; overflow-wrap: anywhere; }
.project .customer { color: #5a6270; font-size: 16px; }
.scorebox { background: #f3f6fa; border-radius: 8px; padding: 12px 24px; text-align: center; min-width: 180px; }
.scorebox .big { font-size: 30px; font-weight: bold; color: #1f5fa8; }
h1 { font-size: 24px; color: #1b3a5c; border-bottom: 2px solid #1b3a5c; padding-bottom: 4px; margin-top: 40px; }
h2 { font-size: 19px; color: #1b3a5c; margin-top: 26px; }
h3 { font-size: 16px; margin-top: 22px; overflow-wrap: anywhere; }
p { line-height: 1.45; overflow-wrap: anywhere; }
pre { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12px; background: #f3f4f6; padding: 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px 0; }
table.grid th { background: #1b3a5c; color: #fff; text-align: left; font-size: 12.5px; padding: 5px; }
table.grid td { border: 1px solid #c9ced6; font-size: 12.5px; padding: 5px; vertical-align: top; overflow-wrap: anywhere; }
table.grid tbody tr:nth-child(even) td { background: #f8f9fb; }
table.facts td { border-bottom: 1px solid #e1e4e8; padding: 5px; vertical-align: top; overflow-wrap: anywhere; }
td.label { color: #5a6270; width: 28%; }
td.tile { background: #f3f6fa; border: 4px solid #fff; padding: 10px; }
td.line { border-bottom: 1px solid #222831; height: 28px; }
table.toc td { padding: 3px; }
td.toc1 { font-weight: bold; }
td.toc2 { padding-left: 24px; }
.toctitle { font-size: 24px; color: #1b3a5c; font-weight: bold; margin-top: 24px; }
.note { color: #5a6270; font-size: 12.5px; }
.id { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12px; color: #44505e; overflow-wrap: anywhere; }
.hash { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 11.5px; overflow-wrap: anywhere; }
.flag { color: #c0392b; font-weight: bold; }
p.evidence { font-size: 12px; line-height: 1.5; overflow-wrap: anywhere; }
p.evidence .hash { font-size: 11px; }
.chart { text-align: center; margin: 12px 0; }
.chart svg { max-width: 100%; height: auto; }
footer { color: #5a6270; font-size: 12px; margin-top: 30px; border-top: 1px solid #c9ced6; padding-top: 8px; }
@media print { body { background: #fff; } main { box-shadow: none; max-width: none; } }
)CSS";

QString row(const QString &label, const QString &escapedValue)
{
    return QStringLiteral("<tr><td class=\"label\">%1</td><td>%2</td></tr>").arg(label, escapedValue);
}

} // namespace

QByteArray HtmlReportWriter::render(const ReportModel &m) const
{
    const CoverFacts &c = m.cover;
    const ReportBody body = buildReportBody(m, BodyTarget::Html);
    QString framework = c.frameworkName;
    if (!c.frameworkVersion.isEmpty())
        framework += QStringLiteral(" ") + c.frameworkVersion;
    const QString scope = QStringLiteral("%1 asset(s), %2 reached").arg(c.assetCount).arg(c.assetsReached);
    QString out;
    out.reserve(1 << 20);
    out += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                          "<meta name=\"generator\" content=\"Triad %1\"><title>%2 \u2013 %3</title><style>%4</style></head><body><main>")
               .arg(html(c.reportAppVersion), html(c.projectName), html(c.templateTitle), QString::fromUtf8(kCss));
    out += QStringLiteral("<header class=\"cover\"><div class=\"kicker\">COMPLIANCE ASSESSMENT REPORT</div><div class=\"title\">%1</div>"
                          "<div class=\"framework\">%2</div></header>")
               .arg(html(c.templateTitle), html(framework.isEmpty() ? QStringLiteral("Template ") + c.templateId : framework));
    out += QStringLiteral("<div class=\"project\"><div><div class=\"name\">%1</div><div class=\"customer\">%2</div></div>"
                          "<div class=\"scorebox\"><div class=\"big\">%3</div><div class=\"note\">score \u00b7 %4 failed, %5 passed</div></div></div>")
               .arg(html(c.projectName), c.customer.isEmpty() ? QStringLiteral("(no customer named)") : QStringLiteral("Prepared for ") + html(c.customer),
                    html(percentText(m.score.percent)))
               .arg(m.score.failed)
               .arg(m.score.passed);
    QString run = QStringLiteral("%1 (%2)").arg(c.runId).arg(html(c.runStatus));
    if (c.derivedFromRunId)
        run += QStringLiteral(", re-evaluated from run %1").arg(c.derivedFromRunId);
    out += QStringLiteral("<table class=\"facts\">");
    out += row(QStringLiteral("Template"), QStringLiteral("%1, version %2").arg(html(c.templateId), html(c.templateVersion)));
    out += row(QStringLiteral("Tailoring"), c.tailoring.isEmpty() ? QStringLiteral("none (template defaults)") : html(c.tailoring));
    out += row(QStringLiteral("Scope"), html(scope) + (c.scope.isEmpty() ? QString() : QStringLiteral(": ") + html(c.scope.join(QStringLiteral(", ")))));
    out += row(QStringLiteral("Assessment period"), html(periodText(c.startedAt, c.finishedAt)));
    out += row(QStringLiteral("Operator"), c.operatorName.isEmpty() ? QStringLiteral("-") : html(c.operatorName));
    out += row(QStringLiteral("Run"), run);
    out += row(QStringLiteral("Triad version"), QStringLiteral("%1 (assessment), %2 (report)").arg(html(c.appVersion), html(c.reportAppVersion)));
    out += row(QStringLiteral("Report generated"), dateTimeText(c.generatedAt));
    out += row(QStringLiteral("Template SHA-256"), QStringLiteral("<span class=\"hash\">%1</span>").arg(html(c.templateSha256)));
    out += QStringLiteral("</table>");
    // The body is the PDF's, with links for page numbers and SVG for the painted charts.
    out += body.html;
    out += QStringLiteral("<footer>Triad %1 \u00b7 generated %2 \u00b7 Confidential</footer></main></body></html>\n")
               .arg(html(c.reportAppVersion), dateTimeText(c.generatedAt));
    return out.toUtf8();
}

} // namespace triad::report
