#pragma once

#include <QString>

class QWidget;

namespace triad {

/// Where keyboard focus goes when a page is shown (Ctrl+0…7, Enter in the side bar): the page's
/// main control, so that a keyboard user can work at once instead of tabbing in from the side bar.
namespace PageFocus {
/// The child of `page` named `preferred` when it can take focus now; otherwise the first child in
/// the Tab chain that can; null when none can (an empty state with only text).
[[nodiscard]] QWidget *target(QWidget *page, const QString &preferred);
/// Gives focus to target(); false when there was none.
bool enter(QWidget *page, const QString &preferred);
} // namespace PageFocus

} // namespace triad
