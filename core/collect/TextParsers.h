#pragma once

#include "common/Result.h"
#include "model/TemplateModel.h"

#include <QByteArray>
#include <QVariant>

namespace triad {

/// Turns the text of a command or file collector into a structured value, per its ParseSpec:
/// raw (QString), lines (QStringList), keyvalue (QVariantMap), ini ("section.key" map),
/// json and yaml (nested maps, lists and scalars). Pure; never throws; bad JSON/YAML is an Error
/// naming the format and position.
Result<QVariant> parseText(const ParseSpec &spec, const QByteArray &text);

} // namespace triad
