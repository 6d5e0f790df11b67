#pragma once

#include "db/IssueTypes.h"

#include <QDialog>

#include <functional>
#include <memory>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace triad {

class Catalog;
struct RequirementDef;

/// Records a person's verdict on a requirement with a manual part (manual-only, or the manual part
/// of a requirement that also has checks): template, requirement, pass or fail, statement, who
/// attests, and evidence files. Only such requirements are offered; each shows the evidence to ask
/// for and what it must show. "Record" stores it on a worker thread through the same core path as
/// `triad-cli attest`; an error (an unreadable file, …) is shown in the dialog and nothing is stored.
class AttestationDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttestationDialog)
public:
    /// `templateId`/`requirementId` preselect a requirement when it is offered.
    AttestationDialog(const QString &projectPath, std::shared_ptr<const Catalog> catalog,
                      const QString &templateId, const QString &requirementId, QWidget *parent = nullptr);

    [[nodiscard]] Attestation attestation() const;
    [[nodiscard]] QStringList evidenceFiles() const;
    [[nodiscard]] bool isComplete() const;
    [[nodiscard]] bool isRecording() const { return m_recording; }

    // For scripted tests and callers: the fields, by role.
    [[nodiscard]] QStringList offeredTemplates() const;
    /// Requirement ids offered for the chosen template, in template order.
    [[nodiscard]] QStringList offeredRequirements() const;
    bool selectTemplate(const QString &templateId);
    bool selectRequirement(const QString &requirementId);
    void setVerdict(CheckStatus status);
    void setStatement(const QString &text);
    void setAttester(const QString &text);
    void addEvidenceFiles(const QStringList &paths);
    void removeEvidenceFile(int row);
    /// The text under the form: what is missing, or why recording failed.
    [[nodiscard]] QString messageText() const;
    [[nodiscard]] QString manualPartText() const;

    /// Stores the attestation (as the Record button does); emits recorded() and closes on success.
    void record();

signals:
    void recorded(qint64 attestationId);

private:
    void fillRequirements();
    void showRequirement();
    void chooseFiles();
    void updateState();
    void showMessage(const QString &text, bool error);
    [[nodiscard]] const RequirementDef *currentRequirement() const;

    QString m_path;
    std::shared_ptr<const Catalog> m_catalog;
    bool m_recording = false;
    QComboBox *m_template = nullptr;
    QComboBox *m_requirement = nullptr;
    QLabel *m_manualPart = nullptr;
    QRadioButton *m_pass = nullptr;
    QRadioButton *m_fail = nullptr;
    QButtonGroup *m_verdict = nullptr;
    QPlainTextEdit *m_statement = nullptr;
    QLineEdit *m_attester = nullptr;
    QListWidget *m_files = nullptr;
    QPushButton *m_addFiles = nullptr;
    QPushButton *m_removeFile = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

/// Opens an AttestationDialog without a nested event loop; `recorded` runs once an attestation is
/// stored. Tests script the next dialog instead of showing it: the script fills it and returns
/// whether to press Record; the dialog then records exactly as when shown, stays (hidden) with its
/// error when recording fails, and closes when it succeeds.
namespace AttestationPrompt {
using Script = std::function<bool(AttestationDialog &)>;
void ask(QWidget *parent, const QString &projectPath, std::shared_ptr<const Catalog> catalog,
         const QString &templateId, const QString &requirementId, std::function<void(qint64)> recorded);
void setNextScript(Script script);
} // namespace AttestationPrompt

} // namespace triad
