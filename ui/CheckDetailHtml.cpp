#include "CheckDetailHtml.h"

#include "engine/Catalog.h"

namespace triad {

QString checkDetailHtml(const Catalog *catalog, const QString &checkId)
{
    const CheckDef *check = catalog ? catalog->findCheck(checkId) : nullptr;
    if (!check)
        return {};
    auto esc = [](const QString &text) { return text.toHtmlEscaped(); };
    QString html;
    if (!check->description.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(check->description));
    if (!check->rationale.isEmpty())
        html += QStringLiteral("<p><i>Why it matters:</i> %1</p>").arg(esc(check->rationale));
    if (!check->remediation.summary.isEmpty()) {
        html += QStringLiteral("<h4>Remediation</h4><p>%1</p>").arg(esc(check->remediation.summary));
        for (const QString &command : check->remediation.commands)
            html += QStringLiteral("<pre>%1</pre>").arg(esc(command));
        if (!check->remediation.impact.isEmpty())
            html += QStringLiteral("<p><i>Impact:</i> %1</p>").arg(esc(check->remediation.impact));
    }
    if (!check->verification.steps.isEmpty()) {
        html += QStringLiteral("<h4>Manual verification</h4>");
        for (const QString &step : check->verification.steps)
            html += QStringLiteral("<pre>%1</pre>").arg(esc(step));
        html += QStringLiteral("<p><i>Expected:</i> %1</p>").arg(esc(check->verification.expected));
    }
    return html;
}

} // namespace triad
