#pragma once

#include "db/IssueTypes.h"

#include <QAbstractTableModel>

namespace triad {

/// The attestation register: manual requirements' verdicts by a person, with their files' SHA-256.
class AttestationTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttestationTableModel)
public:
    enum Column { Id, Template, Requirement, Verdict, Attester, Attested, Statement, Files, ColumnCount };
    enum Role { AttestationIdRole = Qt::UserRole + 1 };

    explicit AttestationTableModel(QObject *parent = nullptr);

    void setAttestations(QList<Attestation> attestations);
    [[nodiscard]] const Attestation *attestationAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Attestation> m_attestations;
};

} // namespace triad
