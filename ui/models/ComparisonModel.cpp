#include "ComparisonModel.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QPalette>

namespace triad {
namespace {

QString statusText(const std::optional<CheckStatus> &status)
{
    return status ? toString(*status) : QObject::tr("(absent)");
}

/// The same hues as the result and issue tables: red for what got worse, green for what got better.
QColor kindColor(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::New:
    case ChangeKind::Regressed:
        return QColor(0xc6, 0x28, 0x28);
    case ChangeKind::Fixed:
        return QColor(0x2e, 0x7d, 0x32);
    case ChangeKind::StillOpen:
        return QColor(0xef, 0x6c, 0x00);
    case ChangeKind::Evidence:
        return QColor(0x1f, 0x5f, 0xa8);
    }
    return {};
}

} // namespace

ComparisonModel::ComparisonModel(QObject *parent) : QAbstractTableModel(parent) { }

void ComparisonModel::setRows(QList<ComparisonRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void ComparisonModel::clear()
{
    setRows({});
}

const ComparisonRow *ComparisonModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int ComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ComparisonRow &r = m_rows.at(index.row());
    const bool evidence = r.kind == ChangeKind::Evidence;
    switch (role) {
    case KindRole:
        return int(r.kind);
    case SeverityRankRole:
        return evidence ? -1 : int(r.severity);
    case Qt::ForegroundRole:
        if (index.column() == Change) {
            // The hues are dark; on a dark base they are lightened to stay readable.
            const bool darkBase = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
            return QBrush(darkBase ? kindColor(r.kind).lighter(150) : kindColor(r.kind));
        }
        return {};
    case SortRole:
        switch (Column(index.column())) {
        case Change:
            return int(r.kind);
        case Severity:
            return evidence ? -1 : int(r.severity);
        default:
            break;
        }
        [[fallthrough]];
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case Change:
            return changeKindName(r.kind);
        case Severity:
            return evidence ? QString() : toString(r.severity);
        case Asset:
            return r.assetName;
        case Check:
            return evidence ? r.collectorKey : r.checkId;
        case Subject:
            return r.subject;
        case Before:
            return evidence ? r.evidenceBefore.value(0).sha256.left(12) : statusText(r.before);
        case After:
            return evidence ? r.evidenceAfter.value(0).sha256.left(12) : statusText(r.after);
        case Title:
            return r.title;
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Change:
        return tr("Change");
    case Severity:
        return tr("Severity");
    case Asset:
        return tr("Asset");
    case Check:
        return tr("Check / collector");
    case Subject:
        return tr("Subject");
    case Before:
        return tr("Before");
    case After:
        return tr("After");
    case Title:
        return tr("Title");
    case ColumnCount:
        break;
    }
    return {};
}

ComparisonFilterProxy::ComparisonFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ComparisonModel::SortRole);
}

void ComparisonFilterProxy::setKind(int kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateRowsFilter();
}

void ComparisonFilterProxy::setAsset(const QString &asset)
{
    if (asset == m_asset)
        return;
    m_asset = asset;
    invalidateRowsFilter();
}

void ComparisonFilterProxy::setMinimumSeverity(int severity)
{
    if (severity == m_minimumSeverity)
        return;
    m_minimumSeverity = severity;
    invalidateRowsFilter();
}

bool ComparisonFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_kind >= 0 && index.data(ComparisonModel::KindRole).toInt() != m_kind)
        return false;
    if (!m_asset.isEmpty()
        && sourceModel()->index(sourceRow, ComparisonModel::Asset, sourceParent).data().toString() != m_asset)
        return false;
    if (m_minimumSeverity >= 0 && index.data(ComparisonModel::SeverityRankRole).toInt() < m_minimumSeverity)
        return false;
    return true;
}

} // namespace triad
