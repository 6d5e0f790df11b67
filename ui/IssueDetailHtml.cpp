#include "IssueDetailHtml.h"

#include "CheckDetailHtml.h"
#include "IssuesView.h"
#include "Theme.h"

namespace triad {
namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString eventColor(IssueEvent event)
{
    switch (event) {
    case IssueEvent::Opened:
    case IssueEvent::Regressed:
        return Theme::color(Theme::Tone::Bad).name();
    case IssueEvent::Fixed:
        return Theme::color(Theme::Tone::Good).name();
    case IssueEvent::Waived:
    case IssueEvent::Unwaived:
        return Theme::color(Theme::Tone::Waived).name();
    }
    return {};
}

/// The evidence of the latest result: what ran, how it ended, its digest and the start of its
/// output in monospace, with a note when the pane shows less than was stored (or collected).
QString evidenceHtml(const QList<EvidenceExcerpt> &evidence)
{
    QString html = QStringLiteral("<h4>%1</h4>").arg(IssuesView::tr("Evidence"));
    if (evidence.isEmpty())
        return html + IssuesView::tr("<p>The latest result read no stored evidence.</p>");
    for (const EvidenceExcerpt &e : evidence) {
        const RawOutput &raw = e.evidence.raw;
        html += QStringLiteral("<p><code>$ %1</code><br>%2</p>")
                    .arg(esc(raw.command.isEmpty() ? raw.collectorKey : raw.command),
                         IssuesView::tr("exit %1 · %2 · collected %3 · SHA-256 <code>%4</code>")
                             .arg(raw.exitCode)
                             .arg(esc(toString(raw.status)),
                                  esc(raw.collectedAt.toLocalTime().toString(
                                      QStringLiteral("yyyy-MM-dd HH:mm"))),
                                  esc(e.evidence.sha256)));
        if (!raw.errorMessage.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(esc(raw.errorMessage));
        if (raw.stdoutData.isEmpty() && e.stdoutSize == 0)
            html += IssuesView::tr("<p><i>No output.</i></p>");
        else
            html += QStringLiteral("<pre>%1</pre>").arg(esc(QString::fromUtf8(raw.stdoutData)));
        if (e.stdoutSize > raw.stdoutData.size())
            html += IssuesView::tr(
                        "<p><i>Showing the first %1 of %2 bytes; the whole output is in the Runs &amp; "
                        "results view and in the report's evidence appendix.</i></p>")
                        .arg(raw.stdoutData.size())
                        .arg(e.stdoutSize);
        if (raw.truncated)
            html += IssuesView::tr(
                "<p><i>The output was longer than the collector's limit and was cut when it "
                "was collected.</i></p>");
        if (!raw.stderrData.isEmpty())
            html += QStringLiteral("<p>%1</p><pre>%2</pre>")
                        .arg(IssuesView::tr("Standard error:"), esc(QString::fromUtf8(raw.stderrData)));
    }
    return html;
}

} // namespace

QString issueDetailHtml(const IssueRecord &issue, const IssueDetail *detail,
                        const QHash<qint64, QDateTime> &runTimes, const Catalog *catalog)
{
    auto runText = [&runTimes](qint64 run) {
        if (run <= 0)
            return QStringLiteral("—");
        const QDateTime at = runTimes.value(run);
        return at.isValid() ? IssuesView::tr("run %1 (%2)")
                                  .arg(run)
                                  .arg(at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                            : IssuesView::tr("run %1").arg(run);
    };
    QString state = esc(issue.displayState().toUpper());
    if (issue.waiverExpired)
        state += IssuesView::tr(" (its waiver %1 has expired or ended)").arg(issue.waiverId);
    QString html
        = QStringLiteral("<h3>%1</h3><p><b>%2</b> · severity %3 · <code>%4</code> · asset %5%6</p>")
              .arg(esc(issue.title.isEmpty() ? issue.checkId : issue.title), state,
                   esc(toString(issue.severity)), esc(issue.checkId), esc(issue.assetName),
                   issue.subject.isEmpty() ? QString() : IssuesView::tr(" · subject ") + esc(issue.subject));
    html += QStringLiteral(
                "<table "
                "cellpadding=2><tr><td><b>%1</b></td><td>%2</td></tr><tr><td><b>%3</b></td><td>%4</td></tr>")
                .arg(IssuesView::tr("First seen"), runText(issue.firstSeenRun), IssuesView::tr("Last seen"),
                     runText(issue.lastSeenRun));
    if (issue.fixedRun > 0)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(IssuesView::tr("Fixed in"), runText(issue.fixedRun));
    if (issue.regressions > 0)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(IssuesView::tr("Regressions"))
                    .arg(issue.regressions);
    if (issue.waiverId > 0)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(IssuesView::tr("Waiver"))
                    .arg(issue.waiverId);
    if (detail && detail->latest) {
        const CheckResult &r = detail->latest->result;
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2 · %3</td></tr>")
                    .arg(IssuesView::tr("Latest result"), runText(detail->latest->runId),
                         esc(toString(r.status)));
        html
            += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr><tr><td><b>%3</b></td><td>%4</td></tr>")
                   .arg(IssuesView::tr("Expected"), esc(r.expected), IssuesView::tr("Actual"), esc(r.actual));
        if (!r.message.isEmpty())
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(IssuesView::tr("Note"), esc(r.message));
        if (!detail->latest->requirementIds.isEmpty())
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(IssuesView::tr("Requirements"),
                             esc(detail->latest->requirementIds.join(QStringLiteral(", "))));
    }
    html += QStringLiteral("</table>");
    if (detail && detail->latest)
        html += evidenceHtml(detail->evidence);
    html += QStringLiteral("<h4>%1</h4>").arg(IssuesView::tr("History"));
    if (!detail) {
        html += IssuesView::tr("<p><i>Loading the history…</i></p>");
    } else if (detail->events.isEmpty()) {
        html += IssuesView::tr("<p>No events recorded.</p>");
    } else {
        html += QStringLiteral("<table cellpadding=2>");
        for (const IssueEventRecord &e : detail->events) {
            // An event of a run is shown at the run's start, which is when the host was seen so;
            // the row's own time is when it was stored (later for an imported or re-evaluated run).
            const QDateTime runAt = runTimes.value(e.runId);
            const QDateTime when = runAt.isValid() ? runAt : e.at;
            html += QStringLiteral(
                        "<tr><td>%1</td><td><b><font color=\"%2\">%3</font></b></td><td>%4</td></tr>")
                        .arg(esc(when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
                             eventColor(e.event), esc(toString(e.event)),
                             e.runId > 0 ? IssuesView::tr("run %1").arg(e.runId)
                                         : IssuesView::tr("outside a run"));
        }
        html += QStringLiteral("</table>");
    }
    html += checkDetailHtml(catalog, issue.checkId);
    return html;
}

} // namespace triad
