#pragma once

#include "db/IssueTypes.h"
#include "db/ProjectTypes.h"

#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTextBrowser;
class QTimer;
class QToolButton;

namespace triad {

class Catalog;
class IssueTableModel;
struct IssueDetail;

/// The Issues view: issues filtered by state, severity, asset, template requirement and text (in
/// the database, page by page), a detail pane with the check's texts, the latest result with its
/// evidence and the history timeline, and "Waive…" on the selected issue. Other views (the
/// dashboard) open it on a filter of their own with setFilter().
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
    /// The filter the controls describe now (without paging), with a requirement resolved to its
    /// checks through the catalog.
    [[nodiscard]] IssueFilter currentFilter() const;
    /// Shows the issues of `filter`: its states, severity (minimum or exact), asset and text go
    /// into the controls; a check or a run's event is shown as a removable scope; `requirementId`
    /// (e.g. "8.3.6", or "8.3" for all of 8.3.x) narrows to the checks the project's templates map
    /// to it. Paging fields are ignored.
    void setFilter(const IssueFilter &filter, const QString &requirementId = {});
    [[nodiscard]] QString requirementFilter() const;
    /// The check ids the project's templates map to `requirementId` (exact id or id prefix before a
    /// dot); `matched` receives the requirement ids that matched. Needs the catalog.
    [[nodiscard]] QStringList checksOfRequirement(const QString &requirementId,
                                                  QStringList *matched = nullptr,
                                                  bool *anyManual = nullptr) const;

signals:
    /// The first page of the current filter is shown; `total` issues match it.
    void issuesLoaded(int total);
    /// The detail pane shows the history of issue `issueId`.
    void detailShown(qint64 issueId);
    void waiverAdded(qint64 waiverId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void applyFilter();
    void onFirstPage();
    void showIssue(int row);
    void showDetail(const IssueRecord &issue, const IssueDetail *detail);
    void waiveSelected();
    void setStatus(const QString &text, bool error = false);
    void colourStatus();
    void updateScope();
    void updateRequirementCompleter();
    [[nodiscard]] QString requirementEmptyText() const;
    /// The requirements and checks the requirement filter stands for (its tooltip).
    [[nodiscard]] QString matchedRequirementsText() const;

    std::shared_ptr<const Catalog> m_catalog;
    QString m_path;
    QStringList m_tags;
    QStringList m_templateIds; ///< of the project's runs, for requirement ids
    QString m_scopeCheck; ///< check filter set by setFilter()
    qint64 m_scopeRun = 0; ///< with m_scopeEvent: issues with that event in that run
    std::optional<IssueEvent> m_scopeEvent;
    QHash<qint64, QDateTime> m_runTimes;
    int m_runCount = 0;
    int m_assetCount = 0;
    qint64 m_shownIssue = 0;
    std::optional<IssueRecord> m_detailIssue;  ///< what the detail pane shows
    std::shared_ptr<const IssueDetail> m_detailData;
    bool m_statusIsError = false;
    IssueTableModel *m_model = nullptr;
    QComboBox *m_state = nullptr;
    QComboBox *m_severity = nullptr;
    QComboBox *m_asset = nullptr;
    QLineEdit *m_search = nullptr;
    QLineEdit *m_requirement = nullptr;
    QString m_requirementHelp;
    QLabel *m_scope = nullptr;
    QToolButton *m_scopeClear = nullptr;
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
