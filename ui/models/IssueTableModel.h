#pragma once

#include "db/IssueTypes.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

namespace triad {

/// The issues of a project matching a filter, read lazily: the first page when the filter is
/// set, further pages when a view scrolls towards the end (canFetchMore/fetchMore). Filtering
/// happens in the database, so a project with a million results stays responsive: only the rows
/// a person scrolls to are ever read, each page on a worker thread.
class IssueTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IssueTableModel)
public:
    enum Column {
        State,
        Severity,
        Asset,
        Check,
        Title,
        Subject,
        FirstSeen,
        LastSeen,
        Regressions,
        ColumnCount
    };
    enum Role {
        IssueIdRole = Qt::UserRole + 1,
        SeverityRankRole, ///< int, higher = more severe
        StateRole, ///< "open", "fixed" or "waived"
    };
    static constexpr int kPageSize = 500;

    explicit IssueTableModel(QObject *parent = nullptr);

    /// Clears the rows and reads the first page of `filter` from `path` (limit/offset are ignored).
    void setQuery(const QString &path, const IssueFilter &filter);
    /// Reads the current filter again from the start (after a waiver was added, for instance).
    void reload();
    void clear();
    /// Start times of the runs, to show when an issue was first and last seen.
    void setRunTimes(QHash<qint64, QDateTime> runTimes);

    [[nodiscard]] const IssueRecord *issueAt(int row) const;
    [[nodiscard]] int totalCount() const { return m_total; }
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] QString errorText() const { return m_error; }
    [[nodiscard]] const IssueFilter &filter() const { return m_filter; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    /// A page arrived (the first one of a filter has `first` set) or failed (errorText()).
    void pageLoaded(bool first);
    void loadFailed(const QString &error);

private:
    void requestPage(bool first);
    QString runText(qint64 runId) const;

    QString m_path;
    IssueFilter m_filter;
    QList<IssueRecord> m_issues;
    QHash<qint64, QDateTime> m_runTimes;
    int m_total = 0;
    bool m_loading = false;
    quint64 m_generation = 0; ///< pages of an older query are dropped on arrival
    QString m_error;
};

} // namespace triad
