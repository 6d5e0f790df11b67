#include "HeatMapWidget.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace triad {
namespace {

constexpr int kMinCell = 18;
constexpr int kMaxCell = 34;
constexpr int kFooter = 40; // the legend and the "n more" note, a line each
constexpr int kMaxLabelChars = 22;

} // namespace

QColor heatColor(HeatStatus status, const QPalette &palette)
{
    // Mid-saturated hues stay readable on a light and on a dark window colour alike.
    switch (status) {
    case HeatStatus::Fail:
        return QColor(0xd3, 0x2f, 0x2f);
    case HeatStatus::Error:
        return QColor(0xf5, 0x9e, 0x0b);
    case HeatStatus::Pass:
        return QColor(0x43, 0xa0, 0x47);
    case HeatStatus::NotApplicable:
        return palette.color(QPalette::Mid);
    case HeatStatus::NoData:
        break;
    }
    return palette.color(QPalette::AlternateBase);
}

QString heatStatusText(HeatStatus status)
{
    switch (status) {
    case HeatStatus::Fail:
        return HeatMapWidget::tr("failed");
    case HeatStatus::Error:
        return HeatMapWidget::tr("error (not evaluated)");
    case HeatStatus::Pass:
        return HeatMapWidget::tr("passed");
    case HeatStatus::NotApplicable:
        return HeatMapWidget::tr("not applicable");
    case HeatStatus::NoData:
        break;
    }
    return HeatMapWidget::tr("not assessed");
}

