#pragma once

#include <QAbstractTableModel>

#include <memory>

namespace triad {

class Catalog;

/// The assessment templates of the catalog with their version and how much they hold.
class TemplateListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplateListModel)
public:
    enum Column { Id, Title, Version, Requirements, Checks, Manual, ColumnCount };
    enum Role { TemplateIdRole = Qt::UserRole + 1 };

    explicit TemplateListModel(QObject *parent = nullptr);

    void setCatalog(std::shared_ptr<const Catalog> catalog);
    [[nodiscard]] QString templateIdAt(int row) const;
    [[nodiscard]] int rowOf(const QString &templateId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString id;
        QString title;
        QString version;
        QString framework;
        int requirements = 0;
        int checks = 0;     ///< distinct automated checks
        int manual = 0;     ///< requirements without checks
    };
    QList<Row> m_rows;
};

} // namespace triad
