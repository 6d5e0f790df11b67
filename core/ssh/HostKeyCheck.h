#pragma once

#include "common/Result.h"
#include "ssh/SshTypes.h"

struct ssh_session_struct;

namespace triad {

struct HostKeyVerdict {
    HostKeyInfo info;
    Error error;        ///< empty message = trusted
};

/// Verifies the key of a connected session (DESIGN.md §5): a pinned fingerprint must match
/// exactly (a change refuses, naming both fingerprints); without a pin, known_hosts decides; a
/// key seen for the first time is accepted only with policy.acceptNew.
HostKeyVerdict checkHostKey(ssh_session_struct *session, const HostKeyPolicy &policy);

/// "publickey, password" from libssh's SSH_AUTH_METHOD_* bits.
QString describeAuthMethods(int methods);

} // namespace triad
