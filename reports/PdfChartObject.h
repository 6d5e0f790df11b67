#pragma once

#include "ReportBody.h"
#include "ReportModel.h"

#include <QObject>
#include <QTextObjectInterface>

namespace triad::report {

/// Draws the summary charts inside the PDF's text document as vector graphics: the document holds
/// an object character with the chart kind and size; this handler paints it with ReportCharts.
class PdfChartObject final : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    static constexpr int kObjectType = QTextFormat::UserObject + 1;
    static constexpr int kKindProperty = QTextFormat::UserProperty + 1;
    static constexpr int kSizeProperty = QTextFormat::UserProperty + 2;

    explicit PdfChartObject(const ReportModel &model, QObject *parent = nullptr) : QObject(parent), m_model(model) {}
    Q_DISABLE_COPY_MOVE(PdfChartObject)

    QSizeF intrinsicSize(QTextDocument *doc, int posInDocument, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *doc, int posInDocument,
                    const QTextFormat &format) override;

private:
    const ReportModel &m_model;
};

} // namespace triad::report
