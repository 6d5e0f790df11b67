#pragma once

#include "ui/RequirementQueries.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace triad {

/// The requirements of one run with their status in words: met, failed, "Checks pass · manual
/// evidence outstanding", attested.
class RequirementStatusModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequirementStatusModel)
public:
    enum Column { Id, Title, Met, Status, Attestation, Section, ColumnCount };
    enum Role {
        RequirementIdRole = Qt::UserRole + 1,
        OutstandingRole, ///< bool: manual evidence not attested yet
        ManualPartRole, ///< bool: the requirement has a manual part (a person can attest it)
    };

    explicit RequirementStatusModel(QObject *parent = nullptr);

    void setRequirements(QList<RunRequirement> requirements);
    [[nodiscard]] const RunRequirement *requirementAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<RunRequirement> m_requirements;
};

/// Shows every requirement, or only those whose manual evidence is outstanding.
class RequirementStatusFilter final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequirementStatusFilter)
public:
    explicit RequirementStatusFilter(QObject *parent = nullptr);
    void setOutstandingOnly(bool only);
    [[nodiscard]] bool outstandingOnly() const { return m_outstandingOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_outstandingOnly = false;
};

} // namespace triad
