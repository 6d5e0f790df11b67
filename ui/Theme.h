#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace triad {

/// Light and dark palettes for the whole application (View › Theme), and the few meaningful colours
/// the views use (pass green, fail red, …) in variants readable on either background. Views take
/// their colours from here or from palette roles, never as fixed hex values, so a dark palette
/// never shows dark red on dark grey.
namespace Theme {

enum class Choice { System, Light, Dark };

/// Applies `choice` to the running application. Light and Dark use the Fusion style, which
/// honours the palette everywhere; System restores the style and palette the application started with.
void apply(Choice choice);
[[nodiscard]] Choice current();

/// The choice kept in QSettings ("ui/theme"), System when none.
[[nodiscard]] Choice saved();
void save(Choice choice);

[[nodiscard]] QString toString(Choice choice);     ///< "system", "light", "dark"
[[nodiscard]] Choice fromString(const QString &text, Choice fallback = Choice::System);

[[nodiscard]] QPalette lightPalette();
[[nodiscard]] QPalette darkPalette();
/// True when the window background is darker than its text.
[[nodiscard]] bool isDark(const QPalette &palette);

/// Colours with a meaning, for text and small marks.
enum class Tone { Good, Bad, Warning, Waived, Muted };
/// The tone in a shade readable on `palette`'s base colour (the application palette by default).
[[nodiscard]] QColor color(Tone tone);
[[nodiscard]] QColor color(Tone tone, const QPalette &palette);

} // namespace Theme

} // namespace triad
