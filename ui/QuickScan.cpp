#include "QuickScan.h"

#include "ProjectCreation.h"
#include "common/Paths.h"
#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "scan/Scanner.h"

#include <QDate>
#include <QDir>
#include <QPromise>
#include <QStandardPaths>
#include <QSysInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <mutex>

namespace triad {

/// Shared between the GUI thread (cancel, destruction) and the worker (which owns the Scanner).
struct QuickScan::Control {
    std::mutex mutex;
    Scanner *scanner = nullptr;
    QuickScan *owner = nullptr;     ///< cleared by ~QuickScan: the worker may outlive it
    bool cancelled = false;

    void cancel()
    {
        const std::lock_guard lock(mutex);
        cancelled = true;
        if (scanner)
            scanner->cancel();
    }

    /// Called on the worker (and the scanner's pool threads). Queued, and only while the owner
    /// lives: the lock keeps ~QuickScan from completing while the call is being posted.
    void report(int step, const QString &text)
    {
        const std::lock_guard lock(mutex);
        if (owner)
            QMetaObject::invokeMethod(owner, [o = owner, step, text] { emit o->progress(step, text); },
                                      Qt::QueuedConnection);
    }
};

namespace {

/// "This computer (hostname)": tells apart the first tries of several machines in a shared folder.
QString projectName()
{
    const QString host = QSysInfo::machineHostName();
    return host.isEmpty() ? QuickScan::tr("This computer") : QuickScan::tr("This computer (%1)").arg(host);
}

QString stageText(AssetStage stage)
{
    switch (stage) {
    case AssetStage::Queued: return QuickScan::tr("Waiting to start…");
    case AssetStage::Connecting: return QuickScan::tr("Preparing the local collection…");
    case AssetStage::Collecting: return QuickScan::tr("Collecting settings, files and services of this computer…");
    case AssetStage::Evaluating: return QuickScan::tr("Evaluating the checks…");
    case AssetStage::Storing: return QuickScan::tr("Storing results and evidence…");
    case AssetStage::Done: return QuickScan::tr("Done");
    case AssetStage::Failed: return QuickScan::tr("The collection failed");
    case AssetStage::Cancelled: return QuickScan::tr("Cancelled");
    }
    return {};
}

int stageStep(AssetStage stage)
{
    switch (stage) {
    case AssetStage::Queued:
    case AssetStage::Connecting: return QuickScan::Connecting;
    case AssetStage::Collecting: return QuickScan::Collecting;
    case AssetStage::Evaluating: return QuickScan::Evaluating;
    case AssetStage::Storing: return QuickScan::Storing;
    case AssetStage::Done:
    case AssetStage::Failed:
    case AssetStage::Cancelled: return QuickScan::Finished;
    }
    return QuickScan::Connecting;
}

} // namespace

QuickScan::QuickScan(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<QuickScanOutcome>::finished, this, [this] {
        const QuickScanOutcome outcome = m_watcher.future().resultCount() > 0 ? m_watcher.result() : QuickScanOutcome{};
        m_control.reset();
        emit finished(outcome);
    });
}

QuickScan::~QuickScan()
{
    if (m_control) {
        m_control->cancel();
        const std::lock_guard lock(m_control->mutex);
        m_control->owner = nullptr;
    }
}

QString QuickScan::defaultFolder()
{
    QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (documents.isEmpty())
        documents = QDir::homePath();
    return QDir(documents).filePath(QStringLiteral("Triad"));
}

bool QuickScan::isRunning() const
{
    return m_control != nullptr;
}

void QuickScan::cancel()
{
    if (m_control)
        m_control->cancel();
}

bool QuickScan::start(const Options &options)
{
    if (m_control)
        return false;
    auto control = std::make_shared<Control>();
    control->owner = this;
    m_control = control;
    const QString stem = tr("This computer %1").arg(QDate::currentDate().toString(Qt::ISODate));
    const QString path = unusedProjectPath(options.folder, stem);
    m_watcher.setFuture(QtConcurrent::run([control, options, path](QPromise<QuickScanOutcome> &promise) {
        QuickScanOutcome outcome;
        // Not QPromise's progress: it drops reports less than 40 ms apart, and "Collecting…",
        // the longest stage, follows "Connecting…" within milliseconds.
        auto report = [control](int step, const QString &text) { control->report(step, text); };
        auto finish = [&promise, &outcome](const QString &error) {
            outcome.error = error;
            promise.addResult(outcome);
        };

        report(CreatingProject, tr("Creating the project %1…").arg(QDir::toNativeSeparators(path)));
        NewProjectSpec spec;
        spec.path = path;
        spec.name = projectName();
        spec.addThisComputer = true;
        auto created = createProjectNow(spec);
        if (!created)
            return finish(created.error().toString());
        outcome.projectPath = *created;
        outcome.projectName = spec.name;

        report(LoadingTemplates, tr("Loading the templates…"));
        const QString templatesDir = defaultTemplatesDir();
        if (templatesDir.isEmpty())
            return finish(tr("no template folder was found (set TRIAD_TEMPLATES_DIR)"));
        auto catalog = Catalog::load({templatesDir});
        if (!catalog)
            return finish(catalog.error().toString());
        auto db = ProjectDatabase::open(outcome.projectPath);
        if (!db)
            return finish(db.error().toString());

        ScanRequest request;
        request.templateId = options.templateId;
        request.tailoring = options.tailoring;
        request.operatorName = guiOperatorName();
        request.concurrency = 1;
        Scanner scanner(**db, *catalog);
        // Stages arrive on the scanner's pool threads; report() queues them to the GUI thread.
        QObject::connect(&scanner, &Scanner::assetStageChanged, &scanner,
                         [report](const QString &, AssetStage stage, const QString &) {
                             report(stageStep(stage), stageText(stage));
                         }, Qt::DirectConnection);
        {
            const std::lock_guard lock(control->mutex);
            if (control->cancelled) {
                outcome.runStatus = QStringLiteral("cancelled");
                return finish({});
            }
            control->scanner = &scanner;
        }
        auto summary = scanner.run(request);
        {
            const std::lock_guard lock(control->mutex);
            control->scanner = nullptr;
        }
        if (!summary)
            return finish(summary.error().toString());
        outcome.runId = summary->runId;
        outcome.runStatus = summary->runStatus;
        outcome.resultCount = summary->resultCount;
        outcome.score = summary->score;
        report(Finished, tr("Done: %n result(s)", nullptr, summary->resultCount));
        finish({});
    }));
    return true;
}

} // namespace triad
