#include "TemplateDetailHtml.h"

#include "CheckDetailHtml.h"
#include "engine/Catalog.h"
#include "engine/TemplateLoader.h"

#include <QCoreApplication>
#include <QSet>

namespace triad::TemplateDetailHtml {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TemplateDetailHtml", text);
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString valueText(const QVariant &value)
{
    if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QStringList)
        return QLatin1Char('[') + value.toStringList().join(QStringLiteral(", ")) + QLatin1Char(']');
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QLatin1Char('"') + value.toString() + QLatin1Char('"');
}

QString formatText(ParseSpec::Format format)
{
    switch (format) {
    case ParseSpec::Format::Raw:
        return {};
    case ParseSpec::Format::KeyValue:
        return tr("read as key/value pairs");
    case ParseSpec::Format::Lines:
        return tr("read line by line");
    case ParseSpec::Format::Json:
        return tr("read as JSON");
    case ParseSpec::Format::Yaml:
        return tr("read as YAML");
    case ParseSpec::Format::Ini:
        return tr("read as an INI file");
    }
    return {};
}

QString operatorText(Operator op)
{
    switch (op) {
    case Operator::Exists: return tr("exists");
    case Operator::Absent: return tr("is absent");
    case Operator::Eq: return tr("equals");
    case Operator::Ne: return tr("differs from");
    case Operator::Lt: return tr("is less than");
    case Operator::Le: return tr("is at most");
    case Operator::Gt: return tr("is greater than");
    case Operator::Ge: return tr("is at least");
    case Operator::Regex: return tr("matches the pattern");
    case Operator::NotRegex: return tr("does not match the pattern");
    case Operator::In: return tr("is one of");
    case Operator::NotIn: return tr("is none of");
    case Operator::Contains: return tr("contains");
    case Operator::NotContains: return tr("does not contain");
    case Operator::SubsetOf: return tr("only holds elements of");
    case Operator::ModeMax: return tr("grants no permission beyond the mode");
    }
    return {};
}

QString onMissingText(OnMissing onMissing)
{
    switch (onMissing) {
    case OnMissing::Fail: return tr("fails");
    case OnMissing::Pass: return tr("passes");
    case OnMissing::NotApplicable: return tr("is not applicable");
    case OnMissing::Error: return tr("is an error");
    }
    return {};
}

QString conditionText(Condition condition)
{
    switch (condition) {
    case Condition::All: return tr("Every rule must hold:");
    case Condition::Any: return tr("At least one rule must hold:");
    case Condition::None: return tr("No rule may hold:");
    }
    return {};
}

/// The parameters whose ${name} appears in the rules and texts of a check.
QStringList parametersOf(const CheckDef &check)
{
    QStringList names;
    auto note = [&names](const QString &text) {
        for (const QString &name : parameterReferences(text)) {
            if (!names.contains(name))
                names << name;
        }
    };
    for (const RuleDef &rule : check.rules) {
        const QVariant &v = rule.assertion.value;
        if (v.typeId() == QMetaType::QVariantList || v.typeId() == QMetaType::QStringList) {
            for (const QString &s : v.toStringList())
                note(s);
        } else {
            note(v.toString());
        }
    }
    note(check.description);
    for (const QString &command : check.remediation.commands)
        note(command);
    for (const QString &step : check.verification.steps)
        note(step);
    return names;
}

const ParameterDef *findParameter(const CheckLibrary &library, const QString &name)
{
    for (const ParameterDef &p : library.parameters) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

} // namespace

