#pragma once

#include <QStyledItemDelegate>

namespace triad {

/// Edits a parameter value with the editor its type calls for: a spin box bounded by min/max for
/// whole numbers, a choice for true/false and for texts with allowed values, an octal-only line for
/// modes, a line edit otherwise. The model still checks what arrives (a loaded file can hold
/// anything); the editor just keeps a user from typing what cannot be valid.
class ParameterValueDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ParameterValueDelegate)
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

/// Chooses a severity override: empty (the template's) or one of the five severities.
class SeverityOverrideDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SeverityOverrideDelegate)
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace triad
