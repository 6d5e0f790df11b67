#include "AssetDialog.h"
#include "PromptScript.h"

#include "vault/CredentialVault.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace triad {

namespace {

QLineEdit *makeSecretEdit(QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setEchoMode(QLineEdit::Password);
    edit->setClearButtonEnabled(true);
    return edit;
}

QString expandHome(const QString &path)
{
    if (path == QLatin1String("~") || path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

} // namespace

AssetDialog::AssetDialog(const Asset &asset, const QStringList &takenNames, const QHash<QString, QString> &credentialKinds,
                         QWidget *parent)
    : QDialog(parent), m_original(asset), m_takenNames(takenNames), m_credentialKinds(credentialKinds)
{
    setWindowTitle(asset.id == 0 ? tr("Add Asset") : tr("Edit %1").arg(asset.name));
    buildUi();
    load();
    updateState();
    resize(560, sizeHint().height());
}

AssetDialog::~AssetDialog()
{
    clearSecrets();
}

void AssetDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("assetName"));
    m_name->setPlaceholderText(tr("Unique name, e.g. web-01"));
    m_form->addRow(tr("&Name:"), m_name);
    m_transport = new QComboBox(this);
    m_transport->setObjectName(QStringLiteral("assetTransport"));
    m_transport->addItem(tr("SSH"), QStringLiteral("ssh"));
    m_transport->addItem(tr("This computer (local)"), QStringLiteral("local"));
    m_form->addRow(tr("&Transport:"), m_transport);

    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("assetHost"));
    m_host->setPlaceholderText(tr("Host name or IP address"));
    m_form->addRow(tr("&Host:"), m_host);
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("assetPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(22);
    m_form->addRow(tr("&Port:"), m_port);
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("assetUser"));
    m_user->setPlaceholderText(tr("Login user, e.g. audit"));
    m_form->addRow(tr("&User:"), m_user);
    m_jump = new QLineEdit(this);
    m_jump->setObjectName(QStringLiteral("assetJump"));
    m_jump->setPlaceholderText(tr("Optional: [user@]host[:port] of a jump host"));
    m_form->addRow(tr("&Jump host:"), m_jump);
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("assetTags"));
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. prod, pci"));
    m_form->addRow(tr("T&ags:"), m_tags);

    m_auth = new QComboBox(this);
    m_auth->setObjectName(QStringLiteral("assetAuth"));
    m_auth->addItem(tr("SSH agent"), int(Auth::Agent));
    m_auth->addItem(tr("Private key file"), int(Auth::KeyFile));
    m_auth->addItem(tr("Password or keyboard-interactive"), int(Auth::Password));
    m_auth->setItemData(2, tr("Triad answers the server's password or keyboard-interactive prompt with this password"),
                        Qt::ToolTipRole);
    m_form->addRow(tr("Authenti&cation:"), m_auth);
    m_keyRow = new QWidget(this);
    auto *keyLayout = new QHBoxLayout(m_keyRow);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    m_keyFile = new QLineEdit(m_keyRow);
    m_keyFile->setObjectName(QStringLiteral("assetKeyFile"));
    m_keyFile->setPlaceholderText(tr("e.g. ~/.ssh/id_ed25519"));
    m_browseKey = new QPushButton(tr("&Browse…"), m_keyRow);
    m_browseKey->setObjectName(QStringLiteral("assetBrowseKey"));
    keyLayout->addWidget(m_keyFile, 1);
    keyLayout->addWidget(m_browseKey);
    m_form->addRow(tr("&Key file:"), m_keyRow);
    // The row is a plain container: Alt+K goes to its line edit.
    qobject_cast<QLabel *>(m_form->labelForField(m_keyRow))->setBuddy(m_keyFile);
    m_keyPassphrase = makeSecretEdit(this);
    m_keyPassphrase->setObjectName(QStringLiteral("assetKeyPassphrase"));
    m_form->addRow(tr("K&ey passphrase:"), m_keyPassphrase);
    m_password = makeSecretEdit(this);
    m_password->setObjectName(QStringLiteral("assetPassword"));
    m_form->addRow(tr("Pass&word:"), m_password);

    m_sudo = new QComboBox(this);
    m_sudo->setObjectName(QStringLiteral("assetSudo"));
    m_sudo->addItem(tr("No sudo (collect as the login user)"), int(Sudo::None));
    m_sudo->addItem(tr("sudo without a password (sudo -n)"), int(Sudo::Passwordless));
    m_sudo->addItem(tr("sudo with a password (sudo -S)"), int(Sudo::Password));
    m_form->addRow(tr("Sud&o:"), m_sudo);
    m_sudoPassword = makeSecretEdit(this);
    m_sudoPassword->setObjectName(QStringLiteral("assetSudoPassword"));
    m_form->addRow(tr("Sudo passwor&d:"), m_sudoPassword);
    m_forgetHostKey = new QCheckBox(tr("&Forget the pinned host key (%1…)").arg(m_original.hostKeySha256.left(19)), this);
    m_forgetHostKey->setObjectName(QStringLiteral("assetForgetHostKey"));
    m_forgetHostKey->setToolTip(tr("After a verified reinstallation of the host: the next connection test shows "
                                   "its new key and asks whether to trust it"));
    m_form->addRow(QString(), m_forgetHostKey);
    layout->addLayout(m_form);

    auto *note = new QLabel(tr("Passwords and passphrases are sealed in the project's credential vault "
                               "(AES-256-GCM) and never stored in clear."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("assetProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    // The same error red as the other views' in-place errors; readable on light and dark windows.
    QPalette errorPalette = m_problems->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xe5, 0x39, 0x35));
    m_problems->setPalette(errorPalette);
    layout->addWidget(m_problems);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isComplete())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_browseKey, &QPushButton::clicked, this, [this] {
        auto *chooser = new QFileDialog(this, tr("Private Key File"), QDir::homePath() + QStringLiteral("/.ssh"));
        chooser->setAttribute(Qt::WA_DeleteOnClose);
        chooser->setFileMode(QFileDialog::ExistingFile);
        chooser->setFilter(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        connect(chooser, &QFileDialog::fileSelected, m_keyFile, &QLineEdit::setText);
        chooser->open();
    });
    for (QLineEdit *edit : {m_name, m_host, m_user, m_jump, m_tags, m_keyFile, m_keyPassphrase, m_password, m_sudoPassword})
        connect(edit, &QLineEdit::textChanged, this, &AssetDialog::updateState);
    for (QComboBox *combo : {m_transport, m_auth, m_sudo})
        connect(combo, &QComboBox::currentIndexChanged, this, &AssetDialog::updateState);
    connect(m_port, &QSpinBox::valueChanged, this, &AssetDialog::updateState);
}

