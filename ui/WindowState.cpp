#include "WindowState.h"

#include <QMainWindow>
#include <QScreen>
#include <QSettings>
#include <QSplitter>

namespace triad::WindowState {
namespace {

QString splitterKey(const QSplitter &splitter)
{
    return QStringLiteral("window/splitters/") + splitter.objectName();
}

} // namespace

void save(const QMainWindow &window)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), window.saveGeometry());
    settings.setValue(QStringLiteral("window/state"), window.saveState());
    for (const QSplitter *splitter : window.findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            settings.setValue(splitterKey(*splitter), splitter->saveState());
    }
}

bool restore(QMainWindow &window)
{
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    for (QSplitter *splitter : window.findChildren<QSplitter *>()) {
        if (splitter->objectName().isEmpty())
            continue;
        const QByteArray state = settings.value(splitterKey(*splitter)).toByteArray();
        if (!state.isEmpty())
            splitter->restoreState(state);
    }
    if (geometry.isEmpty()) {
        // First start: the default size must fit a small or high-DPI-scaled screen.
        if (const QScreen *screen = window.screen()) {
            const QSize room = screen->availableGeometry().size() * 9 / 10;
            window.resize(window.size().boundedTo(room));
        }
        return false;
    }
    // restoreGeometry keeps the window on a screen that exists now (a monitor may be gone).
    window.restoreGeometry(geometry);
    window.restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    return true;
}

} // namespace triad::WindowState
