#include "TemplateListModel.h"

#include "engine/Catalog.h"

#include <QSet>

namespace triad {

TemplateListModel::TemplateListModel(QObject *parent) : QAbstractTableModel(parent) {}

void TemplateListModel::setCatalog(std::shared_ptr<const Catalog> catalog)
{
    beginResetModel();
    m_rows.clear();
    if (catalog) {
        for (const AssessmentTemplate &t : catalog->assessments()) {
            Row row{t.id, t.title, t.version, t.frameworkName + QLatin1Char(' ') + t.frameworkVersion, 0, 0, 0};
            QSet<QString> checks;
            for (const RequirementDef &r : t.requirements) {
                ++row.requirements;
                row.manual += r.checks.isEmpty() ? 1 : 0;
                for (const QString &c : r.checks)
                    checks.insert(c);
            }
            row.checks = int(checks.size());
            m_rows << row;
        }
    }
    endResetModel();
}

QString TemplateListModel::templateIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

int TemplateListModel::rowOf(const QString &templateId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == templateId)
            return row;
    }
    return -1;
}

int TemplateListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TemplateListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TemplateListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == TemplateIdRole)
        return row.id;
    if (role == Qt::ToolTipRole)
        return row.framework;
    if (role == Qt::TextAlignmentRole && index.column() >= Requirements)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Id:
        return row.id;
    case Title:
        return row.title;
    case Version:
        return row.version;
    case Requirements:
        return row.requirements;
    case Checks:
        return row.checks;
    case Manual:
        return row.manual;
    default:
        return {};
    }
}

QVariant TemplateListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Template");
    case Title:
        return tr("Title");
    case Version:
        return tr("Version");
    case Requirements:
        return tr("Requirements");
    case Checks:
        return tr("Checks");
    case Manual:
        return tr("Manual");
    default:
        return {};
    }
}

} // namespace triad
