#include "AttestationDialog.h"
#include "IssueQueries.h"
#include "PromptScript.h"
#include "Theme.h"

#include "engine/Catalog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <initializer_list>

namespace triad {
namespace {

bool hasManualPart(const AssessmentTemplate &t)
{
    for (const RequirementDef &r : t.requirements)
        if (r.manual)
            return true;
    return false;
}

} // namespace

AttestationDialog::AttestationDialog(const QString &projectPath, std::shared_ptr<const Catalog> catalog,
                                     const QString &templateId, const QString &requirementId, QWidget *parent)
    : QDialog(parent), m_path(projectPath), m_catalog(std::move(catalog))
{
    setWindowTitle(tr("Record Attestation"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("An attestation is a person's verdict on what a scan cannot see: a manual requirement, or the "
           "manual part of a requirement that also has checks. The evidence files are copied into the "
           "project with their SHA-256; the audit log keeps who recorded it."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("attestationTemplate"));
    if (m_catalog)
        for (const AssessmentTemplate &t : m_catalog->assessments())
            if (hasManualPart(t))
                m_template->addItem(QStringLiteral("%1 (%2)").arg(t.title, t.id), t.id);
    form->addRow(tr("&Template:"), m_template);
    m_requirement = new QComboBox(this);
    m_requirement->setObjectName(QStringLiteral("attestationRequirement"));
    // Requirement titles run long: let the box shrink and show the whole text in the list.
    m_requirement->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_requirement->setMinimumContentsLength(40);
    form->addRow(tr("Re&quirement:"), m_requirement);
    m_manualPart = new QLabel(this);
    m_manualPart->setObjectName(QStringLiteral("attestationManualPart"));
    m_manualPart->setWordWrap(true);
    m_manualPart->setTextFormat(Qt::RichText);
    m_manualPart->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(QString(), m_manualPart);

    m_pass = new QRadioButton(tr("&Pass: the evidence shows it"), this);
    m_pass->setObjectName(QStringLiteral("attestationPass"));
    m_fail = new QRadioButton(tr("&Fail: it does not"), this);
    m_fail->setObjectName(QStringLiteral("attestationFail"));
    m_verdict = new QButtonGroup(this);
    m_verdict->addButton(m_pass);
    m_verdict->addButton(m_fail);
    m_pass->setChecked(true);
    auto *verdictRow = new QHBoxLayout;
    verdictRow->addWidget(m_pass);
    verdictRow->addWidget(m_fail);
    verdictRow->addStretch(1);
    form->addRow(tr("Verdict:"), verdictRow);

    m_statement = new QPlainTextEdit(this);
    m_statement->setObjectName(QStringLiteral("attestationStatement"));
    m_statement->setPlaceholderText(tr("What was verified, in which document or system, and how"));
    m_statement->setTabChangesFocus(true);
    m_statement->setFixedHeight(90);
    form->addRow(tr("&Statement:"), m_statement);
    m_attester = new QLineEdit(IssueQueries::operatorName(), this);
    m_attester->setObjectName(QStringLiteral("attestationAttester"));
    form->addRow(tr("Attested &by:"), m_attester);

    m_files = new QListWidget(this);
    m_files->setObjectName(QStringLiteral("attestationFiles"));
    m_files->setFixedHeight(80);
    m_addFiles = new QPushButton(tr("&Add Files…"), this);
    m_addFiles->setObjectName(QStringLiteral("attestationAddFiles"));
    m_removeFile = new QPushButton(tr("Re&move"), this);
    m_removeFile->setObjectName(QStringLiteral("attestationRemoveFile"));
    auto *fileButtons = new QVBoxLayout;
    fileButtons->addWidget(m_addFiles);
    fileButtons->addWidget(m_removeFile);
    fileButtons->addStretch(1);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_files, 1);
    fileRow->addLayout(fileButtons);
    auto *filesLabel = new QLabel(tr("&Evidence files:"), this);
    filesLabel->setBuddy(m_files);
    form->addRow(filesLabel, fileRow);
    layout->addLayout(form);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("attestationMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Record"));
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &AttestationDialog::record);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_template, &QComboBox::currentIndexChanged, this, &AttestationDialog::fillRequirements);
    connect(m_requirement, &QComboBox::currentIndexChanged, this, &AttestationDialog::showRequirement);
    connect(m_statement, &QPlainTextEdit::textChanged, this, &AttestationDialog::updateState);
    connect(m_attester, &QLineEdit::textChanged, this, &AttestationDialog::updateState);
    connect(m_files, &QListWidget::currentRowChanged, this, &AttestationDialog::updateState);
    connect(m_addFiles, &QPushButton::clicked, this, &AttestationDialog::chooseFiles);
    connect(m_removeFile, &QPushButton::clicked, this, [this] { removeEvidenceFile(m_files->currentRow()); });

    fillRequirements();
    if (!templateId.isEmpty())
        selectTemplate(templateId);
    if (!requirementId.isEmpty())
        selectRequirement(requirementId);
    updateState();
    resize(640, sizeHint().height());
}

