#pragma once

#include "lifecycle/Scoring.h"
#include "model/TemplateModel.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>
#include <optional>

namespace triad {

/// What a finished (or cancelled) quick scan leaves behind.
struct QuickScanOutcome {
    QString projectPath;
    QString projectName;
    qint64 runId = 0;
    QString runStatus;      ///< "completed", "cancelled", …
    int resultCount = 0;
    Score score;
    QString error;          ///< set when the scan could not run; the project may still exist
};

/// "Scan this computer": the one-click first try of the start page. Creates a project with this
/// computer as its only asset (local transport, nothing to set up), assesses it against one template
/// with core's Scanner, and reports progress. Everything runs on one pool thread with its own
/// database connection; progress and the outcome come back as queued calls, so the window never waits.
/// (The full run dialog with asset selection and live per-asset view is the Assessments view's.)
class QuickScan final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuickScan)
public:
    struct Options {
        QString folder;                             ///< where the project file goes
        QString templateId = QStringLiteral("cis-linux");
        std::optional<Tailoring> tailoring;         ///< tests use one to keep the scan short
    };
    /// The steps progress() counts, in order.
    enum Step { CreatingProject, LoadingTemplates, Connecting, Collecting, Evaluating, Storing, Finished, StepCount };

    explicit QuickScan(QObject *parent = nullptr);
    /// A running scan is cancelled (and finishes on its own, its outcome unheard).
    ~QuickScan() override;

    /// ~/Documents/Triad (or the platform's documents folder).
    static QString defaultFolder();

    /// Starts unless a scan is running (then returns false).
    bool start(const Options &options);
    /// Asks the scanner to stop; the assets done keep their results, the run is marked cancelled.
    void cancel();
    [[nodiscard]] bool isRunning() const;

signals:
    void progress(int step, const QString &text);
    void finished(const triad::QuickScanOutcome &outcome);

private:
    struct Control;
    std::shared_ptr<Control> m_control;
    QFutureWatcher<QuickScanOutcome> m_watcher;
};

} // namespace triad
