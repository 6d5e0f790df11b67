#include "Planner.h"

#include "engine/Catalog.h"
#include "engine/Parameters.h"
#include "engine/TailoringLoader.h"

#include <QSet>

namespace triad {

namespace {

/// Everything that makes two collectors do the same thing, as one string.
QString okExitText(const QList<int> &codes)
{
    QStringList out;
    for (int c : codes)
        out << QString::number(c);
    return out.join(QLatin1Char(','));
}

QString canonical(const CollectorDef &c)
{
    const QChar sep(0x1f);
    return QStringList{QString::number(int(c.type)), c.run.join(sep), c.path, c.includeGlob, c.name,
                       QString::number(c.sudo), QString::number(c.timeoutSeconds), QString::number(c.maxBytes),
                       QString::number(int(c.parse.format)), c.parse.separator, c.parse.comment,
                       QString::number(int(c.parse.keyCase)), QString::number(int(c.parse.duplicates)),
                       c.roots.join(sep), c.excludes.join(sep), c.crossMounts, okExitText(c.okExitCodes)}
        .join(QChar(0x1e));
}

struct Builder {
    const Catalog &catalog;
    QVariantMap values;
    Plan plan;
    QHash<QString, QString> keyByCanonical;

    Result<QVariantMap> resolveParameters(const QStringList &libraries, const QVariantMap &templateDefaults,
                                          const QVariantMap &overrides, const QString &overrideSource)
    {
        QHash<QString, const ParameterDef *> defs;
        QVariantMap resolved;
        for (const QString &id : libraries) {
            for (const ParameterDef &p : catalog.library(id)->parameters) {
                defs.insert(p.name, &p);
                auto v = Parameters::coerce(p, p.defaultValue);
                if (!v)
                    return v.error();
                resolved.insert(p.name, *v);
            }
        }
        for (const QVariantMap *layer : {&templateDefaults, &overrides}) {
            for (auto it = layer->cbegin(); it != layer->cend(); ++it) {
                const ParameterDef *def = defs.value(it.key());
                if (!def)
                    return makeError(Error::Code::InvalidInput, QStringLiteral("unknown parameter '%1'").arg(it.key()),
                                     layer == &overrides ? overrideSource : QString());
                auto v = Parameters::coerce(*def, it.value());
                if (!v) {
                    Error e = v.error();
                    if (layer == &overrides && !overrideSource.isEmpty())
                        e.location = overrideSource;
                    return e;
                }
                resolved.insert(it.key(), *v);
            }
        }
        return resolved;
    }

    /// The plan-wide key of collector `id` of `lib`, planning it on first use.
    QString collectorKey(const CheckLibrary &lib, const QString &id)
    {
        const QString name = lib.id + QLatin1Char('/') + id;
        const auto known = plan.collectorKeyByName.constFind(name);
        if (known != plan.collectorKeyByName.cend())
            return *known;
        for (const CollectorDef &def : lib.collectors) {
            if (def.id != id)
                continue;
            CollectorDef spec = def;
            for (QString &arg : spec.run)
                arg = Parameters::substitute(arg, values);
            spec.path = Parameters::substitute(spec.path, values);
            spec.includeGlob = Parameters::substitute(spec.includeGlob, values);
            spec.name = Parameters::substitute(spec.name, values);
            spec.roots = Parameters::substituteList(spec.roots, values);
            spec.excludes = Parameters::substituteList(spec.excludes, values);
            spec.crossMounts = Parameters::substitute(spec.crossMounts, values);
            const QString form = canonical(spec);
            QString key = keyByCanonical.value(form);
            if (key.isEmpty()) {
                key = name;
                keyByCanonical.insert(form, key);
                spec.id = key;
                plan.collectors << PlannedCollector{key, spec, {}};
            }
            plan.collectorKeyByName.insert(name, key);
            return key;
        }
        return name;    // the catalog has already refused unknown collectors
    }

    void noteUse(const QString &key, const QString &checkId)
    {
        for (PlannedCollector &c : plan.collectors) {
            if (c.key == key && !c.usedBy.contains(checkId))
                c.usedBy << checkId;
        }
    }

    /// `run`: the check will be evaluated, so its collectors join the plan.
    QList<RuleDef> resolveRules(const CheckLibrary &lib, QList<RuleDef> rules, const QString &checkId, bool run)
    {
        for (RuleDef &r : rules) {
            for (QString &source : r.sources) {
                source = run ? collectorKey(lib, source) : lib.id + QLatin1Char('/') + source;
                if (run)
                    noteUse(source, checkId);
            }
            for (QString &source : r.assertion.valueFrom) {
                source = run ? collectorKey(lib, source) : lib.id + QLatin1Char('/') + source;
                if (run)
                    noteUse(source, checkId);
            }
            r.assertion.value = Parameters::substituteValue(r.assertion.value, values);
        }
        return rules;
    }

