#include "NewProjectWizard.h"
#include "PromptScript.h"

#include "PassphraseStrength.h"
#include "ProjectCreation.h"
#include "QuickScan.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace triad {
namespace {

/// A file name from a project name: keeps letters, digits, spaces, dots, dashes and underscores.
QString fileNameFor(const QString &projectName)
{
    QString name = projectName.trimmed();
    name.replace(QRegularExpression(QStringLiteral("[^\\w .-]+")), QStringLiteral("-"));
    name = name.trimmed();
    while (name.startsWith(QLatin1Char('.')))
        name.remove(0, 1);
    return name.isEmpty() ? QString() : name + QStringLiteral(".triad");
}

QLabel *makeHint(QWidget *parent)
{
    auto *hint = new QLabel(parent);
    hint->setWordWrap(true);
    hint->setTextFormat(Qt::PlainText);
    return hint;
}

class ProjectDetailsPage final : public QWizardPage {
public:
    explicit ProjectDetailsPage(QWidget *parent) : QWizardPage(parent)
    {
        setTitle(NewProjectWizard::tr("Project"));
        setSubTitle(NewProjectWizard::tr("One project holds one engagement: its assets, assessments, issues, "
                                         "waivers and reports, in a single file."));
        auto *name = new QLineEdit(this);
        name->setObjectName(QStringLiteral("projectName"));
        name->setPlaceholderText(NewProjectWizard::tr("e.g. ACME pre-audit 2026"));
        auto *customer = new QLineEdit(this);
        customer->setObjectName(QStringLiteral("customer"));
        customer->setPlaceholderText(NewProjectWizard::tr("optional"));
        auto *form = new QFormLayout(this);
        form->addRow(NewProjectWizard::tr("N&ame:"), name);
        form->addRow(NewProjectWizard::tr("&Customer:"), customer);
        registerField(QStringLiteral("name*"), name);
        registerField(QStringLiteral("customer"), customer);
    }
};

class ProjectLocationPage final : public QWizardPage {
public:
    explicit ProjectLocationPage(QWidget *parent) : QWizardPage(parent)
    {
        setTitle(NewProjectWizard::tr("Location"));
        setSubTitle(NewProjectWizard::tr("Where the project file is kept. Triad never overwrites an existing file."));
        m_folder = new QLineEdit(this);
        m_folder->setObjectName(QStringLiteral("folder"));
        auto *browse = new QPushButton(NewProjectWizard::tr("B&rowse…"), this);
        m_fileName = new QLineEdit(this);
        m_fileName->setObjectName(QStringLiteral("fileName"));
        m_hint = makeHint(this);
        m_hint->setObjectName(QStringLiteral("locationHint"));
        auto *folderRow = new QHBoxLayout;
        folderRow->addWidget(m_folder, 1);
        folderRow->addWidget(browse);
        auto *form = new QFormLayout(this);
        // A layout cannot be a buddy: the label points at the line edit so Alt+F works.
        auto *folderLabel = new QLabel(NewProjectWizard::tr("&Folder:"), this);
        folderLabel->setBuddy(m_folder);
        form->addRow(folderLabel, folderRow);
        form->addRow(NewProjectWizard::tr("File na&me:"), m_fileName);
        form->addRow(m_hint);
        registerField(QStringLiteral("folder"), m_folder);
        registerField(QStringLiteral("fileName"), m_fileName);
        m_folder->setText(QDir::toNativeSeparators(QuickScan::defaultFolder()));
        connect(browse, &QPushButton::clicked, this, [this] {
            const QString chosen = QFileDialog::getExistingDirectory(this, NewProjectWizard::tr("Project Folder"),
                                                                     m_folder->text());
            if (!chosen.isEmpty())
                m_folder->setText(QDir::toNativeSeparators(chosen));
        });
        connect(m_folder, &QLineEdit::textChanged, this, &ProjectLocationPage::update);
        connect(m_fileName, &QLineEdit::textEdited, this, [this] { m_fileNameEdited = true; });
        connect(m_fileName, &QLineEdit::textChanged, this, &ProjectLocationPage::update);
    }

    void initializePage() override
    {
        // Follow the project name until the user types a file name of their own.
        if (!m_fileNameEdited || m_fileName->text().isEmpty())
            m_fileName->setText(fileNameFor(field(QStringLiteral("name")).toString()));
        update();
    }

    [[nodiscard]] QString path() const
    {
        QString file = m_fileName->text().trimmed();
        if (file.isEmpty())
            return {};
        if (!file.endsWith(QStringLiteral(".triad"), Qt::CaseInsensitive))
            file += QStringLiteral(".triad");
        return QDir::cleanPath(QDir(QDir::fromNativeSeparators(m_folder->text().trimmed())).absoluteFilePath(file));
    }

