// The template loader and the catalog: every class of bad input names file, line and column.
#include "engine/Catalog.h"
#include "engine/TemplateLoader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace triad;

namespace {

const QByteArray kLibrary = R"(schema: triad-template/1
kind: checks
id: lib
parameters:
  max_tries: {type: int, default: 4, min: 1, max: 10}
collectors:
  conf:
    type: file
    path: /etc/x.conf
    parse: {format: keyvalue, key_case: lower}
checks:
  - id: lib.tries
    title: Tries are limited
    severity: medium
    rules:
      - {from: conf, select: {key: maxtries}, assert: {op: le, value: "${max_tries}"}, on_missing: fail}
)";

/// Loads `yaml` and returns every error as "line:column: message".
QStringList errorsOf(const QByteArray &yaml)
{
    QList<Error> errors;
    const auto r = TemplateLoader::loadText(yaml, QStringLiteral("t.yaml"), &errors);
    QStringList out;
    for (const Error &e : errors)
        out << e.location.mid(QStringLiteral("t.yaml:").size()) + QStringLiteral(": ") + e.message;
    if (!r && errors.isEmpty())
        out << r.error().toString();
    return out;
}

QByteArray replaced(QByteArray text, const char *from, const char *to)
{
    return text.replace(from, to);
}

bool anyContains(const QStringList &list, const QString &needle)
{
    for (const QString &s : list)
        if (s.contains(needle))
            return true;
    return false;
}

} // namespace

