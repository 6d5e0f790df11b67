#pragma once

#include <QString>
#include <QStringList>

namespace triad {

/// The version of this build, e.g. "0.1.0".
QString appVersion();

/// Folders searched for shipped templates, first match wins: $TRIAD_TEMPLATES_DIR, the folder
/// next to the executable (../share/triad/templates, for a relocated install), the install
/// prefix, and the source tree of this build (so a build runs without installing).
QStringList templateSearchPath();

/// The first existing folder of templateSearchPath(), or an empty string.
QString defaultTemplatesDir();

} // namespace triad
