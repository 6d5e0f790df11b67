#include "AssessmentsView.h"
#include "ReevaluateDialog.h"
#include "RunTimingPane.h"
#include "TableViews.h"

#include "IssueQueries.h"
#include "ScanController.h"
#include "AssetQueries.h"
#include "ProjectVault.h"
#include "engine/Catalog.h"
#include "models/RunListModel.h"
#include "models/ScanProgressModel.h"

#include <QAction>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace triad {
AssessmentsView::AssessmentsView(QWidget *parent) : QWidget(parent)
{
    m_vault = new ProjectVault(this);
    m_controller = new ScanController(this);
    m_progress = new ScanProgressModel(this);
    m_runs = new RunListModel(this);
    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    // A fleet reports hundreds of stage changes, many at once when a wave of hosts ends: the
    // summary line and the progress bar are redrawn at most ten times a second.
    m_summaryTimer = new QTimer(this);
    m_summaryTimer->setSingleShot(true);
    m_summaryTimer->setInterval(100);
    connect(m_summaryTimer, &QTimer::timeout, this, [this] {
        m_bar->setValue(m_progress->finishedCount());
        updateLiveSummary();
    });
    buildUi();
    connect(m_controller, &ScanController::runStarted, this, &AssessmentsView::onRunStarted);
    connect(m_controller, &ScanController::assetStageChanged, this, &AssessmentsView::onAssetStage);
    connect(m_controller, &ScanController::finished, this, &AssessmentsView::onFinished);
    connect(m_tick, &QTimer::timeout, m_progress, &ScanProgressModel::tick);
    updateActions();
}

AssessmentsView::~AssessmentsView() = default;

