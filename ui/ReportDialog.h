#pragma once

#include "db/ProjectTypes.h"
#include "reports/ReportExport.h"
#include "reports/ReportPreview.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTimer;
class QVBoxLayout;

namespace triad {

class Catalog;

/// File › Export Report…: one run of the project in one format (PDF, HTML, CSV, JSON, JUnit,
/// OSCAL), paper size, an optional detached signature, and the output file, with a preview of
/// the first pages (PDF) or lines (the others). The export runs on a worker thread through the
/// code path of `triad-cli report`, so the file's SHA-256 lands in the project's reports table
/// exactly as from the command line. Errors (no such folder, disk full, bad key) are shown in
/// the dialog. Open it with open(): no nested event loop; tests drive it through the setters.
class ReportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportDialog)
public:
    /// `runs` of the project at `path`; the newest is chosen. `catalog` may be null.
    ReportDialog(const QString &path, const QString &projectName, const QList<RunInfo> &runs,
                 std::shared_ptr<const Catalog> catalog, QWidget *parent = nullptr);
    ~ReportDialog() override;

    // The fields, for scripted tests and for MainWindow.
    void setRun(qint64 runId);
    void setFormat(ReportFormat format);
    void setPaper(report::PaperSize paper);
    void setOutputPath(const QString &path);
    void setSigning(const QString &keyPath, const QString &certPath, const QString &passphrase = {});
    [[nodiscard]] qint64 runId() const;
    [[nodiscard]] ReportFormat format() const;
    [[nodiscard]] report::PaperSize paper() const;
    [[nodiscard]] QString outputPath() const;
    /// The export as entered (without the passphrase).
    [[nodiscard]] report::ExportRequest request() const;

    /// What the preview shows now (empty until previewReady()).
    [[nodiscard]] const report::ReportPreview &preview() const { return m_preview; }
    /// The text of the status line (errors, progress, the recorded SHA-256).
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] bool isExporting() const { return m_exporting; }

    /// Starts the export as the Export button does; false when a field is missing.
    bool startExport();
    void reject() override;

signals:
    void previewReady();
    void previewFailed(const QString &error);
    /// The file is written and recorded as report `reportId`.
    void exported(qint64 reportId, const QString &sha256);
    void exportFailed(const QString &error);

private:
    void buildUi();
    void schedulePreview();
    void requestPreview();
    void showPreview(const report::ReportPreview &preview);
    void suggestOutputPath();
    void chooseOutputPath();
    void chooseFile(QLineEdit *edit, const QString &title, const QString &filter);
    void updateState();
    void setStatus(const QString &text, bool error = false);

    QString m_path;
    QString m_projectName;
    QList<RunInfo> m_runs;
    std::shared_ptr<const Catalog> m_catalog;
    report::ReportPreview m_preview;
    quint64 m_previewGeneration = 0;
    bool m_exporting = false;
    bool m_outputEdited = false; ///< the user typed a path: do not replace it on format change
    QString m_suggested;

    QComboBox *m_run = nullptr;
    QComboBox *m_format = nullptr;
    QComboBox *m_paper = nullptr;
    QLineEdit *m_output = nullptr;
    QPushButton *m_browse = nullptr;
    QCheckBox *m_sign = nullptr;
    QWidget *m_signFields = nullptr;
    QLineEdit *m_signKey = nullptr;
    QLineEdit *m_signCert = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLabel *m_previewTitle = nullptr;
    QStackedWidget *m_previewStack = nullptr;
    QScrollArea *m_pageScroll = nullptr;
    QWidget *m_pageStrip = nullptr;
    QVBoxLayout *m_pageLayout = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_previewMessage = nullptr;
    QTimer *m_previewDelay = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_export = nullptr;
};

} // namespace triad
