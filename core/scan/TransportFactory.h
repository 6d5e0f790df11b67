#pragma once

#include "collect/Transport.h"
#include "common/Result.h"
#include "db/ProjectTypes.h"
#include "ssh/SshTransport.h"

#include <memory>

namespace triad {

class CredentialVault;

struct TransportOptions {
    bool acceptNewHostKeys = false;     ///< pin a host key seen for the first time
    int connectTimeoutSeconds = 10;
    /// Resolves "vault:<name>" credential references (login and sudo passwords). Null: the vault
    /// is locked, and an asset that needs it fails with a message saying so.
    const CredentialVault *vault = nullptr;
};

/// The transport that reaches `asset`: local, or SSH with the asset's credentials reference
/// ("key:/path", "agent", "vault:<name>" = a password from the project's vault; empty = ssh-agent;
/// ~/.ssh/id_* keys are not tried implicitly; a key's passphrase comes from the vault when one is
/// stored for that key file), its sudo password reference and its pinned host key.
Result<std::unique_ptr<Transport>> makeTransport(const Asset &asset, const TransportOptions &options = {});

/// The SSH target that reaches `asset` (what makeTransport() hands to SshTransport): endpoint,
/// credentials resolved from the vault, pinned host key, jump host and sudo password. The
/// connection test (ConnectionTest.h) reaches a host exactly as a scan would through this.
Result<SshTarget> sshTargetFor(const Asset &asset, const TransportOptions &options = {});

/// The fingerprint to pin after a successful collection with `transport`, or an empty string.
QString hostKeyToPin(const Asset &asset, const Transport &transport);

} // namespace triad
