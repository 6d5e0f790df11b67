#pragma once

// A realistic project on a real SQLite file for the report tests, the page script and the
// benchmark: assets, several runs of a real template whose results fail, pass, get fixed and
// regress (with subjects), stored evidence, an active and an expired waiver, an unreachable
// asset and an attestation with a file.

#include "common/Result.h"

#include <QList>
#include <QString>

namespace triad {
class Catalog;
}

namespace triad::testing {

struct FixtureOptions {
    int assets = 4;
    int runs = 3;
    /// Host names, subjects and evidence carrying markup, control and bidi characters and a
    /// 10 000-character line.
    bool hostile = false;
    QString templateId = QStringLiteral("cis-linux");
};

struct FixtureProject {
    QString path;
    QList<qint64> runIds;
    QString activeWaiverCheck;
    QString expiredWaiverCheck;
    QString attestedRequirement;
    QString attestationFileSha256;
    QString unreachableAsset;
    QString subjectCheck;
};

/// The hostile text the `hostile` option puts into host names, subjects and evidence.
QString hostileName();
QString hostileEvidence();

Result<FixtureProject> buildFixtureProject(const QString &path, const Catalog &catalog, const FixtureOptions &options);

} // namespace triad::testing
