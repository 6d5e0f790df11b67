#pragma once

#include "common/Result.h"
#include "common/SecretBytes.h"

#include <memory>

namespace triad {

class CredentialVault;
class ProjectDatabase;

/// Secrets for triad-cli: read from standard input (one line each, no echo on a terminal) or,
/// for the vault passphrase, from $TRIAD_VAULT_PASSPHRASE. Never from the command line, where
/// every user of the machine could read them in the process list.
namespace SecretInput {

/// Reads one line of standard input (without its line end). On a terminal, prints `prompt` to
/// standard error and turns echo off. Reads byte by byte, so that the next line stays for the
/// next call.
Result<SecretBytes> readLine(const QString &prompt);

/// $TRIAD_VAULT_PASSPHRASE (then removed from the environment), else a prompt on the terminal.
/// `confirm`: ask twice on a terminal (a new vault).
Result<SecretBytes> vaultPassphrase(const QString &projectPath, bool confirm);

/// A new vault passphrase: $TRIAD_NEW_VAULT_PASSPHRASE (then removed from the environment), else
/// asked twice on the terminal, else one line of standard input.
Result<SecretBytes> newVaultPassphrase(const QString &projectPath);

/// Unlocks the vault of `db` with vaultPassphrase(); creates the vault when `create` is set and
/// the project has none.
Result<std::shared_ptr<CredentialVault>> unlockVault(ProjectDatabase &db, const QString &projectPath,
                                                     bool create);

} // namespace SecretInput

} // namespace triad
