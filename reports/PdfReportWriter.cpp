#include "PdfReportWriter.h"

#include "PdfChartObject.h"
#include "ReportBody.h"
#include "ReportCharts.h"
#include "ReportText.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>

#include <limits>
#include <memory>
#include <vector>

namespace triad::report {
namespace {

constexpr int kDpi = 300;

double mm(double v)
{
    return v / 25.4 * kDpi;
}

QFont font(double pt, bool bold = false, const QString &family = QStringLiteral("DejaVu Sans"))
{
    QFont f(family);
    f.setPointSizeF(pt);
    f.setBold(bold);
    return f;
}

struct Geometry {
    QRectF page;        ///< full page, device pixels
    QRectF body;        ///< where the document flows
};

QString elide(const QPainter &p, const QString &text, double width)
{
    return QFontMetricsF(p.font(), p.device()).elidedText(text, Qt::ElideRight, width);
}

/// Draws `text` from `topLeft` in lines of `width`, breaking between words (inside a word only
/// when one word is wider than a line, as a hash is), at most `maxLines` lines with the last one
/// elided. Returns the height used. The cover's values (a tailoring summary, a scope of many
/// assets) must stay readable words, not be cut at whatever letter reaches the margin.
double drawWrapped(QPainter &p, const QPointF &topLeft, double width, const QString &text, int maxLines)
{
    const QFontMetricsF fm(p.font(), p.device());
    QTextLayout layout(text, p.font(), p.device());
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    double y = 0;
    QList<QTextLine> lines;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
        lines << line;
    }
    layout.endLayout();
    if (lines.size() <= maxLines) {
        layout.draw(&p, topLeft);
        return y;
    }
    double lineY = 0;
    for (int i = 0; i < maxLines - 1; ++i) {
        lines[i].draw(&p, topLeft);
        lineY += lines[i].height();
    }
    // The last line shown carries the rest of the text, elided at a word where the font allows.
    const QString rest = text.mid(lines[maxLines - 1].textStart()).trimmed();
    p.drawText(QRectF(topLeft.x(), topLeft.y() + lineY, width, fm.height()), Qt::AlignLeft | Qt::AlignTop,
               fm.elidedText(rest, Qt::ElideRight, width));
    return lineY + fm.height();
}

void drawHeaderFooter(QPainter &p, const Geometry &g, const ReportModel &m, int page, int pages, bool cover)
{
    p.save();
    const QColor grey(QStringLiteral("#5a6270"));
    p.setFont(font(7));
    const double lineH = QFontMetricsF(p.font(), p.device()).height();
    const double half = g.body.width() / 2;
    if (!cover) {
        const double y = g.body.top() - mm(9);
        p.setPen(grey);
        QString left = m.cover.projectName;
        if (!m.cover.customer.isEmpty())
            left += QStringLiteral(" \u00b7 ") + m.cover.customer;
        p.drawText(QRectF(g.body.left(), y, half, lineH), Qt::AlignLeft | Qt::AlignVCenter, elide(p, left, half - mm(4)));
        const QString right = QStringLiteral("%1 %2 \u00b7 run %3").arg(m.cover.templateTitle, m.cover.templateVersion).arg(m.cover.runId);
        p.drawText(QRectF(g.body.left() + half, y, half, lineH), Qt::AlignRight | Qt::AlignVCenter, elide(p, right, half - mm(4)));
        p.setPen(QPen(QColor(QStringLiteral("#c9ced6")), mm(0.2)));
        p.drawLine(QPointF(g.body.left(), y + lineH + mm(1)), QPointF(g.body.right(), y + lineH + mm(1)));
    }
    const double fy = g.body.bottom() + mm(6);
    p.setPen(QPen(QColor(QStringLiteral("#c9ced6")), mm(0.2)));
    p.drawLine(QPointF(g.body.left(), fy - mm(1.5)), QPointF(g.body.right(), fy - mm(1.5)));
    p.setPen(grey);
    p.drawText(QRectF(g.body.left(), fy, g.body.width() / 3, lineH), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("Triad %1 \u00b7 %2").arg(m.cover.reportAppVersion, dateTimeText(m.cover.generatedAt)));
    p.drawText(QRectF(g.body.left() + g.body.width() / 3, fy, g.body.width() / 3, lineH), Qt::AlignCenter,
               QStringLiteral("Confidential"));
    p.drawText(QRectF(g.body.left() + 2 * g.body.width() / 3, fy, g.body.width() / 3, lineH), Qt::AlignRight | Qt::AlignVCenter,
               QStringLiteral("Page %1 of %2").arg(page).arg(pages));
    p.restore();
}

void drawCover(QPainter &p, const Geometry &g, const ReportModel &m)
{
    const CoverFacts &c = m.cover;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QColor navy(QStringLiteral("#1b3a5c"));
    const QRectF band(0, 0, g.page.width(), mm(88));
    p.fillRect(band, navy);
    p.fillRect(QRectF(0, band.bottom(), g.page.width(), mm(2.2)), QColor(QStringLiteral("#e67e22")));

    const double x = g.body.left();
    const double w = g.body.width();
    p.setPen(QColor(QStringLiteral("#c8d6e5")));
    p.setFont(font(10, true));
    p.drawText(QRectF(x, mm(22), w, mm(8)), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("COMPLIANCE ASSESSMENT REPORT"));
    p.setPen(Qt::white);
    p.setFont(font(24, true));
    p.drawText(QRectF(x, mm(33), w, mm(32)), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, elide(p, c.templateTitle, w * 2 - mm(10)));
    p.setFont(font(11));
    p.setPen(QColor(QStringLiteral("#dfe7f0")));
    QString framework = c.frameworkName;
    if (!c.frameworkVersion.isEmpty())
        framework += QStringLiteral(" ") + c.frameworkVersion;
    p.drawText(QRectF(x, mm(72), w, mm(8)), Qt::AlignLeft | Qt::AlignVCenter,
               elide(p, framework.isEmpty() ? QStringLiteral("Template %1").arg(c.templateId) : framework, w));

    double y = mm(104);
    p.setPen(QColor(QStringLiteral("#222831")));
    p.setFont(font(20, true));
    p.drawText(QRectF(x, y, w * 0.68, mm(11)), Qt::AlignLeft | Qt::AlignVCenter, elide(p, c.projectName, w * 0.68));
    y += mm(12);
    p.setFont(font(12));
    p.setPen(QColor(QStringLiteral("#5a6270")));
    p.drawText(QRectF(x, y, w * 0.68, mm(8)), Qt::AlignLeft | Qt::AlignVCenter,
               elide(p, c.customer.isEmpty() ? QStringLiteral("(no customer named)") : QStringLiteral("Prepared for ") + c.customer, w * 0.68));

    // Score box on the right.
    const QRectF box(x + w * 0.72, mm(102), w * 0.28, mm(30));
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(QStringLiteral("#f3f6fa")));
    p.drawRoundedRect(box, mm(2), mm(2));
    p.setPen(QColor(QStringLiteral("#1f5fa8")));
    p.setFont(font(22, true));
    p.drawText(box.adjusted(0, mm(3), 0, -mm(12)), Qt::AlignCenter, percentText(m.score.percent));
    p.setFont(font(8));
    p.setPen(QColor(QStringLiteral("#5a6270")));
    p.drawText(box.adjusted(0, mm(18), 0, -mm(3)), Qt::AlignCenter,
               QStringLiteral("score \u00b7 %1 failed, %2 passed").arg(m.score.failed).arg(m.score.passed));

