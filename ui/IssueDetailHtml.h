#pragma once

#include "IssueQueries.h"

#include <QDateTime>
#include <QHash>
#include <QString>

namespace triad {

class Catalog;

/// The Issues view's detail pane as HTML: the issue's state and runs, its newest result (expected,
/// actual, requirements) with the start of its evidence in monospace, the history timeline and the
/// check's texts. `detail` is null while it loads. Every host string is escaped.
QString issueDetailHtml(const IssueRecord &issue, const IssueDetail *detail,
                        const QHash<qint64, QDateTime> &runTimes, const Catalog *catalog);

} // namespace triad
