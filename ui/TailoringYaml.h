#pragma once

#include "model/TemplateModel.h"

#include <QString>

namespace triad {

/// Writes a tailoring as the YAML TailoringLoader reads (and `triad-cli scan --tailoring FILE`
/// accepts). The text is deterministic (keys sorted), so saving an unchanged tailoring is
/// recognised by the project as the same version. Every string is double-quoted with escapes:
/// no reason or value can change the document's structure.
QString tailoringToYaml(const Tailoring &tailoring);

/// `text` as a YAML double-quoted scalar.
QString yamlQuoted(const QString &text);

} // namespace triad
