// The report body as HTML: for the PDF the subset QTextDocument reads, for the HTML file the same
// markup with anchors and SVG. Every value from the project goes through html(): escaped, with
// control and bidi characters made visible.
#include "ReportBody.h"

#include "ReportCharts.h"
#include "ReportText.h"

namespace triad::report {
namespace {

QString L(const char *text)
{
    return QString::fromUtf8(text);
}

class Html {
public:
    explicit Html(BodyTarget t) : target(t) {}
    BodyTarget target;
    QString out;
    QList<ReportBody::Heading> headings;

    QString anchor() const { return QStringLiteral(" id=\"s%1\"").arg(headings.size()); }
    void h1(const QString &text)
    {
        headings << ReportBody::Heading{1, text};
        // PDF chapters are documents of their own, each starting on a new page.
        out += (target == BodyTarget::Html ? QStringLiteral("<h1%1 style=\"page-break-before: always\">").arg(anchor()) : QStringLiteral("<h1>")) +
               html(text) + QStringLiteral("</h1>");
    }
    void h2(const QString &text, bool listed = true)
    {
        if (listed)
            headings << ReportBody::Heading{2, text};
        out += QStringLiteral("<h2%1>").arg(target == BodyTarget::Html && listed ? anchor() : QString()) + html(text) + QStringLiteral("</h2>");
    }
    void h3(const QString &escaped) { out += QStringLiteral("<h3>") + escaped + QStringLiteral("</h3>"); }
    void p(const QString &escaped, const QString &cls = {})
    {
        out += (cls.isEmpty() ? QStringLiteral("<p>") : QStringLiteral("<p class=\"%1\">").arg(cls)) + escaped + QStringLiteral("</p>");
    }
    void pre(const QString &text) { out += QStringLiteral("<pre>") + html(text) + QStringLiteral("</pre>"); }
    void tableStart(const QStringList &headers, const QList<int> &widths = {})
    {
        out += QStringLiteral("<table class=\"grid\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\"><thead><tr>");
        for (qsizetype i = 0; i < headers.size(); ++i) {
            const QString w = i < widths.size() && widths.at(i) > 0 ? QStringLiteral(" width=\"%1%\"").arg(widths.at(i)) : QString();
            out += QStringLiteral("<th%1>").arg(w) + headers.at(i) + QStringLiteral("</th>");
        }
        out += QStringLiteral("</tr></thead><tbody>");
    }
    void row(const QStringList &escapedCells)
    {
        out += QStringLiteral("<tr>");
        for (const QString &c : escapedCells)
            out += QStringLiteral("<td>") + c + QStringLiteral("</td>");
        out += QStringLiteral("</tr>");
    }
    void tableEnd() { out += QStringLiteral("</tbody></table>"); }
    /// A two-column table of facts (label, escaped value).
    void facts(const QList<QPair<QString, QString>> &rows)
    {
        out += QStringLiteral("<table class=\"facts\" width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">");
        for (const auto &r : rows)
            out += QStringLiteral("<tr><td width=\"28%\" class=\"label\">") + r.first + QStringLiteral("</td><td>") + r.second +
                   QStringLiteral("</td></tr>");
        out += QStringLiteral("</table>");
    }
};

QString statusCell(const QString &status)
{
    return QStringLiteral("<span style=\"color:%1; font-weight:bold\">%2</span>").arg(statusColor(status), statusLabel(status));
}

QString severityCell(Severity s)
{
    return QStringLiteral("<span style=\"color:%1; font-weight:bold\">%2</span>").arg(severityColor(s), severityLabel(s));
}

QString n(qint64 v)
{
    return QString::number(v);
}

QString countsText(const StatusCounts &c)
{
    QStringList parts;
    auto add = [&](int v, const char *word, const QString &status) {
        if (v)
            parts << QStringLiteral("<span style=\"color:%1\">%2 %3</span>").arg(statusColor(status)).arg(v).arg(L(word));
    };
    add(c.pass, "pass", QStringLiteral("pass"));
    add(c.fail, "fail", QStringLiteral("fail"));
    add(c.error, "error", QStringLiteral("error"));
    add(c.waived, "waived", QStringLiteral("waived"));
    add(c.notApplicable, "n/a", QStringLiteral("not_applicable"));
    add(c.manual, "manual", QStringLiteral("manual"));
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QStringLiteral(", "));
}

QString checkCell(const QString &title, const QString &checkId)
{
    return html(title) + QStringLiteral("<br/><span class=\"id\">") + html(checkId) + QStringLiteral("</span>");
}

void changeTable(Html &h, const QString &title, const QList<ComparedResult> &items, int total)
{
    if (items.isEmpty())
        return;
    h.h3(html(title) + QStringLiteral(" (%1)").arg(total));
    h.tableStart({QStringLiteral("Severity"), QStringLiteral("Asset"), QStringLiteral("Check"), QStringLiteral("Subject"),
                  QStringLiteral("Before \u2192 now")},
                 {11, 20, 35, 17, 17});
    for (const ComparedResult &c : items)
        h.row({severityCell(c.severity), html(c.assetName), checkCell(c.title, c.checkId), html(c.subject),
               html(c.before ? statusLabel(toString(*c.before)) : QStringLiteral("not run")) + QStringLiteral(" \u2192 ") +
                   html(c.after ? statusLabel(toString(*c.after)) : QStringLiteral("gone"))});
    h.tableEnd();
    if (total > items.size())
        h.p(QStringLiteral("%1 more are not listed here; <i>triad-cli diff</i> lists them all.").arg(total - items.size()), QStringLiteral("note"));
}

// The manual tally in words: outstanding first, since that is what is left to do.
QString manualEvidenceText(const Score &s)
{
    const int total = s.manualNotAttested + s.manualAttestedPass + s.manualAttestedFail;
    if (total == 0)
        return QStringLiteral("none: every requirement is assessed by checks");
    QString text = QStringLiteral("%1 of %2 requirement(s) with a manual part still need a person's verdict (%3 manual-only, "
                                  "%4 beside their checks); %5 attested as passed, %6 attested as failed (see section 6)")
                       .arg(s.manualNotAttested).arg(total).arg(s.manualNotAttested - s.mixedManualNotAttested)
                       .arg(s.mixedManualNotAttested).arg(s.manualAttestedPass).arg(s.manualAttestedFail);
    if (s.manualNotAttested)
        text = QStringLiteral("<span class=\"flag\">") + text + QStringLiteral("</span>");
    return text;
}

void executiveSummary(Html &h, const ReportModel &m)
{
    h.h1(QStringLiteral("1 Executive summary"));
    h.p(html(L(text::kIntro)));
    const Score &s = m.score;
    h.out += QStringLiteral("<table width=\"100%\" cellspacing=\"4\" cellpadding=\"6\"><tr>");
    auto tile = [&](const QString &value, const QString &label, const QString &color) {
        h.out += QStringLiteral("<td class=\"tile\" width=\"16%\" align=\"center\"><span style=\"font-size:16pt; font-weight:bold; color:%1\">%2</span>"
                                "<br/><span class=\"note\">%3</span></td>")
                     .arg(color, value, label);
    };
    tile(percentText(s.percent), QStringLiteral("score"), QStringLiteral("#1f5fa8"));
    tile(percentText(s.weightedPercent), QStringLiteral("severity-weighted"), QStringLiteral("#1f5fa8"));
    tile(n(s.failed), QStringLiteral("requirements failed"), statusColor(QStringLiteral("fail")));
    tile(n(s.passed), QStringLiteral("requirements passed"), statusColor(QStringLiteral("pass")));
    tile(QStringLiteral("%1 / %2").arg(m.cover.assetsReached).arg(m.cover.assetCount), QStringLiteral("assets reached"), QStringLiteral("#333a44"));
    // What is left for the auditor: manual evidence not yet attested (manual-only and mixed).
    tile(n(s.manualNotAttested), QStringLiteral("manual evidence outstanding"),
         s.manualNotAttested ? statusColor(QStringLiteral("manual")) : QStringLiteral("#333a44"));
    h.out += QStringLiteral("</tr></table>");

    h.h2(QStringLiteral("1.1 Score and status counts"));
    h.facts({{QStringLiteral("Template"), html(m.cover.templateTitle) + QStringLiteral(" ") + html(m.cover.templateVersion)},
             {QStringLiteral("Score"), QStringLiteral("%1 (severity-weighted %2)").arg(percentText(s.percent), percentText(s.weightedPercent))},
             {QStringLiteral("Requirements \u00d7 assets"),
              QStringLiteral("%1 passed, %2 failed, %3 with errors, %4 not applicable").arg(s.passed).arg(s.failed).arg(s.errors).arg(s.notApplicable)},
             {QStringLiteral("Manual evidence"), manualEvidenceText(s)},
             {QStringLiteral("Check results"), countsText(m.resultCounts) + QStringLiteral(" (%1 in all)").arg(m.resultCounts.total())}});
    h.p(html(L(text::kScoreRule)), QStringLiteral("note"));
    if (!m.otherTemplates.isEmpty()) {
        h.h3(QStringLiteral("Other templates assessed in this project"));
        h.tableStart({QStringLiteral("Template"), QStringLiteral("Latest run"), QStringLiteral("Score"), QStringLiteral("Passed"),
                      QStringLiteral("Failed")},
                     {40, 24, 12, 12, 12});
        for (const TemplateScore &t : m.otherTemplates)
            h.row({html(t.templateTitle.isEmpty() ? t.templateId : t.templateTitle),
                   QStringLiteral("run %1, %2").arg(t.runId).arg(dateTimeText(t.startedAt)), percentText(t.score.percent),
                   n(t.score.passed), n(t.score.failed)});
        h.tableEnd();
    }

    h.h2(QStringLiteral("1.2 Trend and severity"));
    h.p(QStringLiteral("Score of the last %1 run(s) of this template, and the failed check results of this run by severity.")
            .arg(m.trend.size()), QStringLiteral("note"));
    if (h.target == BodyTarget::Html) {
        h.out += QStringLiteral("<div class=\"chart\">") + trendChartSvg(m.trend, 720, 250) + QStringLiteral("</div>");
        h.out += QStringLiteral("<div class=\"chart\">") + severityChartSvg(m.failedBySeverity, 480, 150) + QStringLiteral("</div>");
    } else {
        h.out += QStringLiteral("<p align=\"center\">") + chartPlaceholder(ChartKind::Trend) + QStringLiteral("</p>");
        h.out += QStringLiteral("<p align=\"center\">") + chartPlaceholder(ChartKind::Severity) + QStringLiteral("</p>");
    }
    if (m.trend.size() > 1) {
        h.tableStart({QStringLiteral("Run"), QStringLiteral("Started"), QStringLiteral("Score"), QStringLiteral("Failed"),
                      QStringLiteral("Opened"), QStringLiteral("Fixed"), QStringLiteral("Regressed")});
        for (const TrendPoint &p : m.trend)
            h.row({n(p.runId), dateTimeText(p.startedAt), percentText(p.percent), n(p.failed), n(p.opened), n(p.fixed), n(p.regressed)});
        h.tableEnd();
    }

    h.h2(QStringLiteral("1.3 Changes since the previous run"));
    const ChangeSummary &c = m.changes;
    if (c.previousRunId == 0) {
        h.p(QStringLiteral("This is the first run of this template in the project: there is nothing to compare with."));
    } else {
        h.facts({{QStringLiteral("Compared with"), QStringLiteral("run %1").arg(c.previousRunId)},
                 {QStringLiteral("New failures"), n(c.newCount)},
                 {QStringLiteral("Fixed"), n(c.fixedCount)},
                 {QStringLiteral("Regressed (failing again)"), n(c.regressedCount)},
                 {QStringLiteral("Still open"), n(c.stillOpenCount)},
                 {QStringLiteral("Changed evidence"), n(c.changedEvidenceCount)}});
        changeTable(h, QStringLiteral("Regressed"), c.regressedItems, c.regressedCount);
        changeTable(h, QStringLiteral("New failures"), c.newItems, c.newCount);
        changeTable(h, QStringLiteral("Fixed"), c.fixedItems, c.fixedCount);
    }

    h.h2(QStringLiteral("1.4 Top risks"));
    if (m.topRisks.isEmpty()) {
        h.p(QStringLiteral("No check failed in this run."));
    } else {
        h.tableStart({QStringLiteral("Severity"), QStringLiteral("Check"), QStringLiteral("Requirements"), QStringLiteral("Assets"),
                      QStringLiteral("Results"), QStringLiteral("Regressed")},
                     {11, 45, 16, 9, 9, 10});
        for (const TopRisk &t : m.topRisks)
            h.row({severityCell(t.severity), checkCell(t.title, t.checkId), html(t.requirementIds.join(QStringLiteral(", "))),
                   n(t.affectedAssets), n(t.affectedResults), n(t.regressed)});
        h.tableEnd();
    }
}

void scopeSection(Html &h, const ReportModel &m)
{
    h.h1(QStringLiteral("2 Scope and assets"));
    h.facts({{QStringLiteral("Assets in the run"), n(m.cover.assetCount)},
             {QStringLiteral("Reached"), n(m.cover.assetsReached)},
             {QStringLiteral("Assessment period"), html(periodText(m.cover.startedAt, m.cover.finishedAt))},
             {QStringLiteral("Requirements from"), html(m.cover.templateSource)}});
    h.tableStart({QStringLiteral("Asset"), QStringLiteral("Address / host name"), QStringLiteral("System"), QStringLiteral("Status"),
                  QStringLiteral("Results")},
                 {18, 22, 24, 11, 25});
    for (const AssetRow &a : m.assets) {
        QString status = QStringLiteral("<span style=\"color:%1; font-weight:bold\">%2</span>")
                             .arg(statusColor(a.status == QLatin1String("ok") ? QStringLiteral("pass") : QStringLiteral("fail")), html(a.status));
        if (!a.error.isEmpty())
            status += QStringLiteral("<br/><span class=\"note\">") + html(a.error) + QStringLiteral("</span>");
        h.row({html(a.name), html(a.address) + (a.hostname.isEmpty() ? QString() : QStringLiteral("<br/>") + html(a.hostname)),
               html(a.os) + (a.kernel.isEmpty() ? QString() : QStringLiteral("<br/><span class=\"note\">") + html(a.kernel) + QStringLiteral("</span>")),
               status, countsText(a.counts)});
    }
    h.tableEnd();
}

void requirementsSection(Html &h, const ReportModel &m)
{
    h.h1(QStringLiteral("3 Requirements"));
    h.p(QStringLiteral("Status of each requirement of the template across the assessed assets, grouped by section. "
                       "A requirement fails on an asset when any of its checks fails there. A requirement that also has a "
                       "manual part is met only when its checks pass and that part is attested as passed."),
        QStringLiteral("note"));
    for (const RequirementSection &s : m.sections) {
        h.h2(s.name);
        h.tableStart({QStringLiteral("ID"), QStringLiteral("Requirement"), QStringLiteral("Status"), QStringLiteral("Across assets"),
                      QStringLiteral("Failing assets")},
                     {9, 35, 16, 21, 19});
        for (const RequirementRow &r : s.rows) {
            QString title = html(r.title);
            if (!r.checks.isEmpty())
                title += QStringLiteral("<br/><span class=\"id\">") + html(r.checks.join(QStringLiteral(", "))) + QStringLiteral("</span>");
            if (!r.mappingNote.isEmpty())
                title += QStringLiteral("<br/><span class=\"note\">") + html(r.mappingNote) + QStringLiteral("</span>");
            const QString manualCell = r.attestation.isEmpty() ? QStringLiteral("manual, not attested") : html(QStringLiteral("attested ") + r.attestation);
            QString across = r.manual ? manualCell : countsText(r.assets);
            if (!r.manual && r.manualPart != ManualPart::None)
                across += QStringLiteral("<br/>") + manualCell;
            // A requirement with a manual part says in words what is met and what is left.
            const QString status = r.manualPart == ManualPart::None
                ? statusCell(r.status)
                : QStringLiteral("<span style=\"color:%1; font-weight:bold\">%2</span>").arg(statusColor(r.status), html(r.statusText));
            QString failing = html(r.failingAssets.join(QStringLiteral(", ")));
            if (r.failingAssetsTotal > r.failingAssets.size())
                failing += QStringLiteral(" and %1 more").arg(r.failingAssetsTotal - r.failingAssets.size());
            h.row({html(r.id), title, status, across, failing});
        }
        h.tableEnd();
    }
}

void findingBody(Html &h, const Finding &f)
{
    QStringList meta;
    meta << severityCell(f.severity);
    meta << QStringLiteral("check <span class=\"id\">%1</span>").arg(html(f.checkId));
    if (!f.requirementIds.isEmpty())
        meta << QStringLiteral("requirements ") + html(f.requirementIds.join(QStringLiteral(", ")));
    meta << QStringLiteral("%1 failed, %2 waived, %3 errors on %4 asset(s)").arg(f.failCount).arg(f.waivedCount).arg(f.errorCount).arg(f.affectedAssets);
    h.p(meta.join(QStringLiteral(" \u00b7 ")));
    if (!f.description.isEmpty())
        h.p(html(f.description, true));
    if (!f.rationale.isEmpty())
        h.p(QStringLiteral("<b>Why it matters.</b> ") + html(f.rationale, true));
    if (!f.definitionKnown)
        h.p(QStringLiteral("The installed check libraries do not define this check: its description and remediation are not available."),
            QStringLiteral("note"));
    // The expected value is usually the same on every asset: then it is said once, above the table.
    bool sameExpected = true;
    for (const AffectedItem &a : f.affected)
        sameExpected = sameExpected && a.expected == f.affected.first().expected;
    if (sameExpected && !f.affected.isEmpty()) {
        h.p(QStringLiteral("<b>Expected:</b> ") + html(f.affected.first().expected));
        h.tableStart({QStringLiteral("Asset"), QStringLiteral("Subject"), QStringLiteral("Status"), QStringLiteral("Actual"),
                      QStringLiteral("Evidence")},
                     {20, 18, 11, 39, 12});
    } else {
        h.tableStart({QStringLiteral("Asset"), QStringLiteral("Subject"), QStringLiteral("Status"), QStringLiteral("Expected"),
                      QStringLiteral("Actual"), QStringLiteral("Evidence")},
                     {16, 15, 10, 23, 26, 10});
    }
    for (const AffectedItem &a : f.affected) {
        QString status = statusCell(toString(a.status));
        if (a.regressed)
            status += QStringLiteral("<br/><span class=\"flag\">regressed</span>");
        else if (a.isNew)
            status += QStringLiteral("<br/><span class=\"flag\">new</span>");
        QString actual = html(a.actual);
        if (a.status == CheckStatus::Error && !a.message.isEmpty())
            actual += QStringLiteral("<br/><span class=\"note\">") + html(a.message) + QStringLiteral("</span>");
        QStringList refs;
        for (qint64 id : a.evidenceIds)
            refs << evidenceRef(id);
        if (sameExpected)
            h.row({html(a.asset), html(a.subject), status, actual, refs.join(QStringLiteral(", "))});
        else
            h.row({html(a.asset), html(a.subject), status, html(a.expected), actual, refs.join(QStringLiteral(", "))});
    }
    h.tableEnd();
    if (f.affectedTotal > f.affected.size())
        h.p(QStringLiteral("%1 further results of this check are not listed here (see the CSV or JSON export).")
                .arg(f.affectedTotal - f.affected.size()),
            QStringLiteral("note"));
    if (f.excerptEvidenceId) {
        h.p(QStringLiteral("<b>Evidence excerpt</b> from %1, %2 (<span class=\"id\">%3</span>)%4")
                .arg(html(f.excerptAsset), evidenceRef(f.excerptEvidenceId), html(f.excerptCommand),
                     f.excerptCut ? QStringLiteral(": cut; the full output is item %1 of the appendix").arg(evidenceRef(f.excerptEvidenceId))
                                  : QString()));
        h.pre(f.excerpt.isEmpty() ? QStringLiteral("(no output)") : f.excerpt);
    }
    if (!f.remediation.summary.isEmpty() || !f.remediation.commands.isEmpty()) {
        h.p(QStringLiteral("<b>Remediation.</b> ") + html(f.remediation.summary.trimmed(), true));
        if (!f.remediation.commands.isEmpty())
            h.pre(f.remediation.commands.join(QLatin1Char('\n')));
        if (!f.remediation.impact.isEmpty())
            h.p(QStringLiteral("<i>Impact:</i> ") + html(f.remediation.impact.trimmed(), true));
    }
    if (!f.verification.steps.isEmpty()) {
        QString steps = QStringLiteral("<p><b>Manual verification.</b></p><ol>");
        for (const QString &s : f.verification.steps)
            steps += QStringLiteral("<li>") + html(s.trimmed()) + QStringLiteral("</li>");
        steps += QStringLiteral("</ol>");
        h.out += steps;
        if (!f.verification.expected.isEmpty())
            h.p(QStringLiteral("<i>Expected:</i> ") + html(f.verification.expected.trimmed(), true));
    }
    if (!f.references.isEmpty())
        h.p(QStringLiteral("References: ") + html(f.references.join(QStringLiteral("; "))), QStringLiteral("note"));
}

void findingsSection(Html &h, const ReportModel &m)
{
    h.h1(QStringLiteral("4 Findings"));
    h.p(html(L(text::kFindingsIntro)), QStringLiteral("note"));
    int failing = 0;
    for (const Finding &f : m.findings)
        failing += f.failCount > 0 || f.waivedCount > 0 ? 1 : 0;
    if (failing == 0)
        h.p(QStringLiteral("No check failed in this run."));
    int index = 0;
    bool errorsHeading = false;
    for (const Finding &f : m.findings) {
        if (f.failCount == 0 && f.waivedCount == 0 && !errorsHeading) {
            h.h2(QStringLiteral("Checks that could not be evaluated"));
            h.p(QStringLiteral("These checks gave errors (a collector failed, timed out or lacked privileges). An error is never counted as passed."),
                QStringLiteral("note"));
            errorsHeading = true;
        }
        h.h3(QStringLiteral("%1 &nbsp;%2").arg(findingId(index++), html(f.title)));
        findingBody(h, f);
    }
}

void exceptionsSection(Html &h, const ReportModel &m)
{
    h.h1(QStringLiteral("5 Exceptions register"));
    h.p(html(L(text::kWaiverIntro)), QStringLiteral("note"));
    if (m.waivers.isEmpty()) {
        h.p(QStringLiteral("No waiver is recorded in this project."));
        return;
    }
    h.tableStart({QStringLiteral("#"), QStringLiteral("Check and scope"), QStringLiteral("Justification"), QStringLiteral("Approver, ticket"),
                  QStringLiteral("Expires"), QStringLiteral("State"), QStringLiteral("Waived here")},
                 {5, 22, 29, 16, 10, 10, 8});
    for (const WaiverRow &w : m.waivers) {
        const QString state = w.state == QLatin1String("active")
            ? QStringLiteral("<span style=\"color:%1; font-weight:bold\">Active</span>").arg(statusColor(QStringLiteral("pass")))
            : QStringLiteral("<span class=\"flag\">%1</span>").arg(w.state == QLatin1String("expired") ? QStringLiteral("EXPIRED") : QStringLiteral("ENDED"));
        h.row({n(w.waiver.id),
               QStringLiteral("<span class=\"id\">%1</span><br/>%2").arg(html(w.waiver.checkId),
                                                                         w.waiver.assetScope.isEmpty() ? QStringLiteral("all assets") : html(w.waiver.assetScope)),
               html(w.waiver.justification, true),
               html(w.waiver.approver) + (w.waiver.ticket.isEmpty() ? QString() : QStringLiteral("<br/>") + html(w.waiver.ticket)),
               dateText(w.waiver.expiresOn), state, n(w.waivedResults)});
    }
    h.tableEnd();
}

void attestationsSection(Html &h, const ReportModel &m)
{
    h.h1(QStringLiteral("6 Manual attestations"));
    h.p(html(L(text::kAttestationIntro)), QStringLiteral("note"));
    if (!m.manualRequirements.isEmpty()) {
        h.tableStart({QStringLiteral("ID"), QStringLiteral("Requirement"), QStringLiteral("Evidence to ask for"), QStringLiteral("Attested")},
                     {9, 30, 45, 16});
        for (const ManualRequirement &r : m.manualRequirements) {
            QString title = html(r.title);
            if (!r.checks.isEmpty())
                title += QStringLiteral("<br/><span class=\"note\">also checked by %1</span>").arg(html(r.checks.join(QStringLiteral(", "))));
            const QString attested = r.part == ManualPart::AttestedPass ? QStringLiteral("yes, passed")
                                   : r.part == ManualPart::AttestedFail ? QStringLiteral("<span class=\"flag\">yes, failed</span>")
                                                                        : QStringLiteral("<span class=\"flag\">no: outstanding</span>");
            h.row({html(r.id), title, html(r.askFor) + (r.verify.isEmpty() ? QString() : QStringLiteral("<br/><i>Verify:</i> ") + html(r.verify)),
                   attested});
        }
        h.tableEnd();
    }
    if (m.attestations.isEmpty()) {
        h.p(QStringLiteral("No attestation is recorded for this template."));
        return;
    }
    for (const AttestationRow &a : m.attestations) {
        h.h3(QStringLiteral("Requirement %1 %2").arg(html(a.attestation.requirementId), html(a.requirementTitle)));
        QList<QPair<QString, QString>> rows{
            {QStringLiteral("Status"), statusCell(toString(a.attestation.status)) + (a.stale ? QStringLiteral(" (replaced by a later attestation)") : QString())},
            {QStringLiteral("Attested by"), html(a.attestation.attester) + QStringLiteral(", ") + dateTimeText(a.attestation.attestedAt)},
            {QStringLiteral("Statement"), html(a.attestation.statement, true)}};
        for (const AttestationFile &f : a.attestation.files)
            rows << QPair<QString, QString>{QStringLiteral("File"), html(f.fileName) + QStringLiteral(" (%1)<br/><span class=\"hash\">SHA-256 %2</span>")
                                                                                     .arg(bytesText(f.size), html(f.sha256))};
        h.facts(rows);
    }
}

void appendixSection(Html &h, const ReportModel &m)
{
    h.h1(QStringLiteral("7 Evidence appendix"));
    h.p(html(L(text::kEvidenceIntro)), QStringLiteral("note"));
    if (m.evidenceSummarised)
        h.p(html(L(text::kEvidenceSummarised)), QStringLiteral("note"));
    h.h2(QStringLiteral("7.1 Evidence per asset"));
    h.tableStart({QStringLiteral("Asset"), QStringLiteral("Items"), QStringLiteral("Manifest SHA-256")}, {30, 10, 60});
    for (const EvidenceManifest &e : m.manifests)
        h.row({html(e.asset), n(e.items), QStringLiteral("<span class=\"hash\">%1</span>").arg(html(e.sha256))});
    h.tableEnd();
    h.h2(m.evidenceSummarised ? QStringLiteral("7.2 Evidence read by findings") : QStringLiteral("7.2 Evidence items"));
    h.p(QStringLiteral("Item, asset, collector, exit status and size, SHA-256 of the stored output. A flag \u2020 marks output cut at "
                       "the collector's size limit."),
        QStringLiteral("note"));
    // One line per item, in groups of bounded size: thousands of table rows would take most of the
    // time of a large report, and lines carry the same facts.
    constexpr int kChunk = 60;
    for (qsizetype i = 0; i < m.evidence.size(); i += kChunk) {
        QString lines;
        for (qsizetype j = i; j < std::min(m.evidence.size(), i + kChunk); ++j) {
            const EvidenceItem &e = m.evidence.at(j);
            const QString exit = e.status == QLatin1String("ok") ? QStringLiteral("exit %1").arg(e.exitCode) : e.status;
            lines += QStringLiteral("<b>%1</b>  %2  %3  %4, %5%6  <span class=\"hash\">%7</span><br/>")
                         .arg(evidenceRef(e.id), html(e.asset), html(e.collectorKey), html(exit), bytesText(e.size),
                              e.truncated ? QStringLiteral(" \u2020") : QString(), html(e.sha256));
        }
        h.out += QStringLiteral("<p class=\"evidence\">") + lines + QStringLiteral("</p>");
    }
    if (m.evidence.isEmpty())
        h.p(QStringLiteral("No evidence is stored for this run."));
}

void signOffSection(Html &h, const ReportModel &m)
{
    h.h1(QStringLiteral("8 Sign-off"));
    h.p(html(L(text::kSignOffIntro)));
    for (const QString &role : {QStringLiteral("Assessor"), QStringLiteral("Reviewer"), QStringLiteral("System owner / customer")}) {
        h.h3(role);
        h.out += QStringLiteral("<table class=\"sign\" width=\"100%\" cellspacing=\"0\" cellpadding=\"8\">"
                                "<tr><td width=\"15%\" class=\"label\">Name</td><td width=\"45%\" class=\"line\">%1</td>"
                                "<td width=\"10%\" class=\"label\">Date</td><td width=\"30%\" class=\"line\">&nbsp;</td></tr>"
                                "<tr><td class=\"label\">Signature</td><td class=\"line\" colspan=\"3\">&nbsp;<br/>&nbsp;</td></tr></table>")
                     .arg(role == QLatin1String("Assessor") ? html(m.cover.operatorName) : QStringLiteral("&nbsp;"));
    }
    h.h3(QStringLiteral("Integrity"));
    h.p(html(L(text::kIntegrity)));
    h.facts({{QStringLiteral("Template SHA-256"), QStringLiteral("<span class=\"hash\">%1</span>").arg(html(m.cover.templateSha256))},
             {QStringLiteral("Generated"), dateTimeText(m.cover.generatedAt) + QStringLiteral(" by Triad ") + html(m.cover.reportAppVersion)}});
}

} // namespace

QString chartPlaceholder(ChartKind kind)
{
    return QStringLiteral("\uFEFFchart-%1\uFEFF").arg(int(kind));
}

ReportBody buildReportBody(const ReportModel &m, BodyTarget target)
{
    using Section = void (*)(Html &, const ReportModel &);
    const Section sections[] = {executiveSummary, scopeSection,        requirementsSection, findingsSection,
                                exceptionsSection, attestationsSection, appendixSection,     signOffSection};
    ReportBody c;
    if (target == BodyTarget::Pdf) {
        for (Section section : sections) {
            Html chapter(target);
            section(chapter, m);
            c.chapters << ReportBody::Chapter{chapter.headings.value(0).text,
                                              QStringLiteral("<html><body>") + chapter.out + QStringLiteral("</body></html>")};
        }
    } else {
        Html body(target);
        for (Section section : sections)
            section(body, m);
        c.headings = body.headings;
        QString toc = QStringLiteral("<p class=\"toctitle\">Contents</p><table class=\"toc\">");
        for (qsizetype i = 0; i < body.headings.size(); ++i) {
            const auto &x = body.headings.at(i);
            toc += QStringLiteral("<tr><td class=\"%1\"><a href=\"#s%2\">%3</a></td></tr>")
                       .arg(x.level == 1 ? QStringLiteral("toc1") : QStringLiteral("toc2"))
                       .arg(i + 1)
                       .arg(html(x.text));
        }
        toc += QStringLiteral("</table>");
        c.html = toc + body.out;
    }
    c.styleSheet = QStringLiteral(
        "body { font-family: 'DejaVu Sans'; font-size: 8.5pt; color: #222831; }"
        "h1 { font-size: 16pt; color: #1b3a5c; margin-top: 0px; margin-bottom: 8px; }"
        "h2 { font-size: 12pt; color: #1b3a5c; margin-top: 14px; margin-bottom: 5px; }"
        "h3 { font-size: 10pt; color: #222831; margin-top: 12px; margin-bottom: 4px; }"
        "p { margin-top: 2px; margin-bottom: 5px; }"
        "pre { font-family: 'DejaVu Sans Mono'; font-size: 6.8pt; background-color: #f3f4f6; white-space: pre-wrap; margin-top: 2px; margin-bottom: 6px; }"
        "table.grid { border-width: 0.5px; border-style: solid; border-color: #c9ced6; border-collapse: collapse; margin-bottom: 6px; }"
        "table.grid td { border-width: 0.5px; border-style: solid; border-color: #c9ced6; font-size: 7.5pt; }"
        "table.grid th { background-color: #1b3a5c; color: #ffffff; font-size: 7.5pt; font-weight: bold; text-align: left; "
        "border-width: 0.5px; border-style: solid; border-color: #1b3a5c; }"
        "table.facts { margin-bottom: 6px; }"
        "td.label { color: #5a6270; }"
        "td.tile { background-color: #f3f6fa; }"
        "td.line { border-bottom-width: 0.8px; border-bottom-style: solid; border-bottom-color: #222831; }"
        "table.toc td { font-size: 10pt; }"
        "td.toc1 { font-weight: bold; }"
        "td.toc2 { padding-left: 18px; }"
        ".toctitle { font-size: 16pt; color: #1b3a5c; font-weight: bold; margin-bottom: 10px; }"
        ".note { color: #5a6270; font-size: 7.5pt; }"
        ".id { font-family: 'DejaVu Sans Mono'; font-size: 7pt; color: #44505e; }"
        ".hash { font-family: 'DejaVu Sans Mono'; font-size: 6.5pt; }"
        ".flag { color: #c0392b; font-weight: bold; }"
        "p.evidence { font-size: 6.5pt; line-height: 125%; }");
    return c;
}

} // namespace triad::report
