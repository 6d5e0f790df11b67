#include "ReportDialog.h"

#include "IssueQueries.h"
#include "ReportJobs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace triad {
namespace {

constexpr double kPreviewDpi = 56;

QString extensionOf(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf:
        return QStringLiteral("pdf");
    case ReportFormat::Html:
        return QStringLiteral("html");
    case ReportFormat::Csv:
        return QStringLiteral("csv");
    case ReportFormat::Json:
        return QStringLiteral("json");
    case ReportFormat::Junit:
        return QStringLiteral("junit.xml");
    case ReportFormat::Oscal:
        return QStringLiteral("oscal.json");
    }
    return {};
}

QString formatLabel(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf:
        return QObject::tr("PDF — audit-ready report");
    case ReportFormat::Html:
        return QObject::tr("HTML — the same report for a browser");
    case ReportFormat::Csv:
        return QObject::tr("CSV — one row per result");
    case ReportFormat::Json:
        return QObject::tr("JSON — results for scripts");
    case ReportFormat::Junit:
        return QObject::tr("JUnit XML — a CI gate");
    case ReportFormat::Oscal:
        return QObject::tr("OSCAL — assessment results");
    }
    return {};
}

} // namespace

ReportDialog::ReportDialog(const QString &path, const QString &projectName, const QList<RunInfo> &runs,
                           std::shared_ptr<const Catalog> catalog, QWidget *parent)
    : QDialog(parent), m_path(path), m_projectName(projectName), m_runs(runs), m_catalog(std::move(catalog))
{
    std::sort(m_runs.begin(), m_runs.end(), [](const RunInfo &a, const RunInfo &b) { return a.id > b.id; });
    setWindowTitle(tr("Export Report"));
    buildUi();
    suggestOutputPath();
    updateState();
    resize(1080, 760);
    schedulePreview(); // from the event loop: whoever opened the dialog can connect first
}

ReportDialog::~ReportDialog()
{
    // The passphrase field holds a secret: leave nothing of it in the widget's buffer.
    m_passphrase->clear();
}

void ReportDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter, 1);

    auto *options = new QWidget(splitter);
    auto *optionsLayout = new QVBoxLayout(options);
    optionsLayout->setContentsMargins(0, 0, 8, 0);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_run = new QComboBox(options);
    m_run->setObjectName(QStringLiteral("reportRun"));
    for (const RunInfo &run : std::as_const(m_runs))
        m_run->addItem(tr("Run %1 · %2 · %3 · %4")
                           .arg(run.id)
                           .arg(run.templateId,
                                run.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                toString(run.status)),
                       run.id);
    form->addRow(tr("&Run:"), m_run);

    m_format = new QComboBox(options);
    m_format->setObjectName(QStringLiteral("reportFormat"));
    for (ReportFormat f : {ReportFormat::Pdf, ReportFormat::Html, ReportFormat::Csv, ReportFormat::Json,
                           ReportFormat::Junit, ReportFormat::Oscal})
        m_format->addItem(formatLabel(f), int(f));
    form->addRow(tr("&Format:"), m_format);

    m_paper = new QComboBox(options);
    m_paper->setObjectName(QStringLiteral("reportPaper"));
    m_paper->addItem(tr("A4"), int(report::PaperSize::A4));
    m_paper->addItem(tr("US Letter"), int(report::PaperSize::Letter));
    form->addRow(tr("&Paper:"), m_paper);

    auto *outputRow = new QHBoxLayout;
    m_output = new QLineEdit(options);
    m_output->setObjectName(QStringLiteral("reportOutput"));
    m_output->setPlaceholderText(tr("Report file to write"));
    m_browse = new QPushButton(tr("&Browse…"), options);
    m_browse->setObjectName(QStringLiteral("reportBrowse"));
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(m_browse);
    auto *outputLabel = new QLabel(tr("&Save to:"), options);
    outputLabel->setBuddy(m_output);
    form->addRow(outputLabel, outputRow);

    m_sign = new QCheckBox(tr("Si&gn with a certificate (detached CMS signature, FILE.sig)"), options);
    m_sign->setObjectName(QStringLiteral("reportSign"));
    form->addRow(QString(), m_sign);
    m_signFields = new QWidget(options);
    auto *signForm = new QFormLayout(m_signFields);
    signForm->setContentsMargins(0, 0, 0, 0);
    auto fileRow = [this](QLineEdit *&edit, const QString &placeholder, const QString &title) {
        edit = new QLineEdit(m_signFields);
        edit->setPlaceholderText(placeholder);
        auto *button = new QPushButton(tr("…"), m_signFields);
        button->setToolTip(title);
        button->setMaximumWidth(36);
        connect(button, &QPushButton::clicked, this, [this, &edit, title] {
            chooseFile(edit, title, tr("PEM files (*.pem *.key *.crt);;All files (*)"));
        });
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(button);
        return row;
    };
    QHBoxLayout *keyRow = fileRow(m_signKey, tr("PEM private key"), tr("Choose the private key"));
    signForm->addRow(tr("Private &key:"), keyRow);
    QHBoxLayout *certRow = fileRow(m_signCert, tr("PEM certificate of that key"), tr("Choose the certificate"));
    signForm->addRow(tr("&Certificate:"), certRow);
    // A label made for a row layout has no buddy: give Alt+K and Alt+C their line edits.
    qobject_cast<QLabel *>(signForm->labelForField(keyRow))->setBuddy(m_signKey);
    qobject_cast<QLabel *>(signForm->labelForField(certRow))->setBuddy(m_signCert);
    m_passphrase = new QLineEdit(m_signFields);
    m_passphrase->setObjectName(QStringLiteral("reportPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(tr("Only for an encrypted key; never stored"));
    signForm->addRow(tr("Passp&hrase:"), m_passphrase);   // Alt+P is the paper size
    m_signFields->setVisible(false);
    form->addRow(m_signFields);
    optionsLayout->addLayout(form);

    auto *note = new QLabel(
        tr("The SHA-256 of the file is recorded in the project, so that <code>triad-cli verify-report</code> "
           "can later tell this report from a changed copy. The PDF includes the evidence appendix with the "
           "SHA-256 of each item."),
        options);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    optionsLayout->addWidget(note);
    optionsLayout->addStretch(1);

    m_progress = new QProgressBar(options);
    m_progress->setObjectName(QStringLiteral("reportProgress"));
    m_progress->setRange(0, report::kExportStageCount);
    m_progress->setTextVisible(false);
    m_progress->hide();
    optionsLayout->addWidget(m_progress);
    m_status = new QLabel(options);
    m_status->setObjectName(QStringLiteral("reportStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    optionsLayout->addWidget(m_status);

    // The preview: page images of a PDF, the first lines of the others.
    auto *previewPane = new QWidget(splitter);
    auto *previewLayout = new QVBoxLayout(previewPane);
    previewLayout->setContentsMargins(8, 0, 0, 0);
    m_previewTitle = new QLabel(tr("<b>Preview</b>"), previewPane);
    m_previewTitle->setObjectName(QStringLiteral("reportPreviewTitle"));
    previewLayout->addWidget(m_previewTitle);
    m_previewStack = new QStackedWidget(previewPane);
    m_previewMessage = new QLabel(m_previewStack);
    m_previewMessage->setObjectName(QStringLiteral("reportPreviewMessage"));
    m_previewMessage->setAlignment(Qt::AlignCenter);
    m_previewMessage->setWordWrap(true);
    m_previewStack->addWidget(m_previewMessage);
    m_pageScroll = new QScrollArea(m_previewStack);
    m_pageScroll->setObjectName(QStringLiteral("reportPages"));
    m_pageScroll->setBackgroundRole(QPalette::Dark);
    m_pageScroll->setAlignment(Qt::AlignHCenter);
    m_pageStrip = new QWidget;
    m_pageLayout = new QVBoxLayout(m_pageStrip);
    m_pageLayout->setSpacing(12);
    m_pageLayout->setContentsMargins(12, 12, 12, 12);
    m_pageScroll->setWidget(m_pageStrip);
    m_pageScroll->setWidgetResizable(false);
    m_previewStack->addWidget(m_pageScroll);
    m_text = new QPlainTextEdit(m_previewStack);
    m_text->setObjectName(QStringLiteral("reportPreviewText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_previewStack->addWidget(m_text);
    previewLayout->addWidget(m_previewStack, 1);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({440, 640});

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("reportExportButton"));
    m_export->setDefault(true);
    layout->addWidget(m_buttons);

    m_previewDelay = new QTimer(this);
    m_previewDelay->setSingleShot(true);
    m_previewDelay->setInterval(250); // one preview for a burst of changes

    connect(m_previewDelay, &QTimer::timeout, this, &ReportDialog::requestPreview);
    connect(m_run, &QComboBox::currentIndexChanged, this, [this] {
        suggestOutputPath();
        schedulePreview();
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        suggestOutputPath();
        updateState();
        schedulePreview();
    });
    connect(m_paper, &QComboBox::currentIndexChanged, this, &ReportDialog::schedulePreview);
    connect(m_output, &QLineEdit::textEdited, this, [this] { m_outputEdited = true; });
    connect(m_output, &QLineEdit::textChanged, this, &ReportDialog::updateState);
    connect(m_browse, &QPushButton::clicked, this, &ReportDialog::chooseOutputPath);
    connect(m_sign, &QCheckBox::toggled, this, [this](bool on) {
        m_signFields->setVisible(on);
        updateState();
    });
    connect(m_signKey, &QLineEdit::textChanged, this, &ReportDialog::updateState);
    connect(m_signCert, &QLineEdit::textChanged, this, &ReportDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ReportDialog::startExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReportDialog::reject);
}

void ReportDialog::reject()
{
    // Closing mid-export would hide whether the file was written and recorded: wait for it.
    if (m_exporting) {
        setStatus(tr("The export is still running; the dialog can be closed when it is done."));
        return;
    }
    QDialog::reject();
}

// ---- fields ---------------------------------------------------------------------------------

void ReportDialog::setRun(qint64 runId)
{
    const int index = m_run->findData(runId);
    if (index >= 0)
        m_run->setCurrentIndex(index);
}

void ReportDialog::setFormat(ReportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void ReportDialog::setPaper(report::PaperSize paper)
{
    m_paper->setCurrentIndex(m_paper->findData(int(paper)));
}

void ReportDialog::setOutputPath(const QString &path)
{
    m_outputEdited = true;
    m_output->setText(path);
}

void ReportDialog::setSigning(const QString &keyPath, const QString &certPath, const QString &passphrase)
{
    m_sign->setChecked(!keyPath.isEmpty());
    m_signKey->setText(keyPath);
    m_signCert->setText(certPath);
    m_passphrase->setText(passphrase);
}

qint64 ReportDialog::runId() const
{
    return m_run->currentData().toLongLong();
}

ReportFormat ReportDialog::format() const
{
    return ReportFormat(m_format->currentData().toInt());
}

report::PaperSize ReportDialog::paper() const
{
    return report::PaperSize(m_paper->currentData().toInt());
}

QString ReportDialog::outputPath() const
{
    return m_output->text().trimmed();
}

QString ReportDialog::statusText() const
{
    return m_status->text();
}

report::ExportRequest ReportDialog::request() const
{
    report::ExportRequest r;
    r.runId = runId();
    r.format = format();
    r.paper = paper();
    r.outPath = outputPath();
    if (m_sign->isChecked()) {
        r.signKeyPath = m_signKey->text().trimmed();
        r.signCertPath = m_signCert->text().trimmed();
    }
    r.createdBy = IssueQueries::operatorName();
    return r;
}

void ReportDialog::suggestOutputPath()
{
    // Until the user picks a file, the name follows the run and the format, next to the project.
    if (m_outputEdited && !m_output->text().isEmpty() && m_output->text() != m_suggested)
        return;
    QString base = m_projectName.isEmpty() ? QFileInfo(m_path).completeBaseName() : m_projectName;
    base = base.toLower().replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    base.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    if (base.isEmpty())
        base = QStringLiteral("report");
    const QString dir = QFileInfo(m_path).absolutePath();
    m_suggested
        = QDir(dir).filePath(QStringLiteral("%1-run%2.%3").arg(base).arg(runId()).arg(extensionOf(format())));
    m_output->setText(m_suggested);
    m_outputEdited = false;
}

void ReportDialog::chooseOutputPath()
{
    const QString ext = extensionOf(format());
    const QString chosen
        = QFileDialog::getSaveFileName(this, tr("Export Report"), outputPath(),
                                       tr("%1 (*.%2);;All files (*)").arg(toString(format()).toUpper(), ext));
    if (!chosen.isEmpty())
        setOutputPath(chosen);
}

void ReportDialog::chooseFile(QLineEdit *edit, const QString &title, const QString &filter)
{
    const QString chosen = QFileDialog::getOpenFileName(this, title, edit->text(), filter);
    if (!chosen.isEmpty())
        edit->setText(chosen);
}

void ReportDialog::updateState()
{
    m_paper->setEnabled(format() == ReportFormat::Pdf);
    const bool signingComplete = !m_sign->isChecked()
        || (!m_signKey->text().trimmed().isEmpty() && !m_signCert->text().trimmed().isEmpty());
    const bool ready = !m_exporting && runId() != 0 && !outputPath().isEmpty() && signingComplete;
    m_export->setEnabled(ready);
    for (QWidget *w :
         {static_cast<QWidget *>(m_run), static_cast<QWidget *>(m_format), static_cast<QWidget *>(m_output),
          static_cast<QWidget *>(m_browse), static_cast<QWidget *>(m_sign), m_signFields})
        w->setEnabled(!m_exporting);
    if (m_exporting)
        m_paper->setEnabled(false);
}

void ReportDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

// ---- preview --------------------------------------------------------------------------------

void ReportDialog::schedulePreview()
{
    m_previewDelay->start();
}

void ReportDialog::requestPreview()
{
    const quint64 generation = ++m_previewGeneration;
    if (runId() == 0) {
        m_previewMessage->setText(tr("<h3>No run to report on</h3><p>Run an assessment first; its report can "
                                     "then be previewed and exported here.</p>"));
        m_previewStack->setCurrentWidget(m_previewMessage);
        return;
    }
    m_previewTitle->setText(tr("<b>Preview</b> — rendering…"));
    if (m_previewStack->currentWidget() == m_previewMessage)
        m_previewMessage->setText(tr("Rendering the preview…"));
    report::PreviewOptions options;
    options.dpi = kPreviewDpi * devicePixelRatioF();
    QPointer<ReportDialog> self(this);
    ReportJobs::preview(m_path, m_catalog, runId(), format(), paper(), options)
        .then(this, [self, generation](const Result<report::ReportPreview> &preview) {
            if (!self || self->m_previewGeneration != generation)
                return; // the choices changed meanwhile: a newer preview is on its way
            if (!preview) {
                self->m_previewTitle->setText(tr("<b>Preview</b>"));
                self->m_previewMessage->setText(
                    tr("<p>The preview failed: %1</p>").arg(preview.error().toString().toHtmlEscaped()));
                self->m_previewStack->setCurrentWidget(self->m_previewMessage);
                emit self->previewFailed(preview.error().toString());
                return;
            }
            self->showPreview(*preview);
            emit self->previewReady();
        });
}

void ReportDialog::showPreview(const report::ReportPreview &preview)
{
    m_preview = preview;
    if (preview.format == ReportFormat::Pdf) {
        while (QLayoutItem *item = m_pageLayout->takeAt(0)) {
            delete item->widget();
            delete item;
        }
        for (const QImage &image : preview.pages) {
            auto *page = new QLabel(m_pageStrip);
            QPixmap pixmap = QPixmap::fromImage(image);
            pixmap.setDevicePixelRatio(devicePixelRatioF());
            page->setPixmap(pixmap);
            page->setFrameShape(QFrame::Box);
            page->setLineWidth(1);
            m_pageLayout->addWidget(page, 0, Qt::AlignHCenter);
        }
        m_pageStrip->adjustSize();
        m_previewTitle->setText(
            tr("<b>Preview</b> — pages 1–%1 of %2").arg(preview.pages.size()).arg(preview.pageCount));
        m_previewStack->setCurrentWidget(m_pageScroll);
        return;
    }
    m_text->setPlainText(preview.text);
    const int shown = int(preview.text.count(QLatin1Char('\n'))) + (preview.text.isEmpty() ? 0 : 1);
    m_previewTitle->setText(tr("<b>Preview</b> — first %1 of %2 lines (%3 KB)")
                                .arg(shown)
                                .arg(preview.lineCount)
                                .arg(QString::number(double(preview.size) / 1024.0, 'f', 1)));
    m_previewStack->setCurrentWidget(m_text);
}

// ---- export ---------------------------------------------------------------------------------

bool ReportDialog::startExport()
{
    if (m_exporting || !m_export->isEnabled())
        return false;
    report::ExportRequest request = this->request();
    if (m_sign->isChecked())
        request.signKeyPassphrase = m_passphrase->text().toUtf8();
    const QString dir = QFileInfo(request.outPath).absolutePath();
    if (!QFileInfo(dir).isDir()) {
        setStatus(tr("The folder %1 does not exist: choose another file.").arg(dir), true);
        emit exportFailed(m_status->text());
        return false;
    }
    m_exporting = true;
    updateState();
    m_progress->setValue(0);
    m_progress->show();
    setStatus(tr("Exporting…"));

    auto future = ReportJobs::exportReport(m_path, m_catalog, std::move(request));
    auto *watcher = new QFutureWatcher<Result<report::ExportOutcome>>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(watcher, &QFutureWatcherBase::progressTextChanged, this, [this](const QString &text) {
        if (!text.isEmpty())
            setStatus(tr("%1…").arg(text));
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_exporting = false;
        m_progress->hide();
        m_passphrase->clear();
        const Result<report::ExportOutcome> outcome = watcher->result();
        updateState();
        if (!outcome) {
            setStatus(tr("The report was not exported: %1").arg(outcome.error().toString()), true);
            emit exportFailed(outcome.error().toString());
            return;
        }
        const ReportRecord &r = outcome->record;
        QString text = tr("Report %1 written to %2").arg(r.id).arg(r.fileName);
        if (outcome->pages)
            text += tr(" (%1 pages)").arg(outcome->pages);
        text += tr(".\nSHA-256 %1 recorded in the project.").arg(r.sha256);
        if (!outcome->signaturePath.isEmpty())
            text += tr("\nSignature %1 by %2.").arg(outcome->signaturePath, r.signerSubject);
        setStatus(text);
        emit exported(r.id, r.sha256);
    });
    watcher->setFuture(future);
    return true;
}

} // namespace triad
