#pragma once

#include "common/Result.h"
#include "db/IssueTypes.h"
#include "model/TemplateModel.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace triad {

class Catalog;
class ProjectDatabase;

/// The largest evidence file an attestation takes: the project keeps a copy of each.
inline constexpr qint64 kMaxAttestationFileBytes = 64LL << 20;

/// The requirement `requirementId` of template `templateId`, if a person may attest it: it exists
/// and has a manual part (manual-only, or mixed: checks and a `manual:` block). A requirement with
/// checks only is refused: its checks decide it.
Result<const RequirementDef *> attestableRequirement(const Catalog &catalog, const QString &templateId,
                                                     const QString &requirementId);

/// Reads evidence files as (file name, content). Fails on the first file that cannot be read or
/// is larger than kMaxAttestationFileBytes, naming it; then nothing is returned.
Result<QList<QPair<QString, QByteArray>>> readEvidenceFiles(const QStringList &paths);

/// Records an attestation as `triad-cli attest` and the GUI's Record Attestation dialog do: checks
/// the requirement (attestableRequirement), reads every evidence file, then stores the attestation
/// with copies of the files and their SHA-256 in one transaction. Nothing is stored on any error.
Result<qint64> recordAttestation(ProjectDatabase &db, const Catalog &catalog, const Attestation &attestation,
                                 const QStringList &evidencePaths);

} // namespace triad
