#pragma once

#include "common/Result.h"
#include "common/SecretBytes.h"
#include "vault/SealedBox.h"

#include <QFuture>
#include <QString>

namespace triad {

/// What the New Project wizard (and "Scan this computer") asks core to create.
struct NewProjectSpec {
    QString path;
    QString name;
    QString customer;
    /// Empty: no credential vault yet (one is made the first time a password is stored).
    SecretBytes vaultPassphrase;
    /// The cost of the vault's key derivation: the default everywhere but in tests.
    SealedBox::KdfCost vaultCost;
    /// Adds this computer as asset "localhost" on the local transport (no credentials needed).
    bool addThisComputer = false;
};

/// The name the GUI records in the project's audit log: $TRIAD_OPERATOR, else the login name
/// (the same rule as triad-cli).
QString guiOperatorName();

/// Creates the project file on a pool thread with its own database connection, the way
/// `triad-cli project init` and `assets add localhost --transport local` do, and seals a new vault
/// with the passphrase when one is given. Refuses an existing file. On any failure after the file
/// was made, the half-made file is removed so that the user can simply try again.
/// Resolves to the absolute path of the new project.
QFuture<Result<QString>> createProject(NewProjectSpec spec);

/// Runs createProject's work on the calling thread (it owns the connection it opens).
Result<QString> createProjectNow(const NewProjectSpec &spec);

/// The name for a new project file in `folder` from `stem` that does not exist yet:
/// "stem.triad", else "stem 2.triad", "stem 3.triad", …
QString unusedProjectPath(const QString &folder, const QString &stem);

} // namespace triad
