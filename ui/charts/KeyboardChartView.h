#pragma once

#include <QChartView>
#include <QPointer>

#include <QBarSet>

namespace triad {

/// A chart view that a keyboard user can work like a mouse user: it takes focus with Tab and shows
/// it with a frame; the arrow keys choose a bar (drawn in the highlight colour), in reading order:
/// left to right for upright bars, top to bottom for horizontal ones, each stack from its first
/// set; Home and End jump to the first and last bar. Enter or Space "clicks" the chosen bar: it
/// emits the bar set's clicked(index), so the chart does exactly what a mouse click does.
/// Bars of zero length are skipped (they cannot be clicked either). Charts without bars (lines)
/// take focus and ignore the keys.
class KeyboardChartView final : public QChartView {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyboardChartView)
public:
    explicit KeyboardChartView(QWidget *parent = nullptr);

    /// The chosen bar; null until an arrow key is pressed, and again when the chart is replaced.
    [[nodiscard]] QBarSet *currentSet() const { return m_set; }
    [[nodiscard]] int currentIndex() const { return m_set ? m_index : -1; }

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    struct Bar {
        QBarSet *set = nullptr;
        int index = -1;
    };
    [[nodiscard]] QList<Bar> barsInReadingOrder() const;
    [[nodiscard]] qsizetype currentPosition(const QList<Bar> &bars) const;
    void choose(const Bar &bar);
    /// Draws the chosen bar selected while the view has focus, plain otherwise.
    void showChoice(bool shown);

    QPointer<QBarSet> m_set;
    int m_index = -1;
};

} // namespace triad
