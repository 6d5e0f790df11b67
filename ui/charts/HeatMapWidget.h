#pragma once

#include "ui/DashboardQueries.h"

#include <QWidget>

namespace triad {

/// Assets (rows) x template requirements (columns), each cell coloured by the worst verdict of
/// the requirement's checks on the asset. Qt Charts has no heat map, so it is painted here. It
/// shows as many rows and columns as fit at a readable cell size (the data comes ordered by
/// failures, so the cut-off part is the least failing) and says how many it left out.
class HeatMapWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeatMapWidget)
public:
    explicit HeatMapWidget(QWidget *parent = nullptr);

    void setData(HeatMapData data);
    [[nodiscard]] const HeatMapData &data() const { return m_data; }
    /// Rows and columns drawn at the current size.
    [[nodiscard]] int visibleRows() const;
    [[nodiscard]] int visibleColumns() const;
    /// Where cell (row, column) is drawn; empty when it is not shown.
    [[nodiscard]] QRect cellRect(int row, int column) const;
    [[nodiscard]] QString cellToolTip(int row, int column) const;
    /// The cell the keyboard is on (arrow keys move it, Enter or Space clicks it).
    [[nodiscard]] std::pair<int, int> currentCell() const { return m_current; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void cellClicked(const QString &assetName, const QString &requirementId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Layout {
        int labelWidth = 0; ///< asset names on the left
        int headerHeight = 0; ///< requirement ids on top, rotated
        int cell = 0;
        int rows = 0;
        int columns = 0;
    };
    [[nodiscard]] Layout layout() const;
    [[nodiscard]] std::pair<int, int> cellAt(const QPoint &pos) const;

    void measureLabels();

    HeatMapData m_data;
    int m_assetLabelWidth = 0;
    int m_requirementLabelWidth = 0;
    std::pair<int, int> m_current {0, 0};
};

/// The colour of a verdict in the heat map and its legend, readable on light and dark palettes.
QColor heatColor(HeatStatus status, const QPalette &palette);
QString heatStatusText(HeatStatus status);

} // namespace triad
