#pragma once

#include "model/TemplateModel.h"

#include <QAbstractTableModel>

#include <optional>

namespace triad {

class Catalog;

/// The parameters an assessment template can be tailored with (those of the check libraries it
/// uses), their type, bounds and default (the library's, or the template's where it sets one),
/// and the value a tailoring gives them. Values are kept as the user typed them, so that one out
/// of bounds stays visible with its problem next to it instead of being silently corrected.
class TailoringParameterModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TailoringParameterModel)
public:
    enum Column { Name, Type, Bounds, Value, Problem, Default, ColumnCount };
    enum Role {
        ParameterNameRole = Qt::UserRole + 1,
        OverriddenRole,     ///< bool: the tailoring sets this parameter
    };

    struct Row {
        ParameterDef def;
        QString defaultText;
        std::optional<QString> text;  ///< the tailored value as typed; nullopt = the default
        QVariant typed;               ///< `text` coerced to the parameter's type when valid
        QString problem;              ///< why `text` is not valid; empty when it is
    };

    explicit TailoringParameterModel(QObject *parent = nullptr);

    /// The parameters of `assessment`, none tailored. A name several libraries declare is one
    /// parameter (the last library's definition wins, as in the Planner).
    void setTemplate(const Catalog &catalog, const AssessmentTemplate &assessment);
    /// Tailors the named parameters (values as a loaded tailoring holds them); others return to
    /// their default. Names the template does not have are left out (validateTailoring names them).
    void setValues(const QVariantMap &values);
    /// The valid tailored values, typed as TailoringLoader would read them.
    [[nodiscard]] QVariantMap values() const;
    /// "parameter x: 12 is above the maximum 10", one per invalid value.
    [[nodiscard]] QStringList problems() const;
    [[nodiscard]] int changedCount() const;
    [[nodiscard]] const Row *rowAt(int row) const;
    [[nodiscard]] int rowOf(const QString &name) const;
    /// Back to the default.
    void reset(int row);

    /// How a value is shown and typed: lists as "a, b, c", bools as true/false.
    static QString textOf(const ParameterDef &def, const QVariant &value);
    static QString typeName(ParameterDef::Type type);
    static QString boundsText(const ParameterDef &def);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    /// A tailored value was set, changed or reset.
    void valuesChanged();

private:
    void setText(Row &row, std::optional<QString> text);

    QList<Row> m_rows;
};

} // namespace triad
