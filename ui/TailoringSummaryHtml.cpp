#include "TailoringSummaryHtml.h"

#include "engine/Catalog.h"
#include "models/TailoringCheckModel.h"
#include "models/TailoringParameterModel.h"

#include <QCoreApplication>

#include <algorithm>

namespace triad {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TailoringSummaryHtml", text);
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

QString tailoringSummaryHtml(const Catalog *catalog, const QString &templateId, const TailoringParameterModel &parameters,
                             const TailoringCheckModel &checks)
{
    QString html;
    QStringList items;
    for (int row = 0; row < parameters.rowCount(); ++row) {
        const auto *r = parameters.rowAt(row);
        if (r->text)
            items << QStringLiteral("<li><code>%1</code>: %2 → <b>%3</b>%4</li>")
                         .arg(esc(r->def.name), esc(r->defaultText), esc(*r->text),
                              r->problem.isEmpty() ? QString() : QStringLiteral(" <i>(%1)</i>").arg(esc(tr("invalid"))));
    }
    if (!items.isEmpty())
        html += QStringLiteral("<h4>%1</h4><ul>%2</ul>").arg(tr("Parameters"), items.join(QString()));
    items.clear();
    QStringList severities;
    for (int row = 0; row < checks.rowCount(); ++row) {
        const auto *r = checks.rowAt(row);
        if (r->disabled)
            items << QStringLiteral("<li><code>%1</code> %2<br><i>%3</i></li>")
                         .arg(esc(r->id), esc(r->title),
                              r->reason.trimmed().isEmpty() ? esc(tr("no reason yet")) : esc(r->reason.trimmed()));
        if (r->severityOverride)
            severities << QStringLiteral("<li><code>%1</code>: %2 → <b>%3</b></li>")
                              .arg(esc(r->id), esc(toString(r->severity)), esc(toString(*r->severityOverride)));
    }
    if (!items.isEmpty())
        html += QStringLiteral("<h4>%1</h4><ul>%2</ul>").arg(tr("Disabled checks"), items.join(QString()));
    if (!severities.isEmpty())
        html += QStringLiteral("<h4>%1</h4><ul>%2</ul>").arg(tr("Severity"), severities.join(QString()));

    // A requirement whose every check is disabled is no longer assessed at all: say so plainly.
    if (const AssessmentTemplate *assessment = catalog ? catalog->assessment(templateId) : nullptr) {
        const QMap<QString, QString> disabled = checks.disabledChecks();
        QStringList unassessed;
        for (const RequirementDef &r : assessment->requirements) {
            if (!r.checks.isEmpty()
                && std::all_of(r.checks.cbegin(), r.checks.cend(), [&disabled](const QString &c) { return disabled.contains(c); }))
                unassessed << esc(r.id);
        }
        if (!unassessed.isEmpty())
            html += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(tr("Requirements no longer assessed"), unassessed.join(QStringLiteral(", ")));
    }
    if (html.isEmpty())
        html = tr("<p>No changes yet: scans with this tailoring run the template as shipped.</p>"
                  "<p>Change a parameter, disable a check with a reason or override a severity.</p>");
    return html;
}

} // namespace triad