    void addCheck(const CheckLibrary &lib, const CheckDef &def, const QStringList &requirements, const Tailoring *tailoring)
    {
        PlannedCheck planned;
        planned.requirementIds = requirements;
        planned.disabled = tailoring && tailoring->disabledChecks.contains(def.id);
        planned.disabledReason = planned.disabled ? tailoring->disabledChecks.value(def.id) : QString();
        const bool run = !planned.disabled;

        CheckDef c = def;
        c.title = Parameters::substitute(c.title, values);
        c.description = Parameters::substitute(c.description, values);
        c.rationale = Parameters::substitute(c.rationale, values);
        c.remediation.summary = Parameters::substitute(c.remediation.summary, values);
        c.remediation.impact = Parameters::substitute(c.remediation.impact, values);
        for (QString &command : c.remediation.commands)
            command = Parameters::substitute(command, values);
        for (QString &step : c.verification.steps)
            step = Parameters::substitute(step, values);
        c.verification.expected = Parameters::substitute(c.verification.expected, values);
        c.rules = resolveRules(lib, c.rules, c.id, run);
        if (c.subjects) {
            c.subjects->from = run ? collectorKey(lib, c.subjects->from) : lib.id + QLatin1Char('/') + c.subjects->from;
            if (run)
                noteUse(c.subjects->from, c.id);
        }
        for (const QString &predicateId : def.appliesWhen) {
            for (const PredicateDef &p : lib.predicates) {
                if (p.id != predicateId)
                    continue;
                PredicateDef resolved = p;
                resolved.rules = resolveRules(lib, p.rules, c.id, run);
                planned.appliesWhen << resolved;
            }
        }
        if (tailoring && tailoring->severityOverrides.contains(def.id))
            c.severity = tailoring->severityOverrides.value(def.id);
        planned.check = c;
        plan.checks << planned;
    }
};

} // namespace

Result<Plan> Planner::plan(const Catalog &catalog, const QString &assessmentId, const Tailoring *tailoring)
{
    const AssessmentTemplate *assessment = catalog.assessment(assessmentId);
    if (!assessment) {
        QStringList known;
        for (const AssessmentTemplate &t : catalog.assessments())
            known << t.id;
        return makeError(Error::Code::NotFound, QStringLiteral("no assessment template '%1' (known: %2)")
                                                    .arg(assessmentId, known.join(QStringLiteral(", "))));
    }
    if (tailoring) {
        if (tailoring->templateId != assessmentId)
            return makeError(Error::Code::InvalidInput,
                             QStringLiteral("the tailoring is for template '%1', not '%2'").arg(tailoring->templateId, assessmentId),
                             tailoring->file);
        const QList<Error> problems = validateTailoring(catalog, *tailoring);
        if (!problems.isEmpty())
            return problems.first();
    }
    Builder b{catalog, {}, {}, {}};
    auto values = b.resolveParameters(assessment->uses, assessment->defaults, tailoring ? tailoring->parameters : QVariantMap(),
                                      tailoring ? tailoring->file : QString());
    if (!values)
        return values.error();
    b.values = *values;
    b.plan.assessment = *assessment;
    b.plan.parameters = *values;
    b.plan.tailoringName = tailoring ? tailoring->name : QString();

    QHash<QString, QStringList> requirementsOfCheck;
    for (const RequirementDef &r : assessment->requirements)
        for (const QString &check : r.checks)
            requirementsOfCheck[check] << r.id;
    for (const QString &use : assessment->uses) {
        const CheckLibrary *lib = catalog.library(use);
        for (const CheckDef &c : lib->checks) {
            if (requirementsOfCheck.contains(c.id))
                b.addCheck(*lib, c, requirementsOfCheck.value(c.id), tailoring);
        }
    }
    return b.plan;
}

Result<Plan> Planner::planLibrary(const Catalog &catalog, const QString &libraryId, const QVariantMap &parameterOverrides)
{
    const CheckLibrary *lib = catalog.library(libraryId);
    if (!lib)
        return makeError(Error::Code::NotFound, QStringLiteral("no check library '%1'").arg(libraryId));
    Builder b{catalog, {}, {}, {}};
    auto values = b.resolveParameters({libraryId}, {}, parameterOverrides, QString());
    if (!values)
        return values.error();
    b.values = *values;
    b.plan.parameters = *values;
    b.plan.assessment.id = libraryId;
    b.plan.assessment.title = libraryId;
    for (const CheckDef &c : lib->checks)
        b.addCheck(*lib, c, {}, nullptr);
    return b.plan;
}

} // namespace triad
