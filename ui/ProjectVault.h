#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

class QWidget;

namespace triad {

class CredentialVault;

/// The open project's credential vault as the GUI holds it: locked, or unlocked once and then
/// shared by every page that needs a secret (adding an asset, testing a connection, running an
/// assessment), until the project changes or the user locks it.
///
/// One object on purpose: a vault unlocked by one page must see the passwords another page stores
/// afterwards, and the passphrase is asked once per project and session, not once per page.
/// CredentialVault itself is safe to read from scan threads while a page stores a new secret.
class ProjectVault final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectVault)
public:
    using Unlocked = std::function<void(const std::shared_ptr<CredentialVault> &)>;
    using Failed = std::function<void(const QString &message)>;

    explicit ProjectVault(QObject *parent = nullptr);
    ~ProjectVault() override;

    /// Another project: the vault of the previous one is locked (its secrets wiped).
    void setProject(const QString &path);
    [[nodiscard]] QString project() const { return m_path; }

    [[nodiscard]] bool isUnlocked() const { return bool(m_vault); }
    [[nodiscard]] std::shared_ptr<CredentialVault> vault() const { return m_vault; }

    /// Calls `unlocked` with the vault, first asking for its passphrase (`create`: the project has
    /// no vault yet, so a new passphrase is asked for, twice) and deriving the key on a worker
    /// thread. `failed` is called with a message for a wrong passphrase or an unreadable project;
    /// neither is called when the user cancels. Requests made while an unlock is under way wait
    /// for it instead of asking again. `asker` parents the dialog; callbacks are dropped if it is
    /// gone or the project changed meanwhile.
    void withUnlocked(QWidget *asker, bool create, Unlocked unlocked, Failed failed = {});

    /// Wipes the unlocked secrets; the next use asks for the passphrase again.
    void lock();

    /// Changes the vault's passphrase: unlocks it first if needed (asking for the current one),
    /// then asks for the new one twice and reseals the vault key on a worker thread. `done` gets
    /// an empty string on success, else what went wrong; it is not called if the user cancels.
    void changePassphrase(QWidget *asker, std::function<void(const QString &error)> done);

signals:
    /// Locked or unlocked (also when a project change locked it).
    void stateChanged(bool unlocked);
    /// The key derivation started (true) or ended (false): pages may say "Unlocking…".
    void unlockingChanged(bool unlocking);

private:
    struct Waiter {
        QPointer<QWidget> asker;
        Unlocked unlocked;
        Failed failed;
    };
    void finish(const std::shared_ptr<CredentialVault> &vault, const QString &error);
    void resealWithNewPassphrase(QWidget *asker, std::function<void(const QString &error)> done);

    QString m_path;
    quint64 m_generation = 0;   ///< bumped by a project change: answers for the old project are dropped
    std::shared_ptr<CredentialVault> m_vault;
    bool m_busy = false;        ///< the passphrase dialog is open or the key is being derived
    std::vector<Waiter> m_waiters; ///< requests waiting for the unlock under way
};

} // namespace triad
