#pragma once

#include "AssessmentQueries.h"
#include "RunDialog.h"
#include "common/Result.h"
#include "scan/ScanTypes.h"

#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QGroupBox;
class QLabel;
class QProgressBar;
class QSplitter;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace triad {

class Catalog;
class ProjectVault;
class RunTimingPane;
class RunListModel;
class ScanController;
class ScanProgressModel;
class ScanProgressSortProxy;

/// The Assessments page: "New assessment…" (the run dialog), the live view of the running
/// assessment (per-asset stage and elapsed time, overall progress, Cancel, the summary at the
/// end) and the project's runs with their scores, assets reached and tailoring.
class AssessmentsView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssessmentsView)
public:
    explicit AssessmentsView(QWidget *parent = nullptr);
    ~AssessmentsView() override;

    /// Shows the runs of `path`; a running assessment of another project keeps its live view.
    void setProject(const QString &path);
    /// The templates to offer and to score with; until it arrives, New assessment is disabled.
    void setCatalog(std::shared_ptr<const Catalog> catalog);
    void reload();
    /// The vault shared with the other pages (the view keeps its own until given one).
    void setVault(ProjectVault *vault);
    [[nodiscard]] bool isVaultUnlocked() const;

    /// Opens the run dialog (through RunPrompt, so tests can script it) and starts what it chose.
    void startAssessment();
    void cancelAssessment();
    /// Re-evaluate…: asks for a tailoring (ReevaluatePrompt) and evaluates the selected run's
    /// evidence again on a worker; the derived run appears in the list.
    void reevaluateSelectedRun();

    [[nodiscard]] QAction *newAssessmentAction() const { return m_newAction; }
    [[nodiscard]] QAction *cancelAction() const { return m_cancelAction; }
    [[nodiscard]] RunListModel *runModel() const { return m_runs; }
    [[nodiscard]] QTableView *runTable() const { return m_runView; }
    [[nodiscard]] RunTimingPane *timingPane() const { return m_timing; }
    [[nodiscard]] ScanProgressModel *progressModel() const { return m_progress; }
    [[nodiscard]] ScanController *controller() const { return m_controller; }
    [[nodiscard]] bool isScanning() const;
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString liveSummaryText() const;
    [[nodiscard]] QString scoreLineText() const;
    [[nodiscard]] QString emptyStateText() const;
    [[nodiscard]] int overallProgress() const;

signals:
    /// The runs list shows the project's runs (`count` of them).
    void runsLoaded(int count);
    /// An assessment began writing run `runId`.
    void scanStarted(qint64 runId);
    /// An assessment ended (completed, cancelled or failed): the other views should reload.
    /// `runId` is 0 when it failed before a run was recorded.
    void runFinished(qint64 runId);

private:
    void buildUi();
    void buildTimingPane(QSplitter *splitter);
    [[nodiscard]] const RunInfo *selectedRun() const;
    void updateActions();
    void setStatus(const QString &text, bool error = false);
    void begin(const RunChoice &choice);
    void launch(const ScanRequest &request, const RunChoice &choice);
    void onRunStarted(qint64 runId, int assetCount);
    void onAssetStage(const QString &asset, AssetStage stage, const QString &detail);
    void onFinished(const Result<ScanSummary> &summary);
    void updateLiveSummary();
    void showSnapshot(const AssessmentsSnapshot &snapshot);

    QString m_path;
    QString m_scanPath;             ///< the project the running (or last) assessment writes to
    QString m_scanTemplate;
    qint64 m_scanRunId = 0;
    std::shared_ptr<const Catalog> m_catalog;
    std::optional<AssessmentsSnapshot> m_snapshot;
    quint64 m_generation = 0;

    ProjectVault *m_vault = nullptr;
    ScanController *m_controller = nullptr;
    ScanProgressModel *m_progress = nullptr;
    ScanProgressSortProxy *m_progressOrder = nullptr;
    RunListModel *m_runs = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_status = nullptr;
    QGroupBox *m_liveBox = nullptr;
    QLabel *m_liveSummary = nullptr;
    QProgressBar *m_bar = nullptr;
    QTableView *m_progressView = nullptr;
    QLabel *m_scoreLine = nullptr;
    QStackedWidget *m_runStack = nullptr;
    QLabel *m_emptyState = nullptr;
    QTableView *m_runView = nullptr;
    QTimer *m_tick = nullptr;
    RunTimingPane *m_timing = nullptr;
    QPushButton *m_reevaluateButton = nullptr;
    QTimer *m_summaryTimer = nullptr;
};

} // namespace triad
