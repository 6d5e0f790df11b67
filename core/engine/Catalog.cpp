#include "Catalog.h"

#include "engine/Parameters.h"
#include "engine/TemplateLoader.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace triad {

namespace {

Error at(const SourceLocation &where, const QString &message)
{
    return makeError(Error::Code::InvalidInput, message, where.toString());
}

QStringList expand(const QStringList &inputs, QList<Error> &errors)
{
    QStringList files;
    for (const QString &input : inputs) {
        const QFileInfo info(input);
        if (info.isDir()) {
            const QDir dir(input);
            for (const QString &name : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
                files << dir.filePath(name);
            const QDir checks(dir.filePath(QStringLiteral("checks")));
            for (const QString &name : checks.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
                files << checks.filePath(name);
        } else if (info.isFile()) {
            files << input;
        } else {
            errors << makeError(Error::Code::NotFound, QStringLiteral("no such template file or folder"), input);
        }
    }
    return files;
}

/// The checks of one library, for the rules that refer inside it.
void checkLibrary(const CheckLibrary &lib, QList<Error> &errors)
{
    for (const ParameterDef &p : lib.parameters) {
        if (auto v = Parameters::coerce(p, p.defaultValue); !v)
            errors << at(p.location, v.error().message + QStringLiteral(" (its default)"));
    }
    QSet<QString> collectors;
    for (const CollectorDef &c : lib.collectors) {
        if (collectors.contains(c.id))
            errors << at(c.location, QStringLiteral("collector '%1' is defined twice").arg(c.id));
        collectors.insert(c.id);
    }
    QSet<QString> predicates;
    for (const PredicateDef &p : lib.predicates)
        predicates.insert(p.id);
    QSet<QString> used;
    auto checkRules = [&](const QList<RuleDef> &rules, const QString &owner) {
        for (const RuleDef &r : rules) {
            for (const QString &source : r.assertion.valueFrom) {
                used.insert(source);
                if (!collectors.contains(source))
                    errors << at(r.location, QStringLiteral("%1: value_from reads unknown collector '%2'").arg(owner, source));
            }
            for (const QString &source : r.sources) {
                used.insert(source);
                if (!collectors.contains(source))
                    errors << at(r.location, QStringLiteral("%1 reads unknown collector '%2'").arg(owner, source));
            }
        }
    };
    for (const PredicateDef &p : lib.predicates)
        checkRules(p.rules, QStringLiteral("predicate ") + p.id);
    for (const CheckDef &c : lib.checks) {
        checkRules(c.rules, QStringLiteral("check ") + c.id);
        for (const QString &p : c.appliesWhen) {
            if (!predicates.contains(p))
                errors << at(c.location, QStringLiteral("check %1: applies_when names unknown predicate '%2'").arg(c.id, p));
        }
        if (c.subjects) {
            used.insert(c.subjects->from);
            if (!collectors.contains(c.subjects->from))
                errors << at(c.subjects->location, QStringLiteral("check %1: subjects read unknown collector '%2'").arg(c.id, c.subjects->from));
        }
        // A rule that can never be reached: with condition "any", rules after one that always
        // passes (exists on a value that always exists is not knowable here) are not detectable;
        // what is detectable is an identical rule written twice.
        for (qsizetype i = 0; i < c.rules.size(); ++i) {
            for (qsizetype j = i + 1; j < c.rules.size(); ++j) {
                const RuleDef &a = c.rules.at(i);
                const RuleDef &b = c.rules.at(j);
                if (a.sources == b.sources && a.select == b.select && a.assertion.op == b.assertion.op &&
                    a.assertion.value == b.assertion.value && a.quantifier == b.quantifier)
                    errors << at(b.location, QStringLiteral("check %1: this rule repeats rule %2 and can never change the verdict")
                                                 .arg(c.id).arg(i + 1));
            }
        }
    }
    for (const CollectorDef &c : lib.collectors) {
        if (!used.contains(c.id))
            errors << at(c.location, QStringLiteral("collector '%1' is never read by a rule").arg(c.id));
    }
    // A predicate no check names is dead text: usually a typo in some check's applies_when.
    QSet<QString> named;
    for (const CheckDef &c : lib.checks)
        for (const QString &p : c.appliesWhen)
            named.insert(p);
    for (const PredicateDef &p : lib.predicates) {
        if (!named.contains(p.id))
            errors << at(p.location, QStringLiteral("predicate '%1' is never named by a check's applies_when").arg(p.id));
    }
}

} // namespace

const CheckLibrary *Catalog::library(const QString &id) const
{
    const auto it = m_libraryIndex.constFind(id);
    return it == m_libraryIndex.cend() ? nullptr : &m_libraries.at(*it);
}

const AssessmentTemplate *Catalog::assessment(const QString &id) const
{
    const auto it = m_assessmentIndex.constFind(id);
    return it == m_assessmentIndex.cend() ? nullptr : &m_assessments.at(*it);
}

const CheckDef *Catalog::findCheck(const QString &id) const
{
    const auto it = m_checkIndex.constFind(id);
    return it == m_checkIndex.cend() ? nullptr : &m_libraries.at(it->first).checks.at(it->second);
}

const CheckLibrary *Catalog::libraryOfCheck(const QString &checkId) const
{
    const auto it = m_checkIndex.constFind(checkId);
    return it == m_checkIndex.cend() ? nullptr : &m_libraries.at(it->first);
}

void Catalog::index()
{
    for (qsizetype i = 0; i < m_libraries.size(); ++i) {
        m_libraryIndex.insert(m_libraries.at(i).id, i);
        for (qsizetype j = 0; j < m_libraries.at(i).checks.size(); ++j)
            m_checkIndex.insert(m_libraries.at(i).checks.at(j).id, {i, j});
    }
    for (qsizetype i = 0; i < m_assessments.size(); ++i)
        m_assessmentIndex.insert(m_assessments.at(i).id, i);
}

Result<Catalog> Catalog::load(const QStringList &filesOrDirs, QList<Error> *allErrors)
{
    QList<Error> errors;
    Catalog catalog;
    for (const QString &file : expand(filesOrDirs, errors)) {
        auto loaded = TemplateLoader::loadFile(file, &errors);
        if (!loaded)
            continue;
        if (loaded->library)
            catalog.m_libraries << *loaded->library;
        if (loaded->assessment)
            catalog.m_assessments << *loaded->assessment;
    }

    // Ids across files.
    QHash<QString, QString> libraryFiles;
    QHash<QString, const CheckDef *> checks;
    for (const CheckLibrary &lib : std::as_const(catalog.m_libraries)) {
        if (libraryFiles.contains(lib.id))
            errors << makeError(Error::Code::InvalidInput,
                                QStringLiteral("check library '%1' is also defined in %2").arg(lib.id, libraryFiles.value(lib.id)), lib.file);
        libraryFiles.insert(lib.id, lib.file);
        for (const CheckDef &c : lib.checks) {
            if (const CheckDef *other = checks.value(c.id))
                errors << at(c.location, QStringLiteral("check id '%1' is also defined at %2").arg(c.id, other->location.toString()));
            checks.insert(c.id, &c);
        }
        checkLibrary(lib, errors);
    }
    QSet<QString> assessmentIds;
    for (const AssessmentTemplate &t : std::as_const(catalog.m_assessments)) {
        if (assessmentIds.contains(t.id) || libraryFiles.contains(t.id))
            errors << at(t.location, QStringLiteral("template id '%1' is used twice").arg(t.id));
        assessmentIds.insert(t.id);
        QSet<QString> available;
        QHash<QString, const ParameterDef *> parameters;
        for (const QString &use : t.uses) {
            bool found = false;
            for (const CheckLibrary &lib : std::as_const(catalog.m_libraries)) {
                if (lib.id != use)
                    continue;
                found = true;
                for (const CheckDef &c : lib.checks)
                    available.insert(c.id);
                for (const ParameterDef &p : lib.parameters)
                    parameters.insert(p.name, &p);
            }
            if (!found)
                errors << at(t.location, QStringLiteral("template %1 uses unknown check library '%2'").arg(t.id, use));
        }
        for (auto it = t.defaults.cbegin(); it != t.defaults.cend(); ++it) {
            const ParameterDef *def = parameters.value(it.key());
            if (!def)
                errors << at(t.location, QStringLiteral("template %1: default for unknown parameter '%2'").arg(t.id, it.key()));
            else if (auto v = Parameters::coerce(*def, it.value()); !v)
                errors << at(t.location, QStringLiteral("template %1 defaults: %2").arg(t.id, v.error().message));
        }
        QSet<QString> requirementIds;
        for (const RequirementDef &r : t.requirements) {
            if (requirementIds.contains(r.id))
                errors << at(r.location, QStringLiteral("requirement '%1' is listed twice").arg(r.id));
            requirementIds.insert(r.id);
            for (const QString &check : r.checks) {
                if (!available.contains(check))
                    errors << at(r.location, QStringLiteral("requirement %1 maps to unknown check '%2'%3")
                                                 .arg(r.id, check,
                                                      checks.contains(check) ? QStringLiteral(" (it is in a library this template does not use)")
                                                                             : QString()));
            }
        }
    }

    if (allErrors)
        *allErrors << errors;
    if (!errors.isEmpty())
        return errors.first();
    catalog.index();
    return catalog;
}

} // namespace triad
