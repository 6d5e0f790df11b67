#pragma once

#include "QuickScan.h"

#include <QWidget>

class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace triad {

class RecentProjectsModel;

/// What the main window shows when no project is open: New project, Open, the recent projects
/// (missing files greyed out, removable), "Scan this computer" with its progress and Cancel, and
/// "Browse templates" (the template library, read-only, before any project exists).
/// Errors (a project that could not be opened, a scan that failed) are shown here, in place.
class StartPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartPage)
public:
    explicit StartPage(QWidget *parent = nullptr);

    /// Shows `html` (already escaped where it quotes a file or a host) above the recent projects;
    /// an empty text hides the message.
    void setMessage(const QString &html);
    [[nodiscard]] QLabel *messageLabel() const { return m_message; }
    /// Reads the recent projects from the settings again.
    void reloadRecent();
    [[nodiscard]] RecentProjectsModel *recentModel() const { return m_recent; }
    [[nodiscard]] QListView *recentView() const { return m_recentView; }

    /// Where and how "Scan this computer" scans (tests pass a temporary folder and a tailoring).
    void setQuickScanOptions(const QuickScan::Options &options);
    [[nodiscard]] const QuickScan::Options &quickScanOptions() const { return m_scanOptions; }
    [[nodiscard]] QuickScan *quickScan() const { return m_scan; }
    /// Starts "Scan this computer" (the button and File › Scan This Computer).
    void startQuickScan();

signals:
    void newProjectRequested();
    void openProjectRequested();
    /// Read the template library without a project.
    void browseTemplatesRequested();
    /// Open this project (a recent one, or the one a quick scan made).
    void projectChosen(const QString &path);

private:
    void buildUi();
    void openSelected();
    void removeSelected();
    void updateRecentState();
    void onScanProgress(int step, const QString &text);
    void onScanFinished(const QuickScanOutcome &outcome);

    QuickScan *m_scan = nullptr;
    QuickScan::Options m_scanOptions;
    RecentProjectsModel *m_recent = nullptr;
    QListView *m_recentView = nullptr;
    QStackedWidget *m_recentStack = nullptr;
    QPushButton *m_openRecent = nullptr;
    QPushButton *m_removeRecent = nullptr;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_scanButton = nullptr;
    QPushButton *m_browseButton = nullptr;
    QLabel *m_scanHelp = nullptr;
    QWidget *m_scanPanel = nullptr;
    QProgressBar *m_scanProgress = nullptr;
    QLabel *m_scanStatus = nullptr;
    QPushButton *m_cancelScan = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace triad
