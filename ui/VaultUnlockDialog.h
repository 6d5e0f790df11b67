#pragma once

#include "common/SecretBytes.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace triad {

/// Asks for the passphrase of the project's credential vault, or for a new one typed twice (the
/// project has no vault yet, or its passphrase is being changed). The passphrase leaves the
/// dialog once, as SecretBytes.
class VaultUnlockDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VaultUnlockDialog)
public:
    enum class Mode { Unlock, Create, Change };

    explicit VaultUnlockDialog(Mode mode, QWidget *parent = nullptr);
    ~VaultUnlockDialog() override;

    [[nodiscard]] SecretBytes passphrase() const;
    [[nodiscard]] bool isComplete() const;
    /// A new passphrase is asked for, typed twice (Create and Change).
    [[nodiscard]] bool creates() const { return m_create; }
    [[nodiscard]] Mode mode() const { return m_mode; }

    // For scripted tests.
    void setPassphrase(const QString &passphrase);
    void setConfirmation(const QString &passphrase);
    void clear();

private:
    void updateState();

    Mode m_mode = Mode::Unlock;
    bool m_create = false;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_confirm = nullptr;
    QLabel *m_hint = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

/// Shows the dialog without a nested event loop; tests script it (see WaiverPrompt).
namespace VaultPrompt {
using Script = std::function<bool(VaultUnlockDialog &)>;
/// `rejected` (optional) is called when the dialog is cancelled.
void ask(QWidget *parent, VaultUnlockDialog::Mode mode, std::function<void(const SecretBytes &)> accepted,
         std::function<void()> rejected = {});
void setNextScript(Script script);
} // namespace VaultPrompt

} // namespace triad
