#pragma once

#include "db/ProjectTypes.h"
#include "vault/AssetSecrets.h"

#include <QDialog>
#include <QHash>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace triad {

/// Adds or edits one asset: where it is, how to log in, whether to use sudo. Secrets typed here
/// are handed out once by secrets() for sealing into the project's vault; the dialog never keeps
/// or shows a stored secret (a stored one is only named: "leave empty to keep").
class AssetDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssetDialog)
public:
    /// A password serves both the "password" and the "keyboard-interactive" methods: the SSH
    /// session tries whichever the server offers (SshSession::authenticate).
    enum class Auth { Agent, KeyFile, Password };
    enum class Sudo { None, Passwordless, Password };

    /// `asset.id` == 0: a new asset. `takenNames`: names of the project's other assets.
    /// `credentialKinds`: names and kinds of the vault's entries (not their values).
    AssetDialog(const Asset &asset, const QStringList &takenNames, const QHash<QString, QString> &credentialKinds,
                QWidget *parent = nullptr);
    ~AssetDialog() override;

    /// The asset as entered; its secret references point at what is stored, or are set by
    /// storeAssetSecrets() for the new secrets.
    [[nodiscard]] Asset asset() const;
    /// The secrets typed in (only the ones the chosen settings use).
    [[nodiscard]] AssetSecrets secrets() const;
    /// What is missing or wrong, one sentence each; empty when the asset can be saved.
    [[nodiscard]] QStringList problems() const;
    [[nodiscard]] bool isComplete() const { return problems().isEmpty(); }

    // For scripted tests and the screenshots: the fields, by role.
    void setName(const QString &name);
    void setTransport(const QString &transport);
    void setHost(const QString &host);
    void setPort(int port);
    void setUser(const QString &user);
    void setTags(const QString &commaSeparated);
    void setJumpHost(const QString &jump);
    void setAuth(Auth auth);
    void setKeyFile(const QString &path);
    void setKeyPassphrase(const QString &passphrase);
    void setPassword(const QString &password);
    void setSudo(Sudo sudo);
    void setSudoPassword(const QString &password);
    /// Drops the pinned host key: the next connection test shows the host's key and asks again.
    void setForgetHostKey(bool forget);
    [[nodiscard]] QString problemText() const;
    /// Whether the row of a field is shown (e.g. the key file only for key authentication).
    [[nodiscard]] bool isFieldShown(QWidget *field) const;
    [[nodiscard]] QLineEdit *keyFileEdit() const { return m_keyFile; }
    [[nodiscard]] QLineEdit *passwordEdit() const { return m_password; }
    [[nodiscard]] QLineEdit *sudoPasswordEdit() const { return m_sudoPassword; }
    /// Wipes the typed secrets from the fields (done when the dialog closes).
    void clearSecrets();

private:
    void buildUi();
    void load();
    void updateState();
    [[nodiscard]] bool isSsh() const;
    [[nodiscard]] Auth auth() const;
    [[nodiscard]] Sudo sudo() const;
    [[nodiscard]] bool hasStored(const QString &vaultName) const { return m_credentialKinds.contains(vaultName); }
    [[nodiscard]] QString storedPasswordName() const;
    [[nodiscard]] QString storedSudoName() const;

    Asset m_original;
    QStringList m_takenNames;
    QHash<QString, QString> m_credentialKinds;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_transport = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_jump = nullptr;
    QLineEdit *m_tags = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QPushButton *m_browseKey = nullptr;
    QWidget *m_keyRow = nullptr;
    QLineEdit *m_keyPassphrase = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_sudo = nullptr;
    QLineEdit *m_sudoPassword = nullptr;
    QCheckBox *m_forgetHostKey = nullptr;
    QLabel *m_problems = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

/// Shows an AssetDialog without a nested event loop and reports an accepted asset. Tests script
/// the next dialog instead of showing it (like WaiverPrompt): the script fills the dialog and
/// returns whether to accept it; an incomplete dialog is never accepted.
namespace AssetPrompt {
using Script = std::function<bool(AssetDialog &)>;
using Accepted = std::function<void(const Asset &, const AssetSecrets &)>;
void ask(QWidget *parent, const Asset &asset, const QStringList &takenNames, const QHash<QString, QString> &credentialKinds,
         Accepted accepted);
void setNextScript(Script script);
} // namespace AssetPrompt

} // namespace triad
