#include "KeyboardChartView.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QKeyEvent>
#include <QPainter>

#include <algorithm>

namespace triad {
namespace {

bool isHorizontal(const QAbstractSeries *series)
{
    switch (series->type()) {
    case QAbstractSeries::SeriesTypeHorizontalBar:
    case QAbstractSeries::SeriesTypeHorizontalStackedBar:
    case QAbstractSeries::SeriesTypeHorizontalPercentBar:
        return true;
    default:
        return false;
    }
}

} // namespace

KeyboardChartView::KeyboardChartView(QWidget *parent) : QChartView(parent)
{
    setFocusPolicy(Qt::StrongFocus);
}

QList<KeyboardChartView::Bar> KeyboardChartView::barsInReadingOrder() const
{
    QList<Bar> bars;
    if (!chart())
        return bars;
    for (QAbstractSeries *series : chart()->series()) {
        auto *barSeries = qobject_cast<QAbstractBarSeries *>(series);
        if (!barSeries)
            continue;
        const QList<QBarSet *> sets = barSeries->barSets();
        int categories = 0;
        for (const QBarSet *set : sets)
            categories = std::max(categories, int(set->count()));
        // Bar categories grow upwards in a horizontal chart: the top one is read first.
        const bool horizontal = isHorizontal(series);
        for (int n = 0; n < categories; ++n) {
            const int category = horizontal ? categories - 1 - n : n;
            for (QBarSet *set : sets)
                if (category < set->count() && set->at(category) != 0)
                    bars.append({set, category});
        }
    }
    return bars;
}

qsizetype KeyboardChartView::currentPosition(const QList<Bar> &bars) const
{
    for (qsizetype i = 0; i < bars.size(); ++i)
        if (bars[i].set == m_set && bars[i].index == m_index)
            return i;
    return -1;
}

void KeyboardChartView::choose(const Bar &bar)
{
    showChoice(false);
    m_set = bar.set;
    m_index = bar.index;
    showChoice(hasFocus());
    if (m_set) {
        // What a mouse user reads in the tooltip, for a screen reader.
        setAccessibleDescription(tr("%1: %2").arg(m_set->label()).arg(m_set->at(m_index)));
    }
}

void KeyboardChartView::showChoice(bool shown)
{
    if (!m_set)
        return;
    m_set->setSelectedColor(palette().color(QPalette::Highlight));
    if (shown)
        m_set->selectBar(m_index);
    else
        m_set->deselectBar(m_index);
}

void KeyboardChartView::keyPressEvent(QKeyEvent *event)
{
    const QList<Bar> bars = barsInReadingOrder();
    const qsizetype at = currentPosition(bars);
    qsizetype next = at;
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
        next = at < 0 ? 0 : std::min(at + 1, bars.size() - 1);
        break;
    case Qt::Key_Left:
    case Qt::Key_Up:
        next = at < 0 ? 0 : std::max<qsizetype>(at - 1, 0);
        break;
    case Qt::Key_Home:
        next = 0;
        break;
    case Qt::Key_End:
        next = bars.size() - 1;
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (at >= 0) {
            emit m_set->clicked(m_index);
            return;
        }
        QChartView::keyPressEvent(event);
        return;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    if (bars.isEmpty())
        return; // a line chart: nothing to choose, and no scrolling either
    choose(bars.at(next));
}

void KeyboardChartView::focusInEvent(QFocusEvent *event)
{
    QChartView::focusInEvent(event);
    showChoice(true);
    viewport()->update();
}

void KeyboardChartView::focusOutEvent(QFocusEvent *event)
{
    QChartView::focusOutEvent(event);
    showChoice(false);
    viewport()->update();
}

void KeyboardChartView::paintEvent(QPaintEvent *event)
{
    QChartView::paintEvent(event);
    if (!hasFocus())
        return;
    // The frame says which chart the arrow keys work on; the chart itself has no frame.
    QPainter painter(viewport());
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(viewport()->rect()).adjusted(1, 1, -1, -1));
}

} // namespace triad
