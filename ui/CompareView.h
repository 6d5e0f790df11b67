#pragma once

#include "ui/CompareQueries.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QStackedWidget;
class QTabBar;
class QTableView;
class QTextBrowser;
class QToolButton;

namespace triad {

class ComparisonFilterProxy;
class ComparisonModel;

/// The Compare view: two runs side by side as new, regressed, fixed and still-open failures and
/// changed evidence, with counts on the tabs, filters by asset and severity, and the before and
/// after of the selected row (status, actual value, evidence digests). The comparison is read on
/// a worker thread.
class CompareView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareView)
public:
    explicit CompareView(QWidget *parent = nullptr);

    /// Offers the project's runs and compares the default pair (the latest two of a template).
    void setProject(const QString &path, const QList<RunInfo> &runs);
    void clear();
    /// Compares run `runA` (before) with run `runB` (after); both must be in the run lists.
    void compare(qint64 runA, qint64 runB);

    [[nodiscard]] ComparisonModel *model() const { return m_model; }
    [[nodiscard]] ComparisonFilterProxy *proxy() const { return m_proxy; }
    [[nodiscard]] const RunComparisonData &comparison() const { return m_data; }
    /// Shows only one kind of change (-1: all), as the tab of that kind does.
    void showKind(int kind);
    void setAssetFilter(const QString &asset);
    void setMinimumSeverity(int severity);
    /// Shows the before and after of the proxy row `row` in the detail pane.
    void selectRow(int row);

signals:
    /// A comparison is shown (`rows` changes in all); also after an error (with 0 rows).
    void comparisonLoaded(int rows);
    void detailShown(int kind);

private:
    void buildUi();
    void requestComparison();
    void showComparison(const RunComparisonData &comparison);
    void showDetail(const ComparisonRow &row);
    void updateTabs();
    void setStatus(const QString &text, bool error = false);

    QString m_path;
    QList<RunInfo> m_runs;
    RunComparisonData m_data;
    quint64 m_generation = 0; ///< answers to an older request are dropped
    bool m_settingRuns = false;
    ComparisonModel *m_model = nullptr;
    ComparisonFilterProxy *m_proxy = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QComboBox *m_runA = nullptr;
    QComboBox *m_runB = nullptr;
    QToolButton *m_swap = nullptr;
    QLabel *m_summary = nullptr;
    QTabBar *m_tabs = nullptr;
    QComboBox *m_asset = nullptr;
    QComboBox *m_severity = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_detail = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace triad
