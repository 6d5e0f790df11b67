#include "ResultTableModel.h"

#include "ui/Theme.h"

#include <QBrush>
#include <QColor>

namespace triad {
namespace {

QColor statusColor(CheckStatus status)
{
    switch (status) {
    // Shades from the theme: readable on light and on dark backgrounds.
    case CheckStatus::Pass: return Theme::color(Theme::Tone::Good);
    case CheckStatus::Fail: return Theme::color(Theme::Tone::Bad);
    case CheckStatus::Error: return Theme::color(Theme::Tone::Warning);
    case CheckStatus::Waived: return Theme::color(Theme::Tone::Waived);
    case CheckStatus::NotApplicable:
    case CheckStatus::Manual: return Theme::color(Theme::Tone::Muted);
    }
    return {};
}

} // namespace

ResultTableModel::ResultTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ResultTableModel::setResults(QList<StoredResult> results)
{
    beginResetModel();
    m_results = std::move(results);
    endResetModel();
}

const StoredResult *ResultTableModel::resultAt(int row) const
{
    return row >= 0 && row < m_results.size() ? &m_results.at(row) : nullptr;
}

int ResultTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int ResultTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StoredResult &r = m_results.at(index.row());
    switch (role) {
    case StatusRole: return int(r.result.status);
    case SeverityRankRole: return int(r.severity);
    case ResultIdRole: return r.id;
    case Qt::ForegroundRole:
        return index.column() == Status ? QVariant(QBrush(statusColor(r.result.status))) : QVariant();
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case Status: return toString(r.result.status);
        case Severity: return toString(r.severity);
        case Asset: return r.assetName;
        case Check: return r.result.checkId;
        case Title: return r.title;
        case Subject: return r.result.subject;
        case Requirements: return r.requirementIds.join(QStringLiteral(", "));
        case ColumnCount: break;
        }
        break;
    default: break;
    }
    return {};
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Status: return tr("Status");
    case Severity: return tr("Severity");
    case Asset: return tr("Asset");
    case Check: return tr("Check");
    case Title: return tr("Title");
    case Subject: return tr("Subject");
    case Requirements: return tr("Requirements");
    case ColumnCount: break;
    }
    return {};
}

ResultFilterProxy::ResultFilterProxy(QObject *parent) : QSortFilterProxyModel(parent) {}

void ResultFilterProxy::setStatusFilter(int status)
{
    m_status = status;
    invalidateFilter();
}

void ResultFilterProxy::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool ResultFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (m_status >= 0 && model->index(sourceRow, 0, sourceParent).data(ResultTableModel::StatusRole).toInt() != m_status)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column : {ResultTableModel::Asset, ResultTableModel::Check, ResultTableModel::Title, ResultTableModel::Subject,
                       ResultTableModel::Requirements}) {
        if (model->index(sourceRow, column, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool ResultFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == ResultTableModel::Severity)
        return left.data(ResultTableModel::SeverityRankRole).toInt() < right.data(ResultTableModel::SeverityRankRole).toInt();
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace triad
