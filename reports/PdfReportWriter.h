#pragma once

#include "ReportModel.h"
#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace triad::report {

enum class PaperSize { A4, Letter };

/// The audit-ready PDF: a cover painted with QPainter, then the body laid out by QTextDocument on
/// the same page geometry (table of contents with page numbers, summary with vector charts,
/// requirements, findings, exceptions, attestations, evidence appendix, sign-off), a header and a
/// "page X of Y" footer on every page. No Qt Widgets.
class PdfReportWriter final {
public:
    explicit PdfReportWriter(PaperSize paper = PaperSize::A4) : m_paper(paper) {}

    Result<QByteArray> render(const ReportModel &model);
    /// Pages of the last render.
    [[nodiscard]] int pageCount() const { return m_pageCount; }
    /// Milliseconds spent in each phase of the last render (for the benchmark).
    [[nodiscard]] const QList<QPair<QString, qint64>> &phases() const { return m_phases; }

private:
    PaperSize m_paper;
    int m_pageCount = 0;
    QList<QPair<QString, qint64>> m_phases;
};

} // namespace triad::report
