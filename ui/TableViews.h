#pragma once

class QAbstractItemModel;
class QTableView;
class QWidget;

namespace triad {

/// The table every page uses for lists of records: whole rows selected one at a time, alternating
/// row colours, no row numbers, the last column stretched, no word wrap.
QTableView *makeRecordTable(QAbstractItemModel *model, QWidget *parent);

} // namespace triad