void AssessmentsView::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_newAction = new QAction(tr("&New Assessment…"), this);
    m_newAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_newAction->setToolTip(tr("Choose assets, a template and a tailoring, and assess them (Ctrl+R)"));
    connect(m_newAction, &QAction::triggered, this, &AssessmentsView::startAssessment);
    m_cancelAction = new QAction(tr("&Cancel Assessment"), this);
    m_cancelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_cancelAction->setToolTip(tr("Stop the running assessment; assets already finished keep their results (Ctrl+Shift+R)"));
    connect(m_cancelAction, &QAction::triggered, this, &AssessmentsView::cancelAssessment);

    auto *bar = new QHBoxLayout;
    auto *title = new QLabel(tr("<b>Assessments</b>"), this);
    m_newButton = new QPushButton(m_newAction->text(), this);
    m_newButton->setObjectName(QStringLiteral("newAssessment"));
    m_newButton->setToolTip(m_newAction->toolTip());
    connect(m_newButton, &QPushButton::clicked, m_newAction, &QAction::trigger);
    m_cancelButton = new QPushButton(tr("Cancel Assessment"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelAssessment"));
    m_cancelButton->setToolTip(m_cancelAction->toolTip());
    connect(m_cancelButton, &QPushButton::clicked, m_cancelAction, &QAction::trigger);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("assessmentStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addWidget(title);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_newButton);
    bar->addWidget(m_cancelButton);
    layout->addLayout(bar);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_liveBox = new QGroupBox(tr("Running assessment"), splitter);
    m_liveBox->setObjectName(QStringLiteral("liveAssessment"));
    auto *live = new QVBoxLayout(m_liveBox);
    m_liveSummary = new QLabel(m_liveBox);
    m_liveSummary->setObjectName(QStringLiteral("liveSummary"));
    m_liveSummary->setWordWrap(true);
    m_liveSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bar = new QProgressBar(m_liveBox);
    m_bar->setFormat(tr("%v of %m assets finished"));
    m_progressOrder = new ScanProgressSortProxy(this);
    m_progressOrder->setSourceModel(m_progress);
    m_progressView = makeRecordTable(m_progressOrder, m_liveBox);
    m_progressView->setSortingEnabled(true);
    m_progressView->sortByColumn(ScanProgressModel::Stage, Qt::AscendingOrder);
    m_progressView->setObjectName(QStringLiteral("progressTable"));
    m_progressView->horizontalHeader()->resizeSection(ScanProgressModel::Asset, 220);
    m_progressView->horizontalHeader()->resizeSection(ScanProgressModel::Stage, 110);
    m_progressView->horizontalHeader()->resizeSection(ScanProgressModel::Elapsed, 80);
    live->addWidget(m_liveSummary);
    live->addWidget(m_bar);
    live->addWidget(m_progressView, 1);
    m_liveBox->setVisible(false);

    auto *runsBox = new QGroupBox(tr("Runs"), splitter);
    auto *runsLayout = new QVBoxLayout(runsBox);
    m_scoreLine = new QLabel(runsBox);
    m_scoreLine->setObjectName(QStringLiteral("scoreLine"));
    m_scoreLine->setWordWrap(true);
    runsLayout->addWidget(m_scoreLine);
    m_runStack = new QStackedWidget(runsBox);
    m_emptyState = new QLabel(m_runStack);
    m_emptyState->setObjectName(QStringLiteral("assessmentsEmptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_runStack->addWidget(m_emptyState);
    m_runView = makeRecordTable(m_runs, m_runStack);
    m_runView->setObjectName(QStringLiteral("assessmentRuns"));
    m_runStack->addWidget(m_runView);
    runsLayout->addWidget(m_runStack, 1);
    m_reevaluateButton = new QPushButton(tr("Re-evaluate…"), runsBox);
    m_reevaluateButton->setObjectName(QStringLiteral("reevaluateRun"));
    m_reevaluateButton->setToolTip(tr("Evaluate the selected run again from its stored evidence, with a tailoring of "
                                      "your choice, without contacting any host (as triad-cli reevaluate)"));
    m_reevaluateButton->setEnabled(false);
    connect(m_reevaluateButton, &QPushButton::clicked, this, &AssessmentsView::reevaluateSelectedRun);
    auto *runButtons = new QHBoxLayout;
    runButtons->addStretch(1);
    runButtons->addWidget(m_reevaluateButton);
    runsLayout->addLayout(runButtons);
    buildTimingPane(splitter);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 2);
    layout->addWidget(splitter, 1);

    addAction(m_newAction);
    addAction(m_cancelAction);
    setTabOrder(m_newButton, m_cancelButton);
    setTabOrder(m_cancelButton, m_progressView);
    setTabOrder(m_progressView, m_runView);
    setTabOrder(m_runView, m_reevaluateButton);
    setTabOrder(m_reevaluateButton, m_timing->assetTable());
    setTabOrder(m_timing->assetTable(), m_timing->collectorTable());
}

void AssessmentsView::buildTimingPane(QSplitter *splitter)
{
    auto *box = new QGroupBox(tr("Timing of the selected run"), splitter);
    auto *boxLayout = new QVBoxLayout(box);
    m_timing = new RunTimingPane(box);
    boxLayout->addWidget(m_timing);
    // The selected run's timings (as triad-cli timing); a reload keeps the run shown.
    connect(m_runView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        m_reevaluateButton->setEnabled(current.isValid() && selectedRun() && selectedRun()->status != RunStatus::Running);
        if (!current.isValid())
            return;
        const qint64 runId = m_runs->data(m_runs->index(current.row(), RunListModel::Id), RunListModel::RunIdRole).toLongLong();
        m_timing->showRun(m_path, runId);
    });
}

void AssessmentsView::setProject(const QString &path)
{
    if (path != m_path) {
        m_path = path;
        m_snapshot.reset();
        m_runs->setOverviews({});
        m_timing->showRun(path, 0);
    }
    m_vault->setProject(path);  // a running assessment of the old project keeps its own reference
    reload();
}

void AssessmentsView::setVault(ProjectVault *vault)
{
    m_vault = vault;
    m_vault->setProject(m_path);
}

bool AssessmentsView::isVaultUnlocked() const
{
    return m_vault->isUnlocked();
}

void AssessmentsView::setCatalog(std::shared_ptr<const Catalog> catalog)
{
    m_catalog = std::move(catalog);
    if (!m_catalog)
        setStatus(tr("The assessment templates could not be loaded: check the templates folder."), true);
    updateActions();
    if (!m_path.isEmpty())
        reload();   // manual requirements are scored with the catalog
}

void AssessmentsView::reload()
{
    if (m_path.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    QPointer<AssessmentsView> self(this);
    AssessmentQueries::load(m_path, m_catalog).then(this, [self, generation](const Result<AssessmentsSnapshot> &snapshot) {
        if (!self || generation != self->m_generation)
            return;     // a newer reload (or another project) superseded this one
        if (!snapshot) {
            self->setStatus(tr("Cannot read the runs: %1").arg(snapshot.error().toString()), true);
            return;
        }
        self->showSnapshot(*snapshot);
    });
}

void AssessmentsView::showSnapshot(const AssessmentsSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_runs->setOverviews(snapshot.runs);
    m_runView->resizeColumnsToContents();

    // The newest scored run of each template: what an auditor asks first.
    QMap<QString, const RunOverview *> latest;
    for (const RunOverview &o : std::as_const(snapshot.runs)) {
        if (!o.score)
            continue;
        const RunOverview *&slot = latest[o.run.templateId];
        if (!slot || slot->run.id < o.run.id)
            slot = &o;
    }
    QStringList parts;
    for (auto it = latest.cbegin(); it != latest.cend(); ++it)
        parts << tr("<b>%1</b> %2 (run %3, %4)")
                     .arg(it.key().toHtmlEscaped(), RunListModel::percentText(it.value()->score->percent))
                     .arg(it.value()->run.id).arg(toString(it.value()->run.status));
    m_scoreLine->setText(parts.isEmpty() ? QString() : tr("Latest score per template: %1").arg(parts.join(QStringLiteral(" · "))));
    m_scoreLine->setVisible(!parts.isEmpty());

    if (snapshot.runs.isEmpty()) {
        m_emptyState->setText(m_controller->isRunning() && m_scanPath == m_path
                                  ? tr("<h3>The first assessment is starting</h3><p>Its run appears here as soon as it is recorded.</p>")
                              : snapshot.assets.isEmpty()
                                  ? tr("<h3>No assets yet</h3><p>Add the hosts to assess on the Assets page (or with "
                                       "<code>triad-cli assets add</code>), then run an assessment here.</p>")
                                  : tr("<h3>No assessment yet</h3><p>Press <b>New Assessment…</b> (Ctrl+R) to assess "
                                       "%n asset(s) of this project against a template.</p>", nullptr, int(snapshot.assets.size())));
        m_runStack->setCurrentWidget(m_emptyState);
    } else {
        m_runStack->setCurrentWidget(m_runView);
    }
    updateActions();
    emit runsLoaded(int(snapshot.runs.size()));
}

void AssessmentsView::updateActions()
{
    const bool running = m_controller->isRunning();
    const bool canStart = !running && m_catalog && m_snapshot.has_value();
    m_newAction->setEnabled(canStart);
    m_newButton->setEnabled(canStart);
    const bool canCancel = running && !m_controller->isCancelling();
    m_cancelAction->setEnabled(canCancel);
    m_cancelButton->setEnabled(canCancel);
    m_cancelButton->setVisible(running);
}

void AssessmentsView::setStatus(const QString &text, bool error)
{
    m_status->setText(error ? QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()) : text.toHtmlEscaped());
}

bool AssessmentsView::isScanning() const
{
    return m_controller->isRunning();
}

QString AssessmentsView::statusText() const
{
    return m_status->text();
}

QString AssessmentsView::liveSummaryText() const
{
    return m_liveSummary->text();
}

QString AssessmentsView::scoreLineText() const
{
    return m_scoreLine->text();
}

QString AssessmentsView::emptyStateText() const
{
    return m_runStack->currentWidget() == m_emptyState ? m_emptyState->text() : QString();
}

int AssessmentsView::overallProgress() const
{
    return m_bar->value();
}

void AssessmentsView::startAssessment()
{
    if (m_controller->isRunning() || !m_catalog || !m_snapshot)
        return;
    RunDialogInput input;
    input.assets = m_snapshot->assets;
    input.templates = m_catalog->assessments();
    input.tailorings = m_snapshot->tailorings;
    input.credentialNames = m_snapshot->credentialNames;
    QPointer<AssessmentsView> self(this);
    RunPrompt::ask(this, std::move(input), [self](const RunChoice &choice) {
        if (self)
            self->begin(choice);
    });
}

void AssessmentsView::begin(const RunChoice &choice)
{
    ScanRequest request;
    request.templateId = choice.templateId;
    request.assetSelectors = choice.assetSelectors;
    request.concurrency = choice.concurrency;
    request.acceptNewHostKeys = choice.acceptNewHostKeys;
    request.operatorName = IssueQueries::operatorName();
    if (choice.tailoring)
        request.tailoringYaml = choice.tailoring->yaml;    // parsed on the worker, stored run names its version
    if (!choice.needsVault) {
        launch(request, choice);
        return;
    }
    if (!m_vault->isUnlocked())
        // Read as well if the dialog is cancelled: nothing starts without the passphrase.
        setStatus(tr("The selected assets use stored passwords: the assessment starts once the vault is unlocked."));
    QPointer<AssessmentsView> self(this);
    const QString path = m_path;
    // Asked once per project and session: the Assets page and this page share the window's vault.
    m_vault->withUnlocked(
        this, false,
        [self, path, request, choice](const std::shared_ptr<CredentialVault> &vault) mutable {
            if (!self || self->m_path != path)
                return;
            request.vault = vault;
            self->launch(request, choice);
        },
        [self](const QString &message) {
            if (self)
                self->setStatus(tr("Assessment not started: %1").arg(message), true);
        });
}

void AssessmentsView::launch(const ScanRequest &request, const RunChoice &choice)
{
    m_scanPath = m_path;
    m_scanTemplate = choice.templateId;
    m_scanRunId = 0;
    m_progress->start(choice.assetCount);
    m_bar->setRange(0, std::max(1, choice.assetCount));
    m_bar->setValue(0);
    if (!m_controller->start(m_scanPath, m_catalog, request)) {
        setStatus(tr("An assessment is already running."), true);
        return;
    }
    m_liveBox->setTitle(tr("Running assessment"));
    m_liveBox->setVisible(true);
    m_tick->start();
    setStatus(tr("Assessing %n asset(s) against %1…", nullptr, choice.assetCount).arg(choice.templateId));
    updateLiveSummary();
    updateActions();
}

void AssessmentsView::onRunStarted(qint64 runId, int assetCount)
{
    m_scanRunId = runId;
    m_progress->start(assetCount);
    m_bar->setRange(0, std::max(1, assetCount));
    m_bar->setValue(0);
    updateLiveSummary();
    if (m_scanPath == m_path)
        reload();   // the runs list shows the new run as running
    emit scanStarted(runId);
}

void AssessmentsView::onAssetStage(const QString &asset, AssetStage stage, const QString &detail)
{
    m_progress->setStage(asset, stage, detail);
    if (!m_summaryTimer->isActive())
        m_summaryTimer->start();
}

void AssessmentsView::updateLiveSummary()
{
    const QString run = m_scanRunId ? tr("Run %1").arg(m_scanRunId) : tr("Starting");
    const int underWay = m_progress->countIn(AssetStage::Connecting) + m_progress->countIn(AssetStage::Collecting) +
                         m_progress->countIn(AssetStage::Evaluating) + m_progress->countIn(AssetStage::Storing);
    QString text = tr("%1 · %2 · %3 under way · %4 done · %5 failed · %6 cancelled")
                       .arg(run, m_scanTemplate.toHtmlEscaped())
                       .arg(underWay)
                       .arg(m_progress->countIn(AssetStage::Done))
                       .arg(m_progress->countIn(AssetStage::Failed))
                       .arg(m_progress->countIn(AssetStage::Cancelled));
    if (m_controller->isCancelling())
        text += tr(" · cancelling: assets already finished keep their results");
    m_liveSummary->setText(text);
}

void AssessmentsView::onFinished(const Result<ScanSummary> &summary)
{
    m_tick->stop();
    m_summaryTimer->stop();
    m_progress->tick();
    const qint64 runId = summary ? summary->runId : m_scanRunId;
    if (!summary) {
        m_progress->finishUnfinished(AssetStage::Failed, summary.error().message);
        m_liveBox->setTitle(tr("Assessment failed"));
        m_liveSummary->setText(tr("<b>The assessment stopped:</b> %1").arg(summary.error().toString().toHtmlEscaped()));
        setStatus(tr("The assessment failed."), true);
    } else {
        const Score &score = summary->score;
        m_liveBox->setTitle(tr("Last assessment"));
        m_liveSummary->setText(
            tr("<b>Run %1 %2</b> · %3 · %4 of %5 asset(s) reached · %6 results · score <b>%7</b> "
               "(severity-weighted %8) · requirements: %9 passed, %10 failed, %11 error")
                .arg(summary->runId).arg(summary->runStatus.toHtmlEscaped(), m_scanTemplate.toHtmlEscaped())
                .arg(summary->reachedAssets).arg(summary->assetCount).arg(summary->resultCount)
                .arg(RunListModel::percentText(score.percent), RunListModel::percentText(score.weightedPercent))
                .arg(score.passed).arg(score.failed).arg(score.errors));
        setStatus(tr("Run %1 %2.").arg(summary->runId).arg(summary->runStatus));
    }
    m_bar->setValue(m_progress->finishedCount());
    updateActions();
    if (m_scanPath == m_path)
        reload();
    emit runFinished(runId);
}

void AssessmentsView::cancelAssessment()
{
    if (!m_controller->isRunning())
        return;
    m_controller->cancel();
    setStatus(tr("Cancelling… assets already finished keep their results."));
    updateLiveSummary();
    updateActions();
}

} // namespace triad

namespace triad {

const RunInfo *AssessmentsView::selectedRun() const
{
    const QModelIndex current = m_runView->selectionModel()->currentIndex();
    return current.isValid() ? m_runs->runAt(current.row()) : nullptr;
}

void AssessmentsView::reevaluateSelectedRun()
{
    const RunInfo *run = selectedRun();
    if (!run || !m_snapshot)
        return;
    const qint64 runId = run->id;
    ReevaluatePrompt::ask(this, *run, m_snapshot->tailorings,
                          [this, runId](std::optional<qint64> tailoringId, const QString &tailoringText) {
        setStatus(tr("Re-evaluating run %1 with %2…").arg(runId).arg(tailoringText));
        m_reevaluateButton->setEnabled(false);
        QPointer<AssessmentsView> self(this);
        AssessmentQueries::reevaluate(m_path, m_catalog, runId, tailoringId)
            .then(this, [self, runId, tailoringText](const Result<ScanSummary> &summary) {
                if (!self)
                    return;
                self->m_reevaluateButton->setEnabled(self->selectedRun() != nullptr);
                if (!summary) {
                    self->setStatus(tr("Run %1 was not re-evaluated: %2").arg(runId).arg(summary.error().toString()), true);
                    return;
                }
                self->setStatus(tr("Run %1 re-evaluated from the evidence of run %2 with %3: %4 results, score %5.")
                                    .arg(summary->runId)
                                    .arg(runId)
                                    .arg(tailoringText)
                                    .arg(summary->resultCount)
                                    .arg(RunListModel::percentText(summary->score.percent)));
                self->reload();
                emit self->runFinished(summary->runId);    // runs, results and issues changed
            });
    });
}

} // namespace triad
