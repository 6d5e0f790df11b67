#include "TemplateLoader.h"

#include "common/Hash.h"
#include "engine/YamlReader.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

namespace triad {

namespace {

const QString kSchema = QStringLiteral("triad-template/1");
const QStringList kSeverities{QStringLiteral("info"), QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
                              QStringLiteral("critical")};
const QStringList kConditions{QStringLiteral("all"), QStringLiteral("any"), QStringLiteral("none")};
const QStringList kOperators{QStringLiteral("exists"), QStringLiteral("absent"), QStringLiteral("eq"), QStringLiteral("ne"),
                             QStringLiteral("lt"), QStringLiteral("le"), QStringLiteral("gt"), QStringLiteral("ge"),
                             QStringLiteral("regex"), QStringLiteral("not_regex"), QStringLiteral("in"), QStringLiteral("not_in"),
                             QStringLiteral("contains"), QStringLiteral("not_contains"), QStringLiteral("subset_of"),
                             QStringLiteral("mode_max")};
const QStringList kValueTypes{QStringLiteral("auto"), QStringLiteral("string"), QStringLiteral("int"), QStringLiteral("bool"),
                              QStringLiteral("mode"), QStringLiteral("version")};
const QStringList kCollectorTypes{QStringLiteral("command"), QStringLiteral("file"), QStringLiteral("stat"), QStringLiteral("process"),
                                  QStringLiteral("package"), QStringLiteral("service"), QStringLiteral("sysctl"),
                                  QStringLiteral("fswalk"), QStringLiteral("sysctl_config")};
const QStringList kFormats{QStringLiteral("raw"), QStringLiteral("keyvalue"), QStringLiteral("lines"), QStringLiteral("json"),
                           QStringLiteral("yaml"), QStringLiteral("ini")};
const QStringList kParamTypes{QStringLiteral("int"), QStringLiteral("string"), QStringLiteral("bool"), QStringLiteral("path"),
                              QStringLiteral("mode"), QStringLiteral("list")};

bool isParameterRef(const QVariant &v)
{
    static const QRegularExpression whole(QStringLiteral("^\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}$"));
    return v.typeId() == QMetaType::QString && whole.match(v.toString()).hasMatch();
}

bool mentionsParameter(const YAML::Node &node)
{
    if (node.IsScalar())
        return !parameterReferences(scalarText(node)).isEmpty();
    if (node.IsSequence())
        for (const auto &item : node)
            if (mentionsParameter(item))
                return true;
    return false;
}

/// Everything one file needs while it is read.
class Reader {
public:
    Reader(YamlContext &context) : m_ctx(context) {}

    QList<ParameterDef> parameters(const YAML::Node &node);
    QList<CollectorDef> collectors(const YAML::Node &node);
    QList<PredicateDef> predicates(const YAML::Node &node);
    QList<CheckDef> checks(const YAML::Node &node, const QString &library);
    QList<RequirementDef> requirements(const YAML::Node &node);

    /// ${name} references seen in this file, with where they were.
    QList<std::pair<QString, YAML::Node>> references;

private:
    RuleDef rule(const YAML::Node &node, const QString &path, bool insideSubjects);
    QList<RuleDef> rules(MapReader &map, const QString &path, bool insideSubjects);
    QStringList selector(const YAML::Node &node, const QString &path);
    void noteReferences(const YAML::Node &node);
    QString text(MapReader &map, const char *key, bool required = false);