    // Facts.
    y = mm(146);
    QString scope = QStringLiteral("%1 asset(s), %2 reached").arg(c.assetCount).arg(c.assetsReached);
    if (!c.scope.isEmpty())
        scope += QStringLiteral(": ") + c.scope.mid(0, 12).join(QStringLiteral(", ")) +
                 (c.scope.size() > 12 ? QStringLiteral(", \u2026 (%1 more)").arg(c.scope.size() - 12) : QString());
    QString run = QStringLiteral("%1 (%2)").arg(c.runId).arg(c.runStatus);
    if (c.derivedFromRunId)
        run += QStringLiteral(", re-evaluated from run %1").arg(c.derivedFromRunId);
    const QList<QPair<QString, QString>> facts{
        {QStringLiteral("Template"), QStringLiteral("%1, version %2").arg(c.templateId, c.templateVersion)},
        {QStringLiteral("Tailoring"), c.tailoring.isEmpty() ? QStringLiteral("none (template defaults)") : c.tailoring},
        {QStringLiteral("Scope"), scope},
        {QStringLiteral("Assessment period"), periodText(c.startedAt, c.finishedAt)},
        {QStringLiteral("Operator"), c.operatorName.isEmpty() ? QStringLiteral("-") : c.operatorName},
        {QStringLiteral("Run"), run},
        {QStringLiteral("Triad version"), QStringLiteral("%1 (assessment), %2 (report)").arg(c.appVersion, c.reportAppVersion)},
        {QStringLiteral("Report generated"), dateTimeText(c.generatedAt)},
        {QStringLiteral("Template SHA-256"), c.templateSha256},
    };
    const double labelW = w * 0.26;
    for (const auto &f : facts) {
        p.setFont(font(9));
        p.setPen(QColor(QStringLiteral("#5a6270")));
        p.drawText(QRectF(x, y, labelW, mm(7)), Qt::AlignLeft | Qt::AlignTop, f.first);
        p.setPen(QColor(QStringLiteral("#222831")));
        const bool isHash = f.first.endsWith(QLatin1String("SHA-256"));
        p.setFont(isHash ? font(7.5, false, QStringLiteral("DejaVu Sans Mono")) : font(9));
        const double used = drawWrapped(p, QPointF(x + labelW, y), w - labelW, f.second, 2);
        y += std::max(mm(7), used + mm(2.5));
        p.setPen(QPen(QColor(QStringLiteral("#e1e4e8")), mm(0.2)));
        p.drawLine(QPointF(x, y - mm(1.5)), QPointF(x + w, y - mm(1.5)));
    }

