#pragma once

#include "common/SecretBytes.h"

#include <QDialog>

#include <functional>
#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace triad {

class CredentialVault;

/// Asks for the passphrase of a project's credential vault and unlocks it on a worker thread
/// (the key derivation is deliberately slow). A wrong passphrase is shown in the dialog, which
/// stays open. The passphrase lives only in the line edit and a SecretBytes, never in a log.
class VaultUnlockDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VaultUnlockDialog)
public:
    explicit VaultUnlockDialog(QString projectPath, QWidget *parent = nullptr);

    [[nodiscard]] std::shared_ptr<const CredentialVault> vault() const { return m_vault; }
    /// Unlocks with `passphrase` as if typed and confirmed (also what the Unlock button does).
    void unlockWith(const SecretBytes &passphrase);

signals:
    /// The unlock attempt ended: `error` is empty when the vault is open.
    void attemptFinished(const QString &error);

private:
    QString m_projectPath;
    std::shared_ptr<const CredentialVault> m_vault;
    QLineEdit *m_passphrase = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

/// The seam the Assessments page asks through. Another page (Assets) may install its own unlock
/// dialog with setProvider(); tests give the next passphrase instead of typing it.
namespace VaultPrompt {
using Unlocked = std::function<void(std::shared_ptr<const CredentialVault>)>;
/// `error` is empty when the user cancelled.
using NotUnlocked = std::function<void(const QString &error)>;
using Provider = std::function<void(QWidget *parent, const QString &projectPath, Unlocked, NotUnlocked)>;

void ask(QWidget *parent, const QString &projectPath, Unlocked unlocked, NotUnlocked notUnlocked);
void setProvider(Provider provider);
/// The next ask() unlocks with this passphrase without showing the dialog; a wrong one is
/// reported through NotUnlocked with the vault's error.
void setNextPassphrase(const SecretBytes &passphrase);
} // namespace VaultPrompt

} // namespace triad
