#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTreeView;

namespace triad {

class Catalog;
class RequirementFilterProxy;
class RequirementTreeModel;
class TailoringEditor;
class TemplateListModel;

/// The Templates page: the shipped assessment templates with version and counts; for the chosen
/// one its requirement tree (sections, requirements, checks) with search over ids and titles and
/// a detail pane (what is checked, how, how to fix and verify it, where else it maps), and the
/// tailoring editor that keeps per-project adjustments of it.
class TemplatesView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplatesView)
public:
    explicit TemplatesView(QWidget *parent = nullptr);

    /// The catalog loaded off the GUI thread (ProjectLoader::loadCatalog); nullptr when no
    /// templates could be loaded, which the view says in place.
    void setCatalog(std::shared_ptr<const Catalog> catalog);
    /// The project tailorings are saved in; empty for none.
    void setProject(const QString &path);

    bool selectTemplate(const QString &templateId);
    [[nodiscard]] QString currentTemplate() const;
    /// Selects the requirement or check `id` in the tree (clearing a search that hides it).
    bool selectItem(const QString &id);
    void setSearchText(const QString &text);
    void showTailoring();
    /// Browsing without a project: the library only, the tailoring tab disabled (tailorings are
    /// kept in a project).
    void setReadOnly(bool readOnly);
    [[nodiscard]] bool isReadOnly() const { return m_readOnly; }

    [[nodiscard]] TemplateListModel *templateModel() const { return m_templates; }
    [[nodiscard]] RequirementTreeModel *treeModel() const { return m_tree; }
    [[nodiscard]] RequirementFilterProxy *treeFilter() const { return m_filter; }
    [[nodiscard]] TailoringEditor *tailoringEditor() const { return m_editor; }
    [[nodiscard]] QTreeView *treeView() const { return m_treeView; }
    [[nodiscard]] QString detailHtml() const;

signals:
    /// The detail pane shows requirement or check `itemId`.
    void detailShown(const QString &itemId);
    /// The catalog's templates are listed (`count` of them).
    void templatesShown(int count);

private:
    void buildUi();
    void showTemplate(const QString &templateId);
    void showItem(const QModelIndex &proxyIndex);
    void selectFirstRequirement();

    std::shared_ptr<const Catalog> m_catalog;
    TemplateListModel *m_templates = nullptr;
    RequirementTreeModel *m_tree = nullptr;
    RequirementFilterProxy *m_filter = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_state = nullptr;
    QTableView *m_templateTable = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_matches = nullptr;
    QTreeView *m_treeView = nullptr;
    QTextBrowser *m_detail = nullptr;
    TailoringEditor *m_editor = nullptr;
    bool m_readOnly = false;
};

} // namespace triad