    p.setFont(font(8));
    p.setPen(QColor(QStringLiteral("#5a6270")));
    p.drawText(QRectF(x, g.body.bottom() - mm(22), w, mm(20)), Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap,
               QStringLiteral("This report contains configuration details of the assessed systems. Handle it as confidential and share "
                              "it only with the people responsible for the assessment and the systems."));
    p.restore();
}

void insertCharts(QTextDocument &doc, const Geometry &g)
{
    const QList<QPair<ChartKind, QSizeF>> charts{
        {ChartKind::Trend, QSizeF(g.body.width() * 0.92, g.body.width() * 0.34)},
        {ChartKind::Severity, QSizeF(g.body.width() * 0.62, g.body.width() * 0.2)}};
    for (const auto &[kind, size] : charts) {
        QTextCursor cursor = doc.find(chartPlaceholder(kind));
        if (cursor.isNull())
            continue;
        QTextCharFormat format;
        format.setObjectType(PdfChartObject::kObjectType);
        format.setProperty(PdfChartObject::kKindProperty, int(kind));
        format.setProperty(PdfChartObject::kSizeProperty, size);
        cursor.insertText(QString(QChar::ObjectReplacementCharacter), format);
    }
}

struct TocEntry {
    int level = 1;
    QString text;
    int page = 0;
};

double firstLineTop(QTextDocument &doc, const QTextBlock &b)
{
    double top = doc.documentLayout()->blockBoundingRect(b).top();
    if (b.layout() && b.layout()->lineCount() > 0)
        top += b.layout()->lineAt(0).y();
    return top;
}

/// QTextDocument has no "keep with next": a section or finding title can end up alone at the
/// foot of a page. Such titles get a page break before them; two rounds settle what the first
/// round's breaks moved. Returns how many titles were moved.
int keepTitlesWithText(QTextDocument &doc, double pageHeight)
{
    int moved = 0;
    for (int round = 0; round < 2; ++round) {
        QList<QTextBlock> lonely;
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
            const int level = b.blockFormat().headingLevel();
            if (level < 2 || level > 3 || b.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
                continue;
            // The title and the first two blocks after it belong on one page.
            QTextBlock after = b.next();
            if (after.isValid() && after.next().isValid())
                after = after.next();
            if (!after.isValid())
                continue;
            const int titlePage = int(firstLineTop(doc, b) / pageHeight);
            if (int(firstLineTop(doc, after) / pageHeight) != titlePage)
                lonely << b;
        }
        if (lonely.isEmpty())
            break;
        QTextCursor edit(&doc);
        edit.beginEditBlock();
        for (const QTextBlock &b : std::as_const(lonely)) {
            QTextCursor cursor(b);
            QTextBlockFormat format = b.blockFormat();
            format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            cursor.setBlockFormat(format);
        }
        edit.endEditBlock();
        moved += int(lonely.size());
    }
    return moved;
}

/// The headings of a laid-out chapter with the page each starts on.
QList<TocEntry> headingsOf(QTextDocument &doc, double pageHeight, int firstPage)
{
    QList<TocEntry> entries;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        const int level = b.blockFormat().headingLevel();
        if (level != 1 && level != 2)
            continue;
        // The first line, not the block: a page break before a heading lies inside the block's
        // rectangle, above its text.
        entries << TocEntry{level, b.text(), firstPage + int(firstLineTop(doc, b) / pageHeight)};
    }
    return entries;
}