    bool isComplete() const override { return m_ok; }

private:
    void update()
    {
        const QString target = path();
        const QString file = m_fileName->text().trimmed();
        bool ok = false;
        if (m_folder->text().trimmed().isEmpty())
            m_hint->setText(NewProjectWizard::tr("Choose a folder."));
        else if (file.isEmpty())
            m_hint->setText(NewProjectWizard::tr("Type a file name."));
        else if (file.contains(QLatin1Char('/')) || file.contains(QLatin1Char('\\')))
            m_hint->setText(NewProjectWizard::tr("The file name cannot contain a folder separator: choose the folder above."));
        else if (QFileInfo::exists(target))
            m_hint->setText(NewProjectWizard::tr("%1 exists already. Choose another name or folder: Triad never "
                                                 "overwrites a project.").arg(QDir::toNativeSeparators(target)));
        else if (QFileInfo folder(QFileInfo(target).absolutePath()); folder.exists() && !folder.isDir())
            m_hint->setText(NewProjectWizard::tr("%1 is a file, not a folder.").arg(QDir::toNativeSeparators(folder.filePath())));
        else {
            ok = true;
            m_hint->setText(QFileInfo(QFileInfo(target).absolutePath()).exists()
                                ? NewProjectWizard::tr("The project will be created as %1.").arg(QDir::toNativeSeparators(target))
                                : NewProjectWizard::tr("The folder will be created, and the project as %1.").arg(QDir::toNativeSeparators(target)));
        }
        if (ok != m_ok) {
            m_ok = ok;
            emit completeChanged();
        }
    }

    QLineEdit *m_folder = nullptr;
    QLineEdit *m_fileName = nullptr;
    QLabel *m_hint = nullptr;
    bool m_fileNameEdited = false;
    bool m_ok = false;
};

class VaultPassphrasePage final : public QWizardPage {
public:
    explicit VaultPassphrasePage(QWidget *parent) : QWizardPage(parent)
    {
        setTitle(NewProjectWizard::tr("Credential vault"));
        setSubTitle(NewProjectWizard::tr("Passwords for SSH and sudo are stored in the project only encrypted "
                                         "(AES-256-GCM) under a key derived from this passphrase. Without it they "
                                         "cannot be read: keep it somewhere safe."));
        m_use = new QCheckBox(NewProjectWizard::tr("&Protect stored passwords with a vault passphrase"), this);
        auto *use = m_use;
        use->setObjectName(QStringLiteral("useVault"));
        use->setChecked(true);
        m_passphrase = new QLineEdit(this);
        m_passphrase->setObjectName(QStringLiteral("passphrase"));
        m_passphrase->setEchoMode(QLineEdit::Password);
        m_again = new QLineEdit(this);
        m_again->setObjectName(QStringLiteral("passphraseAgain"));
        m_again->setEchoMode(QLineEdit::Password);
        m_strength = makeHint(this);
        m_strength->setObjectName(QStringLiteral("strengthHint"));
        m_match = makeHint(this);
        m_match->setObjectName(QStringLiteral("matchHint"));
        auto *later = makeHint(this);
        later->setText(NewProjectWizard::tr("Without a passphrase now, Triad asks for one the first time a password "
                                            "is stored. Key files without a passphrase and ssh-agent need no vault."));
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(use);
        auto *form = new QFormLayout;
        form->addRow(NewProjectWizard::tr("Pa&ssphrase:"), m_passphrase);
        form->addRow(QString(), m_strength);
        form->addRow(NewProjectWizard::tr("&Again:"), m_again);
        form->addRow(QString(), m_match);
        layout->addLayout(form);
        layout->addStretch(1);
        layout->addWidget(later);
        registerField(QStringLiteral("useVault"), use);
        registerField(QStringLiteral("passphrase"), m_passphrase);
        registerField(QStringLiteral("passphraseAgain"), m_again);
        connect(use, &QCheckBox::toggled, this, [this](bool on) {
            m_passphrase->setEnabled(on);
            m_again->setEnabled(on);
            update();
        });
        connect(m_passphrase, &QLineEdit::textChanged, this, &VaultPassphrasePage::update);
        connect(m_again, &QLineEdit::textChanged, this, &VaultPassphrasePage::update);
        update();
    }

    bool isComplete() const override
    {
        if (!m_use->isChecked())
            return true;
        return m_passphrase->text().size() >= kMinimumPassphraseLength && m_passphrase->text() == m_again->text();
    }

private:
    void update()
    {
        const bool on = m_use->isChecked();
        m_strength->setText(on ? passphraseStrengthText(passphraseStrength(m_passphrase->text())) : QString());
        if (!on || m_again->text().isEmpty())
            m_match->clear();
        else
            m_match->setText(m_again->text() == m_passphrase->text() ? NewProjectWizard::tr("The passphrases match.")
                                                                     : NewProjectWizard::tr("The passphrases differ."));
        emit completeChanged();
    }

