#include "TailoringDelegates.h"

#include "model/Enums.h"
#include "models/TailoringParameterModel.h"

#include <QComboBox>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSpinBox>

#include <algorithm>
#include <limits>

namespace triad {
namespace {

const ParameterDef *definitionOf(const QModelIndex &index)
{
    const auto *model = qobject_cast<const TailoringParameterModel *>(index.model());
    const auto *row = model ? model->rowAt(index.row()) : nullptr;
    return row ? &row->def : nullptr;
}

} // namespace

QWidget *ParameterValueDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                              const QModelIndex &index) const
{
    const ParameterDef *def = definitionOf(index);
    if (!def)
        return QStyledItemDelegate::createEditor(parent, option, index);
    switch (def->type) {
    case ParameterDef::Type::Int: {
        auto *spin = new QSpinBox(parent);
        // QSpinBox holds an int; the templates' bounds are far inside that range.
        const auto clamp = [](qint64 v) {
            return int(std::clamp<qint64>(v, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
        };
        spin->setRange(def->min ? clamp(*def->min) : std::numeric_limits<int>::min(),
                       def->max ? clamp(*def->max) : std::numeric_limits<int>::max());
        return spin;
    }
    case ParameterDef::Type::Bool: {
        auto *combo = new QComboBox(parent);
        combo->addItems({QStringLiteral("true"), QStringLiteral("false")});
        return combo;
    }
    case ParameterDef::Type::String:
        if (!def->allowed.isEmpty()) {
            auto *combo = new QComboBox(parent);
            combo->addItems(def->allowed);
            return combo;
        }
        break;
    case ParameterDef::Type::Mode: {
        auto *line = new QLineEdit(parent);
        line->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-7]{0,4}")), line));
        line->setPlaceholderText(QStringLiteral("0644"));
        return line;
    }
    case ParameterDef::Type::Path:
    case ParameterDef::Type::List:
        break;
    }
    auto *line = new QLineEdit(parent);
    if (def->type == ParameterDef::Type::List)
        line->setPlaceholderText(tr("values separated by commas"));
    else if (def->type == ParameterDef::Type::Path)
        line->setPlaceholderText(tr("an absolute path"));
    return line;
}

void ParameterValueDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QString text = index.data(Qt::EditRole).toString();
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        bool ok = false;
        const int value = text.toInt(&ok);
        spin->setValue(ok ? value : spin->minimum());
    } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(qMax(0, combo->findText(text)));
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setText(text);
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void ParameterValueDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->interpretText();
        model->setData(index, QString::number(spin->value()));
    } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentText());
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        model->setData(index, line->text());
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
}

QWidget *SeverityOverrideDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    combo->addItem(tr("(as the template)"), QString());
    for (Severity s : {Severity::Info, Severity::Low, Severity::Medium, Severity::High, Severity::Critical})
        combo->addItem(toString(s), toString(s));
    return combo;
}

void SeverityOverrideDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentIndex(qMax(0, combo->findData(index.data(Qt::EditRole).toString())));
}

void SeverityOverrideDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        model->setData(index, combo->currentData().toString());
}

} // namespace triad