void AttestationDialog::fillRequirements()
{
    const QSignalBlocker blocker(m_requirement);
    m_requirement->clear();
    const AssessmentTemplate *t
        = m_catalog ? m_catalog->assessment(m_template->currentData().toString()) : nullptr;
    if (t) {
        for (const RequirementDef &r : t->requirements) {
            if (!r.manual)
                continue; // checks only: the scan decides it, a person cannot attest it
            // The kind before the title: a long title is cut at the end, the kind stays readable.
            const QString kind = r.checks.isEmpty() ? tr("manual") : tr("checks + manual part");
            m_requirement->addItem(QStringLiteral("%1 [%2] \u2014 %3").arg(r.id, kind, r.title), r.id);
            m_requirement->setItemData(m_requirement->count() - 1, r.title, Qt::ToolTipRole);
        }
    }
    showRequirement();
}

const RequirementDef *AttestationDialog::currentRequirement() const
{
    const AssessmentTemplate *t
        = m_catalog ? m_catalog->assessment(m_template->currentData().toString()) : nullptr;
    if (!t)
        return nullptr;
    const QString id = m_requirement->currentData().toString();
    for (const RequirementDef &r : t->requirements)
        if (r.id == id && r.manual)
            return &r;
    return nullptr;
}

void AttestationDialog::showRequirement()
{
    showMessage({}, false);
    const RequirementDef *r = currentRequirement();
    if (!r) {
        m_manualPart->setText(m_template->count() == 0
                                  ? tr("No installed template has a requirement with a manual part.")
                                  : QString());
    } else {
        QString html = QStringLiteral("<p><b>%1</b></p><p><b>%2</b> %3<br><b>%4</b> %5</p>")
                           .arg(r->title.toHtmlEscaped(), tr("Ask for:"), r->manual->askFor.toHtmlEscaped(),
                                tr("It must show:"), r->manual->verify.toHtmlEscaped());
        if (!r->checks.isEmpty())
            html += QStringLiteral("<p>%1</p>")
                        .arg(tr("Its checks (%1) are assessed by the scan; this attestation covers its "
                                "manual part. It is met "
                                "when both pass.")
                                 .arg(r->checks.join(QStringLiteral(", ")).toHtmlEscaped()));
        m_manualPart->setText(html);
    }
    updateState();
}

void AttestationDialog::chooseFiles()
{
    // open(), not exec(): no nested event loop (CONVENTIONS.md 4).
    auto *chooser = new QFileDialog(this, tr("Evidence Files"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::ExistingFiles);
    connect(chooser, &QFileDialog::filesSelected, this, &AttestationDialog::addEvidenceFiles);
    chooser->open();
}

void AttestationDialog::updateState()
{
    const bool complete = isComplete();
    for (QWidget *w : std::initializer_list<QWidget *> {m_template, m_requirement, m_pass, m_fail,
                                                        m_statement, m_attester, m_files, m_addFiles})
        w->setEnabled(!m_recording);
    m_removeFile->setEnabled(!m_recording && m_files->currentRow() >= 0);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(complete && !m_recording);
    // An error stays until the user changes what caused it (the files, the requirement).
    if (m_recording || m_message->property("error").toBool())
        return;
    showMessage(complete                   ? QString()
                    : currentRequirement() ? tr("A statement and who attests are required.")
                                           : tr("Choose a requirement with a manual part."),
                false);
}

void AttestationDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("error", error);
    // A palette colour rather than a style sheet: it follows a theme change (light/dark).
    QPalette palette;
    if (error)
        palette.setColor(QPalette::WindowText, Theme::color(Theme::Tone::Bad));
    m_message->setPalette(palette);
}

