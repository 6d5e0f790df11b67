#pragma once

#include "db/IssueTypes.h"

#include <QAbstractTableModel>
#include <QDateTime>

namespace triad {

/// The waiver register: every waiver with its state (active, expired or ended) as of `now`.
class WaiverTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WaiverTableModel)
public:
    enum Column {
        Id,
        State,
        Check,
        Scope,
        Justification,
        Approver,
        Ticket,
        Expires,
        CreatedBy,
        Created,
        ColumnCount
    };
    enum Role { WaiverIdRole = Qt::UserRole + 1, ActiveRole };

    explicit WaiverTableModel(QObject *parent = nullptr);

    /// `now` decides which waivers count as expired; the current time when invalid.
    void setWaivers(QList<Waiver> waivers, const QDateTime &now = {});
    [[nodiscard]] const Waiver *waiverAt(int row) const;
    [[nodiscard]] QString stateOf(const Waiver &waiver) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Waiver> m_waivers;
    QDateTime m_now;
};

} // namespace triad
