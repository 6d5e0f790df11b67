#include "AssetTableModel.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QPalette>
#include <QSet>

#include <algorithm>

namespace triad {

AssetTableModel::AssetTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void AssetTableModel::setRows(QList<AssetRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const AssetRow *AssetTableModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int AssetTableModel::rowOfAsset(qint64 assetId) const
{
    for (int n = 0; n < m_rows.size(); ++n)
        if (m_rows[n].asset.id == assetId)
            return n;
    return -1;
}

QStringList AssetTableModel::allTags() const
{
    QSet<QString> tags;
    for (const AssetRow &r : m_rows)
        for (const QString &t : r.asset.tags)
            tags.insert(t);
    QStringList sorted(tags.cbegin(), tags.cend());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

QString AssetTableModel::addressText(const Asset &asset)
{
    if (asset.transport == QLatin1String("local"))
        return tr("(this computer)");
    QString text = asset.user.isEmpty() ? asset.address : asset.user + QLatin1Char('@') + asset.address;
    if (asset.port != 22)
        text += QLatin1Char(':') + QString::number(asset.port);
    if (!asset.proxyJump.isEmpty())
        text += tr(" via %1").arg(asset.proxyJump);
    return text;
}

QString AssetTableModel::lastResultText(const std::optional<AssetLastResult> &last)
{
    if (!last)
        return tr("not assessed yet");
    switch (last->status) {
    case AssetRunStatus::Ok:
        break;
    case AssetRunStatus::Unreachable:
        return tr("unreachable · run %1").arg(last->runId) + (last->error.isEmpty() ? QString() : QStringLiteral(": ") + last->error.left(120));
    case AssetRunStatus::Error:
        return tr("error · run %1").arg(last->runId) + (last->error.isEmpty() ? QString() : QStringLiteral(": ") + last->error.left(120));
    case AssetRunStatus::Cancelled:
        return tr("cancelled · run %1").arg(last->runId);
    case AssetRunStatus::Pending:
        return tr("incomplete · run %1").arg(last->runId);
    }
    const QString score = last->percent ? tr("%1 %").arg(*last->percent, 0, 'f', 0) : tr("no data");
    return tr("%1 · %n failed · %2 run %3", nullptr, last->failedChecks).arg(score, last->templateId).arg(last->runId);
}

int AssetTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AssetTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AssetTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AssetRow &row = m_rows.at(index.row());
    const Asset &a = row.asset;
    switch (role) {
    case AssetIdRole:
        return a.id;
    case TagsRole:
        return a.tags;
    case SortRole:
        if (index.column() == LastResult)
            return row.last && row.last->percent ? *row.last->percent : -1.0;
        return data(index, Qt::DisplayRole);
    case Qt::ForegroundRole:
        if (index.column() == LastResult && row.last && row.last->status != AssetRunStatus::Ok)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if ((index.column() == HostKey && a.hostKeySha256.isEmpty() && a.transport == QLatin1String("ssh"))
            || (index.column() == LastResult && !row.last))
            return QApplication::palette().brush(QPalette::PlaceholderText);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == LastResult && row.last && !row.last->error.isEmpty())
            return row.last->error;
        if (index.column() == HostKey && !a.hostKeySha256.isEmpty())
            return a.hostKeySha256;
        return data(index, Qt::DisplayRole);
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Name:
            return a.name;
        case Transport:
            return a.transport == QLatin1String("local") ? tr("local") : QStringLiteral("%1 · %2").arg(a.kind, a.transport);
        case Address:
            return addressText(a);
        case Tags:
            return a.tags.join(QStringLiteral(", "));
        case HostKey:
            if (a.transport != QLatin1String("ssh"))
                return QString();
            return a.hostKeySha256.isEmpty() ? tr("not pinned") : a.hostKeySha256.left(19) + QStringLiteral("…");
        case LastResult:
            return lastResultText(row.last);
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant AssetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Transport:
        return tr("Kind · transport");
    case Address:
        return tr("Address");
    case Tags:
        return tr("Tags");
    case HostKey:
        return tr("Host key");
    case LastResult:
        return tr("Last result");
    case ColumnCount:
        break;
    }
    return {};
}

AssetFilterProxy::AssetFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(AssetTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void AssetFilterProxy::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void AssetFilterProxy::setTag(const QString &tag)
{
    m_tag = tag;
    invalidateFilter();
}

bool AssetFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = qobject_cast<const AssetTableModel *>(sourceModel());
    const AssetRow *row = model ? model->rowAt(sourceRow) : nullptr;
    if (!row || sourceParent.isValid())
        return false;
    const Asset &a = row->asset;
    if (!m_tag.isEmpty() && !a.tags.contains(m_tag))
        return false;
    if (m_text.isEmpty())
        return true;
    for (const QString &field : {a.name, a.address, a.user, a.tags.join(QLatin1Char(' ')), a.proxyJump})
        if (field.contains(m_text, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace triad
