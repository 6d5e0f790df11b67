#pragma once

#include "db/RunTimings.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace triad {

/// Below the Assessments page's runs: where the selected run spent its time, per asset (connect,
/// authentication, collection, evaluation, storage, bytes, commands) and the slowest collectors,
/// the figures of `triad-cli timing`, read on a worker thread.
class RunTimingPane final : public QWidget {
    Q_OBJECT
public:
    explicit RunTimingPane(QWidget *parent = nullptr);

    /// Reads and shows run `runId` of the project at `path`; runId 0 clears the pane.
    void showRun(const QString &path, qint64 runId);
    [[nodiscard]] QString headingText() const;
    [[nodiscard]] QTableWidget *assetTable() const { return m_assets; }
    [[nodiscard]] QTableWidget *collectorTable() const { return m_collectors; }

signals:
    /// The timings of `runId` are shown, or (`ok` false) why they could not be read.
    void timingsShown(qint64 runId, bool ok);

private:
    void fill(const RunTimings &timings);

    quint64 m_generation = 0;       ///< a newer selection wins over a slower read
    QLabel *m_heading = nullptr;
    QTableWidget *m_assets = nullptr;
    QTableWidget *m_collectors = nullptr;
};

} // namespace triad