class TestTemplateLoader final : public QObject {
    Q_OBJECT
private slots:
    void validLibraryRoundTrip()
    {
        auto loaded = TemplateLoader::loadText(kLibrary, QStringLiteral("lib.yaml"));
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().toString()));
        const CheckLibrary &lib = *loaded->library;
        QCOMPARE(lib.id, QStringLiteral("lib"));
        QCOMPARE(lib.parameters.size(), 1);
        QCOMPARE(lib.parameters.first().type, ParameterDef::Type::Int);
        QCOMPARE(*lib.parameters.first().max, 10);
        QCOMPARE(lib.collectors.first().parse.format, ParseSpec::Format::KeyValue);
        QCOMPARE(lib.collectors.first().parse.keyCase, ParseSpec::KeyCase::Lower);
        const CheckDef &c = lib.checks.first();
        QCOMPARE(c.id, QStringLiteral("lib.tries"));
        QCOMPARE(c.library, QStringLiteral("lib"));
        QCOMPARE(c.location.line, 12);
        QCOMPARE(c.rules.first().assertion.op, Operator::Le);
        QCOMPARE(c.rules.first().assertion.value.toString(), QStringLiteral("${max_tries}"));
        QCOMPARE(c.rules.first().select, QStringList{QStringLiteral("maxtries")});
    }

    void malformedYamlNamesThePosition()
    {
        const QStringList e = errorsOf("schema: triad-template/1\nkind: checks\nid: [unclosed\n");
        QCOMPARE(e.size(), 1);
        QVERIFY2(e.first().startsWith(QStringLiteral("4:1: malformed YAML")) || e.first().contains(QStringLiteral("malformed YAML")),
                 qPrintable(e.join(QLatin1Char('\n'))));
    }

    void unknownKeysAreErrors()
    {
        const QStringList e = errorsOf(replaced(kLibrary, "    severity: medium\n", "    severity: medium\n    severty: high\n"));
        QVERIFY2(anyContains(e, QStringLiteral("15:5: checks[0]: unknown key 'severty'")), qPrintable(e.join(QLatin1Char('\n'))));
    }

    void unknownOperatorNamesTheValue()
    {
        const QStringList e = errorsOf(replaced(kLibrary, "op: le", "op: lte"));
        QCOMPARE(e.size(), 1);     // no follow-on errors about the value of an unknown operator
        QVERIFY2(anyContains(e, QStringLiteral("16:60: checks[0].rules[0].assert.op: unknown operator 'lte'")),
                 qPrintable(e.join(QLatin1Char('\n'))));
    }

    void wrongTypes()
    {
        QVERIFY(anyContains(errorsOf(replaced(kLibrary, "    path: /etc/x.conf\n", "    path: /etc/x.conf\n    timeout_s: soon\n")),
                            QStringLiteral("collectors.conf.timeout_s: expected a whole number")));
        QVERIFY(anyContains(errorsOf(replaced(kLibrary, "    rules:\n", "    rules: everything\n    x:\n")),
                            QStringLiteral("expected a list of rules")));
        QVERIFY(anyContains(errorsOf(replaced(kLibrary, "severity: medium", "severity: severe")),
                            QStringLiteral("'severe' is not one of")));
    }

    void filesystemWalkCollector()
    {
        const QByteArray walk = replaced(kLibrary, "    type: file\n    path: /etc/x.conf\n",
                                         "    type: fswalk\n    roots: ${walk_roots}\n    exclude: [/srv/data]\n    cross_mounts: false\n");
        const QByteArray withParam = replaced(walk, "parameters:\n", "parameters:\n  walk_roots: {type: list, default: [/]}\n");
        QVERIFY2(errorsOf(withParam).isEmpty(), qPrintable(errorsOf(withParam).join(QLatin1Char('\n'))));
        QVERIFY(anyContains(errorsOf(walk), QStringLiteral("parameter '${walk_roots}' is used but not declared")));
        QVERIFY(anyContains(errorsOf(replaced(withParam, "    roots: ${walk_roots}\n", "")),
                            QStringLiteral("a fswalk collector needs 'roots'")));
        QVERIFY(anyContains(errorsOf(replaced(kLibrary, "    path: /etc/x.conf\n", "    path: /etc/x.conf\n    roots: [/]\n")),
                            QStringLiteral("roots, exclude and cross_mounts apply to fswalk collectors only")));
    }

    void valueFrom()
    {
        const QByteArray two = replaced(kLibrary, "checks:\n", "  other: {type: file, path: /etc/y.conf, parse: {format: lines}}\nchecks:\n");
        const QByteArray ok = replaced(two, "assert: {op: le, value: \"${max_tries}\"}", "assert: {op: in, value_from: {from: other}}");
        QVERIFY2(errorsOf(ok).isEmpty(), qPrintable(errorsOf(ok).join(QLatin1Char('\n'))));
        QVERIFY(anyContains(errorsOf(replaced(two, "assert: {op: le, value: \"${max_tries}\"}",
                                              "assert: {op: in, value: [a], value_from: {from: other}}")),
                            QStringLiteral("give 'value' or 'value_from', not both")));
        // An unknown collector is caught by the catalog, naming the rule.
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("v.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(replaced(ok, "value_from: {from: other}", "value_from: {from: nothere}"));
        f.close();
        QList<Error> errors;
        QVERIFY(!Catalog::load({dir.path()}, &errors));
        QVERIFY2(errors.first().toString().contains(QStringLiteral("value_from reads unknown collector 'nothere'")),
                 qPrintable(errors.first().toString()));
    }

    // default: the program's built-in value, written literally, instead of on_missing.
    void ruleDefaults()
    {
        const char *rule = "assert: {op: le, value: \"${max_tries}\"}, on_missing: fail}";
        const QByteArray ok = replaced(kLibrary, rule, "assert: {op: le, value: \"${max_tries}\"}, default: 6}");
        QVERIFY2(errorsOf(ok).isEmpty(), qPrintable(errorsOf(ok).join(QLatin1Char('\n'))));
        auto loaded = TemplateLoader::loadText(ok, QStringLiteral("lib.yaml"));
        QVERIFY(loaded);
        QCOMPARE(loaded->library->checks.first().rules.first().defaultValue, QVariant(qint64(6)));
        QVERIFY(!TemplateLoader::loadText(kLibrary, QStringLiteral("lib.yaml"))->library->checks.first().rules.first().defaultValue.isValid());
        QVERIFY(anyContains(errorsOf(replaced(kLibrary, rule, "assert: {op: le, value: 3}, on_missing: fail, default: 6}")),
                            QStringLiteral("give 'default' or 'on_missing', not both")));
        QVERIFY(anyContains(errorsOf(replaced(kLibrary, rule, "assert: {op: le, value: 3}, default: \"${max_tries}\"}")),
                            QStringLiteral("write it literally, not as a parameter")));
        QVERIFY(anyContains(errorsOf(replaced(kLibrary, rule, "assert: {op: le, value: 3}, default: {a: 1}}")),
                            QStringLiteral("a default is a value or a list of values")));
        QVERIFY(anyContains(errorsOf(replaced(kLibrary, rule, "assert: {op: exists}, default: 6}")),
                            QStringLiteral("'exists' asks whether a value is set")));
    }

    void sysctlConfigCollector()
    {
        const QByteArray ok = replaced(kLibrary, "checks:\n", "  boot: {type: sysctl_config}\nchecks:\n");
        QVERIFY2(errorsOf(ok).isEmpty(), qPrintable(errorsOf(ok).join(QLatin1Char('\n'))));
        QCOMPARE(TemplateLoader::loadText(ok, QStringLiteral("lib.yaml"))->library->collectors.last().type, CollectorDef::Type::SysctlConfig);
        QVERIFY(anyContains(errorsOf(replaced(kLibrary, "checks:\n", "  boot: {type: sysctl_config, name: kernel.sysrq}\nchecks:\n")),
                            QStringLiteral("it takes no name or path")));
    }

    void okExitCodes()
    {
        QVERIFY(anyContains(errorsOf(replaced(kLibrary, "    path: /etc/x.conf\n", "    path: /etc/x.conf\n    ok_exit: [0, 1]\n")),
                            QStringLiteral("ok_exit applies to command collectors only")));
        const QByteArray command = replaced(kLibrary, "    type: file\n    path: /etc/x.conf\n", "    type: command\n    run: [cat, /etc/x.conf]\n");
        QVERIFY(errorsOf(replaced(command, "    run: [cat, /etc/x.conf]\n", "    run: [cat, /etc/x.conf]\n    ok_exit: [0, 1]\n")).isEmpty());
        QVERIFY(anyContains(errorsOf(replaced(command, "    run: [cat, /etc/x.conf]\n", "    run: [cat, /etc/x.conf]\n    ok_exit: [0, 137]\n")),
                            QStringLiteral("'137' is not an exit code from 0 to 125")));
    }

    void parameterBoundsAndReferences()
    {
        // A default outside its own bounds is caught by the catalog (with the file's location).
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("lib.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(replaced(kLibrary, "default: 4", "default: 12"));
        f.close();
        QList<Error> errors;
        QVERIFY(!Catalog::load({dir.path()}, &errors));
        QVERIFY(!errors.isEmpty());
        QVERIFY2(errors.first().message.contains(QStringLiteral("12 is above the maximum 10")), qPrintable(errors.first().toString()));
        QVERIFY(errors.first().location.endsWith(QStringLiteral("lib.yaml:5:3")));

        const QStringList undeclared = errorsOf(replaced(kLibrary, "${max_tries}", "${max_attempts}"));
        QVERIFY2(anyContains(undeclared, QStringLiteral("16:71: parameter '${max_attempts}' is used but not declared")),
                 qPrintable(undeclared.join(QLatin1Char('\n'))));
    }

    void operatorValues()
    {
        QVERIFY(anyContains(errorsOf(replaced(kLibrary, "{op: le, value: \"${max_tries}\"}", "{op: regex, value: \"([a-\"}")),
                            QStringLiteral("does not compile")));
        QVERIFY(anyContains(errorsOf(replaced(kLibrary, "{op: le, value: \"${max_tries}\"}", "{op: mode_max, value: \"0999\"}")),
                            QStringLiteral("octal mode")));
        QVERIFY(anyContains(errorsOf(replaced(kLibrary, "{op: le, value: \"${max_tries}\"}", "{op: in, value: yes}")),
                            QStringLiteral("needs a list")));
        QVERIFY(anyContains(errorsOf(replaced(kLibrary, "{op: le, value: \"${max_tries}\"}", "{op: exists, value: 1}")),
                            QStringLiteral("takes no value")));
        QVERIFY(anyContains(errorsOf(replaced(kLibrary, "{op: le, value: \"${max_tries}\"}", "{op: le, value: many}")),
                            QStringLiteral("compares numbers")));
    }

    void schemaVersionsAndKinds()
    {
        QVERIFY(anyContains(errorsOf(replaced(kLibrary, "triad-template/1", "triad-template/2")),
                            QStringLiteral("1:9: schema: unsupported schema version 'triad-template/2'")));
        QVERIFY(anyContains(errorsOf(replaced(kLibrary, "triad-template/1", "ansible/1")), QStringLiteral("not a Triad template schema")));
        QVERIFY(anyContains(errorsOf(replaced(kLibrary, "kind: checks\n", "")), QStringLiteral("missing required key 'kind'")));
        QVERIFY(anyContains(errorsOf(""), QStringLiteral("empty")));
        QVERIFY(anyContains(errorsOf("- just\n- a list\n"), QStringLiteral("expected a mapping")));
        QVERIFY(!errorsOf(QByteArray("\x00\xff\xfe binary", 10)).isEmpty());
    }

    void allErrorsOfAFileAreReported()
    {
        QByteArray broken = replaced(kLibrary, "severity: medium", "severity: severe");
        broken = replaced(broken, "op: le", "op: lte");
        broken = replaced(broken, "type: file", "type: folder");
        QVERIFY(errorsOf(broken).size() >= 3);
    }

    void catalogCrossChecks()
    {
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath(QStringLiteral("checks")));
        auto write = [&dir](const QString &name, const QByteArray &text) {
            QFile f(dir.filePath(name));
            f.open(QIODevice::WriteOnly);
            f.write(text);
        };
        write(QStringLiteral("checks/lib.yaml"), kLibrary);
        write(QStringLiteral("checks/dup.yaml"), replaced(kLibrary, "id: lib\n", "id: lib2\n"));     // same check id again
        write(QStringLiteral("assessment.yaml"), R"(schema: triad-template/1
kind: assessment
id: demo
title: Demo
version: 1.0.0
uses: [lib, nope]
defaults: {max_tries: 3, unknown_param: 1}
requirements:
  - {id: "1.1", title: Tries, checks: [lib.tries, lib.missing]}
  - {id: "1.1", title: Twice, manual: {ask_for: a, verify: b}}
)");
        QList<Error> errors;
        QVERIFY(!Catalog::load({dir.path()}, &errors));
        QStringList text;
        for (const Error &e : errors)
            text << e.toString();
        const QString all = text.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("check id 'lib.tries' is also defined")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("uses unknown check library 'nope'")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("default for unknown parameter 'unknown_param'")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("maps to unknown check 'lib.missing'")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("requirement '1.1' is listed twice")), qPrintable(all));
        const QStringList bare = errorsOf("schema: triad-template/1\nkind: assessment\nid: a\ntitle: A\nversion: '1'\nuses: [lib]\n"
                                          "requirements:\n  - {id: '1.2', title: Nothing}\n");
        QVERIFY2(anyContains(bare, QStringLiteral("8:5: requirements[0]: a requirement needs 'checks', 'manual' or both")),
                 qPrintable(bare.join(QLatin1Char('\n'))));

        // The unknown-collector error names the rule.
        QTemporaryDir other;
        QFile f(other.filePath(QStringLiteral("x.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(replaced(kLibrary, "{from: conf,", "{from: confg,"));
        f.close();
        errors.clear();
        QVERIFY(!Catalog::load({other.path()}, &errors));
        QVERIFY2(errors.first().toString().contains(QStringLiteral("x.yaml:16:9: check lib.tries reads unknown collector 'confg'")),
                 qPrintable(errors.first().toString()));
        QVERIFY(!Catalog::load({other.filePath(QStringLiteral("missing.yaml"))}));

        // A predicate no check names.
        QTemporaryDir third;
        QFile g(third.filePath(QStringLiteral("p.yaml")));
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write(replaced(kLibrary, "checks:\n", "predicates:\n  has_conf:\n    rules:\n      - {from: conf, select: {key: maxtries}, "
                                                 "assert: {op: exists}}\nchecks:\n"));
        g.close();
        errors.clear();
        QVERIFY(!Catalog::load({third.path()}, &errors));
        QVERIFY2(errors.first().toString().contains(QStringLiteral("p.yaml:12:3: predicate 'has_conf' is never named by a check's applies_when")),
                 qPrintable(errors.first().toString()));
    }
};

QTEST_GUILESS_MAIN(TestTemplateLoader)
#include "tst_template_loader.moc"
