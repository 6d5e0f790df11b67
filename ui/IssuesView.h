#pragma once

#include "db/IssueTypes.h"
#include "db/ProjectTypes.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTextBrowser;
class QTimer;

namespace triad {

class Catalog;
class IssueTableModel;
struct IssueDetail;

/// The Issues view: issues filtered by state, severity, asset and text (in the database, page by
/// page), a detail pane with the check's texts, the latest result and the history timeline, and
/// "Waive…" on the selected issue.
class IssuesView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IssuesView)
public:
    explicit IssuesView(QWidget *parent = nullptr);

    void setProject(const QString &path, const QList<Asset> &assets, const QList<RunInfo> &runs);
    void setCatalog(std::shared_ptr<const Catalog> catalog);
    void clear();
    /// Reads the issues again with the current filters.
    void reload();

    [[nodiscard]] IssueTableModel *model() const { return m_model; }
    [[nodiscard]] QAction *waiveAction() const { return m_waive; }
    /// The filter the controls describe now (without paging).
    [[nodiscard]] IssueFilter currentFilter() const;

signals:
    /// The first page of the current filter is shown; `total` issues match it.
    void issuesLoaded(int total);
    /// The detail pane shows the history of issue `issueId`.
    void detailShown(qint64 issueId);
    void waiverAdded(qint64 waiverId);

private:
    void buildUi();
    void applyFilter();
    void onFirstPage();
    void showIssue(int row);
    void showDetail(const IssueRecord &issue, const IssueDetail *detail);
    void waiveSelected();
    void setStatus(const QString &text, bool error = false);

    std::shared_ptr<const Catalog> m_catalog;
    QString m_path;
    QStringList m_tags;
    QHash<qint64, QDateTime> m_runTimes;
    int m_runCount = 0;
    int m_assetCount = 0;
    qint64 m_shownIssue = 0;
    IssueTableModel *m_model = nullptr;
    QComboBox *m_state = nullptr;
    QComboBox *m_severity = nullptr;
    QComboBox *m_asset = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDelay = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_waiveButton = nullptr;
    QAction *m_waive = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_detail = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace triad
