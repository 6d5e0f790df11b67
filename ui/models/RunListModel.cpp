#include "RunListModel.h"

#include <algorithm>

namespace triad {

RunListModel::RunListModel(QObject *parent) : QAbstractTableModel(parent) {}

void RunListModel::setRuns(QList<RunInfo> runs)
{
    std::sort(runs.begin(), runs.end(), [](const RunInfo &a, const RunInfo &b) { return a.id > b.id; });
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

const RunInfo *RunListModel::runAt(int row) const
{
    return row >= 0 && row < m_runs.size() ? &m_runs.at(row) : nullptr;
}

int RunListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunInfo &run = m_runs.at(index.row());
    if (role == RunIdRole)
        return run.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Id: return run.id;
    case Template: return QString(run.templateId + QLatin1Char(' ') + run.templateVersion);
    case Started: return run.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case Status: return toString(run.status);
    case Operator: return run.operatorName;
    case ColumnCount: break;
    }
    return {};
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Id: return tr("Run");
    case Template: return tr("Template");
    case Started: return tr("Started");
    case Status: return tr("Status");
    case Operator: return tr("Operator");
    case ColumnCount: break;
    }
    return {};
}

} // namespace triad
