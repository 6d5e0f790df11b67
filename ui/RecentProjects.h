#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QString>

namespace triad {

/// One project the user opened, as remembered between sessions.
struct RecentProject {
    QString path;           ///< absolute path of the *.triad file
    QString name;           ///< the project's name when it was last opened (the file may be gone)
    QDateTime lastOpened;   ///< UTC
};

/// The recently opened projects, most recent first, kept in QSettings (group "recentProjects").
/// A path appears once; opening it again moves it to the top. Whether a file still exists is the
/// caller's question (RecentProjectsModel asks it): a missing file is remembered until removed, so a
/// project on an unplugged disk is not forgotten.
namespace RecentProjects {
inline constexpr int kMaxEntries = 10;

[[nodiscard]] QList<RecentProject> load();
/// Puts `path` at the top (as an absolute path), drops the oldest past kMaxEntries, saves.
void add(const QString &path, const QString &name);
void remove(const QString &path);
void clear();
} // namespace RecentProjects

/// The recent projects for a list view: the name on the first line, the folder and when it was
/// opened on the second; a file that no longer exists is greyed out and says so.
class RecentProjectsModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecentProjectsModel)
public:
    enum Role { PathRole = Qt::UserRole + 1, ExistsRole };

    explicit RecentProjectsModel(QObject *parent = nullptr);

    /// Reads the list from the settings again (and checks again which files exist).
    void reload();
    [[nodiscard]] const RecentProject *projectAt(int row) const;
    [[nodiscard]] bool existsAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QList<RecentProject> m_projects;
    QList<bool> m_exists;
};

} // namespace triad
