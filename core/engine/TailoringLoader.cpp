#include "TailoringLoader.h"

#include "engine/Catalog.h"
#include "engine/Parameters.h"
#include "engine/YamlReader.h"

#include <QFile>
#include <QSet>

namespace triad {

namespace {

Result<Tailoring> parse(const QByteArray &bytes, const QString &fileName)
{
    YamlContext ctx{fileName, {}};
    Tailoring t;
    t.file = fileName;
    try {
        const YAML::Node root = YAML::Load(bytes.toStdString());
        MapReader top(root, QString(), ctx);
        if (!top.valid())
            return makeError(Error::Code::InvalidInput, QStringLiteral("a tailoring is a YAML mapping"), fileName);
        t.location = top.location();
        MapReader head(top.node("tailoring"), QStringLiteral("tailoring"), ctx);
        if (!top.has("tailoring"))
            ctx.error(root, QString(), QStringLiteral("missing required key 'tailoring' ({template, name})"));
        t.templateId = head.string("template", true);
        t.name = head.string("name", true);
        head.finish();
        const YAML::Node params = top.node("parameters");
        if (params.IsMap()) {
            for (const auto &item : params)
                t.parameters.insert(QString::fromStdString(item.first.as<std::string>("")), yamlValue(item.second));
        } else if (params.IsDefined() && !params.IsNull()) {
            ctx.error(params, QStringLiteral("parameters"), QStringLiteral("expected a mapping of parameter values"));
        }
        const YAML::Node disable = top.node("disable");
        if (disable.IsSequence()) {
            for (std::size_t i = 0; i < disable.size(); ++i) {
                MapReader d(disable[i], QStringLiteral("disable[%1]").arg(i), ctx);
                const QString check = d.string("check", true);
                const QString reason = d.string("reason", true);
                if (!check.isEmpty() && reason.trimmed().isEmpty() && d.has("reason"))
                    ctx.error(disable[i], QStringLiteral("disable[%1]").arg(i), QStringLiteral("the reason is empty"));
                t.disabledChecks.insert(check, reason);
                d.finish();
            }
        } else if (disable.IsDefined() && !disable.IsNull()) {
            ctx.error(disable, QStringLiteral("disable"), QStringLiteral("expected a list of {check, reason}"));
        }
        const YAML::Node severity = top.node("severity");
        if (severity.IsMap()) {
            for (const auto &item : severity) {
                const QString check = QString::fromStdString(item.first.as<std::string>(""));
                const auto s = item.second.IsScalar() ? severityFromString(scalarText(item.second)) : std::nullopt;
                if (!s)
                    ctx.error(item.second, QStringLiteral("severity.") + check,
                              QStringLiteral("expected info, low, medium, high or critical"));
                else
                    t.severityOverrides.insert(check, *s);
            }
        } else if (severity.IsDefined() && !severity.IsNull()) {
            ctx.error(severity, QStringLiteral("severity"), QStringLiteral("expected a mapping of check id to severity"));
        }
        top.finish();
    } catch (const YAML::Exception &e) {
        return makeError(Error::Code::InvalidInput, QStringLiteral("malformed YAML: %1").arg(QString::fromStdString(e.msg)),
                         SourceLocation{fileName, e.mark.line + 1, e.mark.column + 1}.toString());
    }
    if (!ctx.errors.isEmpty())
        return ctx.errors.first();
    return t;
}

} // namespace

Result<Tailoring> TailoringLoader::loadText(const QByteArray &text, const QString &fileName)
{
    return parse(text, fileName);
}

Result<Tailoring> TailoringLoader::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound, QStringLiteral("cannot read the tailoring: %1").arg(file.errorString()), path);
    return parse(file.readAll(), path);
}

QList<Error> validateTailoring(const Catalog &catalog, const Tailoring &t)
{
    QList<Error> errors;
    const QString where = t.location.toString().isEmpty() ? t.file : t.location.toString();
    auto fail = [&errors, &where](const QString &message) {
        errors << makeError(Error::Code::InvalidInput, message, where);
    };
    const AssessmentTemplate *assessment = catalog.assessment(t.templateId);
    if (!assessment) {
        fail(QStringLiteral("tailoring for unknown template '%1'").arg(t.templateId));
        return errors;
    }
    QHash<QString, const ParameterDef *> parameters;
    QSet<QString> checks;
    for (const QString &use : assessment->uses) {
        if (const CheckLibrary *lib = catalog.library(use)) {
            for (const ParameterDef &p : lib->parameters)
                parameters.insert(p.name, &p);
            for (const CheckDef &c : lib->checks)
                checks.insert(c.id);
        }
    }
    for (auto it = t.parameters.cbegin(); it != t.parameters.cend(); ++it) {
        const ParameterDef *def = parameters.value(it.key());
        if (!def)
            fail(QStringLiteral("template %1 has no parameter '%2'").arg(t.templateId, it.key()));
        else if (auto v = Parameters::coerce(*def, it.value()); !v)
            fail(v.error().message);
    }
    for (auto it = t.disabledChecks.cbegin(); it != t.disabledChecks.cend(); ++it) {
        if (!checks.contains(it.key()))
            fail(QStringLiteral("cannot disable '%1': template %2 has no such check").arg(it.key(), t.templateId));
        if (it.value().trimmed().isEmpty())
            fail(QStringLiteral("disabling '%1' needs a reason").arg(it.key()));
    }
    for (auto it = t.severityOverrides.cbegin(); it != t.severityOverrides.cend(); ++it) {
        if (!checks.contains(it.key()))
            fail(QStringLiteral("severity for '%1': template %2 has no such check").arg(it.key(), t.templateId));
    }
    return errors;
}

} // namespace triad
