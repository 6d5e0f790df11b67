#include "WaiverTableModel.h"

#include "ui/Theme.h"

#include <QBrush>
#include <QColor>

namespace triad {

WaiverTableModel::WaiverTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void WaiverTableModel::setWaivers(QList<Waiver> waivers, const QDateTime &now)
{
    beginResetModel();
    m_waivers = std::move(waivers);
    m_now = now.isValid() ? now : QDateTime::currentDateTimeUtc();
    endResetModel();
}

const Waiver *WaiverTableModel::waiverAt(int row) const
{
    return row >= 0 && row < m_waivers.size() ? &m_waivers.at(row) : nullptr;
}

QString WaiverTableModel::stateOf(const Waiver &waiver) const
{
    if (waiver.endedAt.isValid() && waiver.endedAt <= m_now)
        return tr("ended");
    return waiver.isActiveAt(m_now) ? tr("active") : tr("expired");
}

int WaiverTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_waivers.size());
}

int WaiverTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WaiverTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Waiver &w = m_waivers.at(index.row());
    switch (role) {
    case WaiverIdRole:
        return w.id;
    case ActiveRole:
        return w.isActiveAt(m_now);
    case Qt::ForegroundRole:
        if (index.column() == State)
            return QBrush(Theme::color(w.isActiveAt(m_now) ? Theme::Tone::Waived : Theme::Tone::Muted));
        return {};
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case Id:
            return w.id;
        case State:
            return stateOf(w);
        case Check:
            return w.checkId;
        case Scope:
            if (w.assetScope.isEmpty())
                return tr("all assets");
            if (w.assetScope.startsWith(QLatin1String("asset:")))
                return tr("asset %1").arg(w.assetScope.mid(6));
            return tr("tag %1").arg(w.assetScope.mid(4));
        case Justification:
            return w.justification;
        case Approver:
            return w.approver;
        case Ticket:
            return w.ticket;
        case Expires:
            return w.expiresOn.toString(Qt::ISODate);
        case CreatedBy:
            return w.createdBy;
        case Created:
            return w.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant WaiverTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Id:
        return tr("Id");
    case State:
        return tr("State");
    case Check:
        return tr("Check");
    case Scope:
        return tr("Scope");
    case Justification:
        return tr("Justification");
    case Approver:
        return tr("Approver");
    case Ticket:
        return tr("Ticket");
    case Expires:
        return tr("Expires");
    case CreatedBy:
        return tr("Created by");
    case Created:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace triad
