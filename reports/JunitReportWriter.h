#pragma once

#include "ReportModel.h"

#include <QByteArray>

namespace triad::report {

/// JUnit XML for CI gates: one <testsuite> per asset, one <testcase> per check x asset (x subject).
/// fail -> <failure>, error (and an asset without results, e.g. unreachable) -> <error>,
/// not_applicable, manual and waived -> <skipped> (a waiver is an accepted exception, not a pass).
/// Text that XML 1.0 cannot carry (control characters) is written as visible escapes.
class JunitReportWriter final {
public:
    QByteArray render(const ReportModel &model) const;
};

} // namespace triad::report
