#pragma once

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QPushButton>
#include <QTest>
#include <QWidget>

namespace triad::test {

/// Waits until the main window's pages have read the open project and the template catalog.
/// Each page loads on a worker thread; a fixed wait is not enough on a loaded machine, and a page
/// that has not loaded yet shows an empty state with other controls (and another Tab chain).
inline bool pagesLoaded(QWidget &window, int timeout = 30000)
{
    auto hasRows = [&window](const char *name) {
        auto *view = window.findChild<QAbstractItemView *>(QLatin1String(name));
        return view && view->model() && view->model()->rowCount() > 0;
    };
    auto enabled = [&window](const char *name) {
        auto *button = window.findChild<QPushButton *>(QLatin1String(name));
        return !button || button->isEnabled();
    };
    return QTest::qWaitFor(
        [&] {
            return hasRows("templateTable") && hasRows("assessmentRuns") && hasRows("assetTable") && hasRows("runTable")
                && enabled("recordAttestationButton");
        },
        timeout);
}

} // namespace triad::test
