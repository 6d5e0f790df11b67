#pragma once

#include "db/ProjectTypes.h"
#include "model/TemplateModel.h"

#include <QHash>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace triad {

class Catalog;
class TailoringCheckModel;
class TailoringParameterModel;

/// Tailors one assessment template for the open project: parameter values within their bounds,
/// checks or whole requirements disabled with a mandatory reason, severity overrides. Shows the
/// changes against the template and the YAML that will be kept, validates it with the real
/// TailoringLoader and validateTailoring (problems shown in place, naming line and column when
/// YAML is loaded), and saves it as a new version of a named tailoring of the project, which
/// `triad-cli scan --tailoring NAME` then uses. Stored versions can be loaded back to edit.
class TailoringEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TailoringEditor)
public:
    explicit TailoringEditor(QWidget *parent = nullptr);

    void setCatalog(std::shared_ptr<const Catalog> catalog);
    /// The project the tailoring is saved in; empty: editing works, saving does not.
    void setProject(const QString &path);
    /// Starts a fresh tailoring of `templateId` (nothing changed) and lists its stored versions.
    void setTemplate(const QString &templateId);
    [[nodiscard]] QString templateId() const { return m_templateId; }

    [[nodiscard]] TailoringParameterModel *parameterModel() const { return m_parameters; }
    [[nodiscard]] TailoringCheckModel *checkModel() const { return m_checks; }

    // What the controls do, callable by tests and scripts.
    void setTailoringName(const QString &name);
    [[nodiscard]] QString tailoringName() const;
    /// Disables every check of a requirement with one reason.
    void disableRequirement(const QString &requirementId, const QString &reason);
    /// Reads `yaml` with TailoringLoader into the form. A syntax or schema error leaves the form
    /// as it was and is shown (file:line:column) below the YAML; values that do not fit the
    /// template are loaded and shown as problems. Returns whether the text could be read.
    bool applyYaml(const QString &yaml, const QString &source);
    /// Loads the stored version at `index` of versions() into the form.
    bool loadVersion(int index);
    [[nodiscard]] const QList<StoredTailoring> &versions() const { return m_versions; }

    /// The tailoring the form describes and its YAML (what save() stores).
    [[nodiscard]] Tailoring currentTailoring() const;
    [[nodiscard]] QString currentYaml() const;
    /// What keeps the tailoring from being saved; empty when it can be.
    [[nodiscard]] QStringList problems() const { return m_problems; }
    [[nodiscard]] bool canSave() const;
    /// Stores the tailoring in the project on a worker thread; emits saved() or saveFailed().
    void save();

signals:
    /// The stored versions of the current template have been read (count of them).
    void versionsLoaded(int count);
    /// The tailoring was stored as version `version` (or it equals that stored version).
    void saved(qint64 tailoringId, int version);
    void saveFailed(const QString &error);
    /// The form changed and was validated again.
    void validated();

private:
    void buildUi();
    void refresh();
    void reloadVersions();
    void disableChosenRequirement();
    void importFile();
    void setStatus(const QString &text, bool error = false);
    void stashDraft();
    bool restoreDraft();

    /// Unsaved edits of a template the user left for another: brought back when they return,
    /// values as typed (an invalid one too), until the project changes.
    struct Draft {
        QString name;
        QVariantMap parameterTexts;
        QMap<QString, QString> disabled;
        QMap<QString, Severity> severities;
    };
    QHash<QString, Draft> m_drafts;

    std::shared_ptr<const Catalog> m_catalog;
    QString m_path;
    QString m_templateId;
    quint64 m_generation = 0;       ///< drops answers for an older template or project
    bool m_updatingYaml = false;
    bool m_saving = false;
    QList<StoredTailoring> m_versions;
    QStringList m_problems;
    QStringList m_loadNotes;        ///< what a loaded text held that the form could not keep

    TailoringParameterModel *m_parameters = nullptr;
    TailoringCheckModel *m_checks = nullptr;
    QSortFilterProxyModel *m_checkFilter = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_heading = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_versionCombo = nullptr;
    QPushButton *m_loadButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_parameterTable = nullptr;
    QLineEdit *m_checkSearch = nullptr;
    QTableView *m_checkTable = nullptr;
    QComboBox *m_requirement = nullptr;
    QLineEdit *m_requirementReason = nullptr;
    QPushButton *m_disableRequirement = nullptr;
    QPlainTextEdit *m_yaml = nullptr;
    QLabel *m_yamlError = nullptr;
    QTextBrowser *m_summary = nullptr;
    QLabel *m_problemLabel = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace triad
