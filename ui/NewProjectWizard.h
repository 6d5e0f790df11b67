#pragma once

#include "vault/SealedBox.h"

#include <QWizard>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace triad {

/// New project: name and customer, file location (never overwriting a file), an optional
/// credential-vault passphrase with confirmation and a strength hint, and optionally this computer
/// as the first asset. Finish creates the project on a pool thread (createProject); the wizard
/// stays open until that succeeds and shows any error on its last page.
///
/// The fields are registered QWizard fields, so tests fill them with setField():
/// "name", "customer", "folder", "fileName", "useVault", "passphrase", "passphraseAgain",
/// "addThisComputer".
class NewProjectWizard final : public QWizard {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewProjectWizard)
public:
    enum PageId { DetailsPage, LocationPage, VaultPage, FirstAssetPage };

    explicit NewProjectWizard(QWidget *parent = nullptr);
    ~NewProjectWizard() override;

    /// The project file the fields describe now.
    [[nodiscard]] QString projectPath() const;
    /// Whether a creation is running (the buttons are disabled meanwhile).
    [[nodiscard]] bool isCreating() const { return m_creating; }
    /// The error of the last attempt, as shown on the last page; empty when none.
    [[nodiscard]] QString errorText() const;
    /// For tests only: a cheaper vault key derivation.
    void setVaultCost(const SealedBox::KdfCost &cost) { m_vaultCost = cost; }

    /// Starts creating the project instead of closing; closes once it exists.
    void accept() override;

signals:
    /// The project exists at `path` (absolute); the wizard closes right after.
    void projectCreated(const QString &path);

private:
    void setCreating(bool creating);

    SealedBox::KdfCost m_vaultCost;
    bool m_creating = false;
    QLabel *m_status = nullptr;
};

/// Shows the wizard without a nested event loop and reports the created project. Tests script the
/// next wizard instead (fill the fields, return whether to press Finish), as WaiverPrompt does.
namespace NewProjectPrompt {
using Script = std::function<bool(NewProjectWizard &)>;
/// Returns the wizard (deleted when closed), so a caller can watch it.
NewProjectWizard *ask(QWidget *parent, std::function<void(const QString &path)> created);
void setNextScript(Script script);
} // namespace NewProjectPrompt

} // namespace triad
