#include "AttestationTableModel.h"

#include "ui/Theme.h"

#include <QBrush>
#include <QColor>

namespace triad {

AttestationTableModel::AttestationTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void AttestationTableModel::setAttestations(QList<Attestation> attestations)
{
    beginResetModel();
    m_attestations = std::move(attestations);
    endResetModel();
}

const Attestation *AttestationTableModel::attestationAt(int row) const
{
    return row >= 0 && row < m_attestations.size() ? &m_attestations.at(row) : nullptr;
}

int AttestationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_attestations.size());
}

int AttestationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttestationTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Attestation &a = m_attestations.at(index.row());
    if (role == AttestationIdRole)
        return a.id;
    if (role == Qt::ForegroundRole && index.column() == Verdict)
        return QBrush(Theme::color(a.status == CheckStatus::Pass ? Theme::Tone::Good : Theme::Tone::Bad));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Id:
        return a.id;
    case Template:
        return a.templateId;
    case Requirement:
        return a.requirementId;
    case Verdict:
        return toString(a.status);
    case Attester:
        return a.attester;
    case Attested:
        return a.attestedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case Statement:
        return a.statement;
    case Files: {
        QStringList files;
        for (const AttestationFile &f : a.files) {
            files << QStringLiteral("%1  sha256:%2").arg(f.fileName, f.sha256);
        }
        return files.join(role == Qt::ToolTipRole ? QStringLiteral("\n") : QStringLiteral(", "));
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AttestationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Id:
        return tr("Id");
    case Template:
        return tr("Template");
    case Requirement:
        return tr("Requirement");
    case Verdict:
        return tr("Verdict");
    case Attester:
        return tr("Attester");
    case Attested:
        return tr("Attested");
    case Statement:
        return tr("Statement");
    case Files:
        return tr("Files (SHA-256)");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace triad
