#include "RunListModel.h"

#include <algorithm>

namespace triad {

RunListModel::RunListModel(QObject *parent) : QAbstractTableModel(parent) {}

void RunListModel::setRuns(QList<RunInfo> runs)
{
    QList<RunOverview> overviews;
    overviews.reserve(runs.size());
    for (RunInfo &run : runs)
        overviews.append(RunOverview{std::move(run), std::nullopt, 0, 0});
    std::sort(overviews.begin(), overviews.end(), [](const RunOverview &a, const RunOverview &b) { return a.run.id > b.run.id; });
    beginResetModel();
    m_runs = std::move(overviews);
    m_withOverview = false;
    endResetModel();
}

void RunListModel::setOverviews(QList<RunOverview> overviews)
{
    std::sort(overviews.begin(), overviews.end(), [](const RunOverview &a, const RunOverview &b) { return a.run.id > b.run.id; });
    beginResetModel();
    m_runs = std::move(overviews);
    m_withOverview = true;
    endResetModel();
}

const RunInfo *RunListModel::runAt(int row) const
{
    return row >= 0 && row < m_runs.size() ? &m_runs.at(row).run : nullptr;
}

const RunOverview *RunListModel::overviewAt(int row) const
{
    return row >= 0 && row < m_runs.size() ? &m_runs.at(row) : nullptr;
}

QString RunListModel::percentText(const std::optional<double> &percent)
{
    return percent ? QString::number(*percent, 'f', 1) + QStringLiteral(" %") : tr("no data");
}

int RunListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunListModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_withOverview ? ColumnCount : BasicColumnCount;
}

QVariant RunListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunOverview &overview = m_runs.at(index.row());
    const RunInfo &run = overview.run;
    if (role == RunIdRole)
        return run.id;
    if (role == ScorePercentRole)
        return overview.score && overview.score->percent ? QVariant(*overview.score->percent) : QVariant();
    if (role == Qt::TextAlignmentRole && (index.column() == Score || index.column() == Reached))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Id: return run.id;
    case Template: return QString(run.templateId + QLatin1Char(' ') + run.templateVersion);
    case Started: return run.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case Status: return toString(run.status);
    case Operator: return run.operatorName;
    case Score:
        if (!overview.score)
            return tr("—");
        if (role == Qt::ToolTipRole)
            return tr("%1 requirements passed, %2 failed, %3 error; severity-weighted %4")
                .arg(overview.score->passed).arg(overview.score->failed).arg(overview.score->errors)
                .arg(percentText(overview.score->weightedPercent));
        return percentText(overview.score->percent);
    case Reached:
        if (run.status == RunStatus::Running)
            return tr("under way");
        return tr("%1 of %2").arg(overview.reachedAssets).arg(overview.assetCount);
    case Tailoring:
        if (run.tailoringName.isEmpty())
            return tr("none");
        // Runs recorded before tailorings were kept as versions name the tailoring only.
        return run.tailoringVersion > 0 ? tr("%1 (v%2)").arg(run.tailoringName).arg(run.tailoringVersion) : run.tailoringName;
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
    case Score: return tr("Score");
    case Reached: return tr("Assets reached");
    case Tailoring: return tr("Tailoring");
    case ColumnCount: break;
    }
    return {};
}

} // namespace triad
