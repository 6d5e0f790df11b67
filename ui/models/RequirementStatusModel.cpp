#include "RequirementStatusModel.h"

#include "ui/Theme.h"

namespace triad {

RequirementStatusModel::RequirementStatusModel(QObject *parent) : QAbstractTableModel(parent) { }

void RequirementStatusModel::setRequirements(QList<RunRequirement> requirements)
{
    beginResetModel();
    m_requirements = std::move(requirements);
    endResetModel();
}

const RunRequirement *RequirementStatusModel::requirementAt(int row) const
{
    return row >= 0 && row < m_requirements.size() ? &m_requirements[row] : nullptr;
}

int RequirementStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_requirements.size());
}

int RequirementStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequirementStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunRequirement &r = m_requirements[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Id:
            return r.row.id;
        case Title:
            return r.row.title;
        case Met:
            return r.row.met ? tr("met") : tr("not met");
        case Status:
            return r.row.statusText;
        case Attestation:
            return r.row.attestation;
        case Section:
            return r.section;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Met || index.column() == Status) {
            if (r.row.met)
                return Theme::color(Theme::Tone::Good);
            if (r.row.status == QLatin1String("fail") || r.row.status == QLatin1String("error"))
                return Theme::color(Theme::Tone::Bad);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Title || index.column() == Status)
            return QString(r.row.title + QStringLiteral("\n") + r.row.statusText);
        return {};
    case RequirementIdRole:
        return r.row.id;
    case OutstandingRole:
        return r.row.manualPart == ManualPart::NotAttested;
    case ManualPartRole:
        return r.row.manualPart != ManualPart::None;
    default:
        return {};
    }
}

QVariant RequirementStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Id:
        return tr("Requirement");
    case Title:
        return tr("Title");
    case Met:
        return tr("Met");
    case Status:
        return tr("Status");
    case Attestation:
        return tr("Attestation");
    case Section:
        return tr("Section");
    case ColumnCount:
        break;
    }
    return {};
}

RequirementStatusFilter::RequirementStatusFilter(QObject *parent) : QSortFilterProxyModel(parent) { }

void RequirementStatusFilter::setOutstandingOnly(bool only)
{
    if (only == m_outstandingOnly)
        return;
    m_outstandingOnly = only;
    invalidateFilter();
}

bool RequirementStatusFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_outstandingOnly)
        return true;
    return sourceModel()
        ->index(sourceRow, 0, sourceParent)
        .data(RequirementStatusModel::OutstandingRole)
        .toBool();
}

} // namespace triad
