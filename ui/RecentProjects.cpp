#include "RecentProjects.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QPalette>
#include <QSettings>

#include <algorithm>

namespace triad {
namespace RecentProjects {
namespace {

const QString kGroup = QStringLiteral("recentProjects");

void save(const QList<RecentProject> &projects)
{
    QSettings settings;
    settings.remove(kGroup);
    settings.beginWriteArray(kGroup, int(projects.size()));
    for (int i = 0; i < projects.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("path"), projects[i].path);
        settings.setValue(QStringLiteral("name"), projects[i].name);
        settings.setValue(QStringLiteral("lastOpened"), projects[i].lastOpened.toString(Qt::ISODate));
    }
    settings.endArray();
}

QString absolute(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

} // namespace

QList<RecentProject> load()
{
    QSettings settings;
    QList<RecentProject> projects;
    const int count = settings.beginReadArray(kGroup);
    for (int i = 0; i < count && projects.size() < kMaxEntries; ++i) {
        settings.setArrayIndex(i);
        RecentProject p;
        p.path = settings.value(QStringLiteral("path")).toString();
        p.name = settings.value(QStringLiteral("name")).toString();
        p.lastOpened = QDateTime::fromString(settings.value(QStringLiteral("lastOpened")).toString(), Qt::ISODate);
        // A hand-edited or damaged settings file must not give empty or repeated rows.
        const bool repeated = std::any_of(projects.cbegin(), projects.cend(),
                                          [&p](const RecentProject &q) { return q.path == p.path; });
        if (!p.path.isEmpty() && !repeated)
            projects << p;
    }
    settings.endArray();
    return projects;
}

void add(const QString &path, const QString &name)
{
    const QString key = absolute(path);
    QList<RecentProject> projects = load();
    projects.removeIf([&key](const RecentProject &p) { return p.path == key; });
    projects.prepend({key, name, QDateTime::currentDateTimeUtc()});
    while (projects.size() > kMaxEntries)
        projects.removeLast();
    save(projects);
}

void remove(const QString &path)
{
    const QString key = absolute(path);
    QList<RecentProject> projects = load();
    projects.removeIf([&key, &path](const RecentProject &p) { return p.path == key || p.path == path; });
    save(projects);
}

void clear()
{
    save({});
}

} // namespace RecentProjects

RecentProjectsModel::RecentProjectsModel(QObject *parent) : QAbstractListModel(parent)
{
    reload();
}

void RecentProjectsModel::reload()
{
    beginResetModel();
    m_projects = RecentProjects::load();
    m_exists.clear();
    for (const RecentProject &p : std::as_const(m_projects))
        m_exists << QFileInfo(p.path).isFile();
    endResetModel();
}

const RecentProject *RecentProjectsModel::projectAt(int row) const
{
    return row >= 0 && row < m_projects.size() ? &m_projects[row] : nullptr;
}

bool RecentProjectsModel::existsAt(int row) const
{
    return row >= 0 && row < m_exists.size() && m_exists[row];
}

int RecentProjectsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_projects.size());
}

QVariant RecentProjectsModel::data(const QModelIndex &index, int role) const
{
    const RecentProject *p = projectAt(index.row());
    if (!p || index.column() != 0)
        return {};
    const bool exists = existsAt(index.row());
    const QFileInfo file(p->path);
    switch (role) {
    case Qt::DisplayRole: {
        const QString name = p->name.isEmpty() ? file.completeBaseName() : p->name;
        const QString when = p->lastOpened.isValid()
                                 ? QLocale().toString(p->lastOpened.toLocalTime(), QLocale::ShortFormat)
                                 : QString();
        const QString second = exists ? tr("%1 · opened %2").arg(QDir::toNativeSeparators(file.absolutePath()), when)
                                      : tr("%1 · file not found").arg(QDir::toNativeSeparators(p->path));
        return QString(name + QLatin1Char('\n') + second);
    }
    case Qt::ToolTipRole:
        return exists ? QDir::toNativeSeparators(p->path)
                      : tr("%1 no longer exists (moved, deleted or on a disk that is not mounted). "
                           "Remove it from the list with Delete.").arg(QDir::toNativeSeparators(p->path));
    case Qt::ForegroundRole:
        if (!exists)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case PathRole:
        return p->path;
    case ExistsRole:
        return exists;
    default:
        return {};
    }
}

Qt::ItemFlags RecentProjectsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    // Missing entries stay selectable so that they can be removed.
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace triad
