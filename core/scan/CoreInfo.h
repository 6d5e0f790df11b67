#pragma once
#include <QString>
namespace triad {
/// One line naming the versions of the libraries this core was built with (for --version).
QString coreLibraryVersions();
}