bool AttestationDialog::isComplete() const
{
    return currentRequirement() && !m_statement->toPlainText().trimmed().isEmpty()
        && !m_attester->text().trimmed().isEmpty();
}

Attestation AttestationDialog::attestation() const
{
    Attestation a;
    a.templateId = m_template->currentData().toString();
    a.requirementId = m_requirement->currentData().toString();
    a.status = m_fail->isChecked() ? CheckStatus::Fail : CheckStatus::Pass;
    a.statement = m_statement->toPlainText().trimmed();
    a.attester = m_attester->text().trimmed();
    return a;
}

QStringList AttestationDialog::evidenceFiles() const
{
    QStringList paths;
    for (int row = 0; row < m_files->count(); ++row)
        paths << m_files->item(row)->data(Qt::UserRole).toString();
    return paths;
}

void AttestationDialog::record()
{
    if (!isComplete() || m_recording || m_path.isEmpty())
        return;
    m_recording = true;
    showMessage(tr("Recording…"), false);
    updateState();
    QPointer<AttestationDialog> self(this);
    IssueQueries::recordAttestation(m_path, m_catalog, attestation(), evidenceFiles())
        .then(this, [self](const Result<qint64> &id) {
            if (!self)
                return;
            self->m_recording = false;
            if (!id) {
                self->showMessage(tr("Not recorded: %1").arg(id.error().toString()), true);
                self->updateState();
                return;
            }
            emit self->recorded(*id);
            self->accept();
        });
}

QStringList AttestationDialog::offeredTemplates() const
{
    QStringList ids;
    for (int i = 0; i < m_template->count(); ++i)
        ids << m_template->itemData(i).toString();
    return ids;
}

QStringList AttestationDialog::offeredRequirements() const
{
    QStringList ids;
    for (int i = 0; i < m_requirement->count(); ++i)
        ids << m_requirement->itemData(i).toString();
    return ids;
}

bool AttestationDialog::selectTemplate(const QString &templateId)
{
    const int index = m_template->findData(templateId);
    if (index >= 0)
        m_template->setCurrentIndex(index);
    return index >= 0;
}

bool AttestationDialog::selectRequirement(const QString &requirementId)
{
    const int index = m_requirement->findData(requirementId);
    if (index >= 0)
        m_requirement->setCurrentIndex(index);
    return index >= 0;
}

void AttestationDialog::setVerdict(CheckStatus status)
{
    (status == CheckStatus::Fail ? m_fail : m_pass)->setChecked(true);
}

void AttestationDialog::setStatement(const QString &text)
{
    m_statement->setPlainText(text);
}

void AttestationDialog::setAttester(const QString &text)
{
    m_attester->setText(text);
}

void AttestationDialog::addEvidenceFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        if (!evidenceFiles().contains(path)) {
            auto *item = new QListWidgetItem(path, m_files);
            item->setData(Qt::UserRole, path);
        }
    }
    // A new file list may fix the last error (an unreadable file replaced).
    showMessage({}, false);
    updateState();
}

void AttestationDialog::removeEvidenceFile(int row)
{
    delete m_files->takeItem(row);
    showMessage({}, false);
    updateState();
}

QString AttestationDialog::messageText() const
{
    return m_message->text();
}

QString AttestationDialog::manualPartText() const
{
    return m_manualPart->text();
}

namespace AttestationPrompt {
void setNextScript(Script script)
{
    PromptScript<AttestationDialog>::setNext(std::move(script));
}

void ask(QWidget *parent, const QString &projectPath, std::shared_ptr<const Catalog> catalog,
         const QString &templateId, const QString &requirementId, std::function<void(qint64)> recorded)
{
    auto *dialog = new AttestationDialog(projectPath, std::move(catalog), templateId, requirementId, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &AttestationDialog::recorded, dialog, [recorded](qint64 id) { recorded(id); });
    if (Script script = PromptScript<AttestationDialog>::take()) {
        if (script(*dialog) && dialog->isComplete())
            dialog->record(); // closes itself once stored; keeps its error otherwise
        else
            dialog->close();
        return;
    }
    dialog->open();
}

} // namespace AttestationPrompt

} // namespace triad