/// The contents page, painted once every chapter is laid out and its pages are known. When the
/// sections do not fit on the page, only the chapters are listed.
void drawContents(QPainter &p, const Geometry &g, QList<TocEntry> entries)
{
    p.save();
    p.setPen(QColor(QStringLiteral("#1b3a5c")));
    p.setFont(font(16, true));
    const double titleH = QFontMetricsF(p.font(), p.device()).height();
    p.drawText(QRectF(g.body.left(), g.body.top(), g.body.width(), titleH), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("Contents"));
    const QFont chapterFont = font(10.5, true);
    const QFont sectionFont = font(9);
    const double lineH = QFontMetricsF(chapterFont, p.device()).height() * 1.45;
    const int room = int((g.body.height() - titleH * 2) / lineH);
    if (entries.size() > room) {
        QList<TocEntry> chapters;
        for (const TocEntry &e : std::as_const(entries))
            if (e.level == 1)
                chapters << e;
        entries = chapters;
    }
    double y = g.body.top() + titleH * 2;
    for (const TocEntry &e : std::as_const(entries)) {
        p.setFont(e.level == 1 ? chapterFont : sectionFont);
        p.setPen(QColor(QStringLiteral("#222831")));
        const double indent = e.level == 1 ? 0 : mm(6);
        const QFontMetricsF fm(p.font(), p.device());
        const QString number = QString::number(e.page);
        const double numberW = fm.horizontalAdvance(number);
        const QString text = fm.elidedText(e.text, Qt::ElideRight, g.body.width() - indent - numberW - mm(12));
        const QRectF row(g.body.left() + indent, y, g.body.width() - indent, lineH);
        p.drawText(row, Qt::AlignLeft | Qt::AlignVCenter, text);
        p.drawText(row, Qt::AlignRight | Qt::AlignVCenter, number);
        // A dotted leader between the title and its page number.
        p.setPen(QPen(QColor(QStringLiteral("#b0b6bf")), mm(0.25), Qt::DotLine));
        const double base = y + lineH / 2 + fm.ascent() / 2;
        p.drawLine(QPointF(row.left() + fm.horizontalAdvance(text) + mm(2), base),
                   QPointF(row.right() - numberW - mm(2), base));
        y += lineH;
    }
    p.restore();
}

} // namespace

