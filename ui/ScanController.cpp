#include "ScanController.h"

#include "db/ProjectDatabase.h"
#include "engine/Catalog.h"
#include "engine/TailoringLoader.h"
#include "scan/Scanner.h"

#include <QMutex>
#include <QMutexLocker>
#include <QtConcurrent/QtConcurrentRun>

namespace triad {

/// What the GUI thread and the worker share about the running scan.
struct ScanController::Job {
    QMutex mutex;
    Scanner *scanner = nullptr;     ///< set while Scanner::run() is on the stack
    bool cancelRequested = false;
};

ScanController::ScanController(QObject *parent) : QObject(parent)
{
    m_worker.setMaxThreadCount(1);
}

ScanController::~ScanController()
{
    if (m_running) {
        cancel();
        m_future.waitForFinished();
    }
    m_worker.waitForDone();
}

bool ScanController::isCancelling() const
{
    if (!m_job)
        return false;
    QMutexLocker lock(&m_job->mutex);
    return m_running && m_job->cancelRequested;
}

void ScanController::cancel()
{
    if (!m_job)
        return;
    QMutexLocker lock(&m_job->mutex);
    m_job->cancelRequested = true;
    if (m_job->scanner)
        m_job->scanner->cancel();
}

bool ScanController::start(const QString &projectPath, std::shared_ptr<const Catalog> catalog, ScanRequest request)
{
    if (m_running || !catalog)
        return false;
    m_running = true;
    auto job = std::make_shared<Job>();
    m_job = job;
    m_future = QtConcurrent::run(&m_worker, [this, job, projectPath, catalog, request]() mutable -> Result<ScanSummary> {
        if (!request.tailoring && !request.tailoringYaml.isEmpty()) {
            auto tailoring = TailoringLoader::loadText(request.tailoringYaml.toUtf8(), tr("stored tailoring"));
            if (!tailoring)
                return tailoring.error();
            request.tailoring = *tailoring;
        }
        auto db = ProjectDatabase::open(projectPath, ProjectDatabase::OpenMode::ReadWrite);
        if (!db)
            return db.error();
        Scanner scanner(**db, *catalog);
        // Emitted on this worker and on the scanner's pool threads; `this` lives on the GUI
        // thread, so these connections queue.
        connect(&scanner, &Scanner::runStarted, this, &ScanController::runStarted);
        connect(&scanner, &Scanner::assetStageChanged, this, &ScanController::assetStageChanged);
        // Scanner::run() clears its cancel flag as it begins: a Cancel pressed before that moment
        // is applied again as soon as the run exists.
        connect(&scanner, &Scanner::runStarted, &scanner, [job, &scanner] {
            QMutexLocker lock(&job->mutex);
            if (job->cancelRequested)
                scanner.cancel();
        }, Qt::DirectConnection);
        {
            QMutexLocker lock(&job->mutex);
            job->scanner = &scanner;
        }
        auto summary = scanner.run(request);
        QMutexLocker lock(&job->mutex);
        job->scanner = nullptr;
        return summary;
    });
    m_future.then(this, [this](const Result<ScanSummary> &summary) {
        m_running = false;
        emit finished(summary);
    });
    return true;
}

} // namespace triad
