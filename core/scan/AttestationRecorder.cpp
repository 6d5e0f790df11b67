#include "AttestationRecorder.h"

#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"

#include <QFile>
#include <QFileInfo>

namespace triad {

Result<const RequirementDef *> attestableRequirement(const Catalog &catalog, const QString &templateId,
                                                     const QString &requirementId)
{
    const AssessmentTemplate *t = catalog.assessment(templateId);
    if (!t)
        return makeError(Error::Code::NotFound,
                         QStringLiteral("no template '%1' (see 'templates list')").arg(templateId));
    for (const RequirementDef &r : t->requirements) {
        if (r.id != requirementId)
            continue;
        if (!r.manual)
            return makeError(Error::Code::InvalidInput,
                             QStringLiteral("requirement %1 is assessed by checks only; attestations are for "
                                            "requirements with a manual part")
                                 .arg(requirementId));
        return &r;
    }
    return makeError(Error::Code::NotFound,
                     QStringLiteral("template %1 has no requirement '%2'").arg(templateId, requirementId));
}

Result<QList<QPair<QString, QByteArray>>> readEvidenceFiles(const QStringList &paths)
{
    QList<QPair<QString, QByteArray>> files;
    for (const QString &path : paths) {
        QFile f(path);
        // A directory opens on some systems and reads as empty: it is not evidence.
        if (QFileInfo(path).isDir())
            return makeError(Error::Code::InvalidInput,
                             QStringLiteral("evidence must be a file, not a folder"), path);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(Error::Code::Io,
                             QStringLiteral("cannot read evidence file: %1").arg(f.errorString()), path);
        if (f.size() > kMaxAttestationFileBytes)
            return makeError(Error::Code::InvalidInput, QStringLiteral("evidence file is larger than 64 MB"),
                             path);
        QByteArray content = f.readAll();
        if (f.error() != QFileDevice::NoError)
            return makeError(Error::Code::Io,
                             QStringLiteral("cannot read evidence file: %1").arg(f.errorString()), path);
        files << qMakePair(QFileInfo(path).fileName(), std::move(content));
    }
    return files;
}

Result<qint64> recordAttestation(ProjectDatabase &db, const Catalog &catalog, const Attestation &attestation,
                                 const QStringList &evidencePaths)
{
    if (auto requirement = attestableRequirement(catalog, attestation.templateId, attestation.requirementId);
        !requirement)
        return requirement.error();
    auto files = readEvidenceFiles(evidencePaths);
    if (!files)
        return files.error();
    return db.addAttestation(attestation, *files);
}

} // namespace triad
