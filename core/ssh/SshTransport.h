#pragma once

#include "collect/Transport.h"
#include "ssh/SshTypes.h"

#include <optional>

namespace triad {

/// Everything needed to reach one host over SSH.
struct SshTarget {
    SshEndpoint endpoint;
    SshCredentials credentials;
    HostKeyPolicy hostKeys;
    SshTimeouts timeouts;
    /// Reach the target through this host first (ProxyJump), with its own credentials and keys.
    std::optional<SshEndpoint> jump;
    SshCredentials jumpCredentials;
    HostKeyPolicy jumpHostKeys;
    /// Run the whole collection as root through `sudo -S` with this password (never on a
    /// command line). Empty: privileged collectors use `sudo -n` (DESIGN.md §5).
    SecretBytes sudoPassword;
};

/// Runs the collection script over one SSH session: one channel, `/bin/sh -s`, the script on
/// standard input, so a 200-check scan costs one round trip and no temporary file on the host.
class SshTransport final : public Transport {
public:
    explicit SshTransport(SshTarget target);
    [[nodiscard]] QString name() const override { return QStringLiteral("ssh"); }
    Result<CollectionBatch> collect(const QList<PlannedCollector> &collectors, const CollectOptions &options) override;

    /// The target's host key as seen by the last collect(), for pinning in the project.
    [[nodiscard]] const HostKeyInfo &seenHostKey() const { return m_seen; }

private:
    SshTarget m_target;
    HostKeyInfo m_seen;
};

} // namespace triad