QString describeCollector(const CollectorDef &c)
{
    QString text;
    switch (c.type) {
    case CollectorDef::Type::Command:
        text = tr("runs %1").arg(QLatin1Char('`') + c.run.join(QLatin1Char(' ')) + QLatin1Char('`'));
        break;
    case CollectorDef::Type::File:
        text = c.includeGlob.isEmpty() ? tr("reads the file %1").arg(c.path)
                                       : tr("reads %1, then %2").arg(c.includeGlob, c.path);
        break;
    case CollectorDef::Type::Stat:
        text = tr("looks at the type, owner, group and mode of %1").arg(c.path);
        break;
    case CollectorDef::Type::Process:
        text = tr("lists the command lines of running %1 processes").arg(c.name);
        break;
    case CollectorDef::Type::Package:
        text = tr("asks the package manager for the installed version of %1").arg(c.name);
        break;
    case CollectorDef::Type::Service:
        text = tr("asks the service manager whether %1 is enabled and running").arg(c.name);
        break;
    case CollectorDef::Type::Sysctl:
        text = tr("reads the kernel parameter %1").arg(c.name);
        break;
    case CollectorDef::Type::FsWalk:
        text = tr("walks the filesystem from %1").arg(c.roots.join(QStringLiteral(", ")));
        if (!c.excludes.isEmpty())
            text += tr(" (skipping %1)").arg(c.excludes.join(QStringLiteral(", ")));
        break;
    case CollectorDef::Type::SysctlConfig:
        text = tr("reads the kernel parameters set at boot by the sysctl configuration files (sysctl.d)");
        break;
    }
    if (c.sudo)
        text += tr(" with sudo");
    if (const QString format = formatText(c.parse.format); !format.isEmpty())
        text += QStringLiteral(", ") + format;
    return text;
}

QString describeRule(const RuleDef &rule)
{
    QString subject;
    if (!rule.select.isEmpty())
        subject = rule.select.join(QLatin1Char('.'));
    QString source = rule.sources.isEmpty() ? tr("the subject") : rule.sources.join(tr(", else "));
    QString text = subject.isEmpty() ? tr("the value of %1").arg(source) : tr("%1 from %2").arg(subject, source);
    switch (rule.quantifier) {
    case Quantifier::Whole:
        break;
    case Quantifier::All:
        text = tr("every element of ") + text;
        break;
    case Quantifier::Any:
        text = tr("some element of ") + text;
        break;
    case Quantifier::None:
        text = tr("no element of ") + text;
        break;
    }
    text += QLatin1Char(' ') + operatorText(rule.assertion.op);
    if (rule.assertion.op != Operator::Exists && rule.assertion.op != Operator::Absent) {
        if (!rule.assertion.valueFrom.isEmpty())
            text += tr(" the value read from %1").arg(rule.assertion.valueFrom.join(tr(", else ")));
        else
            text += QLatin1Char(' ') + valueText(rule.assertion.value);
    }
    if (rule.assertion.ignoreCase)
        text += tr(" (case ignored)");
    if (rule.defaultValue.isValid())
        text += tr("; when not set it is judged as its built-in default %1").arg(valueText(rule.defaultValue));
    else
        text += tr("; when missing it %1").arg(onMissingText(rule.onMissing));
    return text;
}

QString requirement(const Catalog &catalog, const AssessmentTemplate &assessment, const RequirementDef &r)
{
    QString html = QStringLiteral("<h3>%1 %2</h3>").arg(esc(r.id), esc(r.title));
    html += QStringLiteral("<p>%1 · %2").arg(esc(assessment.title), esc(r.section));
    if (!r.implementation.isEmpty())
        html += tr(" · implementation %1").arg(esc(r.implementation));
    html += QStringLiteral("</p>");
    if (!r.mappingNote.isEmpty())
        html += QStringLiteral("<p><i>%1</i> %2</p>").arg(tr("Mapping note:"), esc(r.mappingNote));
    if (r.manual) {
        // A requirement that also has checks is met only when both halves are: say so here too.
        html += QStringLiteral("<h4>%1</h4>").arg(r.checks.isEmpty() ? tr("Manual requirement") : tr("Manual part"));
        html += QStringLiteral("<p>%1</p>").arg(r.checks.isEmpty()
                                                    ? tr("A person verifies it and records an attestation.")
                                                    : tr("The checks below cannot show this: a person verifies it and records an "
                                                         "attestation. The requirement is met only when its checks pass and this "
                                                         "part is attested as passed."));
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Ask for:"), esc(r.manual->askFor));
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("It must show:"), esc(r.manual->verify));
    }
    if (!r.checks.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><table cellpadding=3>").arg(tr("Automated checks"));
        for (const QString &id : r.checks) {
            const CheckDef *c = catalog.findCheck(id);
            html += QStringLiteral("<tr><td valign=top><code>%1</code></td><td valign=top>%2</td><td><b>%3</b><br>%4</td></tr>")
                        .arg(esc(id), c ? esc(toString(c->severity)) : QString(), c ? esc(c->title) : QString(),
                             c ? esc(c->description) : QString());
        }
        html += QStringLiteral("</table><p><i>%1</i></p>").arg(tr("Select a check in the tree to see how it is checked."));
    }
    return html;
}

