#pragma once

#include "db/ProjectTypes.h"

#include <QAbstractTableModel>

namespace triad {

/// The runs of a project, newest first.
class RunListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunListModel)
public:
    enum Column { Id, Template, Started, Status, Operator, ColumnCount };
    enum Role { RunIdRole = Qt::UserRole + 1 };

    explicit RunListModel(QObject *parent = nullptr);

    void setRuns(QList<RunInfo> runs);
    [[nodiscard]] const RunInfo *runAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<RunInfo> m_runs;
};

} // namespace triad
