#pragma once

#include "common/Result.h"
#include "model/TemplateModel.h"

#include <QVariant>
#include <QVariantMap>

namespace triad {

/// Typed template parameters (DESIGN.md §3): validation against their definition, and
/// substitution of ${name} into the strings and values of a template.
namespace Parameters {

/// `value` converted to the parameter's type, or an Error naming the parameter and the bound
/// it breaks ("parameter ssh_max_auth_tries: 12 is above the maximum 10").
Result<QVariant> coerce(const ParameterDef &def, const QVariant &value);

/// Replaces every ${name} in `text` (lists are joined with spaces, bools as true/false).
QString substitute(const QString &text, const QVariantMap &values);

/// A value from a template: a string that is exactly "${name}" takes the parameter's typed
/// value (a list stays a list); other strings are substituted as text; lists element-wise.
QVariant substituteValue(const QVariant &value, const QVariantMap &values);
/// A list of words: an element that is exactly "${list_param}" is replaced by that list's
/// elements; other elements are substituted as text.
QStringList substituteList(const QStringList &words, const QVariantMap &values);

} // namespace Parameters

} // namespace triad
