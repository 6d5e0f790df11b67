#pragma once

#include "ssh/SshTypes.h"

#include <QDialog>

#include <functional>

namespace triad {

/// Shows the SHA-256 fingerprint of a host key seen for the first time and asks whether to trust
/// it. "Cancel" is the default: trusting is a decision, never the result of pressing Enter.
class HostKeyDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostKeyDialog)
public:
    /// `where`: "user@host:port" as the user knows the asset.
    HostKeyDialog(const QString &assetName, const QString &where, const HostKeyInfo &key, QWidget *parent = nullptr);

    [[nodiscard]] QString fingerprint() const { return m_key.sha256; }
    /// The text the dialog shows (for tests: host and fingerprint are on it, escaped).
    [[nodiscard]] QString shownText() const;

private:
    HostKeyInfo m_key;
    QString m_text;
};

/// Asks without a nested event loop; `decided(true)` when the user trusts the key. Tests script
/// the next dialog: the script returns the user's answer.
namespace HostKeyPrompt {
using Script = std::function<bool(HostKeyDialog &)>;
void ask(QWidget *parent, const QString &assetName, const QString &where, const HostKeyInfo &key,
         std::function<void(bool trusted)> decided);
void setNextScript(Script script);
} // namespace HostKeyPrompt

} // namespace triad
