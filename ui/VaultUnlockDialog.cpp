#include "VaultUnlockDialog.h"
#include "PromptScript.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace triad {

namespace {
constexpr int kMinimumNewPassphrase = 8;
}

namespace {

QString titleFor(VaultUnlockDialog::Mode mode)
{
    switch (mode) {
    case VaultUnlockDialog::Mode::Create: return VaultUnlockDialog::tr("Create the Credential Vault");
    case VaultUnlockDialog::Mode::Change: return VaultUnlockDialog::tr("Change the Vault Passphrase");
    case VaultUnlockDialog::Mode::Unlock: break;
    }
    return VaultUnlockDialog::tr("Unlock the Credential Vault");
}

QString introFor(VaultUnlockDialog::Mode mode)
{
    switch (mode) {
    case VaultUnlockDialog::Mode::Create:
        return VaultUnlockDialog::tr("This project has no credential vault yet. Choose a passphrase: it encrypts the "
                                     "passwords stored in the project. Triad does not keep it; you will need it to "
                                     "scan these assets from the command line too (TRIAD_VAULT_PASSPHRASE).");
    case VaultUnlockDialog::Mode::Change:
        return VaultUnlockDialog::tr("Choose the new passphrase of this project's credential vault. The stored "
                                     "passwords stay as they are: only the key that opens them is sealed again, in one "
                                     "step, so an interruption leaves the old passphrase working. From now on the new "
                                     "one is needed, on the command line too (TRIAD_VAULT_PASSPHRASE).");
    case VaultUnlockDialog::Mode::Unlock: break;
    }
    return VaultUnlockDialog::tr("The passwords of this project are encrypted. Enter the vault passphrase to use "
                                 "them in this session; it is kept only in memory until you close the project.");
}

QString buttonFor(VaultUnlockDialog::Mode mode)
{
    switch (mode) {
    case VaultUnlockDialog::Mode::Create: return VaultUnlockDialog::tr("Create Vault");
    case VaultUnlockDialog::Mode::Change: return VaultUnlockDialog::tr("Change Passphrase");
    case VaultUnlockDialog::Mode::Unlock: break;
    }
    return VaultUnlockDialog::tr("Unlock");
}

} // namespace

VaultUnlockDialog::VaultUnlockDialog(Mode mode, QWidget *parent)
    : QDialog(parent), m_mode(mode), m_create(mode != Mode::Unlock)
{
    const bool create = m_create;
    setWindowTitle(titleFor(mode));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(introFor(mode), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("vaultPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    form->addRow(mode == Mode::Change ? tr("New &passphrase:") : tr("&Passphrase:"), m_passphrase);
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("vaultAgain"));
    m_confirm->setEchoMode(QLineEdit::Password);
    if (create)
        form->addRow(tr("&Again:"), m_confirm);
    else
        m_confirm->hide();
    layout->addLayout(form);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("vaultHint"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_hint);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(buttonFor(mode));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isComplete())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_passphrase, &QLineEdit::textChanged, this, &VaultUnlockDialog::updateState);
    connect(m_confirm, &QLineEdit::textChanged, this, &VaultUnlockDialog::updateState);
    updateState();
    resize(460, sizeHint().height());
}

VaultUnlockDialog::~VaultUnlockDialog()
{
    clear();
}

bool VaultUnlockDialog::isComplete() const
{
    if (!m_create)
        return !m_passphrase->text().isEmpty();
    return m_passphrase->text().size() >= kMinimumNewPassphrase && m_passphrase->text() == m_confirm->text();
}

void VaultUnlockDialog::updateState()
{
    QString hint;
    if (m_create && m_passphrase->text().size() < kMinimumNewPassphrase)
        hint = tr("At least %1 characters.").arg(kMinimumNewPassphrase);
    else if (m_create && m_passphrase->text() != m_confirm->text())
        hint = tr("The two passphrases differ.");
    m_hint->setText(hint);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isComplete());
}

SecretBytes VaultUnlockDialog::passphrase() const
{
    return SecretBytes(m_passphrase->text().toUtf8());
}

void VaultUnlockDialog::setPassphrase(const QString &passphrase)
{
    m_passphrase->setText(passphrase);
}

void VaultUnlockDialog::setConfirmation(const QString &passphrase)
{
    m_confirm->setText(passphrase);
}

void VaultUnlockDialog::clear()
{
    m_passphrase->clear();
    m_confirm->clear();
}

namespace VaultPrompt {
void setNextScript(Script script)
{
    PromptScript<VaultUnlockDialog>::setNext(std::move(script));
}

void ask(QWidget *parent, VaultUnlockDialog::Mode mode, std::function<void(const SecretBytes &)> accepted,
         std::function<void()> rejected)
{
    auto *dialog = new VaultUnlockDialog(mode, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (Script script = PromptScript<VaultUnlockDialog>::take()) {
        const bool accept = script(*dialog) && dialog->isComplete();
        const SecretBytes passphrase = dialog->passphrase();
        dialog->close();
        if (accept)
            accepted(passphrase);
        else if (rejected)
            rejected();
        return;
    }
    QObject::connect(dialog, &QDialog::accepted, dialog, [dialog, accepted] {
        const SecretBytes passphrase = dialog->passphrase();
        dialog->clear();
        accepted(passphrase);
    });
    if (rejected)
        QObject::connect(dialog, &QDialog::rejected, dialog, rejected);
    dialog->open();
}

} // namespace VaultPrompt

} // namespace triad
