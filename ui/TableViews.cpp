#include "TableViews.h"

#include <QHeaderView>
#include <QTableView>

namespace triad {

QTableView *makeRecordTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    // Tab leaves the table (arrow keys move between rows): with Qt's default a table of 20 000
    // results walked every cell before Tab reached the next field.
    view->setTabKeyNavigation(false);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

} // namespace triad