    YamlContext &m_ctx;
};

void Reader::noteReferences(const YAML::Node &node)
{
    if (node.IsScalar()) {
        for (const QString &name : parameterReferences(scalarText(node)))
            references.append({name, node});
    } else if (node.IsSequence() || node.IsMap()) {
        for (const auto &item : node)
            noteReferences(node.IsMap() ? item.second : item);
    }
}

QString Reader::text(MapReader &map, const char *key, bool required)
{
    const QString value = map.string(key, required);
    if (map.has(key))
        noteReferences(map.node(key));
    return value;
}

QList<ParameterDef> Reader::parameters(const YAML::Node &node)
{
    QList<ParameterDef> list;
    if (!node.IsDefined() || node.IsNull())
        return list;
    if (!node.IsMap()) {
        m_ctx.error(node, QStringLiteral("parameters"), QStringLiteral("expected a mapping of parameter names"));
        return list;
    }
    for (const auto &item : node) {
        ParameterDef p;
        p.name = QString::fromStdString(item.first.as<std::string>(""));
        const QString path = QStringLiteral("parameters.") + p.name;
        MapReader m(item.second, path, m_ctx);
        p.location = m_ctx.locationOf(item.first);
        if (!m.valid())
            continue;
        static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        if (!name.match(p.name).hasMatch())
            m_ctx.error(item.first, path, QStringLiteral("parameter names use letters, digits and _"));
        const QString type = m.choice("type", kParamTypes, QString());
        if (!m.has("type"))
            m_ctx.error(item.second, path, QStringLiteral("missing required key 'type'"));
        p.type = type == QLatin1String("int")    ? ParameterDef::Type::Int
                 : type == QLatin1String("bool") ? ParameterDef::Type::Bool
                 : type == QLatin1String("path") ? ParameterDef::Type::Path
                 : type == QLatin1String("mode") ? ParameterDef::Type::Mode
                 : type == QLatin1String("list") ? ParameterDef::Type::List
                                                 : ParameterDef::Type::String;
        p.min = m.integer("min", std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
        p.max = m.integer("max", std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
        if ((p.min || p.max) && p.type != ParameterDef::Type::Int)
            m_ctx.error(item.second, path, QStringLiteral("min and max apply to int parameters only"));
        p.allowed = m.stringList("allowed");
        p.description = m.string("description");
        const YAML::Node def = m.node("default");
        if (!def.IsDefined() || def.IsNull())
            m_ctx.error(item.second, path, QStringLiteral("missing required key 'default'"));
        else
            p.defaultValue = yamlValue(def);
        m.finish();
        list << p;
    }
    return list;
}

QList<CollectorDef> Reader::collectors(const YAML::Node &node)
{
    QList<CollectorDef> list;
    if (!node.IsDefined() || node.IsNull())
        return list;
    if (!node.IsMap()) {
        m_ctx.error(node, QStringLiteral("collectors"), QStringLiteral("expected a mapping of collector ids"));
        return list;
    }
    for (const auto &item : node) {
        CollectorDef c;
        c.id = QString::fromStdString(item.first.as<std::string>(""));
        const QString path = QStringLiteral("collectors.") + c.id;
        c.location = m_ctx.locationOf(item.first);
        MapReader m(item.second, path, m_ctx);
        if (!m.valid())
            continue;
        const QString type = m.choice("type", kCollectorTypes, QStringLiteral("command"));
        if (!m.has("type"))
            m_ctx.error(item.second, path, QStringLiteral("missing required key 'type'"));
        c.type = CollectorDef::Type(kCollectorTypes.indexOf(type));
        c.run = m.stringList("run");
        if (m.has("run"))
            noteReferences(m.node("run"));
        c.path = text(m, "path");
        c.includeGlob = text(m, "include_glob");
        c.name = text(m, "name");
        c.roots = m.stringList("roots");
        c.excludes = m.stringList("exclude");
        for (const char *key : {"roots", "exclude"})
            if (m.has(key))
                noteReferences(m.node(key));
        if (m.has("cross_mounts"))
            c.crossMounts = text(m, "cross_mounts");
        c.sudo = m.choice("privilege", {QStringLiteral("none"), QStringLiteral("sudo")}, QStringLiteral("none")) == QLatin1String("sudo");
        if (m.has("ok_exit")) {
            if (c.type != CollectorDef::Type::Command)
                m_ctx.error(item.second, path, QStringLiteral("ok_exit applies to command collectors only"));
            for (const QString &code : m.stringList("ok_exit")) {
                bool ok = false;
                const int n = code.toInt(&ok);
                if (!ok || n < 0 || n > 125)
                    m_ctx.error(m.node("ok_exit"), path + QStringLiteral(".ok_exit"),
                                QStringLiteral("'%1' is not an exit code from 0 to 125").arg(code));
                else
                    c.okExitCodes << n;
            }
        }
        c.timeoutSeconds = int(m.integer("timeout_s", 1, 3600).value_or(30));
        c.maxBytes = m.integer("max_bytes", 1, 256LL << 20).value_or(1 << 20);
        if (m.has("parse")) {
            MapReader p(m.node("parse"), path + QStringLiteral(".parse"), m_ctx);
            c.parse.format = ParseSpec::Format(kFormats.indexOf(p.choice("format", kFormats, QStringLiteral("raw"))));
            c.parse.separator = p.string("separator");
            if (c.parse.separator.isEmpty())
                c.parse.separator = QStringLiteral("whitespace");
            c.parse.comment = p.string("comment");
            c.parse.keyCase = p.choice("key_case", {QStringLiteral("as_is"), QStringLiteral("lower")}, QStringLiteral("as_is")) ==
                                      QLatin1String("lower")
                                  ? ParseSpec::KeyCase::Lower
                                  : ParseSpec::KeyCase::AsIs;
            const QString dup = p.choice("duplicates", {QStringLiteral("first"), QStringLiteral("last"), QStringLiteral("list")},
                                         QStringLiteral("first"));
            c.parse.duplicates = dup == QLatin1String("last")   ? ParseSpec::Duplicates::Last
                                 : dup == QLatin1String("list") ? ParseSpec::Duplicates::List
                                                                : ParseSpec::Duplicates::First;
            p.finish();
        }
        // What each type needs to run.
        const bool needsRun = c.type == CollectorDef::Type::Command;
        const bool needsPath = c.type == CollectorDef::Type::File || c.type == CollectorDef::Type::Stat;
        const bool isWalk = c.type == CollectorDef::Type::FsWalk;
        const bool readsAll = c.type == CollectorDef::Type::SysctlConfig;     // every file of a fixed set
        if (readsAll && (!c.name.isEmpty() || !c.path.isEmpty()))
            m_ctx.error(item.second, path, QStringLiteral("a sysctl_config collector reads every sysctl configuration file; "
                                                          "it takes no name or path (rules select keys)"));
        if (isWalk && c.roots.isEmpty())
            m_ctx.error(item.second, path, QStringLiteral("a fswalk collector needs 'roots' (a list of absolute paths)"));
        if (!isWalk && (m.has("roots") || m.has("exclude") || m.has("cross_mounts")))
            m_ctx.error(item.second, path, QStringLiteral("roots, exclude and cross_mounts apply to fswalk collectors only"));
        if (needsRun && c.run.isEmpty())
            m_ctx.error(item.second, path, QStringLiteral("a command collector needs 'run' (a list: program and arguments)"));
        if (needsPath && c.path.isEmpty())
            m_ctx.error(item.second, path, QStringLiteral("a %1 collector needs 'path'").arg(type));
        if (!needsRun && !needsPath && !isWalk && !readsAll && c.name.isEmpty())
            m_ctx.error(item.second, path, QStringLiteral("a %1 collector needs 'name'").arg(type));
        if (!c.includeGlob.isEmpty() && c.type != CollectorDef::Type::File)
            m_ctx.error(item.second, path, QStringLiteral("include_glob applies to file collectors only"));
        m.finish();
        list << c;
    }
    return list;
}

QStringList Reader::selector(const YAML::Node &node, const QString &path)
{
    MapReader m(node, path, m_ctx);
    if (!m.valid())
        return {};
    QStringList steps;
    int given = 0;
    for (const char *key : {"key", "field", "path"}) {
        if (!m.has(key))
            continue;
        ++given;
        const QString value = m.string(key);
        steps = QLatin1String(key) == QLatin1String("path") ? value.split(QLatin1Char('.'), Qt::SkipEmptyParts) : QStringList{value};
    }
    if (given > 1)
        m_ctx.error(node, path, QStringLiteral("use one of key, field or path"));
    m.finish();
    return steps;
}

RuleDef Reader::rule(const YAML::Node &node, const QString &path, bool insideSubjects)
{
    RuleDef r;
    r.location = m_ctx.locationOf(node);
    MapReader m(node, path, m_ctx);
    if (!m.valid())
        return r;
    if (m.has("from") && m.has("from_first"))
        m_ctx.error(node, path, QStringLiteral("use either 'from' or 'from_first'"));
    r.sources = m.has("from_first") ? m.stringList("from_first") : m.stringList("from");
    if (r.sources.isEmpty() && !insideSubjects)
        m_ctx.error(node, path, QStringLiteral("a rule needs 'from' (or 'from_first'); only rules of a subjects check may omit it"));
    if (m.has("select"))
        r.select = selector(m.node("select"), path + QStringLiteral(".select"));
    const QString quantifier = m.choice("quantifier", kConditions, QString());
    r.quantifier = quantifier == QLatin1String("all")    ? Quantifier::All
                   : quantifier == QLatin1String("any")  ? Quantifier::Any
                   : quantifier == QLatin1String("none") ? Quantifier::None
                                                         : Quantifier::Whole;
    const QString missing = m.choice("on_missing", {QStringLiteral("fail"), QStringLiteral("pass"), QStringLiteral("not_applicable"),
                                                    QStringLiteral("error")},
                                     QStringLiteral("fail"));
    r.onMissing = missing == QLatin1String("pass")             ? OnMissing::Pass
                  : missing == QLatin1String("not_applicable") ? OnMissing::NotApplicable
                  : missing == QLatin1String("error")          ? OnMissing::Error
                                                               : OnMissing::Fail;
    if (m.has("default")) {
        // A default is a fact about the program (its built-in value), not a policy choice: it is
        // written as a literal, and it replaces on_missing, which could only contradict it.
        const YAML::Node defaultNode = m.node("default");
        if (defaultNode.IsNull() || !(defaultNode.IsScalar() || defaultNode.IsSequence()))
            m_ctx.error(defaultNode, path + QStringLiteral(".default"), QStringLiteral("a default is a value or a list of values"));
        else if (mentionsParameter(defaultNode))
            m_ctx.error(defaultNode, path + QStringLiteral(".default"),
                        QStringLiteral("a default is the program's own built-in value; write it literally, not as a parameter"));
        else
            r.defaultValue = yamlValue(defaultNode);
        if (m.has("on_missing"))
            m_ctx.error(node, path, QStringLiteral("give 'default' or 'on_missing', not both: with a default nothing is ever missing"));
    }
    const QString assertPath = path + QStringLiteral(".assert");
    if (!m.has("assert")) {
        m_ctx.error(node, path, QStringLiteral("missing required key 'assert'"));
        m.finish();
        return r;
    }
    const YAML::Node assertNode = m.node("assert");
    MapReader a(assertNode, assertPath, m_ctx);
    if (a.valid()) {
        const YAML::Node opNode = a.node("op");
        const QString op = opNode.IsScalar() ? scalarText(opNode) : QString();
        if (!opNode.IsDefined())
            m_ctx.error(assertNode, assertPath, QStringLiteral("missing required key 'op'"));
        else if (!kOperators.contains(op))
            m_ctx.error(opNode, assertPath + QStringLiteral(".op"),
                        QStringLiteral("unknown operator '%1' (expected one of %2)").arg(op, kOperators.join(QStringLiteral(", "))));
        r.assertion.op = Operator(std::max(0, int(kOperators.indexOf(op))));
        r.assertion.type = ValueType(kValueTypes.indexOf(a.choice("type", kValueTypes, QStringLiteral("auto"))));
        r.assertion.ignoreCase = a.boolean("ignore_case").value_or(false);
        const YAML::Node valueNode = a.node("value");
        bool hasValue = valueNode.IsDefined() && !valueNode.IsNull();
        if (a.has("value_from")) {
            const QString fromPath = assertPath + QStringLiteral(".value_from");
            MapReader f(a.node("value_from"), fromPath, m_ctx);
            if (f.valid()) {
                const QString from = f.string("from", true);
                if (!from.isEmpty())
                    r.assertion.valueFrom = {from};
                if (f.has("select"))
                    r.assertion.valueFromSelect = selector(f.node("select"), fromPath + QStringLiteral(".select"));
                f.finish();
            }
            if (hasValue)
                m_ctx.error(valueNode, assertPath, QStringLiteral("give 'value' or 'value_from', not both"));
            hasValue = true;
        }
        if (hasValue) {
            if (valueNode.IsMap())
                m_ctx.error(valueNode, assertPath + QStringLiteral(".value"), QStringLiteral("a value cannot be a mapping"));
            r.assertion.value = yamlValue(valueNode);
            noteReferences(valueNode);
        }
        const Operator o = r.assertion.op;
        const bool knownOp = kOperators.contains(op);
        const bool valueless = o == Operator::Exists || o == Operator::Absent;
        if (knownOp && valueless && hasValue)
            m_ctx.error(valueNode, assertPath, QStringLiteral("'%1' takes no value").arg(op));
        if (knownOp && !valueless && !hasValue)
            m_ctx.error(assertNode, assertPath, QStringLiteral("'%1' needs a value").arg(op));
        if (knownOp && valueless && r.defaultValue.isValid())
            m_ctx.error(m.node("default"), path + QStringLiteral(".default"),
                        QStringLiteral("'%1' asks whether a value is set; a default would always answer yes").arg(op));
        const QVariant &v = r.assertion.value;
        if (knownOp && hasValue && r.assertion.valueFrom.isEmpty() && !isParameterRef(v)) {
            if ((o == Operator::Regex || o == Operator::NotRegex)) {
                const QRegularExpression re(v.toString());
                if (!re.isValid())
                    m_ctx.error(valueNode, assertPath + QStringLiteral(".value"),
                                QStringLiteral("the regular expression does not compile: %1 (at offset %2)")
                                    .arg(re.errorString()).arg(re.patternErrorOffset()));
            }
            if (o == Operator::ModeMax) {
                bool ok = false;
                const uint mode = v.toString().toUInt(&ok, 8);
                if (!ok || mode > 07777)
                    m_ctx.error(valueNode, assertPath + QStringLiteral(".value"),
                                QStringLiteral("mode_max needs an octal mode such as \"0644\""));
            }
            if ((o == Operator::In || o == Operator::NotIn || o == Operator::SubsetOf) && !valueNode.IsSequence())
                m_ctx.error(valueNode, assertPath + QStringLiteral(".value"),
                            QStringLiteral("'%1' needs a list (or a ${list parameter})").arg(op));
            if ((o == Operator::Lt || o == Operator::Le || o == Operator::Gt || o == Operator::Ge) &&
                r.assertion.type != ValueType::Version && v.typeId() != QMetaType::LongLong)
                m_ctx.error(valueNode, assertPath + QStringLiteral(".value"),
                            QStringLiteral("'%1' compares numbers (use type: version for versions)").arg(op));
        }
        a.finish();
    }
    m.finish();
    return r;
}

QList<RuleDef> Reader::rules(MapReader &map, const QString &path, bool insideSubjects)
{
    QList<RuleDef> list;
    const YAML::Node node = map.node("rules");
    if (!node.IsDefined() || node.IsNull())
        return list;
    if (!node.IsSequence()) {
        m_ctx.error(node, map.keyPath("rules"), QStringLiteral("expected a list of rules"));
        return list;
    }
    for (std::size_t i = 0; i < node.size(); ++i)
        list << rule(node[i], path + QStringLiteral(".rules[%1]").arg(i), insideSubjects);
    return list;
}

QList<PredicateDef> Reader::predicates(const YAML::Node &node)
{
    QList<PredicateDef> list;
    if (!node.IsDefined() || node.IsNull())
        return list;
    if (!node.IsMap()) {
        m_ctx.error(node, QStringLiteral("predicates"), QStringLiteral("expected a mapping of predicate ids"));
        return list;
    }
    for (const auto &item : node) {
        PredicateDef p;
        p.id = QString::fromStdString(item.first.as<std::string>(""));
        p.location = m_ctx.locationOf(item.first);
        const QString path = QStringLiteral("predicates.") + p.id;
        MapReader m(item.second, path, m_ctx);
        if (!m.valid())
            continue;
        p.condition = Condition(kConditions.indexOf(m.choice("condition", kConditions, QStringLiteral("all"))));
        p.rules = rules(m, path, false);
        if (p.rules.isEmpty())
            m_ctx.error(item.second, path, QStringLiteral("a predicate needs rules"));
        m.finish();
        list << p;
    }
    return list;
}

QList<CheckDef> Reader::checks(const YAML::Node &node, const QString &library)
{
    QList<CheckDef> list;
    if (!node.IsDefined() || node.IsNull())
        return list;
    if (!node.IsSequence()) {
        m_ctx.error(node, QStringLiteral("checks"), QStringLiteral("expected a list of checks"));
        return list;
    }
    for (std::size_t i = 0; i < node.size(); ++i) {
        const QString path = QStringLiteral("checks[%1]").arg(i);
        MapReader m(node[i], path, m_ctx);
        if (!m.valid())
            continue;
        CheckDef c;
        c.library = library;
        c.location = m.location();
        c.id = m.string("id", true);
        static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9._-]*$"));
        if (!c.id.isEmpty() && !idPattern.match(c.id).hasMatch())
            m_ctx.error(m.node("id"), path + QStringLiteral(".id"), QStringLiteral("check ids use lower-case letters, digits, '.', '_' and '-'"));
        c.title = text(m, "title", true);
        c.description = text(m, "description");
        c.rationale = text(m, "rationale");
        c.severity = severityFromString(m.choice("severity", kSeverities, QStringLiteral("medium"))).value_or(Severity::Medium);
        if (!m.has("severity"))
            m_ctx.error(node[i], path, QStringLiteral("missing required key 'severity'"));
        c.appliesWhen = m.stringList("applies_when");
        c.condition = Condition(kConditions.indexOf(m.choice("condition", kConditions, QStringLiteral("all"))));
        if (m.has("subjects")) {
            const QString sp = path + QStringLiteral(".subjects");
            MapReader s(m.node("subjects"), sp, m_ctx);
            SubjectsDef subjects;
            subjects.location = s.location();
            subjects.from = s.string("from", true);
            if (s.has("select"))
                subjects.select = selector(s.node("select"), sp + QStringLiteral(".select"));
            subjects.nameField = s.string("name").split(QLatin1Char('.'), Qt::SkipEmptyParts);
            s.finish();
            c.subjects = subjects;
        }
        c.rules = rules(m, path, c.subjects.has_value());
        if (c.rules.isEmpty())
            m_ctx.error(node[i], path, QStringLiteral("a check needs at least one rule"));
        if (m.has("remediation")) {
            MapReader r(m.node("remediation"), path + QStringLiteral(".remediation"), m_ctx);
            c.remediation.summary = text(r, "summary");
            c.remediation.commands = r.stringList("commands");
            c.remediation.impact = text(r, "impact");
            r.finish();
        }
        if (m.has("verification")) {
            MapReader v(m.node("verification"), path + QStringLiteral(".verification"), m_ctx);
            c.verification.steps = v.stringList("steps");
            c.verification.expected = text(v, "expected");
            v.finish();
        }
        c.references = m.stringList("references");
        m.finish();
        list << c;
    }
    return list;
}

QList<RequirementDef> Reader::requirements(const YAML::Node &node)
{
    QList<RequirementDef> list;
    if (!node.IsSequence()) {
        m_ctx.error(node, QStringLiteral("requirements"), QStringLiteral("expected a list of requirements"));
        return list;
    }
    for (std::size_t i = 0; i < node.size(); ++i) {
        const QString path = QStringLiteral("requirements[%1]").arg(i);
        MapReader m(node[i], path, m_ctx);
        if (!m.valid())
            continue;
        RequirementDef r;
        r.location = m.location();
        r.id = m.string("id", true);
        r.section = m.string("section");
        r.title = m.string("title", true);
        r.checks = m.stringList("checks");
        r.mappingNote = m.string("mapping_note");
        r.implementation = m.choice("implementation", {QStringLiteral("required"), QStringLiteral("addressable")}, QString());
        if (m.has("manual")) {
            MapReader man(m.node("manual"), path + QStringLiteral(".manual"), m_ctx);
            r.manual = ManualDef{man.string("ask_for", true), man.string("verify", true)};
            man.finish();
        }
        if (r.checks.isEmpty() && !r.manual)
            m_ctx.error(node[i], path, QStringLiteral("a requirement needs 'checks', 'manual' or both"));
        m.finish();
        list << r;
    }
    return list;
}

Result<LoadedTemplate> parse(const QByteArray &bytes, const QString &fileName, QList<Error> *allErrors)
{
    YamlContext ctx{fileName, {}};
    LoadedTemplate loaded;
    auto finish = [&]() -> Result<LoadedTemplate> {
        if (allErrors)
            *allErrors << ctx.errors;
        if (!ctx.errors.isEmpty())
            return ctx.errors.first();
        return loaded;
    };

    YAML::Node root;
    try {
        root = YAML::Load(bytes.toStdString());
    } catch (const YAML::Exception &e) {
        ctx.errors << makeError(Error::Code::InvalidInput, QStringLiteral("malformed YAML: %1").arg(QString::fromStdString(e.msg)),
                                SourceLocation{fileName, e.mark.line + 1, e.mark.column + 1}.toString());
        return finish();
    }
    try {
        MapReader top(root, QString(), ctx);
        if (!top.valid()) {
            if (!root.IsDefined() || root.IsNull())
                ctx.errors << makeError(Error::Code::InvalidInput, QStringLiteral("the file is empty"), fileName);
            return finish();
        }
        const QString schema = top.string("schema", true);
        if (!schema.isEmpty() && schema != kSchema) {
            ctx.error(top.node("schema"), QStringLiteral("schema"),
                      schema.startsWith(QLatin1String("triad-template/"))
                          ? QStringLiteral("unsupported schema version '%1' (this build reads %2)").arg(schema, kSchema)
                          : QStringLiteral("'%1' is not a Triad template schema (expected %2)").arg(schema, kSchema));
            return finish();
        }
        const QString kind = top.choice("kind", {QStringLiteral("checks"), QStringLiteral("assessment")}, QString());
        if (!top.has("kind"))
            ctx.error(root, QString(), QStringLiteral("missing required key 'kind' (checks or assessment)"));
        const QString id = top.string("id", true);
        Reader reader(ctx);
        QSet<QString> declared;
        if (kind == QLatin1String("checks")) {
            CheckLibrary lib;
            lib.id = id;
            lib.file = fileName;
            top.string("title");
            top.string("description");
            lib.parameters = reader.parameters(top.node("parameters"));
            lib.collectors = reader.collectors(top.node("collectors"));
            lib.predicates = reader.predicates(top.node("predicates"));
            lib.checks = reader.checks(top.node("checks"), id);
            for (const ParameterDef &p : std::as_const(lib.parameters))
                declared.insert(p.name);
            for (const auto &[name, node] : std::as_const(reader.references)) {
                if (!declared.contains(name))
                    ctx.error(node, QString(), QStringLiteral("parameter '${%1}' is used but not declared under parameters").arg(name));
            }
            loaded.library = lib;
        } else if (kind == QLatin1String("assessment")) {
            AssessmentTemplate t;
            t.id = id;
            t.file = fileName;
            t.location = top.location();
            t.title = top.string("title", true);
            t.version = top.string("version", true);
            t.description = top.string("description");
            if (top.has("framework")) {
                MapReader f(top.node("framework"), QStringLiteral("framework"), ctx);
                t.frameworkName = f.string("name", true);
                t.frameworkVersion = f.string("version");
                f.finish();
            }
            t.uses = top.stringList("uses");
            if (t.uses.isEmpty())
                ctx.error(root, QString(), QStringLiteral("an assessment needs 'uses' (the check libraries it maps to)"));
            if (top.has("defaults")) {
                const YAML::Node defaults = top.node("defaults");
                if (!defaults.IsMap())
                    ctx.error(defaults, QStringLiteral("defaults"), QStringLiteral("expected a mapping of parameter values"));
                else
                    for (const auto &item : defaults)
                        t.defaults.insert(QString::fromStdString(item.first.as<std::string>("")), yamlValue(item.second));
            }
            t.requirements = top.has("requirements") ? reader.requirements(top.node("requirements")) : QList<RequirementDef>{};
            if (!top.has("requirements"))
                ctx.error(root, QString(), QStringLiteral("missing required key 'requirements'"));
            t.contentSha256 = sha256Hex(bytes);
            loaded.assessment = t;
        }
        top.finish();
    } catch (const YAML::Exception &e) {
        ctx.errors << makeError(Error::Code::InvalidInput, QStringLiteral("unreadable YAML: %1").arg(QString::fromStdString(e.msg)),
                                SourceLocation{fileName, e.mark.line + 1, e.mark.column + 1}.toString());
    }
    return finish();
}

} // namespace

QStringList parameterReferences(const QString &text)
{
    static const QRegularExpression ref(QStringLiteral("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}"));
    QStringList names;
    for (auto it = ref.globalMatch(text); it.hasNext();)
        names << it.next().captured(1);
    return names;
}

Result<LoadedTemplate> TemplateLoader::loadText(const QByteArray &text, const QString &fileName, QList<Error> *allErrors)
{
    return parse(text, fileName, allErrors);
}

Result<LoadedTemplate> TemplateLoader::loadFile(const QString &path, QList<Error> *allErrors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Error e = makeError(Error::Code::NotFound, QStringLiteral("cannot read the template: %1").arg(file.errorString()), path);
        if (allErrors)
            *allErrors << e;
        return e;
    }
    if (file.size() > 16 * 1024 * 1024) {
        Error e = makeError(Error::Code::InvalidInput, QStringLiteral("template larger than 16 MiB"), path);
        if (allErrors)
            *allErrors << e;
        return e;
    }
    return parse(file.readAll(), path, allErrors);
}

} // namespace triad
