// Linked with triad_core only; tst_core_has_no_gui inspects what it loads.
#include "scan/CoreInfo.h"

#include <cstdio>

int main()
{
    std::puts(qPrintable(triad::coreLibraryVersions()));
    return 0;
}
