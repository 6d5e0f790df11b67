#include "StartPage.h"

#include "RecentProjects.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace triad {
namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.25);
    font.setBold(true);
    label->setFont(font);
    return label;
}

QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

/// Draws a recent project as its name in bold over a dimmer line with the folder and date (the
/// model's display text holds both lines, so plain views and tests still read everything).
class RecentProjectDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        // From the model, not opt.text: the delegate turns '\n' into a line separator there.
        const QStringList lines = index.data(Qt::DisplayRole).toString().split(QLatin1Char('\n'));
        opt.text.clear();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const bool selected = opt.state & QStyle::State_Selected;
        const bool exists = index.data(RecentProjectsModel::ExistsRole).toBool();
        const QPalette::ColorGroup group = exists ? QPalette::Normal : QPalette::Disabled;
        const QColor first = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
        QColor second = selected ? first : opt.palette.color(group, QPalette::PlaceholderText);
        if (!exists)
            second = first;
        const QRect area = opt.rect.adjusted(kPadding, kPadding / 2, -kPadding, -kPadding / 2);
        QFont bold = opt.font;
        bold.setBold(true);
        const QFontMetrics boldMetrics(bold);
        painter->save();
        painter->setFont(bold);
        painter->setPen(first);
        painter->drawText(area.adjusted(0, 0, 0, -area.height() / 2), Qt::AlignLeft | Qt::AlignVCenter,
                          boldMetrics.elidedText(lines.value(0), Qt::ElideRight, area.width()));
        painter->setFont(opt.font);
        painter->setPen(second);
        painter->drawText(area.adjusted(0, area.height() / 2, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                          opt.fontMetrics.elidedText(lines.value(1), Qt::ElideMiddle, area.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QSize base = QStyledItemDelegate::sizeHint(option, index);
        return {base.width(), 2 * option.fontMetrics.height() + 2 * kPadding};
    }

private:
    static constexpr int kPadding = 8;
};

QString percent(const std::optional<double> &value)
{
    return value ? QStringLiteral("%1 %").arg(*value, 0, 'f', 1) : StartPage::tr("no data");
}

} // namespace

StartPage::StartPage(QWidget *parent) : QWidget(parent)
{
    m_scan = new QuickScan(this);
    m_scanOptions.folder = QuickScan::defaultFolder();
    buildUi();
    connect(m_scan, &QuickScan::progress, this, &StartPage::onScanProgress);
    connect(m_scan, &QuickScan::finished, this, &StartPage::onScanFinished);
    reloadRecent();
}