void AssetDialog::load()
{
    const Asset &a = m_original;
    m_name->setText(a.name);
    m_transport->setCurrentIndex(m_transport->findData(a.transport == QLatin1String("local") ? QStringLiteral("local")
                                                                                              : QStringLiteral("ssh")));
    m_host->setText(a.address);
    m_port->setValue(a.port);
    m_user->setText(a.user);
    m_jump->setText(a.proxyJump);
    m_tags->setText(a.tags.join(QStringLiteral(", ")));
    Auth auth = Auth::Agent;
    if (a.credentialRef.startsWith(QLatin1String("key:"))) {
        auth = Auth::KeyFile;
        m_keyFile->setText(a.credentialRef.mid(4));
    } else if (a.credentialRef.startsWith(QLatin1String("vault:"))) {
        auth = Auth::Password;
    }
    setAuth(auth);
    setSudo(!a.useSudo ? Sudo::None : a.sudoCredentialRef.isEmpty() ? Sudo::Passwordless : Sudo::Password);
}

bool AssetDialog::isSsh() const
{
    return m_transport->currentData().toString() == QLatin1String("ssh");
}

AssetDialog::Auth AssetDialog::auth() const
{
    return Auth(m_auth->currentData().toInt());
}

AssetDialog::Sudo AssetDialog::sudo() const
{
    return Sudo(m_sudo->currentData().toInt());
}

QString AssetDialog::storedPasswordName() const
{
    const QString name = CredentialVault::nameFromRef(m_original.credentialRef);
    return hasStored(name) ? name : QString();
}

QString AssetDialog::storedSudoName() const
{
    const QString name = CredentialVault::nameFromRef(m_original.sudoCredentialRef);
    return hasStored(name) ? name : QString();
}

