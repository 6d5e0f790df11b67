#include "TemplatesView.h"

#include "TailoringEditor.h"
#include "TemplateDetailHtml.h"
#include "engine/Catalog.h"
#include "models/RequirementTreeModel.h"
#include "models/TemplateListModel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

#include <functional>

namespace triad {
namespace {

/// Requirements and checks of the source tree whose id or title holds `text`.
int countMatches(const QAbstractItemModel *model, const QModelIndex &parent, const QString &text)
{
    int count = 0;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        const auto kind = RequirementTreeModel::Kind(index.data(RequirementTreeModel::KindRole).toInt());
        if (kind != RequirementTreeModel::Kind::Section
            && (index.data().toString().contains(text, Qt::CaseInsensitive)
                || model->index(row, RequirementTreeModel::Title, parent).data().toString().contains(text, Qt::CaseInsensitive)))
            ++count;
        count += countMatches(model, index, text);
    }
    return count;
}

} // namespace

TemplatesView::TemplatesView(QWidget *parent) : QWidget(parent)
{
    buildUi();
}

void TemplatesView::buildUi()
{
    m_templates = new TemplateListModel(this);
    m_tree = new RequirementTreeModel(this);
    m_filter = new RequirementFilterProxy(this);
    m_filter->setSourceModel(m_tree);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);
    m_state = new QLabel(tr("<h3>Loading the template library…</h3>"), m_stack);
    m_state->setObjectName(QStringLiteral("templatesState"));
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setWordWrap(true);
    m_stack->addWidget(m_state);

    auto *content = new QWidget(m_stack);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    m_templateTable = new QTableView(content);
    m_templateTable->setObjectName(QStringLiteral("templateTable"));
    m_templateTable->setTabKeyNavigation(false);   // Tab moves on; arrow keys move in the table
    m_templateTable->setModel(m_templates);
    m_templateTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_templateTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_templateTable->setAlternatingRowColors(true);
    m_templateTable->setWordWrap(false);
    m_templateTable->verticalHeader()->hide();
    m_templateTable->horizontalHeader()->setSectionResizeMode(TemplateListModel::Title, QHeaderView::Stretch);

    m_tabs = new QTabWidget(content);
    m_tabs->setObjectName(QStringLiteral("templateTabs"));
    auto *library = new QWidget(m_tabs);
    auto *libraryLayout = new QVBoxLayout(library);
    auto *searchRow = new QHBoxLayout;
    m_search = new QLineEdit(library);
    m_search->setObjectName(QStringLiteral("requirementSearch"));
    m_search->setPlaceholderText(tr("Search requirement and check ids and titles (Ctrl+F)…"));
    m_search->setClearButtonEnabled(true);
    m_matches = new QLabel(library);
    m_matches->setObjectName(QStringLiteral("requirementMatches"));
    m_matches->setForegroundRole(QPalette::PlaceholderText);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_matches);
    libraryLayout->addLayout(searchRow);
    auto *split = new QSplitter(Qt::Horizontal, library);
    m_treeView = new QTreeView(split);
    m_treeView->setObjectName(QStringLiteral("requirementTree"));
    m_treeView->setModel(m_filter);
    m_treeView->setUniformRowHeights(true);
    m_treeView->setAlternatingRowColors(true);
    m_treeView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_treeView->header()->setSectionResizeMode(RequirementTreeModel::Title, QHeaderView::Stretch);
    m_treeView->header()->setStretchLastSection(false);
    m_treeView->setMinimumWidth(420);
    m_detail = new QTextBrowser(split);
    m_detail->setObjectName(QStringLiteral("templateDetail"));
    m_detail->setOpenLinks(false);
    m_detail->setPlaceholderText(tr("Select a requirement or a check to see what is checked and how."));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    libraryLayout->addWidget(split, 1);
    m_tabs->addTab(library, tr("&Requirements"));
    m_editor = new TailoringEditor(m_tabs);
    m_tabs->addTab(m_editor, tr("&Tailoring"));
    contentLayout->addWidget(m_templateTable);
    contentLayout->addWidget(m_tabs, 1);
    m_stack->addWidget(content);

    auto *find = new QAction(tr("Search Requirements"), this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(find);
    connect(find, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_search->setFocus();
        m_search->selectAll();
    });
    connect(m_templateTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showTemplate(m_templates->templateIdAt(current.row())); });
    connect(m_treeView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TemplatesView::showItem);
    connect(m_search, &QLineEdit::textChanged, this, &TemplatesView::setSearchText);
    setTabOrder(m_templateTable, m_tabs);
    setTabOrder(m_tabs, m_search);
    setTabOrder(m_search, m_treeView);
    setTabOrder(m_treeView, m_detail);
}