void StartPage::buildUi()
{
    // Title, then two columns: what to do (left) and the recent projects (right).
    auto *title = new QLabel(tr("Triad"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.2);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *tagline = wrapped(tr("Compliance auditing for Linux servers, containers and clouds: assess against CIS, "
                               "PCI DSS, HIPAA and SOC 2, track issues across runs, export audit-ready reports."), this);
    tagline->setForegroundRole(QPalette::PlaceholderText);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("emptyState"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::RichText);
    m_message->setFrameShape(QFrame::StyledPanel);
    m_message->setMargin(8);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *start = new QWidget(this);
    auto *startLayout = new QVBoxLayout(start);
    startLayout->setContentsMargins(0, 0, 0, 0);
    startLayout->addWidget(heading(tr("Start"), start));
    m_newButton = new QPushButton(tr("&New Project…"), start);
    m_newButton->setObjectName(QStringLiteral("newProjectButton"));
    m_openButton = new QPushButton(tr("&Open Project…"), start);
    m_openButton->setObjectName(QStringLiteral("openProjectButton"));
    m_scanButton = new QPushButton(tr("&Scan This Computer"), start);
    m_scanButton->setObjectName(QStringLiteral("scanThisComputerButton"));
    m_scanButton->setDefault(true);
    m_browseButton = new QPushButton(tr("Browse &Templates"), start);
    m_browseButton->setObjectName(QStringLiteral("browseTemplatesButton"));
    for (QPushButton *b : {m_newButton, m_openButton, m_scanButton, m_browseButton})
        b->setMinimumHeight(b->sizeHint().height() + 8);
    startLayout->addWidget(m_newButton);
    startLayout->addWidget(wrapped(tr("Name the engagement and its customer, choose where the file goes, and set a "
                                      "passphrase for stored passwords."), start));
    startLayout->addSpacing(8);
    startLayout->addWidget(m_openButton);
    startLayout->addWidget(wrapped(tr("Open a project file (*.triad)."), start));
    startLayout->addSpacing(8);
    startLayout->addWidget(m_scanButton);
    m_scanHelp = wrapped(QString(), start);
    m_scanHelp->setObjectName(QStringLiteral("scanHelp"));
    startLayout->addWidget(m_scanHelp);

    m_scanPanel = new QWidget(start);
    m_scanPanel->setObjectName(QStringLiteral("quickScanPanel"));
    auto *panelLayout = new QGridLayout(m_scanPanel);
    panelLayout->setContentsMargins(0, 4, 0, 0);
    m_scanProgress = new QProgressBar(m_scanPanel);
    m_scanProgress->setRange(0, QuickScan::StepCount - 1);
    m_scanProgress->setTextVisible(false);
    m_cancelScan = new QPushButton(tr("Cancel"), m_scanPanel);
    m_cancelScan->setObjectName(QStringLiteral("cancelScanButton"));
    m_cancelScan->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelScan->setToolTip(tr("Stop the scan (Esc). What was collected so far is kept."));
    m_scanStatus = new QLabel(m_scanPanel);
    m_scanStatus->setObjectName(QStringLiteral("scanStatus"));
    m_scanStatus->setWordWrap(true);
    panelLayout->addWidget(m_scanProgress, 0, 0);
    panelLayout->addWidget(m_cancelScan, 0, 1);
    panelLayout->addWidget(m_scanStatus, 1, 0, 1, 2);
    m_scanPanel->hide();
    startLayout->addWidget(m_scanPanel);
    startLayout->addSpacing(8);
    startLayout->addWidget(m_browseButton);
    startLayout->addWidget(wrapped(tr("Read the template library (requirements, checks, how to fix and verify them) "
                                      "without a project."), start));
    startLayout->addStretch(1);

    auto *recent = new QWidget(this);
    auto *recentLayout = new QVBoxLayout(recent);
    recentLayout->setContentsMargins(0, 0, 0, 0);
    recentLayout->addWidget(heading(tr("Recent projects"), recent));
    m_recent = new RecentProjectsModel(this);
    m_recentStack = new QStackedWidget(recent);
    m_recentView = new QListView(m_recentStack);
    m_recentView->setObjectName(QStringLiteral("recentProjects"));
    m_recentView->setModel(m_recent);
    m_recentView->setItemDelegate(new RecentProjectDelegate(m_recentView));
    m_recentView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_recentView->setUniformItemSizes(true);
    m_recentView->setSpacing(1);
    m_recentView->setAlternatingRowColors(true);
    m_recentView->setTextElideMode(Qt::ElideMiddle);
    auto *noRecent = wrapped(tr("No recent projects yet.\n\nCreate one with New Project…, open a project file, or "
                                "try Scan This Computer: it needs no setup."), m_recentStack);
    noRecent->setObjectName(QStringLiteral("noRecentProjects"));
    noRecent->setAlignment(Qt::AlignCenter);
    noRecent->setForegroundRole(QPalette::PlaceholderText);
    m_recentStack->addWidget(noRecent);
    m_recentStack->addWidget(m_recentView);
    recentLayout->addWidget(m_recentStack, 1);
    auto *recentButtons = new QHBoxLayout;
    m_openRecent = new QPushButton(tr("Open"), recent);
    m_openRecent->setObjectName(QStringLiteral("openRecentButton"));
    m_removeRecent = new QPushButton(tr("&Remove from List"), recent);
    m_removeRecent->setObjectName(QStringLiteral("removeRecentButton"));
    m_removeRecent->setToolTip(tr("Forget this entry (Delete). The project file itself is not touched."));
    recentButtons->addStretch(1);
    recentButtons->addWidget(m_openRecent);
    recentButtons->addWidget(m_removeRecent);
    recentLayout->addLayout(recentButtons);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(32);
    columns->addWidget(start, 2);
    columns->addWidget(recent, 3);

    // Centred with generous margins; readable line lengths on a wide window.
    auto *content = new QWidget(this);
    content->setMaximumWidth(1100);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(title);
    contentLayout->addWidget(tagline);
    contentLayout->addSpacing(16);
    contentLayout->addWidget(m_message);
    contentLayout->addSpacing(8);
    contentLayout->addLayout(columns, 1);
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(32, 32, 32, 32);
    outer->addStretch(1);
    outer->addWidget(content, 20);
    outer->addStretch(1);

    setTabOrder(m_newButton, m_openButton);
    setTabOrder(m_openButton, m_scanButton);
    setTabOrder(m_scanButton, m_cancelScan);
    setTabOrder(m_cancelScan, m_browseButton);
    setTabOrder(m_browseButton, m_recentView);
    setTabOrder(m_recentView, m_openRecent);
    setTabOrder(m_openRecent, m_removeRecent);

    auto *remove = new QAction(tr("Remove from List"), m_recentView);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    m_recentView->addAction(remove);
    connect(remove, &QAction::triggered, this, &StartPage::removeSelected);

    connect(m_newButton, &QPushButton::clicked, this, &StartPage::newProjectRequested);
    connect(m_openButton, &QPushButton::clicked, this, &StartPage::openProjectRequested);
    connect(m_scanButton, &QPushButton::clicked, this, &StartPage::startQuickScan);
    connect(m_browseButton, &QPushButton::clicked, this, &StartPage::browseTemplatesRequested);
    connect(m_cancelScan, &QPushButton::clicked, this, [this] {
        m_cancelScan->setEnabled(false);
        m_scanStatus->setText(tr("Cancelling…"));
        m_scan->cancel();
    });
    connect(m_recentView, &QListView::activated, this, &StartPage::openSelected);
    connect(m_openRecent, &QPushButton::clicked, this, &StartPage::openSelected);
    connect(m_removeRecent, &QPushButton::clicked, this, &StartPage::removeSelected);
    connect(m_recent, &QAbstractItemModel::modelReset, this, &StartPage::updateRecentState);
    connect(m_recentView->selectionModel(), &QItemSelectionModel::currentChanged, this, &StartPage::updateRecentState);

    setQuickScanOptions(m_scanOptions);
}

void StartPage::setQuickScanOptions(const QuickScan::Options &options)
{
    m_scanOptions = options;
    m_scanHelp->setText(tr("The one-click first try: creates a project in %1 with this computer as its only "
                           "asset and assesses it against the %2 template with the local transport. Nothing "
                           "to install or configure.")
                            .arg(QDir::toNativeSeparators(m_scanOptions.folder), m_scanOptions.templateId));
}

void StartPage::setMessage(const QString &html)
{
    m_message->setText(html);
    m_message->setVisible(!html.isEmpty());
}

void StartPage::reloadRecent()
{
    m_recent->reload();
}

void StartPage::updateRecentState()
{
    const bool any = m_recent->rowCount() > 0;
    m_recentStack->setCurrentIndex(any ? 1 : 0);
    // After a reload nothing is current: start on the newest project so that Enter opens it.
    if (any && !m_recentView->currentIndex().isValid())
        m_recentView->setCurrentIndex(m_recent->index(0));
    const int row = m_recentView->currentIndex().row();
    m_openRecent->setEnabled(row >= 0 && m_recent->existsAt(row));
    m_removeRecent->setEnabled(row >= 0);
    m_openRecent->setVisible(any);
    m_removeRecent->setVisible(any);
}

void StartPage::openSelected()
{
    const int row = m_recentView->currentIndex().row();
    const RecentProject *project = m_recent->projectAt(row);
    if (!project)
        return;
    if (!m_recent->existsAt(row)) {
        setMessage(tr("<b>%1 is not there any more.</b> It was moved, deleted, or is on a disk that is not "
                      "mounted. Remove it from the list with <b>Remove from List</b> (Delete), or open the file "
                      "where it is now with <b>Open Project…</b>.")
                       .arg(QDir::toNativeSeparators(project->path).toHtmlEscaped()));
        m_recent->reload();     // it may have come back meanwhile
        return;
    }
    emit projectChosen(project->path);
}

void StartPage::removeSelected()
{
    const RecentProject *project = m_recent->projectAt(m_recentView->currentIndex().row());
    if (!project)
        return;
    RecentProjects::remove(project->path);
    m_recent->reload();
}

void StartPage::startQuickScan()
{
    if (m_scan->isRunning())
        return;
    setMessage({});
    m_scanButton->setEnabled(false);
    m_newButton->setEnabled(false);
    m_cancelScan->setEnabled(true);
    m_scanProgress->setValue(0);
    m_scanStatus->setText(tr("Starting…"));
    m_scanPanel->show();
    m_scan->start(m_scanOptions);
    m_cancelScan->setFocus();
}

void StartPage::onScanProgress(int step, const QString &text)
{
    m_scanProgress->setValue(step);
    if (m_cancelScan->isEnabled())      // keep "Cancelling…" once asked
        m_scanStatus->setText(text);
}

void StartPage::onScanFinished(const QuickScanOutcome &outcome)
{
    m_scanButton->setEnabled(true);
    m_newButton->setEnabled(true);
    m_scanPanel->hide();
    const QString where = QDir::toNativeSeparators(outcome.projectPath).toHtmlEscaped();
    if (!outcome.error.isEmpty()) {
        setMessage(tr("<b>The scan could not run:</b> %1%2")
                       .arg(outcome.error.toHtmlEscaped(),
                            outcome.projectPath.isEmpty() ? QString() : tr("<br>The project was kept in %1.").arg(where)));
        if (!outcome.projectPath.isEmpty())
            RecentProjects::add(outcome.projectPath, outcome.projectName);
        m_recent->reload();
        return;
    }
    if (outcome.runStatus == QLatin1String("cancelled")) {
        setMessage(tr("<b>Scan cancelled.</b> What was collected is kept in %1; it is in the recent projects.")
                       .arg(where));
        if (!outcome.projectPath.isEmpty())
            RecentProjects::add(outcome.projectPath, outcome.projectName);
        m_recent->reload();
        return;
    }
    setMessage(tr("Scan finished: %n result(s), score %1.", nullptr, outcome.resultCount).arg(percent(outcome.score.percent)));
    RecentProjects::add(outcome.projectPath, outcome.projectName);
    m_recent->reload();
    // The user may have opened another project meanwhile: do not pull it away from under them.
    if (isVisible())
        emit projectChosen(outcome.projectPath);
}

} // namespace triad