void AssetDialog::updateState()
{
    const bool ssh = isSsh();
    const Auth a = auth();
    for (QWidget *w : {static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port), static_cast<QWidget *>(m_user),
                       static_cast<QWidget *>(m_jump), static_cast<QWidget *>(m_auth), static_cast<QWidget *>(m_sudo)})
        m_form->setRowVisible(w, ssh);
    m_form->setRowVisible(m_keyRow, ssh && a == Auth::KeyFile);
    m_form->setRowVisible(m_keyPassphrase, ssh && a == Auth::KeyFile);
    m_form->setRowVisible(m_password, ssh && a == Auth::Password);
    m_form->setRowVisible(m_sudoPassword, ssh && sudo() == Sudo::Password);
    m_form->setRowVisible(m_forgetHostKey, ssh && !m_original.hostKeySha256.isEmpty());

    const bool keyPassphraseStored = hasStored(CredentialVault::keyPassphraseName(m_keyFile->text().trimmed()));
    m_keyPassphrase->setPlaceholderText(keyPassphraseStored ? tr("Stored in the vault — leave empty to keep")
                                                            : tr("Only if the key is protected"));
    m_password->setPlaceholderText(!storedPasswordName().isEmpty() ? tr("Stored in the vault — leave empty to keep")
                                                                   : tr("Sealed in the project's vault"));
    m_sudoPassword->setPlaceholderText(!storedSudoName().isEmpty() ? tr("Stored in the vault — leave empty to keep")
                                                                   : tr("Sealed in the project's vault"));

    const QStringList list = problems();
    m_problems->setText(list.join(QLatin1Char('\n')));
    m_problems->setVisible(!list.isEmpty());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(list.isEmpty());
}

QStringList AssetDialog::problems() const
{
    QStringList list;
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        list << tr("Give the asset a name.");
    else if (name != m_original.name && m_takenNames.contains(name))
        list << tr("An asset named “%1” exists already.").arg(name);
    if (!isSsh())
        return list;
    static const QRegularExpression hostForm(QStringLiteral("^[^\\s@/]+$"));
    const QString host = m_host->text().trimmed();
    if (host.isEmpty())
        list << tr("An SSH asset needs a host name or address.");
    else if (!hostForm.match(host).hasMatch())
        list << tr("The host “%1” cannot contain spaces, “@” or “/”.").arg(host);
    static const QRegularExpression jumpForm(QStringLiteral("^(?:[^@\\s]+@)?[^:@\\s]+(?::\\d{1,5})?$"));
    const QString jump = m_jump->text().trimmed();
    if (!jump.isEmpty() && !jumpForm.match(jump).hasMatch())
        list << tr("Write the jump host as [user@]host[:port].");
    switch (auth()) {
    case Auth::Agent:
        break;
    case Auth::KeyFile: {
        const QString key = m_keyFile->text().trimmed();
        if (key.isEmpty())
            list << tr("Choose the private key file.");
        else if (!QFileInfo(expandHome(key)).isFile())
            list << tr("The key file %1 does not exist on this computer.").arg(key);
        break;
    }
    case Auth::Password:
        if (m_password->text().isEmpty() && storedPasswordName().isEmpty())
            list << tr("Enter the login password.");
        break;
    }
    if (sudo() == Sudo::Password && m_sudoPassword->text().isEmpty() && storedSudoName().isEmpty())
        list << tr("Enter the sudo password, or choose sudo without a password.");
    return list;
}

Asset AssetDialog::asset() const
{
    Asset a = m_original;
    a.name = m_name->text().trimmed();
    a.transport = m_transport->currentData().toString();
    a.tags.clear();
    for (const QString &tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!tag.trimmed().isEmpty() && !a.tags.contains(tag.trimmed()))
            a.tags << tag.trimmed();
    if (a.transport == QLatin1String("local")) {
        a.address.clear();
        a.user.clear();
        a.port = 22;
        a.proxyJump.clear();
        a.credentialRef.clear();
        a.sudoCredentialRef.clear();
        a.useSudo = false;
        a.hostKeySha256.clear();
        return a;
    }
    const QString host = m_host->text().trimmed();
    if (host != m_original.address || m_port->value() != m_original.port || m_forgetHostKey->isChecked())
        a.hostKeySha256.clear();        // another host (its key is not the pinned one), or a reinstalled one
    a.address = host;
    a.port = m_port->value();
    a.user = m_user->text().trimmed();
    a.proxyJump = m_jump->text().trimmed();
    switch (auth()) {
    case Auth::Agent:
        a.credentialRef = QStringLiteral("agent");
        break;
    case Auth::KeyFile:
        a.credentialRef = QStringLiteral("key:") + m_keyFile->text().trimmed();
        break;
    case Auth::Password:
        // A new password sets the reference when it is stored; else the stored one stays.
        a.credentialRef = storedPasswordName().isEmpty() ? QString() : m_original.credentialRef;
        break;
    }
    a.useSudo = sudo() != Sudo::None;
    a.sudoCredentialRef = sudo() == Sudo::Password && !storedSudoName().isEmpty() ? m_original.sudoCredentialRef : QString();
    return a;
}

