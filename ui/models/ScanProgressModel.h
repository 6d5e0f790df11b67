#pragma once

#include "scan/ScanTypes.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QElapsedTimer>
#include <QHash>
#include <QList>

#include <optional>

namespace triad {

/// The assets of the running assessment, one row each, in the order the scanner queued them:
/// stage (queued, connecting, collecting, evaluating, storing, done, failed, cancelled), what the
/// scanner said about it, and how long it has been (or was) under way.
class ScanProgressModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScanProgressModel)
public:
    enum Column { Asset, Stage, Elapsed, Detail, ColumnCount };
    enum Role { StageRole = Qt::UserRole + 1, ElapsedMsRole };

    explicit ScanProgressModel(QObject *parent = nullptr);

    /// Forgets the previous assessment; `expectedAssets` sizes the overall progress.
    void start(int expectedAssets);
    /// Adds the asset on its first report, updates it on later ones.
    void setStage(const QString &asset, AssetStage stage, const QString &detail);
    /// Every asset still under way or queued ends as `stage` with `detail` (the run stopped
    /// without reporting them, for example when the project could not store results).
    void finishUnfinished(AssetStage stage, const QString &detail);
    /// Redraws the elapsed time of the assets under way (a view calls this every second).
    void tick();

    [[nodiscard]] static bool isFinal(AssetStage stage);
    [[nodiscard]] int expectedAssets() const { return m_expected; }
    [[nodiscard]] int finishedCount() const { return m_finished; }
    [[nodiscard]] int countIn(AssetStage stage) const;
    [[nodiscard]] std::optional<AssetStage> stageOf(const QString &asset) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString asset;
        AssetStage stage = AssetStage::Queued;
        QString detail;
        QElapsedTimer clock;        ///< started when the asset left the queue
        qint64 finalElapsedMs = -1; ///< frozen when it reached a final stage
    };
    [[nodiscard]] qint64 elapsedMs(const Row &row) const;
    void update(int row, AssetStage stage, const QString &detail);

    QList<Row> m_rows;
    QHash<QString, int> m_rowOf;
    int m_expected = 0;
    int m_finished = 0;
};

/// Sorts the live view. By stage, the assets under way come first, then the queued ones, then
/// the failed, cancelled and done ones, so that with a fleet what moves stays in sight; ties keep
/// the scanner's order. Other columns sort by their text (elapsed by its value).
class ScanProgressSortProxy final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScanProgressSortProxy)
public:
    explicit ScanProgressSortProxy(QObject *parent = nullptr);
    [[nodiscard]] static int rank(AssetStage stage);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace triad
