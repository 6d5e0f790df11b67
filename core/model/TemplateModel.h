#pragma once

// The in-memory form of schema triad-template/1 (see ../shared/DESIGN.md §3 and
// ../shared/template-examples.md). The loader fills these structs with the values as written,
// including "${param}" placeholders; the planner substitutes parameters and resolves references.

#include "Enums.h"
#include "SourceLocation.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace triad {

struct ParameterDef {
    enum class Type { Int, String, Bool, Path, Mode, List };
    QString name;
    Type type = Type::String;
    QVariant defaultValue;          ///< qint64, QString, bool, QString (path/mode "0644"), QStringList
    std::optional<qint64> min;      ///< int only
    std::optional<qint64> max;      ///< int only
    QStringList allowed;            ///< string only: the value must be one of these (empty = any)
    QString description;
    SourceLocation location;
};

/// How the raw output of a command or file collector becomes a structured value.
struct ParseSpec {
    enum class Format { Raw, KeyValue, Lines, Json, Yaml, Ini };
    enum class KeyCase { AsIs, Lower };
    enum class Duplicates { First, Last, List };
    Format format = Format::Raw;
    QString separator = QStringLiteral("whitespace"); ///< keyvalue: "whitespace" or a literal ("=", ":")
    QString comment;                                 ///< line-comment prefix, e.g. "#"; empty = none
    KeyCase keyCase = KeyCase::AsIs;
    Duplicates duplicates = Duplicates::First;
};

struct CollectorDef {
    enum class Type { Command, File, Stat, Process, Package, Service, Sysctl, FsWalk, SysctlConfig };
    QString id;                 ///< unique within its library (after planning: the plan-wide key)
    Type type = Type::Command;
    QStringList run;            ///< command: argv, each element quoted by the engine
    QString path;               ///< file, stat
    QString includeGlob;        ///< file: extra files read before `path` (e.g. sshd_config.d/*.conf)
    QString name;               ///< process: command name; package; service; sysctl key (sysctl_config: none)
    QStringList roots;          ///< fswalk: where the walk starts (a whole "${list_param}" element expands)
    QStringList excludes;       ///< fswalk: find -path patterns pruned from the walk
    QString crossMounts = QStringLiteral("true"); ///< fswalk: "true"/"false" or "${bool_param}"
    bool sudo = false;          ///< privilege: sudo
    /// command: exit codes whose output is data; any other code makes the collector an error.
    /// Empty: every code below 126 is data (grep's 1 means "no match", not a failure).
    QList<int> okExitCodes;
    int timeoutSeconds = 30;
    qint64 maxBytes = 1024 * 1024;  ///< output kept per collector; more sets the truncation flag
    ParseSpec parse;
    SourceLocation location;
};

enum class Operator {
    Exists, Absent, Eq, Ne, Lt, Le, Gt, Ge, Regex, NotRegex, In, NotIn,
    Contains, NotContains, SubsetOf, ModeMax
};
/// How expected and actual are compared. Auto: as numbers when both look like integers, else text.
enum class ValueType { Auto, String, Int, Bool, Mode, Version };
/// Over a list value: the assertion must hold for all / any / none of the elements.
/// Whole: the assertion sees the value as it is (e.g. subset_of, contains on a list).
enum class Quantifier { Whole, All, Any, None };
enum class OnMissing { Fail, Pass, NotApplicable, Error };
enum class Condition { All, Any, None };

struct AssertDef {
    Operator op = Operator::Exists;
    ValueType type = ValueType::Auto;
    QVariant value;             ///< string, number, bool or list; may hold "${param}"
    /// value_from: the expected value is read from another collector's observation (one source)
    /// at this selection, e.g. the paths audit rules watch, compared with the files a walk found.
    QStringList valueFrom;
    QStringList valueFromSelect;
    bool ignoreCase = false;
};

struct RuleDef {
    /// "from" gives one source, "from_first" several, tried in order. Empty: the current subject.
    QStringList sources;
    /// select: {key: k} / {field: f} / {path: a.b.0}: the steps into the structured value.
    QStringList select;
    AssertDef assertion;
    Quantifier quantifier = Quantifier::Whole;
    OnMissing onMissing = OnMissing::Fail;
    /// default: the value the program itself uses when no source sets one (pam_pwhistory's
    /// remember=10). When set, a missing value is judged as this value, and the result says so;
    /// on_missing then never applies. Invalid QVariant: no default.
    QVariant defaultValue;
    SourceLocation location;
};

struct PredicateDef {
    QString id;
    Condition condition = Condition::All;
    QList<RuleDef> rules;
    SourceLocation location;
};

/// One result per element of a list value (each container, user, file...).
struct SubjectsDef {
    QString from;               ///< collector id
    QStringList select;         ///< steps to the list
    QStringList nameField;      ///< steps inside an element to its display name; empty: the element itself
    SourceLocation location;
};

struct RemediationDef {
    QString summary;
    QStringList commands;
    QString impact;
};

struct VerificationDef {
    QStringList steps;
    QString expected;
};

struct CheckDef {
    QString id;
    QString title;
    QString description;
    QString rationale;
    Severity severity = Severity::Medium;
    QStringList appliesWhen;    ///< predicate ids (of the same library)
    Condition condition = Condition::All;
    QList<RuleDef> rules;
    std::optional<SubjectsDef> subjects;
    RemediationDef remediation;
    VerificationDef verification;
    QStringList references;
    QString library;            ///< id of the check library that defines it
    SourceLocation location;
};

/// templates/checks/*.yaml
struct CheckLibrary {
    QString id;
    QString file;
    QList<ParameterDef> parameters;
    QList<CollectorDef> collectors;
    QList<PredicateDef> predicates;
    QList<CheckDef> checks;
};

struct ManualDef {
    QString askFor;             ///< evidence an auditor should request
    QString verify;             ///< what that evidence must show
};

struct RequirementDef {
    QString id;                 ///< as the framework numbers it: "8.3.6", "164.312(b)", "CC6.1"
    QString section;
    QString title;
    QStringList checks;         ///< automated checks (ids from the used libraries)
    std::optional<ManualDef> manual;
    QString mappingNote;
    QString implementation;     ///< HIPAA: "required" or "addressable"; empty elsewhere
    SourceLocation location;
};

/// templates/*.yaml
struct AssessmentTemplate {
    QString id;
    QString title;
    QString version;
    QString description;
    QString frameworkName;
    QString frameworkVersion;
    QStringList uses;           ///< check library ids
    QVariantMap defaults;       ///< parameter values this framework prefers
    QList<RequirementDef> requirements;
    QString file;
    QString contentSha256;      ///< of the YAML file, recorded with each run
    SourceLocation location;
};

/// Per-project adjustments of a template (YAML importable, stored in the project).
struct Tailoring {
    QString templateId;
    QString name;
    QVariantMap parameters;
    QMap<QString, QString> disabledChecks;    ///< check id -> reason
    QMap<QString, Severity> severityOverrides;
    QString file;
    SourceLocation location;
};

} // namespace triad
