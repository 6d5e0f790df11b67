#pragma once

#include "db/ProjectTypes.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace triad {

/// The results of one run: one row per (asset, check, subject).
class ResultTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultTableModel)
public:
    enum Column { Status, Severity, Asset, Check, Title, Subject, Requirements, ColumnCount };
    enum Role {
        StatusRole = Qt::UserRole + 1,  ///< CheckStatus as int
        SeverityRankRole,               ///< int, higher = more severe (for sorting)
        ResultIdRole,
    };

    explicit ResultTableModel(QObject *parent = nullptr);

    void setResults(QList<StoredResult> results);
    [[nodiscard]] const StoredResult *resultAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<StoredResult> m_results;
};

/// Filters results by status and by free text over check id, title, asset and subject.
class ResultFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultFilterProxy)
public:
    explicit ResultFilterProxy(QObject *parent = nullptr);
    /// -1 = every status.
    void setStatusFilter(int status);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int m_status = -1;
    QString m_text;
};

} // namespace triad
