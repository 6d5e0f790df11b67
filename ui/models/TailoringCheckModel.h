#pragma once

#include "model/TemplateModel.h"

#include <QAbstractTableModel>
#include <QMap>

#include <optional>

namespace triad {

class Catalog;

/// The checks an assessment template runs, each with the tailoring's choices: disabled (with its
/// mandatory reason) and a severity override. A disabled check without a reason is shown as a
/// problem in its row and keeps the tailoring from being saved.
class TailoringCheckModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TailoringCheckModel)
public:
    enum Column { Check, Title, Requirements, Severity, SeverityOverride, Disabled, Reason, ColumnCount };
    enum Role { CheckIdRole = Qt::UserRole + 1 };

    struct Row {
        QString id;
        QString title;
        QStringList requirements;
        triad::Severity severity = triad::Severity::Medium;
        std::optional<triad::Severity> severityOverride;
        bool disabled = false;
        QString reason;
    };

    explicit TailoringCheckModel(QObject *parent = nullptr);

    /// The checks `assessment` maps, in the order its requirements name them; nothing tailored.
    void setTemplate(const Catalog &catalog, const AssessmentTemplate &assessment);
    /// The choices of a loaded tailoring; ids the template does not run are left out.
    void setTailoring(const QMap<QString, QString> &disabled, const QMap<QString, triad::Severity> &severities);

    [[nodiscard]] QMap<QString, QString> disabledChecks() const;
    [[nodiscard]] QMap<QString, triad::Severity> severityOverrides() const;
    /// "disabling x needs a reason", one per disabled check without one.
    [[nodiscard]] QStringList problems() const;
    [[nodiscard]] const Row *rowAt(int row) const;
    [[nodiscard]] int rowOf(const QString &checkId) const;

    /// Disables each of `checkIds` with `reason` (how a whole requirement is disabled).
    void disableChecks(const QStringList &checkIds, const QString &reason);
    void setDisabled(const QString &checkId, bool disabled, const QString &reason = {});
    void setSeverityOverride(const QString &checkId, std::optional<triad::Severity> severity);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    /// A check was disabled or enabled, its reason or its severity override changed.
    void choicesChanged();

private:
    void rowChanged(int row);

    QList<Row> m_rows;
};

} // namespace triad
