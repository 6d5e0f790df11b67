#pragma once

#include "ui/CompareQueries.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace triad {

/// The rows of a comparison of two runs: new, regressed, fixed and still-open results, and
/// collectors whose output changed.
class ComparisonModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonModel)
public:
    enum Column { Change, Severity, Asset, Check, Subject, Before, After, Title, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, ///< int(ChangeKind)
        SeverityRankRole, ///< int(Severity), higher = more severe; -1 for evidence rows
        SortRole,
    };

    explicit ComparisonModel(QObject *parent = nullptr);

    void setRows(QList<ComparisonRow> rows);
    void clear();
    [[nodiscard]] const ComparisonRow *rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ComparisonRow> m_rows;
};

/// Filters a comparison by kind of change, asset and lowest severity. Evidence rows have no
/// severity: a severity filter leaves them out.
class ComparisonFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonFilterProxy)
public:
    explicit ComparisonFilterProxy(QObject *parent = nullptr);

    /// -1 = every kind, else int(ChangeKind).
    void setKind(int kind);
    /// Empty = every asset.
    void setAsset(const QString &asset);
    /// -1 = every severity (and evidence rows), else the lowest int(Severity) shown.
    void setMinimumSeverity(int severity);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_kind = -1;
    QString m_asset;
    int m_minimumSeverity = -1;
};

} // namespace triad
