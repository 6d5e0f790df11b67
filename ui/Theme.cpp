#include "Theme.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace triad::Theme {
namespace {

const QString kSettingsKey = QStringLiteral("ui/theme");

/// What the application looked like before the first apply(), for "System".
struct Startup {
    bool captured = false;
    QString styleName;
    QPalette palette;
};

Startup &startup()
{
    static Startup s;
    return s;
}

Choice &currentChoice()
{
    static Choice choice = Choice::System;
    return choice;
}

void setAll(QPalette &palette, QPalette::ColorRole role, const QColor &color)
{
    palette.setColor(QPalette::All, role, color);
}

} // namespace

QString toString(Choice choice)
{
    switch (choice) {
    case Choice::Light: return QStringLiteral("light");
    case Choice::Dark: return QStringLiteral("dark");
    case Choice::System: break;
    }
    return QStringLiteral("system");
}

Choice fromString(const QString &text, Choice fallback)
{
    if (text == QLatin1String("light"))
        return Choice::Light;
    if (text == QLatin1String("dark"))
        return Choice::Dark;
    if (text == QLatin1String("system"))
        return Choice::System;
    return fallback;
}

QPalette lightPalette()
{
    QPalette p;
    setAll(p, QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
    setAll(p, QPalette::WindowText, QColor(0x1f, 0x23, 0x28));
    setAll(p, QPalette::Base, Qt::white);
    setAll(p, QPalette::AlternateBase, QColor(0xf0, 0xf2, 0xf5));
    setAll(p, QPalette::ToolTipBase, QColor(0xff, 0xff, 0xe8));
    setAll(p, QPalette::ToolTipText, QColor(0x1f, 0x23, 0x28));
    setAll(p, QPalette::PlaceholderText, QColor(0x6b, 0x72, 0x80));
    setAll(p, QPalette::Text, QColor(0x1f, 0x23, 0x28));
    setAll(p, QPalette::Button, QColor(0xe9, 0xeb, 0xef));
    setAll(p, QPalette::ButtonText, QColor(0x1f, 0x23, 0x28));
    setAll(p, QPalette::BrightText, Qt::white);
    setAll(p, QPalette::Light, Qt::white);
    setAll(p, QPalette::Midlight, QColor(0xe2, 0xe5, 0xe9));
    setAll(p, QPalette::Mid, QColor(0xb8, 0xbe, 0xc6));
    setAll(p, QPalette::Dark, QColor(0x8a, 0x91, 0x9b));
    setAll(p, QPalette::Shadow, QColor(0x40, 0x44, 0x4a));
    setAll(p, QPalette::Highlight, QColor(0x1e, 0x63, 0xc4));
    setAll(p, QPalette::HighlightedText, Qt::white);
    setAll(p, QPalette::Link, QColor(0x1e, 0x63, 0xc4));
    setAll(p, QPalette::LinkVisited, QColor(0x6a, 0x3d, 0xb8));
    const QColor disabled(0x9a, 0xa0, 0xa8);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0xc8, 0xcd, 0xd4));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    setAll(p, QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    setAll(p, QPalette::WindowText, QColor(0xe6, 0xe7, 0xe9));
    setAll(p, QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    setAll(p, QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    setAll(p, QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    setAll(p, QPalette::ToolTipText, QColor(0xe6, 0xe7, 0xe9));
    setAll(p, QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa8));
    setAll(p, QPalette::Text, QColor(0xe6, 0xe7, 0xe9));
    setAll(p, QPalette::Button, QColor(0x3a, 0x3d, 0x42));
    setAll(p, QPalette::ButtonText, QColor(0xe6, 0xe7, 0xe9));
    setAll(p, QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    setAll(p, QPalette::Light, QColor(0x4a, 0x4d, 0x53));
    setAll(p, QPalette::Midlight, QColor(0x40, 0x43, 0x48));
    setAll(p, QPalette::Mid, QColor(0x33, 0x35, 0x3a));
    setAll(p, QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    setAll(p, QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
    setAll(p, QPalette::Highlight, QColor(0x3d, 0x7e, 0xd8));
    setAll(p, QPalette::HighlightedText, Qt::white);
    setAll(p, QPalette::Link, QColor(0x7a, 0xb4, 0xff));
    setAll(p, QPalette::LinkVisited, QColor(0xb8, 0x9c, 0xf0));
    const QColor disabled(0x7a, 0x7e, 0x85);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x45, 0x48, 0x4e));
    return p;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

void apply(Choice choice)
{
    Startup &s = startup();
    if (!s.captured) {
        s.captured = true;
        s.styleName = QApplication::style() ? QApplication::style()->name() : QString();
        s.palette = QApplication::palette();
    }
    currentChoice() = choice;
    if (choice == Choice::System) {
        if (!s.styleName.isEmpty())
            QApplication::setStyle(QStyleFactory::create(s.styleName));
        QApplication::setPalette(s.palette);
        return;
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(choice == Choice::Dark ? darkPalette() : lightPalette());
}

Choice current()
{
    return currentChoice();
}

Choice saved()
{
    return fromString(QSettings().value(kSettingsKey).toString());
}

void save(Choice choice)
{
    QSettings().setValue(kSettingsKey, toString(choice));
}

QColor color(Tone tone)
{
    return color(tone, QApplication::palette());
}

QColor color(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Good: return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    case Tone::Bad: return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28);
    case Tone::Warning: return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xb2, 0x4d, 0x00);
    case Tone::Waived: return dark ? QColor(0xce, 0x93, 0xd8) : QColor(0x6a, 0x1b, 0x9a);
    case Tone::Muted: return palette.color(QPalette::PlaceholderText);
    }
    return palette.color(QPalette::Text);
}

} // namespace triad::Theme