namespace {

/// Page size, resolution and metadata of the report: the PDF itself, and the device the preview
/// lays its pages out on (so that both break the pages in the same places).
void setUpWriter(QPdfWriter &writer, const ReportModel &model, PaperSize paper)
{
    writer.setResolution(kDpi);
    writer.setPageSize(QPageSize(paper == PaperSize::Letter ? QPageSize::Letter : QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(QStringLiteral("%1 \u2013 %2").arg(model.cover.projectName, model.cover.templateTitle));
    writer.setCreator(QStringLiteral("Triad %1").arg(model.cover.reportAppVersion));
}

/// The pages go to the PDF writer: one painter, a new page before each but the first.
class PdfPageTarget final : public PageTarget {
public:
    explicit PdfPageTarget(QPdfWriter &writer) : m_writer(writer) {}
    QPainter *beginPage(int index) override
    {
        if (index == 0)
            return m_painter.begin(&m_writer) ? &m_painter : nullptr;
        return m_writer.newPage() ? &m_painter : nullptr;
    }
    bool finish() { return m_painter.end(); }

private:
    QPdfWriter &m_writer;
    QPainter m_painter;
};

} // namespace

Result<QByteArray> PdfReportWriter::render(const ReportModel &model)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    setUpWriter(writer, model, m_paper);
    PdfPageTarget target(writer);
    auto pages = paint(model, writer, target, std::numeric_limits<int>::max());
    if (!pages)
        return pages.error();
    if (!target.finish())
        return makeError(Error::Code::Internal, QStringLiteral("cannot finish the PDF"));
    return bytes;
}

Result<int> PdfReportWriter::paintPages(const ReportModel &model, PageTarget &target, int maxPages)
{
    // Laid out on a PDF writer that is never painted on: the same metrics as the real export.
    QBuffer discard;
    discard.open(QIODevice::WriteOnly);
    QPdfWriter layoutDevice(&discard);
    setUpWriter(layoutDevice, model, m_paper);
    return paint(model, layoutDevice, target, maxPages);
}

QSizeF PdfReportWriter::pageSizeInPixels(PaperSize paper)
{
    const QSizeF points = QPageSize(paper == PaperSize::Letter ? QPageSize::Letter : QPageSize::A4).size(QPageSize::Point);
    return points / 72.0 * kDpi;
}

int PdfReportWriter::resolution()
{
    return kDpi;
}

Result<int> PdfReportWriter::paint(const ReportModel &model, QPdfWriter &writer, PageTarget &target, int maxPages)
{
    m_phases.clear();
    m_pageCount = 0;
    QElapsedTimer timer;
    timer.start();
    auto phase = [&](const char *name) { m_phases << qMakePair(QString::fromLatin1(name), timer.restart()); };

    Geometry g;
    g.page = QRectF(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
    g.body = g.page.adjusted(mm(18), mm(22), -mm(18), -mm(20));

    const ReportBody content = buildReportBody(model, BodyTarget::Pdf);
    phase("body");

    // Each chapter is a document of its own, laid out on the body rectangle: pages 1 and 2 are
    // the cover and the contents, the chapters follow.
    PdfChartObject charts(model);
    std::vector<std::unique_ptr<QTextDocument>> docs;
    QList<int> firstPages;
    QList<TocEntry> toc;
    int nextPage = 3;
    for (const ReportBody::Chapter &chapter : content.chapters) {
        auto doc = std::make_unique<QTextDocument>();
        doc->documentLayout()->setPaintDevice(&writer);
        doc->setDefaultFont(font(8.5));
        doc->setDocumentMargin(0);
        QTextOption wrap = doc->defaultTextOption();
        wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        doc->setDefaultTextOption(wrap);
        doc->setDefaultStyleSheet(content.styleSheet);
        doc->setPageSize(g.body.size());
        doc->setHtml(chapter.html);
        doc->documentLayout()->registerHandler(PdfChartObject::kObjectType, &charts);
        insertCharts(*doc, g);
        keepTitlesWithText(*doc, g.body.height());
        firstPages << nextPage;
        toc += headingsOf(*doc, g.body.height(), nextPage);
        nextPage += doc->pageCount();
        docs.push_back(std::move(doc));
        if (qEnvironmentVariableIsSet("TRIAD_REPORT_PHASES"))
            phase(qPrintable(QStringLiteral("layout %1 (%2 pages)").arg(chapter.title).arg(docs.back()->pageCount())));
    }
    phase("layout");
    const int pages = nextPage - 1;
    m_pageCount = pages;

    // Pages are painted in order until `maxPages` are done (a preview) or the target fails.
    int painted = 0;
    bool failed = false;
    auto nextPainter = [&]() -> QPainter * {
        if (painted >= maxPages)
            return nullptr;
        QPainter *p = target.beginPage(painted++);
        failed = p == nullptr;
        return p;
    };
    auto stop = [&]() -> Result<int> {
        if (failed)
            return makeError(Error::Code::Internal, QStringLiteral("cannot start page %1 of the PDF").arg(painted));
        return pages;
    };
    QPainter *painter = nextPainter();
    if (!painter)
        return stop();
    drawCover(*painter, g, model);
    drawHeaderFooter(*painter, g, model, 1, pages, true);
    if (!(painter = nextPainter()))
        return stop();
    drawContents(*painter, g, toc);
    drawHeaderFooter(*painter, g, model, 2, pages, false);
    for (size_t c = 0; c < docs.size(); ++c) {
        QTextDocument &doc = *docs[c];
        for (int i = 0; i < doc.pageCount(); ++i) {
            if (!(painter = nextPainter()))
                return stop();
            painter->save();
            painter->translate(g.body.left(), g.body.top() - i * g.body.height());
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = QRectF(0, i * g.body.height(), g.body.width(), g.body.height());
            painter->setClipRect(context.clip);
            doc.documentLayout()->draw(painter, context);
            painter->restore();
            drawHeaderFooter(*painter, g, model, firstPages.at(int(c)) + i, pages, false);
        }
        docs[c].reset();    // painted: free its layout before the next chapter's pages
        if (qEnvironmentVariableIsSet("TRIAD_REPORT_PHASES"))
            phase(qPrintable(QStringLiteral("paint %1").arg(content.chapters.at(int(c)).title)));
    }
    phase("paint");
    return pages;
}

} // namespace triad::report