    QCheckBox *m_use = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_again = nullptr;
    QLabel *m_strength = nullptr;
    QLabel *m_match = nullptr;
};

class FirstAssetChoicePage final : public QWizardPage {
public:
    FirstAssetChoicePage(QWidget *parent, QLabel *status) : QWizardPage(parent)
    {
        setTitle(NewProjectWizard::tr("First asset"));
        setSubTitle(NewProjectWizard::tr("Assets are the systems you assess. More can be added, imported from CSV, "
                                         "~/.ssh/config or an Ansible inventory in the Assets view."));
        auto *local = new QCheckBox(NewProjectWizard::tr("Add &this computer (local transport, no credentials needed)"), this);
        local->setObjectName(QStringLiteral("addThisComputer"));
        local->setChecked(true);
        m_summary = makeHint(this);
        m_summary->setObjectName(QStringLiteral("summary"));
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(local);
        layout->addSpacing(12);
        layout->addWidget(m_summary);
        layout->addStretch(1);
        layout->addWidget(status);
        registerField(QStringLiteral("addThisComputer"), local);
    }

    void initializePage() override
    {
        const auto *wizard = static_cast<const NewProjectWizard *>(this->wizard());
        const QString customer = field(QStringLiteral("customer")).toString().trimmed();
        QString text = NewProjectWizard::tr("Finish creates \"%1\"%2 in %3, %4.")
                           .arg(field(QStringLiteral("name")).toString().trimmed(),
                                customer.isEmpty() ? QString() : NewProjectWizard::tr(" for %1").arg(customer),
                                QDir::toNativeSeparators(wizard->projectPath()),
                                field(QStringLiteral("useVault")).toBool()
                                    ? NewProjectWizard::tr("with a credential vault")
                                    : NewProjectWizard::tr("without a credential vault for now"));
        m_summary->setText(text);
    }

private:
    QLabel *m_summary = nullptr;
};

} // namespace

NewProjectWizard::NewProjectWizard(QWidget *parent) : QWizard(parent)
{
    setWindowTitle(tr("New Project"));
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    m_status = makeHint(this);
    m_status->setObjectName(QStringLiteral("creationStatus"));
    setPage(DetailsPage, new ProjectDetailsPage(this));
    setPage(LocationPage, new ProjectLocationPage(this));
    setPage(VaultPage, new VaultPassphrasePage(this));
    setPage(FirstAssetPage, new FirstAssetChoicePage(this, m_status));
    setMinimumSize(560, 420);
}

NewProjectWizard::~NewProjectWizard() = default;

QString NewProjectWizard::projectPath() const
{
    return static_cast<const ProjectLocationPage *>(page(LocationPage))->path();
}

QString NewProjectWizard::errorText() const
{
    return m_status->property("error").toBool() ? m_status->text() : QString();
}

void NewProjectWizard::setCreating(bool creating)
{
    m_creating = creating;
    for (WizardButton b : {BackButton, FinishButton, CancelButton})
        if (QAbstractButton *button = this->button(b))
            button->setEnabled(!creating);
}

void NewProjectWizard::accept()
{
    if (m_creating)
        return;
    NewProjectSpec spec;
    spec.path = projectPath();
    spec.name = field(QStringLiteral("name")).toString();
    spec.customer = field(QStringLiteral("customer")).toString();
    if (field(QStringLiteral("useVault")).toBool())
        spec.vaultPassphrase = SecretBytes(field(QStringLiteral("passphrase")).toString().toUtf8());
    spec.vaultCost = m_vaultCost;
    spec.addThisComputer = field(QStringLiteral("addThisComputer")).toBool();
    if (spec.path.isEmpty() || spec.name.trimmed().isEmpty()) {
        m_status->setProperty("error", true);
        m_status->setText(tr("The project needs a name and a file name."));
        return;
    }
    setCreating(true);
    m_status->setProperty("error", false);
    m_status->setText(tr("Creating the project…"));
    QPointer<NewProjectWizard> self(this);
    createProject(std::move(spec)).then(this, [self](const Result<QString> &created) {
        if (!self)
            return;
        self->setCreating(false);
        if (!created) {
            self->m_status->setProperty("error", true);
            self->m_status->setText(tr("Could not create the project: %1").arg(created.error().toString()));
            return;
        }
        // The passphrase is in the vault now: do not keep it in the fields.
        self->setField(QStringLiteral("passphrase"), QString());
        self->setField(QStringLiteral("passphraseAgain"), QString());
        self->m_status->setText(tr("Created %1.").arg(QDir::toNativeSeparators(*created)));
        emit self->projectCreated(*created);
        self->QWizard::accept();
    });
}

namespace NewProjectPrompt {
void setNextScript(Script script)
{
    PromptScript<NewProjectWizard>::setNext(std::move(script));
}

NewProjectWizard *ask(QWidget *parent, std::function<void(const QString &path)> created)
{
    auto *wizard = new NewProjectWizard(parent);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(wizard, &NewProjectWizard::projectCreated, wizard, std::move(created));
    if (Script script = PromptScript<NewProjectWizard>::take()) {
        // Scripted: fill the fields and press Finish without showing a window; creation is
        // asynchronous, so the wizard lives on until it succeeds (or the test closes it).
        if (script(*wizard))
            wizard->accept();
        else
            wizard->close();
        return wizard;
    }
    wizard->open();
    return wizard;
}

} // namespace NewProjectPrompt

} // namespace triad
