#pragma once

#include "ui/AssetQueries.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace triad {

/// The assets of a project with how each fared in the newest run that included it.
class AssetTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssetTableModel)
public:
    enum Column { Name, Transport, Address, Tags, HostKey, LastResult, ColumnCount };
    enum Role {
        AssetIdRole = Qt::UserRole + 1,
        TagsRole,           ///< QStringList
        SortRole,           ///< a value that sorts naturally (score as a number, …)
    };

    explicit AssetTableModel(QObject *parent = nullptr);

    void setRows(QList<AssetRow> rows);
    [[nodiscard]] const AssetRow *rowAt(int row) const;
    [[nodiscard]] int rowOfAsset(qint64 assetId) const;
    /// Every tag used by an asset, sorted.
    [[nodiscard]] QStringList allTags() const;

    /// "user@host:port", or "(this computer)" for the local transport.
    static QString addressText(const Asset &asset);
    static QString lastResultText(const std::optional<AssetLastResult> &last);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AssetRow> m_rows;
};

/// Filters the asset table by free text (name, address, user, tags) and by one tag.
class AssetFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssetFilterProxy)
public:
    explicit AssetFilterProxy(QObject *parent = nullptr);
    void setText(const QString &text);
    /// Empty: every tag.
    void setTag(const QString &tag);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QString m_tag;
};

} // namespace triad
