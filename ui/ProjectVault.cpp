#include "ProjectVault.h"

#include "BackgroundPool.h"
#include "VaultUnlockDialog.h"
#include "db/ProjectDatabase.h"
#include "vault/CredentialVault.h"

#include <QPointer>
#include <QWidget>
#include <QtConcurrent>

namespace triad {

namespace {

/// The key derivation (scrypt at full cost) takes a good part of a second: never on the GUI thread.
QFuture<Result<std::shared_ptr<CredentialVault>>> unlockOnWorker(const QString &path, const SecretBytes &passphrase,
                                                                 bool create)
{
    return QtConcurrent::run(backgroundPool(), [path, passphrase, create]() -> Result<std::shared_ptr<CredentialVault>> {
        // Creating a vault writes its check value; opening one only reads.
        auto db = ProjectDatabase::open(path, create ? ProjectDatabase::OpenMode::ReadWrite : ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        return CredentialVault::unlock(**db, passphrase,
                                       create ? CredentialVault::Mode::CreateIfMissing : CredentialVault::Mode::OpenExisting);
    });
}

} // namespace

ProjectVault::ProjectVault(QObject *parent)
    : QObject(parent)
{
}

ProjectVault::~ProjectVault() = default;

void ProjectVault::setProject(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    ++m_generation;             // an unlock under way for the old project is dropped when it ends
    m_waiters.clear();
    if (m_busy) {
        m_busy = false;
        emit unlockingChanged(false);
    }
    lock();
}

void ProjectVault::lock()
{
    if (!m_vault)
        return;
    // A running assessment holds its own reference; the secrets are wiped when it ends.
    m_vault.reset();
    emit stateChanged(false);
}

void ProjectVault::withUnlocked(QWidget *asker, bool create, Unlocked unlocked, Failed failed)
{
    if (m_vault) {
        unlocked(m_vault);
        return;
    }
    if (m_path.isEmpty())
        return;
    m_waiters.push_back({QPointer<QWidget>(asker), std::move(unlocked), std::move(failed)});
    if (m_busy)
        return;                 // a dialog is open or the key is being derived: wait for that one
    m_busy = true;
    const quint64 generation = m_generation;
    const QString path = m_path;
    QPointer<ProjectVault> self(this);
    VaultPrompt::ask(
        asker, create ? VaultUnlockDialog::Mode::Create : VaultUnlockDialog::Mode::Unlock,
        [self, generation, path, create](const SecretBytes &passphrase) {
            if (!self || self->m_generation != generation)
                return;
            emit self->unlockingChanged(true);
            unlockOnWorker(path, passphrase, create)
                .then(self, [self, generation](const Result<std::shared_ptr<CredentialVault>> &vault) {
                    if (!self || self->m_generation != generation)
                        return;
                    if (vault)
                        self->finish(*vault, {});
                    else
                        self->finish(nullptr, vault.error().toString());
                });
        },
        [self, generation] {
            // Cancelled: nobody waiting gets a vault, and nobody is told of an error either.
            if (!self || self->m_generation != generation)
                return;
            self->m_busy = false;
            self->m_waiters.clear();
        });
}

void ProjectVault::changePassphrase(QWidget *asker, std::function<void(const QString &)> done)
{
    const QString path = m_path;
    QPointer<QWidget> guard(asker);
    QPointer<ProjectVault> self(this);
    if (path.isEmpty())
        return;
    // A project without a vault has no passphrase to change: say so before asking for one.
    QtConcurrent::run(backgroundPool(), [path]() -> Result<bool> {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        return CredentialVault::exists(**db);
    }).then(this, [self, guard, path, done](const Result<bool> &exists) {
        if (!self || !guard || self->m_path != path)
            return;
        if (!exists)
            done(exists.error().toString());
        else if (!*exists)
            done(tr("this project has no credential vault yet; one is created when a password is first stored"));
        else
            self->resealWithNewPassphrase(guard, done);
    });
}

void ProjectVault::resealWithNewPassphrase(QWidget *asker, std::function<void(const QString &)> done)
{
    const QString path = m_path;
    QPointer<QWidget> guard(asker);
    QPointer<ProjectVault> self(this);
    withUnlocked(
        asker, false,
        [self, guard, path, done](const std::shared_ptr<CredentialVault> &vault) {
            if (!guard || !self)
                return;
            VaultPrompt::ask(guard, VaultUnlockDialog::Mode::Change, [self, guard, path, done, vault](const SecretBytes &passphrase) {
                if (!self)
                    return;
                QtConcurrent::run(backgroundPool(), [path, vault, passphrase]() -> QString {
                    // A full-cost scrypt again: off the GUI thread. One row is rewritten, atomically.
                    auto db = ProjectDatabase::open(path);
                    if (!db)
                        return db.error().toString();
                    if (auto s = vault->changePassphrase(**db, passphrase); !s)
                        return s.error().toString();
                    return {};
                }).then(self, [guard, done](const QString &error) {
                    if (guard)
                        done(error);
                });
            });
        },
        [guard, done](const QString &message) {
            if (guard)
                done(message);
        });
}

void ProjectVault::finish(const std::shared_ptr<CredentialVault> &vault, const QString &error)
{
    m_busy = false;
    emit unlockingChanged(false);
    std::vector<Waiter> waiters;
    waiters.swap(m_waiters);
    if (vault) {
        m_vault = vault;
        emit stateChanged(true);
    }
    for (Waiter &waiter : waiters) {
        if (!waiter.asker)
            continue;           // the page that asked is gone
        if (vault)
            waiter.unlocked(vault);
        else if (waiter.failed)
            waiter.failed(error);
    }
}

} // namespace triad