AssetSecrets AssetDialog::secrets() const
{
    AssetSecrets s;
    if (!isSsh())
        return s;
    const Auth a = auth();
    if (a == Auth::Password && !m_password->text().isEmpty())
        s.password = SecretBytes(m_password->text().toUtf8());
    if (a == Auth::KeyFile && !m_keyPassphrase->text().isEmpty())
        s.keyPassphrase = SecretBytes(m_keyPassphrase->text().toUtf8());
    if (sudo() == Sudo::Password && !m_sudoPassword->text().isEmpty())
        s.sudoPassword = SecretBytes(m_sudoPassword->text().toUtf8());
    return s;
}

void AssetDialog::clearSecrets()
{
    for (QLineEdit *edit : {m_keyPassphrase, m_password, m_sudoPassword})
        if (edit)
            edit->clear();
}

void AssetDialog::setName(const QString &name) { m_name->setText(name); }
void AssetDialog::setTransport(const QString &transport) { m_transport->setCurrentIndex(m_transport->findData(transport)); }
void AssetDialog::setHost(const QString &host) { m_host->setText(host); }
void AssetDialog::setPort(int port) { m_port->setValue(port); }
void AssetDialog::setUser(const QString &user) { m_user->setText(user); }
void AssetDialog::setTags(const QString &commaSeparated) { m_tags->setText(commaSeparated); }
void AssetDialog::setJumpHost(const QString &jump) { m_jump->setText(jump); }
void AssetDialog::setAuth(Auth auth) { m_auth->setCurrentIndex(m_auth->findData(int(auth))); }
void AssetDialog::setKeyFile(const QString &path) { m_keyFile->setText(path); }
void AssetDialog::setKeyPassphrase(const QString &passphrase) { m_keyPassphrase->setText(passphrase); }
void AssetDialog::setPassword(const QString &password) { m_password->setText(password); }
void AssetDialog::setSudo(Sudo sudo) { m_sudo->setCurrentIndex(m_sudo->findData(int(sudo))); }
void AssetDialog::setSudoPassword(const QString &password) { m_sudoPassword->setText(password); }
void AssetDialog::setForgetHostKey(bool forget) { m_forgetHostKey->setChecked(forget); }

QString AssetDialog::problemText() const
{
    return m_problems->text();
}

bool AssetDialog::isFieldShown(QWidget *field) const
{
    return m_form->isRowVisible(field == m_keyFile ? m_keyRow : field);
}

namespace AssetPrompt {
void setNextScript(Script script)
{
    PromptScript<AssetDialog>::setNext(std::move(script));
}

void ask(QWidget *parent, const Asset &asset, const QStringList &takenNames, const QHash<QString, QString> &credentialKinds,
         Accepted accepted)
{
    auto *dialog = new AssetDialog(asset, takenNames, credentialKinds, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (Script script = PromptScript<AssetDialog>::take()) {
        const bool accept = script(*dialog) && dialog->isComplete();
        const Asset result = dialog->asset();
        const AssetSecrets secrets = dialog->secrets();
        dialog->close();
        if (accept)
            accepted(result, secrets);
        return;
    }
    QObject::connect(dialog, &QDialog::accepted, dialog, [dialog, accepted] {
        const AssetSecrets secrets = dialog->secrets();
        dialog->clearSecrets();
        accepted(dialog->asset(), secrets);
    });
    dialog->open();
}

} // namespace AssetPrompt

} // namespace triad
