#include "Evaluator.h"

#include "eval/ValueCompare.h"

#include <QSet>

namespace triad {

namespace {

struct RuleOutcome {
    CheckStatus status = CheckStatus::Error;
    QString expected;
    QString actual;
    QString message;
};

/// Walks select steps through maps (by key) and lists (by index). Invalid QVariant = not found.
QVariant selectIn(const QVariant &root, const QStringList &steps)
{
    QVariant current = root;
    for (const QString &step : steps) {
        if (current.typeId() == QMetaType::QVariantMap) {
            const QVariantMap map = current.toMap();
            const auto it = map.constFind(step);
            if (it == map.cend())
                return {};
            current = *it;
        } else if (current.typeId() == QMetaType::QVariantList || current.typeId() == QMetaType::QStringList) {
            bool ok = false;
            const int index = step.toInt(&ok);
            const QVariantList list = current.toList();
            if (!ok || index < 0 || index >= list.size())
                return {};
            current = list.at(index);
        } else {
            return {};
        }
    }
    // An empty list or null leaf is "set to nothing", which rules treat as present.
    return current.isValid() ? current : QVariant();
}

QString sourceName(const RuleDef &rule)
{
    if (!rule.select.isEmpty())
        return rule.select.join(QLatin1Char('.'));
    if (!rule.sources.isEmpty())
        return rule.sources.first().section(QLatin1Char('/'), -1);
    return QStringLiteral("subject");
}

QString quantifierWord(Quantifier q)
{
    switch (q) {
    case Quantifier::Whole: return {};
    case Quantifier::All: return QStringLiteral("every ");
    case Quantifier::Any: return QStringLiteral("some ");
    case Quantifier::None: return QStringLiteral("no ");
    }
    return {};
}

CheckStatus onMissing(OnMissing m)
{
    switch (m) {
    case OnMissing::Fail: return CheckStatus::Fail;
    case OnMissing::Pass: return CheckStatus::Pass;
    case OnMissing::NotApplicable: return CheckStatus::NotApplicable;
    case OnMissing::Error: return CheckStatus::Error;
    }
    return CheckStatus::Error;
}

RuleOutcome evaluateRule(const RuleDef &rule, const ObservationMap &observations, const QVariant *subject)
{
    RuleOutcome out;
    AssertDef assertDef = rule.assertion;
    if (!assertDef.valueFrom.isEmpty()) {
        // The expected value is evidence too: without it the rule cannot be judged.
        const QString key = assertDef.valueFrom.first();
        const auto it = observations.constFind(key);
        if (it == observations.cend() || it->state == Observation::State::Error) {
            out.status = CheckStatus::Error;
            out.message = it == observations.cend() ? QStringLiteral("%1: no evidence collected").arg(key) : key + QStringLiteral(": ") + it->error;
            return out;
        }
        const QVariant expected = it->state == Observation::State::Value ? selectIn(it->value, assertDef.valueFromSelect) : QVariant();
        // A missing list (no audit rule at all) is an empty list: nothing is "in" it.
        assertDef.value = expected.isValid() ? expected : QVariant(QVariantList{});
    }
    const Assertion assertion(assertDef);
    out.expected = quantifierWord(rule.quantifier) + sourceName(rule) + QLatin1Char(' ') + assertion.describe();

    QVariant value;
    QStringList errors;
    const Observation *answered = nullptr;     // the source that held the value (or the only one asked)
    if (rule.sources.isEmpty()) {
        if (!subject) {
            out.message = QStringLiteral("the rule names no source");
            return out;
        }
        value = selectIn(*subject, rule.select);
    } else {
        for (const QString &key : rule.sources) {
            const auto it = observations.constFind(key);
            if (it == observations.cend()) {
                errors << QStringLiteral("%1: no evidence collected").arg(key);
                continue;
            }
            if (it->state == Observation::State::Error) {
                errors << key + QStringLiteral(": ") + it->error;
                continue;
            }
            value = selectIn(it->value, rule.select);
            answered = &*it;
            if (value.isValid())
                break;
        }
    }

    // Where a merged configuration says a value came from, or what "unset" means there.
    const QString unsetWords = rule.sources.size() == 1 && answered && !answered->unsetText.isEmpty()
                                   ? answered->unsetText
                                   : QStringLiteral("not set");
    bool usedDefault = false;
    if (!value.isValid()) {
        if (errors.isEmpty() && rule.defaultValue.isValid() && rule.assertion.op != Operator::Exists &&
            rule.assertion.op != Operator::Absent) {
            value = rule.defaultValue;
            usedDefault = true;
        } else {
            out.actual = QStringLiteral("(not set)");
            if (!errors.isEmpty()) {
                out.status = CheckStatus::Error;
                out.message = errors.join(QStringLiteral("; "));
            } else if (rule.assertion.op == Operator::Exists) {
                out.status = CheckStatus::Fail;
            } else if (rule.assertion.op == Operator::Absent) {
                out.status = CheckStatus::Pass;
            } else {
                out.status = onMissing(rule.onMissing);
                out.message = QStringLiteral("%1 is %2").arg(sourceName(rule), unsetWords);
            }
            return out;
        }
    }
    // The evidence must tell a built-in default from a configured value, and name the file that
    // set a value when several files could have.
    auto annotate = [&](RuleOutcome &o) {
        if (usedDefault) {
            // The default itself, not the one-element list a quantifier made of it.
            o.actual = describeValue(rule.defaultValue) + QStringLiteral(" (default: %1 is %2)").arg(sourceName(rule), unsetWords);
            const QString note = QStringLiteral("%1 is %2; the program's default %3 applies")
                                     .arg(sourceName(rule), unsetWords, describeValue(rule.defaultValue));
            o.message = o.message.isEmpty() ? note : note + QStringLiteral("; ") + o.message;
        } else if (answered && rule.select.size() == 1) {
            const auto origin = answered->origins.constFind(rule.select.first());
            if (origin != answered->origins.cend())
                o.actual += QStringLiteral(" (set in %1)").arg(*origin);
        }
        return o;
    };

    out.actual = describeValue(value);
    if (rule.quantifier == Quantifier::Whole) {
        const AssertOutcome r = assertion.test(value);
        out.status = r.isError() ? CheckStatus::Error : r.passed ? CheckStatus::Pass : CheckStatus::Fail;
        out.message = r.error;
        return annotate(out);
    }
    QVariantList items;
    if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QStringList)
        items = value.toList();
    else
        items << value;
    int passed = 0;
    QVariantList offenders;
    for (const QVariant &item : std::as_const(items)) {
        const AssertOutcome r = assertion.test(item);
        if (r.isError()) {
            out.status = CheckStatus::Error;
            out.message = r.error;
            return annotate(out);
        }
        passed += r.passed ? 1 : 0;
        if (r.passed == (rule.quantifier == Quantifier::None))
            offenders << item;
    }
    bool ok = false;
    switch (rule.quantifier) {
    case Quantifier::All: ok = passed == items.size(); break;
    case Quantifier::Any: ok = passed > 0; break;
    case Quantifier::None: ok = passed == 0; break;
    case Quantifier::Whole: break;
    }
    out.status = ok ? CheckStatus::Pass : CheckStatus::Fail;
    if (!ok && rule.quantifier != Quantifier::Any)
        out.actual = describeValue(offenders);     // show what broke the rule, not the whole list
    return annotate(out);
}

/// Combines rule outcomes by a condition (see the class comment).
CheckStatus combine(Condition condition, const QList<RuleOutcome> &outcomes)
{
    auto any = [&outcomes](CheckStatus s) {
        return std::any_of(outcomes.cbegin(), outcomes.cend(), [s](const RuleOutcome &o) { return o.status == s; });
    };
    switch (condition) {
    case Condition::All:
        if (any(CheckStatus::Fail))
            return CheckStatus::Fail;
        if (any(CheckStatus::Error))
            return CheckStatus::Error;
        if (any(CheckStatus::NotApplicable))
            return CheckStatus::NotApplicable;
        return CheckStatus::Pass;
    case Condition::Any:
        if (any(CheckStatus::Pass))
            return CheckStatus::Pass;
        if (any(CheckStatus::Error))
            return CheckStatus::Error;
        if (any(CheckStatus::NotApplicable))
            return CheckStatus::NotApplicable;
        return CheckStatus::Fail;
    case Condition::None:
        if (any(CheckStatus::Pass))
            return CheckStatus::Fail;
        if (any(CheckStatus::Error))
            return CheckStatus::Error;
        return CheckStatus::Pass;
    }
    return CheckStatus::Error;
}

CheckResult judge(const PlannedCheck &planned, const ObservationMap &observations, const QVariant *subject)
{
    const CheckDef &check = planned.check;
    CheckResult result;
    result.checkId = check.id;
    QList<RuleOutcome> outcomes;
    outcomes.reserve(check.rules.size());
    for (const RuleDef &rule : check.rules)
        outcomes << evaluateRule(rule, observations, subject);
    result.status = combine(check.condition, outcomes);

    // Describe the rules that decided the verdict: the failing ones for a fail, the erroring
    // ones for an error, all of them otherwise.
    QStringList expected;
    QStringList actual;
    QStringList messages;
    for (const RuleOutcome &o : std::as_const(outcomes)) {
        const bool decisive = result.status == CheckStatus::Fail ? (check.condition == Condition::None ? o.status == CheckStatus::Pass
                                                                                                        : o.status == CheckStatus::Fail)
                              : result.status == CheckStatus::Error ? o.status == CheckStatus::Error
                                                                    : true;
        if (!decisive)
            continue;
        expected << o.expected;
        actual << o.actual;
        if (!o.message.isEmpty())
            messages << o.message;
    }
    if (check.condition == Condition::Any && expected.size() > 1)
        result.expected = expected.join(QStringLiteral(" or "));
    else if (check.condition == Condition::None)
        result.expected = QStringLiteral("not (") + expected.join(QStringLiteral(" or ")) + QLatin1Char(')');
    else
        result.expected = expected.join(QStringLiteral("; "));
    result.actual = actual.join(QStringLiteral("; "));
    result.message = messages.join(QStringLiteral("; "));
    return result;
}

QStringList keysOf(const PlannedCheck &planned)
{
    QStringList keys;
    auto add = [&keys](const QList<RuleDef> &rules) {
        for (const RuleDef &rule : rules)
            for (const QStringList *list : {&rule.sources, &rule.assertion.valueFrom})
                for (const QString &key : *list)
                    if (!keys.contains(key))
                        keys << key;
    };
    for (const PredicateDef &p : planned.appliesWhen)
        add(p.rules);
    add(planned.check.rules);
    if (planned.check.subjects && !keys.contains(planned.check.subjects->from))
        keys << planned.check.subjects->from;
    return keys;
}

} // namespace