QString check(const Catalog &catalog, const CheckDef &c)
{
    QString html = QStringLiteral("<h3>%1</h3><p><code>%2</code> · %3 <b>%4</b> · %5 <code>%6</code></p>")
                       .arg(esc(c.title), esc(c.id), tr("severity"), esc(toString(c.severity)), tr("library"),
                            esc(c.library));
    const CheckLibrary *library = catalog.library(c.library);

    // Description, rationale, remediation and verification as the Issues and Results panes show
    // them (one look for one check everywhere); what only this page tells follows.
    html += checkDetailHtml(&catalog, c.id);

    html += QStringLiteral("<h4>%1</h4>").arg(tr("How it is checked"));
    if (!c.appliesWhen.isEmpty())
        html += QStringLiteral("<p>%1 %2</p>")
                    .arg(tr("Only where:"), esc(c.appliesWhen.join(QStringLiteral(", "))));
    if (c.subjects)
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("One result per element of %1 from %2.")
                                 .arg(c.subjects->select.join(QLatin1Char('.')), c.subjects->from)));
    QSet<QString> sources;
    for (const RuleDef &rule : c.rules) {
        for (const QString &s : rule.sources)
            sources.insert(s);
        for (const QString &s : rule.assertion.valueFrom)
            sources.insert(s);
    }
    if (c.subjects)
        sources.insert(c.subjects->from);
    if (library && !sources.isEmpty()) {
        html += QStringLiteral("<p>%1</p><ul>").arg(tr("Collected from the host:"));
        for (const CollectorDef &collector : library->collectors) {
            if (sources.contains(collector.id))
                html += QStringLiteral("<li><code>%1</code>: %2</li>").arg(esc(collector.id), esc(describeCollector(collector)));
        }
        html += QStringLiteral("</ul>");
    }
    if (!c.rules.isEmpty()) {
        html += QStringLiteral("<p>%1</p><ul>").arg(conditionText(c.condition));
        for (const RuleDef &rule : c.rules)
            html += QStringLiteral("<li>%1</li>").arg(esc(describeRule(rule)));
        html += QStringLiteral("</ul>");
    }

    const QStringList parameters = parametersOf(c);
    if (library && !parameters.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Parameters (tailorable)"));
        for (const QString &name : parameters) {
            const ParameterDef *p = findParameter(*library, name);
            QString line = QStringLiteral("<code>%1</code>").arg(esc(name));
            if (p) {
                const bool bare = p->type == ParameterDef::Type::Int || p->type == ParameterDef::Type::Bool;
                line += QStringLiteral(" = %1").arg(esc(bare ? p->defaultValue.toString() : valueText(p->defaultValue)));
                if (p->min || p->max)
                    line += QStringLiteral(" (%1 – %2)")
                                .arg(p->min ? QString::number(*p->min) : QString(), p->max ? QString::number(*p->max) : QString());
                if (!p->description.isEmpty())
                    line += QStringLiteral(": ") + esc(p->description);
            }
            html += QStringLiteral("<li>%1</li>").arg(line);
        }
        html += QStringLiteral("</ul>");
    }

    QStringList mappings;
    for (const AssessmentTemplate &t : catalog.assessments()) {
        for (const RequirementDef &r : t.requirements) {
            if (r.checks.contains(c.id))
                mappings << QStringLiteral("%1 <b>%2</b>").arg(esc(t.id), esc(r.id));
        }
    }
    html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                .arg(tr("Framework mappings"),
                     mappings.isEmpty() ? tr("No template maps this check.") : mappings.join(QStringLiteral(" · ")));
    if (!c.references.isEmpty()) {
        QStringList refs;
        for (const QString &ref : c.references)
            refs << esc(ref);
        html += QStringLiteral("<p><i>%1</i> %2</p>").arg(tr("References:"), refs.join(QStringLiteral("; ")));
    }
    return html;
}

} // namespace triad::TemplateDetailHtml
