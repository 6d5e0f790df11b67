#include "PageFocus.h"

#include <QWidget>

namespace triad::PageFocus {
namespace {

/// isVisibleTo(page) and not isVisible(): the window may not be shown yet, and a focus set then is
/// the one it gets when it is.
bool canTakeFocus(const QWidget *widget, const QWidget *page)
{
    return widget->isVisibleTo(page) && widget->isEnabled() && (widget->focusPolicy() & Qt::TabFocus);
}

} // namespace

QWidget *target(QWidget *page, const QString &preferred)
{
    if (!page)
        return nullptr;
    if (auto *named = page->findChild<QWidget *>(preferred); named && canTakeFocus(named, page))
        return named;
    // The Tab chain is window-wide: walk it once round, keeping to the page's own children.
    for (QWidget *w = page->nextInFocusChain(); w && w != page; w = w->nextInFocusChain())
        if (page->isAncestorOf(w) && canTakeFocus(w, page))
            return w;
    return nullptr;
}

bool enter(QWidget *page, const QString &preferred)
{
    QWidget *widget = target(page, preferred);
    if (!widget)
        return false;
    widget->setFocus(Qt::ShortcutFocusReason);
    return true;
}

} // namespace triad::PageFocus
