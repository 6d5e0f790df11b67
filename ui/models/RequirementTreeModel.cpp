#include "RequirementTreeModel.h"

#include "engine/Catalog.h"

#include <QFont>

namespace triad {
namespace {

/// Sections are written "1.1.1 Filesystem kernel modules": the number goes to the id column.
std::pair<QString, QString> splitSection(const QString &section)
{
    const qsizetype space = section.indexOf(QLatin1Char(' '));
    if (space <= 0)
        return {section, QString()};
    return {section.left(space), section.mid(space + 1)};
}

} // namespace

RequirementTreeModel::RequirementTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

void RequirementTreeModel::setTemplate(std::shared_ptr<const Catalog> catalog, const QString &templateId)
{
    beginResetModel();
    m_catalog = std::move(catalog);
    m_templateId = templateId;
    m_template = m_catalog ? m_catalog->assessment(templateId) : nullptr;
    m_nodes.clear();
    m_sections.clear();
    if (m_template) {
        QHash<QString, int> sectionNode;
        for (qsizetype r = 0; r < m_template->requirements.size(); ++r) {
            const RequirementDef &req = m_template->requirements.at(r);
            int section = sectionNode.value(req.section, -1);
            if (section < 0) {
                section = int(m_nodes.size());
                Node node;
                node.kind = Kind::Section;
                node.id = req.section;
                node.row = int(m_sections.size());
                m_nodes << node;
                m_sections << section;
                sectionNode.insert(req.section, section);
            }
            const int reqNode = int(m_nodes.size());
            Node requirement;
            requirement.kind = Kind::Requirement;
            requirement.parent = section;
            requirement.row = int(m_nodes[section].children.size());
            requirement.id = req.id;
            requirement.requirement = r;
            m_nodes << requirement;
            m_nodes[section].children << reqNode;
            for (const QString &checkId : req.checks) {
                Node check;
                check.kind = Kind::Check;
                check.parent = reqNode;
                check.row = int(m_nodes[reqNode].children.size());
                check.id = checkId;
                check.requirement = r;
                check.check = m_catalog->findCheck(checkId);
                m_nodes[reqNode].children << int(m_nodes.size());
                m_nodes << check;
            }
        }
    }
    endResetModel();
}

const RequirementTreeModel::Node *RequirementTreeModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const auto n = qsizetype(index.internalId());
    return n < m_nodes.size() ? &m_nodes.at(n) : nullptr;
}

QModelIndex RequirementTreeModel::indexOfNode(int node, int column) const
{
    return createIndex(m_nodes.at(node).row, column, quintptr(node));
}

const RequirementDef *RequirementTreeModel::requirementAt(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    if (!node || node->kind == Kind::Section || !m_template)
        return nullptr;
    return &m_template->requirements.at(node->requirement);
}

const CheckDef *RequirementTreeModel::checkAt(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node && node->kind == Kind::Check ? node->check : nullptr;
}

QModelIndex RequirementTreeModel::findItem(const QString &id) const
{
    for (Kind kind : {Kind::Requirement, Kind::Check}) {
        for (int n = 0; n < m_nodes.size(); ++n) {
            if (m_nodes.at(n).kind == kind && m_nodes.at(n).id == id)
                return indexOfNode(n, Id);
        }
    }
    return {};
}

QModelIndex RequirementTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_sections.size() ? indexOfNode(m_sections.at(row), column) : QModelIndex();
    const Node *p = nodeOf(parent);
    if (!p || parent.column() != 0 || row >= p->children.size())
        return {};
    return indexOfNode(p->children.at(row), column);
}

QModelIndex RequirementTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    if (!node || node->parent < 0)
        return {};
    return indexOfNode(node->parent, 0);
}

int RequirementTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_sections.size());
    const Node *node = nodeOf(parent);
    return node && parent.column() == 0 ? int(node->children.size()) : 0;
}

int RequirementTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant RequirementTreeModel::display(const Node &node, int column) const
{
    switch (node.kind) {
    case Kind::Section: {
        const auto [number, title] = splitSection(node.id);
        if (column == Id)
            return number;
        if (column == Title)
            return title.isEmpty() ? node.id : title;
        return node.children.size() == 1 ? tr("1 requirement") : tr("%1 requirements").arg(node.children.size());
    }
    case Kind::Requirement: {
        const RequirementDef &req = m_template->requirements.at(node.requirement);
        if (column == Id)
            return req.id;
        if (column == Title)
            return req.title;
        if (req.checks.isEmpty())
            return tr("manual");
        // The most severe of its checks: what a failure of the requirement can weigh at most.
        std::optional<triad::Severity> worst;
        for (int c : node.children) {
            if (const CheckDef *check = m_nodes.at(c).check; check && (!worst || check->severity > *worst))
                worst = check->severity;
        }
        return worst ? toString(*worst) : QString();
    }
    case Kind::Check:
        if (column == Id)
            return node.id;
        if (column == Title)
            return node.check ? node.check->title : tr("(not in the catalog)");
        return node.check ? toString(node.check->severity) : QString();
    }
    return {};
}

QVariant RequirementTreeModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(*node, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Id && node->kind != Kind::Section)
            return node->id;
        if (node->kind == Kind::Requirement && !m_template->requirements.at(node->requirement).mappingNote.isEmpty())
            return m_template->requirements.at(node->requirement).mappingNote;
        return {};
    case Qt::FontRole:
        if (node->kind == Kind::Section) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (node->kind == Kind::Requirement && index.column() == Severity
            && m_template->requirements.at(node->requirement).checks.isEmpty()) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case KindRole:
        return int(node->kind);
    case ItemIdRole:
        return node->id;
    case RequirementIdRole:
        return node->kind == Kind::Section ? QVariant() : QVariant(m_template->requirements.at(node->requirement).id);
    default:
        return {};
    }
}

QVariant RequirementTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Id");
    case Title:
        return tr("Title");
    case Severity:
        return tr("Severity");
    default:
        return {};
    }
}

RequirementFilterProxy::RequirementFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

void RequirementFilterProxy::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    // Qt 6.4 has no beginFilterChange(): invalidateFilter() after the change does the same here.
    m_text = trimmed;
    invalidateFilter();
}

bool RequirementFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QAbstractItemModel *model = sourceModel();
    for (int column : {RequirementTreeModel::Id, RequirementTreeModel::Title}) {
        const QString text = model->index(sourceRow, column, sourceParent).data().toString();
        if (text.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace triad
