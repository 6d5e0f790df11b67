#pragma once

#include "db/ProjectTypes.h"
#include "lifecycle/Scoring.h"

#include <QAbstractTableModel>

#include <optional>

namespace triad {

/// A run with what the Assessments page shows beside it (read on a worker thread).
struct RunOverview {
    RunInfo run;
    std::optional<Score> score;     ///< none when the run could not be scored
    int assetCount = 0;
    int reachedAssets = 0;          ///< assets whose collection ran (status ok)
};

/// The runs of a project, newest first. With overviews (setOverviews) it also has the score,
/// the assets reached and the tailoring of each run; with plain runs (setRuns) only the first
/// five columns.
class RunListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunListModel)
public:
    enum Column { Id, Template, Started, Status, Operator, Score, Reached, Tailoring, ColumnCount };
    static constexpr int BasicColumnCount = Score;
    enum Role { RunIdRole = Qt::UserRole + 1, ScorePercentRole };

    explicit RunListModel(QObject *parent = nullptr);

    void setRuns(QList<RunInfo> runs);
    void setOverviews(QList<RunOverview> overviews);
    [[nodiscard]] const RunInfo *runAt(int row) const;
    [[nodiscard]] const RunOverview *overviewAt(int row) const;
    /// "62.5 %" or "no data" (nothing evaluated: never 100 %).
    [[nodiscard]] static QString percentText(const std::optional<double> &percent);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<RunOverview> m_runs;
    bool m_withOverview = false;
};

} // namespace triad
