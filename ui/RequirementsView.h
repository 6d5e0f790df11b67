#pragma once

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace triad {

class Catalog;
class RequirementStatusFilter;
class RequirementStatusModel;

/// The requirements of the selected run with their status in words (met, failed, "Checks pass ·
/// manual evidence outstanding", attested), the count of outstanding manual evidence, a filter to
/// that evidence, the evidence to ask for in a detail pane, and "Record Attestation…" for the
/// selected requirement. Read from the run's report model, as `triad-cli requirements` does.
class RequirementsView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequirementsView)
public:
    explicit RequirementsView(QWidget *parent = nullptr);

    void setCatalog(std::shared_ptr<const Catalog> catalog);
    /// Shows the requirements of run `runId` of the project at `path`.
    void setRun(const QString &path, qint64 runId);
    /// Reads the run again: now when the view is shown, else when it is next shown (a run's
    /// report model is not free to build).
    void reload();
    void clear();

    void setOutstandingOnly(bool only);
    /// Opens the Record Attestation dialog (AttestationPrompt) on the selected requirement.
    void recordAttestation();
    /// Selects the row of `requirementId`, if shown; false otherwise.
    bool selectRequirement(const QString &requirementId);

    [[nodiscard]] RequirementStatusModel *model() const { return m_model; }
    [[nodiscard]] RequirementStatusFilter *filter() const { return m_filter; }
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QString detailText() const;

protected:
    void showEvent(QShowEvent *event) override;

signals:
    /// The table shows run `runId`'s requirements.
    void requirementsLoaded(qint64 runId);
    void attestationRecorded(qint64 attestationId);

private:
    void showDetail();
    void updateActions();

    QString m_path;
    qint64 m_runId = 0;
    QString m_templateId;
    quint64 m_generation = 0;
    bool m_stale = false;   ///< the run changed while the view was hidden
    std::shared_ptr<const Catalog> m_catalog;
    RequirementStatusModel *m_model = nullptr;
    RequirementStatusFilter *m_filter = nullptr;
    QLabel *m_summary = nullptr;
    QCheckBox *m_outstanding = nullptr;
    QPushButton *m_record = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_detail = nullptr;
};

} // namespace triad
