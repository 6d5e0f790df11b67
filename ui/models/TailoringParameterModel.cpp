#include "TailoringParameterModel.h"

#include "engine/Catalog.h"
#include "engine/Parameters.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QMap>
#include <QPalette>

#include <algorithm>

namespace triad {
namespace {

/// The text a user typed, as the value a tailoring file would hold.
QVariant valueFromText(const ParameterDef &def, const QString &text)
{
    if (def.type == ParameterDef::Type::List) {
        QStringList items;
        for (const QString &item : text.split(QLatin1Char(','))) {
            if (!item.trimmed().isEmpty())
                items << item.trimmed();
        }
        return items;
    }
    return text.trimmed();
}

} // namespace

TailoringParameterModel::TailoringParameterModel(QObject *parent) : QAbstractTableModel(parent) {}

QString TailoringParameterModel::textOf(const ParameterDef &def, const QVariant &value)
{
    if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(QStringLiteral(", "));
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    Q_UNUSED(def)
    return value.toString();
}

QString TailoringParameterModel::typeName(ParameterDef::Type type)
{
    switch (type) {
    case ParameterDef::Type::Int:
        return tr("whole number");
    case ParameterDef::Type::String:
        return tr("text");
    case ParameterDef::Type::Bool:
        return tr("true/false");
    case ParameterDef::Type::Path:
        return tr("absolute path");
    case ParameterDef::Type::Mode:
        return tr("octal mode");
    case ParameterDef::Type::List:
        return tr("list");
    }
    return {};
}

QString TailoringParameterModel::boundsText(const ParameterDef &def)
{
    if (def.min && def.max)
        return tr("%1 to %2").arg(*def.min).arg(*def.max);
    if (def.min)
        return tr("at least %1").arg(*def.min);
    if (def.max)
        return tr("at most %1").arg(*def.max);
    if (!def.allowed.isEmpty())
        return tr("one of: %1").arg(def.allowed.join(QStringLiteral(", ")));
    if (def.type == ParameterDef::Type::Mode)
        return tr("0000 to 7777");
    if (def.type == ParameterDef::Type::List)
        return tr("comma-separated");
    return {};
}

void TailoringParameterModel::setTemplate(const Catalog &catalog, const AssessmentTemplate &assessment)
{
    beginResetModel();
    m_rows.clear();
    QMap<QString, ParameterDef> definitions;     // by name, sorted
    for (const QString &use : assessment.uses) {
        if (const CheckLibrary *library = catalog.library(use)) {
            for (const ParameterDef &def : library->parameters)
                definitions.insert(def.name, def);
        }
    }
    for (const ParameterDef &def : std::as_const(definitions)) {
        Row row;
        row.def = def;
        QVariant value = assessment.defaults.contains(def.name) ? assessment.defaults.value(def.name) : def.defaultValue;
        if (auto typed = Parameters::coerce(def, value))
            value = *typed;
        row.defaultText = textOf(def, value);
        m_rows << row;
    }
    endResetModel();
}

void TailoringParameterModel::setText(Row &row, std::optional<QString> text)
{
    // Typing the default back is no tailoring: the file stays free of values that change nothing.
    if (text && (text->trimmed().isEmpty() || text->trimmed() == row.defaultText))
        text.reset();
    row.text = std::move(text);
    row.typed = {};
    row.problem.clear();
    if (!row.text)
        return;
    auto typed = Parameters::coerce(row.def, valueFromText(row.def, *row.text));
    if (typed) {
        row.typed = *typed;
        // "5, 6" and "5,6" are the same list: compare what they mean, not how they were typed.
        if (textOf(row.def, *typed) == row.defaultText) {
            row.text.reset();
            row.typed = {};
        }
    } else {
        row.problem = typed.error().message;
    }
}

void TailoringParameterModel::setValues(const QVariantMap &values)
{
    beginResetModel();
    for (Row &row : m_rows) {
        const auto it = values.constFind(row.def.name);
        setText(row, it == values.cend() ? std::nullopt : std::optional<QString>(textOf(row.def, *it)));
    }
    endResetModel();
    emit valuesChanged();
}

QVariantMap TailoringParameterModel::values() const
{
    QVariantMap map;
    for (const Row &row : m_rows) {
        if (row.text && row.problem.isEmpty())
            map.insert(row.def.name, row.typed);
    }
    return map;
}

QStringList TailoringParameterModel::problems() const
{
    QStringList list;
    for (const Row &row : m_rows) {
        if (!row.problem.isEmpty())
            list << row.problem;
    }
    return list;
}

int TailoringParameterModel::changedCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.text.has_value(); }));
}

const TailoringParameterModel::Row *TailoringParameterModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int TailoringParameterModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).def.name == name)
            return row;
    }
    return -1;
}

void TailoringParameterModel::reset(int row)
{
    if (row < 0 || row >= m_rows.size() || !m_rows.at(row).text)
        return;
    setText(m_rows[row], std::nullopt);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit valuesChanged();
}

int TailoringParameterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TailoringParameterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TailoringParameterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return row.def.name;
        case Type:
            return typeName(row.def.type);
        case Bounds:
            return boundsText(row.def);
        case Default:
            return row.defaultText;
        case Value:
            return row.text ? *row.text : row.defaultText;
        case Problem: {
            // The row names the parameter already: "12 is above the maximum 10" is enough here.
            const QString prefix = QStringLiteral("parameter %1: ").arg(row.def.name);
            return row.problem.startsWith(prefix) ? row.problem.mid(prefix.size()) : row.problem;
        }
        default:
            return {};
        }
    case Qt::EditRole:
        return index.column() == Value ? QVariant(row.text ? *row.text : row.defaultText) : data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        if (index.column() == Problem && !row.problem.isEmpty())
            return row.problem;
        return row.def.description;
    case Qt::FontRole:
        if (index.column() == Value && row.text) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        // A value left at its default is shown muted: the eye finds the tailored ones.
        if (index.column() == Value && !row.text)
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        if (index.column() == Problem)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        return {};
    case ParameterNameRole:
        return row.def.name;
    case OverriddenRole:
        return row.text.has_value();
    default:
        return {};
    }
}

bool TailoringParameterModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != Value
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row &row = m_rows[index.row()];
    const std::optional<QString> before = row.text;
    setText(row, value.toString());
    if (row.text == before)
        return true;
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    emit valuesChanged();
    return true;
}

Qt::ItemFlags TailoringParameterModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Value)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant TailoringParameterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Parameter");
    case Type:
        return tr("Type");
    case Bounds:
        return tr("Allowed");
    case Default:
        return tr("Default");
    case Value:
        return tr("Value");
    case Problem:
        return tr("Problem");
    default:
        return {};
    }
}

} // namespace triad
