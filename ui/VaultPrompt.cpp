#include "VaultPrompt.h"

#include "BackgroundPool.h"
#include "db/ProjectDatabase.h"
#include "vault/CredentialVault.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace triad {
namespace {

using UnlockResult = Result<std::shared_ptr<const CredentialVault>>;

QFuture<UnlockResult> unlockOnWorker(const QString &path, const SecretBytes &passphrase)
{
    return QtConcurrent::run(backgroundPool(), [path, passphrase]() -> UnlockResult {
        auto db = ProjectDatabase::open(path, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return db.error();
        auto vault = CredentialVault::unlock(**db, passphrase);
        if (!vault)
            return vault.error();
        return std::shared_ptr<const CredentialVault>(std::move(*vault));
    });
}

} // namespace

VaultUnlockDialog::VaultUnlockDialog(QString projectPath, QWidget *parent)
    : QDialog(parent), m_projectPath(std::move(projectPath))
{
    setWindowTitle(tr("Unlock Credential Vault"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Some assets of this assessment sign in with credentials kept in the project's "
                                "vault. Enter the vault passphrase."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_passphrase = new QLineEdit(this);
    m_passphrase->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Passphrase:"), m_passphrase);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Unlock"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        const SecretBytes passphrase(m_passphrase->text().toUtf8());
        m_passphrase->clear();
        unlockWith(passphrase);
    });
}

void VaultUnlockDialog::unlockWith(const SecretBytes &passphrase)
{
    m_buttons->setEnabled(false);
    m_error->setText(tr("Unlocking…"));
    m_error->setVisible(true);
    QPointer<VaultUnlockDialog> self(this);
    unlockOnWorker(m_projectPath, passphrase).then(this, [self](const UnlockResult &vault) {
        if (!self)
            return;
        self->m_buttons->setEnabled(true);
        if (!vault) {
            self->m_error->setText(vault.error().message);
            emit self->attemptFinished(vault.error().message);
            return;
        }
        self->m_vault = *vault;
        emit self->attemptFinished({});
        self->accept();
    });
}

namespace VaultPrompt {
namespace {
Provider &provider()
{
    static Provider p;
    return p;
}
std::optional<SecretBytes> &nextPassphrase()
{
    static std::optional<SecretBytes> p;
    return p;
}
} // namespace

void setProvider(Provider p)
{
    provider() = std::move(p);
}

void setNextPassphrase(const SecretBytes &passphrase)
{
    nextPassphrase() = passphrase;
}

void ask(QWidget *parent, const QString &projectPath, Unlocked unlocked, NotUnlocked notUnlocked)
{
    if (provider() && !nextPassphrase()) {
        provider()(parent, projectPath, std::move(unlocked), std::move(notUnlocked));
        return;
    }
    auto *dialog = new VaultUnlockDialog(projectPath, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (std::optional<SecretBytes> scripted = std::exchange(nextPassphrase(), std::nullopt)) {
        QObject::connect(dialog, &VaultUnlockDialog::attemptFinished, dialog, [dialog, unlocked, notUnlocked](const QString &error) {
            if (error.isEmpty())
                unlocked(dialog->vault());
            else
                notUnlocked(error);
            dialog->close();
        });
        dialog->unlockWith(*scripted);
        return;
    }
    QObject::connect(dialog, &QDialog::accepted, dialog, [dialog, unlocked] { unlocked(dialog->vault()); });
    QObject::connect(dialog, &QDialog::rejected, dialog, [notUnlocked] { notUnlocked({}); });
    dialog->open();
}

} // namespace VaultPrompt

} // namespace triad