HeatMapWidget::HeatMapWidget(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("heatMap"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Assets by requirements heat map"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void HeatMapWidget::setData(HeatMapData data)
{
    m_data = std::move(data);
    m_current = {0, 0};
    measureLabels();
    updateGeometry();
    update();
}

void HeatMapWidget::measureLabels()
{
    // Once per data or font: layout() runs for every cell painted and every mouse move.
    const QFontMetrics fm = fontMetrics();
    m_assetLabelWidth = 0;
    for (const QString &asset : std::as_const(m_data.assets))
        m_assetLabelWidth = std::max(m_assetLabelWidth, fm.horizontalAdvance(asset.left(kMaxLabelChars)));
    m_requirementLabelWidth = 0;
    for (const QString &req : std::as_const(m_data.requirements))
        m_requirementLabelWidth
            = std::max(m_requirementLabelWidth, fm.horizontalAdvance(req.left(kMaxLabelChars)));
}

QSize HeatMapWidget::sizeHint() const
{
    return {600, 320};
}

QSize HeatMapWidget::minimumSizeHint() const
{
    return {240, 140};
}

HeatMapWidget::Layout HeatMapWidget::layout() const
{
    Layout l;
    l.labelWidth = std::min(m_assetLabelWidth, width() / 3) + 8;
    l.headerHeight = std::min(m_requirementLabelWidth, height() / 3) + 8;
    const int availableWidth = width() - l.labelWidth - 4;
    const int availableHeight = height() - l.headerHeight - kFooter;
    const int columns = int(m_data.requirements.size());
    const int rows = int(m_data.assets.size());
    if (columns == 0 || rows == 0 || availableWidth < kMinCell || availableHeight < kMinCell)
        return l;
    l.cell = std::clamp(std::min(availableWidth / columns, availableHeight / rows), kMinCell, kMaxCell);
    l.columns = std::min(columns, availableWidth / l.cell);
    l.rows = std::min(rows, availableHeight / l.cell);
    return l;
}

int HeatMapWidget::visibleRows() const
{
    return layout().rows;
}

int HeatMapWidget::visibleColumns() const
{
    return layout().columns;
}

QRect HeatMapWidget::cellRect(int row, int column) const
{
    const Layout l = layout();
    if (row < 0 || column < 0 || row >= l.rows || column >= l.columns)
        return {};
    return {l.labelWidth + column * l.cell, l.headerHeight + row * l.cell, l.cell - 2, l.cell - 2};
}

std::pair<int, int> HeatMapWidget::cellAt(const QPoint &pos) const
{
    const Layout l = layout();
    if (l.cell == 0 || pos.x() < l.labelWidth || pos.y() < l.headerHeight)
        return {-1, -1};
    const int column = (pos.x() - l.labelWidth) / l.cell;
    const int row = (pos.y() - l.headerHeight) / l.cell;
    if (row >= l.rows || column >= l.columns)
        return {-1, -1};
    return {row, column};
}

QString HeatMapWidget::cellToolTip(int row, int column) const
{
    if (row < 0 || column < 0 || row >= m_data.assets.size() || column >= m_data.requirements.size())
        return {};
    const HeatStatus status = m_data.at(row, column);
    QString text = tr("%1 · requirement %2: %3")
                       .arg(m_data.assets.at(row), m_data.requirements.at(column), heatStatusText(status));
    if (const int failing = m_data.failuresAt(row, column); failing > 0)
        text += QLatin1Char('\n') + tr("%n failing check(s). Click to see the issues.", nullptr, failing);
    return text;
}

void HeatMapWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    const Layout l = layout();
    if (l.cell == 0)
        return;
    const QFontMetrics fm = fontMetrics();
    p.setPen(pal.color(QPalette::WindowText));
    for (int row = 0; row < l.rows; ++row) {
        const QRect label(0, l.headerHeight + row * l.cell, l.labelWidth - 6, l.cell - 2);
        p.drawText(label, Qt::AlignRight | Qt::AlignVCenter,
                   fm.elidedText(m_data.assets.at(row), Qt::ElideMiddle, label.width()));
    }
    // Requirement ids upright from the cells, bottom to top, so that long ids fit narrow columns.
    for (int column = 0; column < l.columns; ++column) {
        p.save();
        p.translate(l.labelWidth + column * l.cell + l.cell / 2 + fm.ascent() / 2 - 1, l.headerHeight - 4);
        p.rotate(-90);
        p.drawText(0, 0, fm.elidedText(m_data.requirements.at(column), Qt::ElideRight, l.headerHeight - 6));
        p.restore();
    }
    for (int row = 0; row < l.rows; ++row) {
        for (int column = 0; column < l.columns; ++column) {
            const QRect cell(l.labelWidth + column * l.cell, l.headerHeight + row * l.cell, l.cell - 2,
                             l.cell - 2);
            p.fillRect(cell, heatColor(m_data.at(row, column), pal));
            if (const int failing = m_data.failuresAt(row, column); failing > 1 && l.cell >= 22) {
                p.setPen(Qt::white);
                p.drawText(cell, Qt::AlignCenter, QString::number(failing));
            }
        }
    }
    if (hasFocus() && m_current.first < l.rows && m_current.second < l.columns) {
        const QRect cell(l.labelWidth + m_current.second * l.cell, l.headerHeight + m_current.first * l.cell,
                         l.cell - 2, l.cell - 2);
        p.setPen(QPen(pal.color(QPalette::Highlight), 2));
        p.drawRect(cell.adjusted(-1, -1, 0, 0));
        p.setPen(pal.color(QPalette::WindowText));
    }
    // The legend, then what did not fit.
    const int line = fm.height() + 4;
    int x = 0;
    const int y = l.headerHeight + l.rows * l.cell + 4;
    p.setPen(pal.color(QPalette::WindowText));
    for (HeatStatus s : {HeatStatus::Fail, HeatStatus::Error, HeatStatus::Pass, HeatStatus::NotApplicable,
                         HeatStatus::NoData}) {
        const QString text = heatStatusText(s);
        const QRect swatch(x, y + (line - 10) / 2, 10, 10);
        p.fillRect(swatch, heatColor(s, pal));
        if (s == HeatStatus::NoData) { // the colour of an empty cell is close to the window's
            p.setPen(pal.color(QPalette::Mid));
            p.drawRect(swatch.adjusted(0, 0, -1, -1));
            p.setPen(pal.color(QPalette::WindowText));
        }
        p.drawText(QRect(x + 14, y, width(), line), Qt::AlignLeft | Qt::AlignVCenter, text);
        x += 14 + fm.horizontalAdvance(text) + 12;
    }
    const qsizetype hiddenRows = m_data.assets.size() - l.rows;
    const qsizetype hiddenColumns = m_data.requirements.size() - l.columns;
    if (hiddenRows > 0 || hiddenColumns > 0) {
        QStringList hidden;
        if (hiddenRows > 0)
            hidden << tr("%n more asset(s)", nullptr, int(hiddenRows));
        if (hiddenColumns > 0)
            hidden << tr("%n more requirement(s)", nullptr, int(hiddenColumns));
        p.drawText(QRect(0, y + line, width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(tr("%1 not shown (the fewest failures); a larger window shows more")
                                     .arg(hidden.join(tr(" and "))),
                                 Qt::ElideRight, width()));
    }
}

void HeatMapWidget::mousePressEvent(QMouseEvent *event)
{
    const auto [row, column] = cellAt(event->position().toPoint());
    if (row < 0 || event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    emit cellClicked(m_data.assets.at(row), m_data.requirements.at(column));
}

void HeatMapWidget::keyPressEvent(QKeyEvent *event)
{
    const Layout l = layout();
    auto [row, column] = m_current;
    switch (event->key()) {
    case Qt::Key_Left:
        column = std::max(0, column - 1);
        break;
    case Qt::Key_Right:
        column = std::min(l.columns - 1, column + 1);
        break;
    case Qt::Key_Up:
        row = std::max(0, row - 1);
        break;
    case Qt::Key_Down:
        row = std::min(l.rows - 1, row + 1);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (row < l.rows && column < l.columns)
            emit cellClicked(m_data.assets.at(row), m_data.requirements.at(column));
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    m_current = {std::max(0, row), std::max(0, column)};
    if (const QRect cell = cellRect(m_current.first, m_current.second); !cell.isNull())
        QToolTip::showText(mapToGlobal(cell.bottomRight()), cellToolTip(m_current.first, m_current.second),
                           this);
    update();
}

bool HeatMapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        measureLabels();
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const auto [row, column] = cellAt(help->pos());
        if (row >= 0)
            QToolTip::showText(help->globalPos(), cellToolTip(row, column), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace triad