QList<CheckResult> Evaluator::evaluate(const PlannedCheck &planned, const ObservationMap &observations)
{
    const CheckDef &check = planned.check;
    CheckResult base;
    base.checkId = check.id;
    base.collectorKeys = keysOf(planned);

    if (planned.disabled) {
        base.status = CheckStatus::NotApplicable;
        base.message = QStringLiteral("Disabled by tailoring: ") + planned.disabledReason;
        return {base};
    }

    for (const PredicateDef &predicate : planned.appliesWhen) {
        QList<RuleOutcome> outcomes;
        for (const RuleDef &rule : predicate.rules)
            outcomes << evaluateRule(rule, observations, nullptr);
        const CheckStatus applies = combine(predicate.condition, outcomes);
        if (applies == CheckStatus::Pass)
            continue;
        CheckResult r = base;
        if (applies == CheckStatus::Error) {
            r.status = CheckStatus::Error;
            QStringList why;
            for (const RuleOutcome &o : std::as_const(outcomes))
                if (!o.message.isEmpty())
                    why << o.message;
            r.message = QStringLiteral("cannot tell whether it applies (%1): %2").arg(predicate.id, why.join(QStringLiteral("; ")));
        } else {
            r.status = CheckStatus::NotApplicable;
            r.message = QStringLiteral("does not apply: %1 is false").arg(predicate.id);
        }
        return {r};
    }

    if (!check.subjects) {
        CheckResult r = judge(planned, observations, nullptr);
        r.collectorKeys = base.collectorKeys;
        return {r};
    }

    const SubjectsDef &subjects = *check.subjects;
    const auto it = observations.constFind(subjects.from);
    if (it == observations.cend() || it->state == Observation::State::Error) {
        CheckResult r = base;
        r.status = CheckStatus::Error;
        r.message = it == observations.cend() ? QStringLiteral("%1: no evidence collected").arg(subjects.from)
                                              : subjects.from + QStringLiteral(": ") + it->error;
        return {r};
    }
    const QVariant listValue = it->state == Observation::State::Value ? selectIn(it->value, subjects.select) : QVariant();
    const QVariantList items = listValue.toList();
    if (items.isEmpty()) {
        CheckResult r = base;
        r.status = CheckStatus::Pass;
        r.expected = QStringLiteral("no offending %1").arg(subjects.select.isEmpty() ? QStringLiteral("item") : subjects.select.last());
        r.actual = QStringLiteral("(none found)");
        return {r};
    }
    QList<CheckResult> results;
    results.reserve(items.size());
    for (const QVariant &item : items) {
        CheckResult r = judge(planned, observations, &item);
        r.collectorKeys = base.collectorKeys;
        const QVariant name = subjects.nameField.isEmpty() ? item : selectIn(item, subjects.nameField);
        r.subject = name.isValid() ? describeValue(name) : describeValue(item);
        results << r;
    }
    return results;
}

QList<CheckResult> Evaluator::evaluatePlan(const Plan &plan, const ObservationMap &observations)
{
    QList<CheckResult> results;
    results.reserve(plan.checks.size());
    for (const PlannedCheck &check : plan.checks)
        results << evaluate(check, observations);
    return results;
}

} // namespace triad
