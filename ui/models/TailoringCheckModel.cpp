#include "TailoringCheckModel.h"

#include "engine/Catalog.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QHash>
#include <QPalette>

namespace triad {

TailoringCheckModel::TailoringCheckModel(QObject *parent) : QAbstractTableModel(parent) {}

void TailoringCheckModel::setTemplate(const Catalog &catalog, const AssessmentTemplate &assessment)
{
    beginResetModel();
    m_rows.clear();
    QHash<QString, int> rowOfCheck;
    for (const RequirementDef &r : assessment.requirements) {
        for (const QString &id : r.checks) {
            if (const auto known = rowOfCheck.constFind(id); known != rowOfCheck.cend()) {
                m_rows[*known].requirements << r.id;
                continue;
            }
            Row row;
            row.id = id;
            row.requirements << r.id;
            if (const CheckDef *check = catalog.findCheck(id)) {
                row.title = check->title;
                row.severity = check->severity;
            }
            rowOfCheck.insert(id, int(m_rows.size()));
            m_rows << row;
        }
    }
    endResetModel();
}

void TailoringCheckModel::setTailoring(const QMap<QString, QString> &disabled, const QMap<QString, triad::Severity> &severities)
{
    beginResetModel();
    for (Row &row : m_rows) {
        row.disabled = disabled.contains(row.id);
        row.reason = disabled.value(row.id);
        row.severityOverride = severities.contains(row.id) ? std::optional(severities.value(row.id)) : std::nullopt;
    }
    endResetModel();
    emit choicesChanged();
}

QMap<QString, QString> TailoringCheckModel::disabledChecks() const
{
    QMap<QString, QString> map;
    for (const Row &row : m_rows) {
        if (row.disabled)
            map.insert(row.id, row.reason.trimmed());
    }
    return map;
}

QMap<QString, triad::Severity> TailoringCheckModel::severityOverrides() const
{
    QMap<QString, triad::Severity> map;
    for (const Row &row : m_rows) {
        if (row.severityOverride)
            map.insert(row.id, *row.severityOverride);
    }
    return map;
}

QStringList TailoringCheckModel::problems() const
{
    QStringList list;
    for (const Row &row : m_rows) {
        if (row.disabled && row.reason.trimmed().isEmpty())
            list << tr("disabling %1 needs a reason").arg(row.id);
    }
    return list;
}

const TailoringCheckModel::Row *TailoringCheckModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int TailoringCheckModel::rowOf(const QString &checkId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == checkId)
            return row;
    }
    return -1;
}

void TailoringCheckModel::rowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit choicesChanged();
}

void TailoringCheckModel::disableChecks(const QStringList &checkIds, const QString &reason)
{
    bool any = false;
    for (const QString &id : checkIds) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        m_rows[row].disabled = true;
        m_rows[row].reason = reason.trimmed();
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        any = true;
    }
    if (any)
        emit choicesChanged();
}

void TailoringCheckModel::setDisabled(const QString &checkId, bool disabled, const QString &reason)
{
    const int row = rowOf(checkId);
    if (row < 0)
        return;
    m_rows[row].disabled = disabled;
    if (!reason.isEmpty())
        m_rows[row].reason = reason.trimmed();
    rowChanged(row);
}

void TailoringCheckModel::setSeverityOverride(const QString &checkId, std::optional<triad::Severity> severity)
{
    const int row = rowOf(checkId);
    if (row < 0)
        return;
    // An override equal to the template's severity changes nothing: it is not kept.
    if (severity == m_rows.at(row).severity)
        severity.reset();
    m_rows[row].severityOverride = severity;
    rowChanged(row);
}

int TailoringCheckModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TailoringCheckModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TailoringCheckModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const bool missingReason = row.disabled && row.reason.trimmed().isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Check:
            return row.id;
        case Title:
            return row.title;
        case Requirements:
            return row.requirements.join(QStringLiteral(", "));
        case Severity:
            return toString(row.severity);
        case SeverityOverride:
            return row.severityOverride ? toString(*row.severityOverride) : QString();
        case Disabled:
            return QString();   // the check box says it
        case Reason:
            if (missingReason)
                return tr("A reason is required");
            return row.disabled ? row.reason : QString();
        default:
            return {};
        }
    case Qt::EditRole:
        if (index.column() == Reason)
            return row.reason;
        if (index.column() == SeverityOverride)
            return row.severityOverride ? toString(*row.severityOverride) : QString();
        return data(index, Qt::DisplayRole);
    case Qt::CheckStateRole:
        if (index.column() == Disabled)
            return row.disabled ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Reason && missingReason)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (row.disabled && index.column() <= Title)
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        return {};
    case Qt::FontRole:
        if ((row.disabled && index.column() == Check) || (index.column() == SeverityOverride && row.severityOverride)) {
            QFont font;
            font.setStrikeOut(index.column() == Check);
            font.setBold(index.column() == SeverityOverride);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Reason && row.disabled)
            return tr("Why this check does not apply: kept with the tailoring and shown in reports");
        if (index.column() == SeverityOverride)
            return tr("Severity used for this project's results; empty keeps the template's");
        return {};
    case CheckIdRole:
        return row.id;
    default:
        return {};
    }
}

bool TailoringCheckModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row &row = m_rows[index.row()];
    if (index.column() == Disabled && role == Qt::CheckStateRole) {
        row.disabled = Qt::CheckState(value.toInt()) == Qt::Checked;
        rowChanged(index.row());
        return true;
    }
    if (role != Qt::EditRole)
        return false;
    if (index.column() == Reason) {
        row.reason = value.toString();
        // Giving a reason is how a user says the check is off: disable it with the reason.
        if (!row.reason.trimmed().isEmpty())
            row.disabled = true;
        rowChanged(index.row());
        return true;
    }
    if (index.column() == SeverityOverride) {
        const QString text = value.toString().trimmed();
        if (text.isEmpty()) {
            setSeverityOverride(row.id, std::nullopt);
            return true;
        }
        const auto severity = severityFromString(text);
        if (!severity)
            return false;
        setSeverityOverride(row.id, severity);
        return true;
    }
    return false;
}

Qt::ItemFlags TailoringCheckModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return f;
    if (index.column() == Disabled)
        f |= Qt::ItemIsUserCheckable;
    if (index.column() == Reason || index.column() == SeverityOverride)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant TailoringCheckModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Check:
        return tr("Check");
    case Title:
        return tr("Title");
    case Requirements:
        return tr("Requirements");
    case Severity:
        return tr("Severity");
    case SeverityOverride:
        return tr("Tailored severity");
    case Disabled:
        return tr("Disabled");
    case Reason:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace triad
