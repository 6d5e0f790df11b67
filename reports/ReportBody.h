#pragma once

#include "ReportModel.h"

#include <QList>
#include <QString>

namespace triad::report {

/// The body of a report (everything after the cover) as HTML, with the headings the table of
/// contents lists, in document order. For the PDF it is the subset of HTML that QTextDocument
/// reads, the TOC has a page-number column filled in after layout and the charts are placeholders
/// (chartPlaceholder) that the writer replaces by vector drawings; for the HTML file the TOC links
/// to the headings and the charts are inline SVG. Both say exactly the same.
struct ReportBody {
    struct Heading {
        int level = 1;
        QString text;
        bool operator==(const Heading &o) const { return level == o.level && text == o.text; }
    };
    /// One chapter of the PDF, laid out as a document of its own (each starts on a new page, and
    /// smaller documents lay out and paint much faster than one long one).
    struct Chapter {
        QString title;
        QString html;
    };
    QString html;               ///< HTML target: the whole body with its linked table of contents
    QList<Chapter> chapters;    ///< PDF target: the chapters; the writer paints the contents page
    QString styleSheet;
    QList<Heading> headings;    ///< the TOC lists exactly these (HTML target)
};

enum class ChartKind { Trend = 1, Severity = 2 };
enum class BodyTarget { Pdf, Html };

/// A marker no host text can contain: visibleText() turns U+FEFF into "<U+FEFF>".
QString chartPlaceholder(ChartKind kind);

ReportBody buildReportBody(const ReportModel &model, BodyTarget target = BodyTarget::Pdf);

} // namespace triad::report
