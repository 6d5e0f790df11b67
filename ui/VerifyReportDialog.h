#pragma once

#include <QDialog>
#include <QString>

#include <functional>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace triad {

/// File › Verify Report: checks a report file against the open project's record of its exports
/// and, when there is one, its detached signature (optionally against a certificate or CA), the
/// same check as `triad-cli verify-report` (report::verifyReport). The check runs on a worker
/// thread; the verdict, or why the files could not be read, is written in words in the dialog.
class VerifyReportDialog final : public QDialog {
    Q_OBJECT
public:
    explicit VerifyReportDialog(QString projectPath, QWidget *parent = nullptr);

    void setReportPath(const QString &path);
    void setSignaturePath(const QString &path);
    void setCertificatePath(const QString &path);
    void setCaPath(const QString &path);

    /// Starts the check; false (with the reason shown) when no report file is given.
    bool startVerify();
    [[nodiscard]] QString verdictText() const;

signals:
    /// The verdict is shown: `verified` is false also when a file could not be read.
    void verdictShown(bool verified);

private:
    QLineEdit *addFileRow(QFormLayout *form, const QString &label, const QString &name, const QString &filter);
    void showVerdict(bool verified, const QString &text);

    QString m_projectPath;
    QLineEdit *m_report = nullptr;
    QLineEdit *m_signature = nullptr;
    QLineEdit *m_cert = nullptr;
    QLineEdit *m_ca = nullptr;
    QPushButton *m_verify = nullptr;
    QLabel *m_verdict = nullptr;
};

/// Opens the dialog (window-modal, deleted when closed). Tests script the next one instead of
/// showing it: the script fills it in and may start the check; returning false closes it.
namespace VerifyReportPrompt {
using Script = std::function<bool(VerifyReportDialog &)>;
VerifyReportDialog *ask(QWidget *parent, const QString &projectPath);
void setNextScript(Script script);
} // namespace VerifyReportPrompt

} // namespace triad
