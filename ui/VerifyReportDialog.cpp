#include "VerifyReportDialog.h"

#include "BackgroundPool.h"
#include "PromptScript.h"
#include "db/ProjectDatabase.h"
#include "reports/ReportVerification.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace triad {

namespace {

struct Outcome {
    bool verified = false;
    QString text;
};

/// The verdict in an auditor's words: which export the file is, whether the project recorded it,
/// and whose signature it carries.
Outcome describe(const report::ReportVerification &v)
{
    QStringList lines;
    if (v.projectChecked) {
        if (v.record) {
            const ReportRecord &r = *v.record;
            lines << VerifyReportDialog::tr("Recorded in this project: report %1, the %2 report of run %3, exported %4 UTC by %5. "
                                            "Its SHA-256 matches the recorded one.")
                         .arg(r.id)
                         .arg(r.format.toUpper())
                         .arg(r.runId)
                         .arg(r.createdAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")), r.createdBy);
        } else {
            lines << VerifyReportDialog::tr("Not recorded: no report with this SHA-256 was exported from this project. "
                                            "The file was changed after export, or it comes from another project.");
        }
    }
    if (v.signaturePath.isEmpty()) {
        lines << VerifyReportDialog::tr("No signature was checked (no signature file given, and none beside the report).");
    } else if (v.signer) {
        lines << VerifyReportDialog::tr("The signature is valid, signed by %1 (certificate SHA-256 %2).")
                     .arg(v.signer->signerSubject, v.signer->certificateSha256);
        if (v.signatureWasResigned)
            lines << VerifyReportDialog::tr("Note: this is not the signature file recorded at export; the report was signed again.");
    } else {
        lines << VerifyReportDialog::tr("The signature is NOT valid: %1").arg(v.signatureError);
    }
    lines << VerifyReportDialog::tr("SHA-256 of the file: %1").arg(v.sha256);
    const bool ok = v.verified();
    lines.prepend(ok ? VerifyReportDialog::tr("Verified.") : VerifyReportDialog::tr("NOT verified."));
    return {ok, lines.join(QLatin1Char('\n'))};
}

} // namespace

VerifyReportDialog::VerifyReportDialog(QString projectPath, QWidget *parent)
    : QDialog(parent), m_projectPath(std::move(projectPath))
{
    setWindowTitle(tr("Verify Report"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Checks a report file against this project's record of its exports and, when given "
                                "or found beside it (REPORT.sig), its signature."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    m_report = addFileRow(form, tr("&Report file:"), QStringLiteral("verifyReport"), tr("Reports (*.pdf *.html *.csv *.json *.xml);;All files (*)"));
    m_signature = addFileRow(form, tr("&Signature:"), QStringLiteral("verifySignature"), tr("Signatures (*.sig);;All files (*)"));
    m_signature->setPlaceholderText(tr("optional; REPORT.sig when it exists"));
    m_cert = addFileRow(form, tr("C&ertificate:"), QStringLiteral("verifyCert"), tr("PEM certificates (*.pem *.crt);;All files (*)"));
    m_cert->setPlaceholderText(tr("optional; the signer must be this certificate"));
    m_ca = addFileRow(form, tr("C&A bundle:"), QStringLiteral("verifyCa"), tr("PEM certificates (*.pem *.crt);;All files (*)"));
    m_ca->setPlaceholderText(tr("optional; the signer's chain must verify against it"));

    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("verifyVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verdict->setMinimumHeight(110);
    m_verdict->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_verdict, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_verify = buttons->addButton(tr("&Verify"), QDialogButtonBox::ActionRole);
    m_verify->setObjectName(QStringLiteral("verifyStart"));
    m_verify->setDefault(true);
    connect(m_verify, &QPushButton::clicked, this, [this] { startVerify(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 380);
    m_report->setFocus();
}

QLineEdit *VerifyReportDialog::addFileRow(QFormLayout *form, const QString &label, const QString &name, const QString &filter)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(name + QStringLiteral("Browse"));
    connect(browse, &QPushButton::clicked, this, [this, edit, filter] {
        auto *chooser = new QFileDialog(this, tr("Choose a File"), edit->text(), filter);
        chooser->setAttribute(Qt::WA_DeleteOnClose);
        chooser->setFileMode(QFileDialog::ExistingFile);
        connect(chooser, &QFileDialog::fileSelected, edit, &QLineEdit::setText);
        chooser->open();
    });
    auto *row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    auto *caption = new QLabel(label, this);
    caption->setBuddy(edit);
    form->addRow(caption, row);
    return edit;
}

void VerifyReportDialog::setReportPath(const QString &path) { m_report->setText(path); }
void VerifyReportDialog::setSignaturePath(const QString &path) { m_signature->setText(path); }
void VerifyReportDialog::setCertificatePath(const QString &path) { m_cert->setText(path); }
void VerifyReportDialog::setCaPath(const QString &path) { m_ca->setText(path); }
QString VerifyReportDialog::verdictText() const { return m_verdict->text(); }

bool VerifyReportDialog::startVerify()
{
    report::VerifyRequest request;
    request.reportPath = m_report->text().trimmed();
    request.signaturePath = m_signature->text().trimmed();
    request.certPath = m_cert->text().trimmed();
    request.caPath = m_ca->text().trimmed();
    if (request.reportPath.isEmpty()) {
        showVerdict(false, tr("Choose the report file to verify."));
        m_report->setFocus();
        return false;
    }
    m_verify->setEnabled(false);
    m_verdict->setText(tr("Verifying…"));
    const QString projectPath = m_projectPath;
    QPointer<VerifyReportDialog> self(this);
    QtConcurrent::run(backgroundPool(), [request, projectPath]() -> Outcome {
        auto db = ProjectDatabase::open(projectPath, ProjectDatabase::OpenMode::ReadOnly);
        if (!db)
            return {false, tr("The project could not be read: %1").arg(db.error().message)};
        auto verdict = report::verifyReport(request, db->get());
        if (!verdict)
            return {false, tr("Not verified: %1").arg(verdict.error().toString())};
        return describe(*verdict);
    }).then(this, [self](const Outcome &outcome) {
        if (self)
            self->showVerdict(outcome.verified, outcome.text);
    });
    return true;
}

void VerifyReportDialog::showVerdict(bool verified, const QString &text)
{
    m_verify->setEnabled(true);
    m_verdict->setText(text);
    m_verdict->setStyleSheet(verified ? QStringLiteral("color: palette(text);") : QStringLiteral("color: #b3261e;"));
    emit verdictShown(verified);
}

namespace VerifyReportPrompt {

void setNextScript(Script script)
{
    PromptScript<VerifyReportDialog>::setNext(std::move(script));
}

VerifyReportDialog *ask(QWidget *parent, const QString &projectPath)
{
    auto *dialog = new VerifyReportDialog(projectPath, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    if (Script script = PromptScript<VerifyReportDialog>::take()) {
        if (!script(*dialog))
            dialog->close();
        return dialog;
    }
    dialog->open();
    return dialog;
}

} // namespace VerifyReportPrompt

} // namespace triad
