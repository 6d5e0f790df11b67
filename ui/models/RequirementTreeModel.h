#pragma once

#include "model/TemplateModel.h"

#include <QAbstractItemModel>
#include <QSortFilterProxyModel>

#include <memory>

namespace triad {

class Catalog;

/// The requirements of one assessment template as a tree: sections, their requirements, and the
/// checks each requirement maps to (manual requirements have no children). Built at once from the
/// catalog in memory: the largest shipped template has a few hundred nodes.
class RequirementTreeModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequirementTreeModel)
public:
    enum Column { Id, Title, Severity, ColumnCount };
    enum class Kind { Section, Requirement, Check };
    enum Role {
        KindRole = Qt::UserRole + 1,   ///< int(Kind)
        ItemIdRole,                    ///< section title, requirement id or check id
        RequirementIdRole,             ///< of a requirement, or of the requirement a check sits under
    };

    explicit RequirementTreeModel(QObject *parent = nullptr);

    /// Shows `templateId` of `catalog`; an unknown id (or no catalog) empties the tree.
    void setTemplate(std::shared_ptr<const Catalog> catalog, const QString &templateId);
    [[nodiscard]] QString templateId() const { return m_templateId; }

    /// The requirement of a requirement or check node; nullptr for sections.
    [[nodiscard]] const RequirementDef *requirementAt(const QModelIndex &index) const;
    /// The check of a check node; nullptr otherwise.
    [[nodiscard]] const CheckDef *checkAt(const QModelIndex &index) const;
    /// The first node whose item id is `id` (requirement before check), or an invalid index.
    [[nodiscard]] QModelIndex findItem(const QString &id) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node {
        Kind kind = Kind::Section;
        int parent = -1;            ///< index into m_nodes; -1 for sections
        int row = 0;                ///< row under its parent
        QList<int> children;
        QString id;
        qsizetype requirement = -1; ///< index into the template's requirements
        const CheckDef *check = nullptr;
    };
    [[nodiscard]] const Node *nodeOf(const QModelIndex &index) const;
    [[nodiscard]] QModelIndex indexOfNode(int node, int column) const;
    [[nodiscard]] QVariant display(const Node &node, int column) const;

    std::shared_ptr<const Catalog> m_catalog;
    const AssessmentTemplate *m_template = nullptr;
    QString m_templateId;
    QList<Node> m_nodes;
    QList<int> m_sections;          ///< top-level nodes in template order
};

/// Search over ids and titles at every level: a match keeps its ancestors (to show where it sits)
/// and its children (a matching requirement shows its checks).
class RequirementFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequirementFilterProxy)
public:
    explicit RequirementFilterProxy(QObject *parent = nullptr);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

} // namespace triad
