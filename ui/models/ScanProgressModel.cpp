#include "ScanProgressModel.h"

#include <QFont>

#include <algorithm>

namespace triad {

ScanProgressModel::ScanProgressModel(QObject *parent) : QAbstractTableModel(parent) {}

void ScanProgressModel::start(int expectedAssets)
{
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    m_expected = expectedAssets;
    m_finished = 0;
    endResetModel();
}

bool ScanProgressModel::isFinal(AssetStage stage)
{
    return stage == AssetStage::Done || stage == AssetStage::Failed || stage == AssetStage::Cancelled;
}

void ScanProgressModel::setStage(const QString &asset, AssetStage stage, const QString &detail)
{
    auto it = m_rowOf.constFind(asset);
    if (it == m_rowOf.cend()) {
        const int row = int(m_rows.size());
        beginInsertRows({}, row, row);
        m_rows.append(Row{asset, AssetStage::Queued, {}, {}, -1});
        m_rowOf.insert(asset, row);
        endInsertRows();
        m_expected = std::max(m_expected, int(m_rows.size()));
        it = m_rowOf.constFind(asset);
    }
    update(*it, stage, detail);
}

void ScanProgressModel::update(int row, AssetStage stage, const QString &detail)
{
    Row &r = m_rows[row];
    if (isFinal(r.stage))
        return;     // a late report never revives a finished asset
    if (stage != AssetStage::Queued && !r.clock.isValid())
        r.clock.start();
    if (isFinal(stage)) {
        r.finalElapsedMs = r.clock.isValid() ? r.clock.elapsed() : 0;
        ++m_finished;
    }
    r.stage = stage;
    r.detail = detail;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ScanProgressModel::finishUnfinished(AssetStage stage, const QString &detail)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (!isFinal(m_rows.at(row).stage))
            update(row, stage, detail);
    }
}

void ScanProgressModel::tick()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        const Row &r = m_rows.at(row);
        if (r.clock.isValid() && !isFinal(r.stage))
            emit dataChanged(index(row, Elapsed), index(row, Elapsed), {Qt::DisplayRole});
    }
}

int ScanProgressModel::countIn(AssetStage stage) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [stage](const Row &r) { return r.stage == stage; }));
}

std::optional<AssetStage> ScanProgressModel::stageOf(const QString &asset) const
{
    const auto it = m_rowOf.constFind(asset);
    if (it == m_rowOf.cend())
        return std::nullopt;
    return m_rows.at(*it).stage;
}

qint64 ScanProgressModel::elapsedMs(const Row &row) const
{
    if (row.finalElapsedMs >= 0)
        return row.finalElapsedMs;
    return row.clock.isValid() ? row.clock.elapsed() : -1;
}

int ScanProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ScanProgressModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScanProgressModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    if (role == StageRole)
        return int(r.stage);
    if (role == ElapsedMsRole)
        return elapsedMs(r);
    if (role == Qt::FontRole && index.column() == Stage && r.stage == AssetStage::Failed) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::TextAlignmentRole && index.column() == Elapsed)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Asset: return r.asset;
    case Stage: return toString(r.stage);
    case Elapsed: {
        const qint64 ms = elapsedMs(r);
        return ms < 0 ? QString() : QString::number(double(ms) / 1000.0, 'f', 1) + tr(" s");
    }
    case Detail: return r.detail;
    case ColumnCount: break;
    }
    return {};
}

QVariant ScanProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Asset: return tr("Asset");
    case Stage: return tr("Stage");
    case Elapsed: return tr("Elapsed");
    case Detail: return tr("Detail");
    case ColumnCount: break;
    }
    return {};
}

ScanProgressSortProxy::ScanProgressSortProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

int ScanProgressSortProxy::rank(AssetStage stage)
{
    switch (stage) {
    case AssetStage::Connecting:
    case AssetStage::Collecting:
    case AssetStage::Evaluating:
    case AssetStage::Storing: return 0;
    case AssetStage::Queued: return 1;
    case AssetStage::Failed: return 2;
    case AssetStage::Cancelled: return 3;
    case AssetStage::Done: return 4;
    }
    return 5;
}

bool ScanProgressSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == ScanProgressModel::Stage) {
        const int a = rank(AssetStage(left.data(ScanProgressModel::StageRole).toInt()));
        const int b = rank(AssetStage(right.data(ScanProgressModel::StageRole).toInt()));
        return a != b ? a < b : left.row() < right.row();
    }
    if (left.column() == ScanProgressModel::Elapsed)
        return left.data(ScanProgressModel::ElapsedMsRole).toLongLong() < right.data(ScanProgressModel::ElapsedMsRole).toLongLong();
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace triad