void TemplatesView::setCatalog(std::shared_ptr<const Catalog> catalog)
{
    m_catalog = std::move(catalog);
    m_editor->setCatalog(m_catalog);
    m_templates->setCatalog(m_catalog);
    if (!m_catalog || m_catalog->assessments().isEmpty()) {
        m_state->setText(tr("<h3>No templates</h3><p>The template library could not be loaded. Check it with "
                            "<code>triad-cli templates validate</code>, or point <code>TRIAD_TEMPLATES_DIR</code> "
                            "at a folder of templates and start Triad again.</p>"));
        m_stack->setCurrentWidget(m_state);
        emit templatesShown(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    m_templateTable->resizeColumnsToContents();
    m_templateTable->horizontalHeader()->setSectionResizeMode(TemplateListModel::Title, QHeaderView::Stretch);
    // As tall as its rows: the library is a handful of templates, the tree below needs the room.
    const int rows = m_templates->rowCount();
    m_templateTable->setFixedHeight(m_templateTable->horizontalHeader()->sizeHint().height()
                                      + rows * m_templateTable->verticalHeader()->defaultSectionSize()
                                      + 2 * m_templateTable->frameWidth() + 2);
    m_templateTable->selectRow(0);
    emit templatesShown(rows);
}

void TemplatesView::setProject(const QString &path)
{
    m_editor->setProject(path);
}

bool TemplatesView::selectTemplate(const QString &templateId)
{
    const int row = m_templates->rowOf(templateId);
    if (row < 0)
        return false;
    m_templateTable->selectRow(row);
    return true;
}

QString TemplatesView::currentTemplate() const
{
    return m_tree->templateId();
}

void TemplatesView::showTemplate(const QString &templateId)
{
    if (templateId.isEmpty() || templateId == m_tree->templateId())
        return;
    m_tree->setTemplate(m_catalog, templateId);
    m_detail->clear();
    // Sized for the longest id anywhere in the tree, not just the rows unfolded now: ids such as
    // "1.1.2.1.2" or "ssh.max-auth-tries" must not be cut when a section is opened.
    int idWidth = 0;
    const QFontMetrics metrics = m_treeView->fontMetrics();
    std::function<void(const QModelIndex &, int)> measure = [&](const QModelIndex &parent, int depth) {
        for (int row = 0; row < m_tree->rowCount(parent); ++row) {
            const QModelIndex index = m_tree->index(row, 0, parent);
            idWidth = qMax(idWidth, metrics.horizontalAdvance(index.data().toString()) + depth * m_treeView->indentation());
            measure(index, depth + 1);
        }
    };
    measure({}, 1);
    // ...but a few very long check ids must not squeeze every title: those are elided (tooltip).
    m_treeView->setColumnWidth(RequirementTreeModel::Id,
                               qMin(idWidth + 2 * metrics.averageCharWidth(), 30 * metrics.averageCharWidth()));
    m_treeView->resizeColumnToContents(RequirementTreeModel::Severity);
    setSearchText(m_search->text());
    m_editor->setTemplate(templateId);
    selectFirstRequirement();
}

void TemplatesView::selectFirstRequirement()
{
    const QModelIndex section = m_filter->index(0, 0);
    const QModelIndex first = m_filter->index(0, 0, section);
    if (!first.isValid())
        return;
    m_treeView->expand(section);
    m_treeView->setCurrentIndex(first);
}

void TemplatesView::setSearchText(const QString &text)
{
    if (m_search->text() != text) {
        m_search->setText(text);    // comes back here through textChanged
        return;
    }
    m_filter->setText(text);
    if (text.trimmed().isEmpty()) {
        m_matches->clear();
        m_treeView->collapseAll();
        if (m_treeView->currentIndex().isValid())
            m_treeView->scrollTo(m_treeView->currentIndex());
        return;
    }
    m_treeView->expandAll();
    const int matches = countMatches(m_tree, {}, text.trimmed());
    m_matches->setText(matches == 0 ? tr("no match") : matches == 1 ? tr("1 match") : tr("%1 matches").arg(matches));
}

bool TemplatesView::selectItem(const QString &id)
{
    QModelIndex source = m_tree->findItem(id);
    if (!source.isValid())
        return false;
    QModelIndex proxy = m_filter->mapFromSource(source);
    if (!proxy.isValid()) {
        setSearchText(QString());
        proxy = m_filter->mapFromSource(source);
    }
    m_tabs->setCurrentIndex(0);
    m_treeView->scrollTo(proxy);
    m_treeView->setCurrentIndex(proxy);
    return true;
}

void TemplatesView::showTailoring()
{
    if (!m_readOnly)
        m_tabs->setCurrentWidget(m_editor);
}

void TemplatesView::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    const int tailoring = m_tabs->indexOf(m_editor);
    if (readOnly)
        m_tabs->setCurrentIndex(0);
    m_tabs->setTabEnabled(tailoring, !readOnly);
    m_tabs->setTabToolTip(tailoring, readOnly ? tr("Open a project to tailor a template: tailorings are kept "
                                                   "in the project")
                                              : QString());
}

void TemplatesView::showItem(const QModelIndex &proxyIndex)
{
    const QModelIndex index = m_filter->mapToSource(proxyIndex);
    if (!m_catalog || !index.isValid())
        return;
    const AssessmentTemplate *assessment = m_catalog->assessment(m_tree->templateId());
    QString html;
    if (const CheckDef *check = m_tree->checkAt(index))
        html = TemplateDetailHtml::check(*m_catalog, *check);
    else if (const RequirementDef *requirement = m_tree->requirementAt(index); requirement && assessment)
        html = TemplateDetailHtml::requirement(*m_catalog, *assessment, *requirement);
    else
        html = QStringLiteral("<h3>%1</h3><p>%2</p>")
                   .arg(index.data(RequirementTreeModel::ItemIdRole).toString().toHtmlEscaped(),
                        tr("Requirements in this section: %1.").arg(m_tree->rowCount(index.siblingAtColumn(0))));
    m_detail->setHtml(html);
    emit detailShown(index.data(RequirementTreeModel::ItemIdRole).toString());
}

QString TemplatesView::detailHtml() const
{
    return m_detail->toHtml();
}

} // namespace triad
