#pragma once

#include "db/ProjectTypes.h"
#include "model/TemplateModel.h"

#include <QDialog>
#include <QSet>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QSpinBox;

namespace triad {

/// What the user chose to assess.
struct RunChoice {
    QStringList assetSelectors;     ///< asset names or tags; empty = every asset
    int assetCount = 0;
    QString templateId;
    std::optional<StoredTailoring> tailoring;
    int concurrency = 16;
    bool acceptNewHostKeys = false;
    bool needsVault = false;        ///< a chosen asset keeps a secret in the credential vault
};

/// What the run dialog offers: the project's assets, the catalog's templates, the project's
/// stored tailorings and the names of its vault credentials (names only, never secrets).
struct RunDialogInput {
    QList<Asset> assets;
    QList<AssessmentTemplate> templates;
    QList<StoredTailoring> tailorings;
    QSet<QString> credentialNames;
};

/// Asks what to assess: assets (all, by tag or by selection, with a live count), template,
/// tailoring (the project's stored tailorings of that template, or none), concurrency and
/// whether to trust host keys seen for the first time.
class RunDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunDialog)
public:
    explicit RunDialog(RunDialogInput input, QWidget *parent = nullptr);

    enum class Scope { AllAssets, ByTag, BySelection };
    [[nodiscard]] RunChoice choice() const;
    [[nodiscard]] bool isComplete() const;
    [[nodiscard]] QString hint() const;

    // For scripted tests and callers that preselect: the fields, by role.
    void setScope(Scope scope);
    /// Checks exactly these items of the list (tags or asset names, by the scope shown).
    void setChecked(const QStringList &items);
    bool setTemplate(const QString &templateId);
    /// By name; the newest stored version of it. Empty: no tailoring.
    bool setTailoring(const QString &name);
    void setConcurrency(int n);
    void setAcceptNewHostKeys(bool accept);
    [[nodiscard]] QStringList tailoringNames() const;
    [[nodiscard]] QStringList listedItems() const;

    /// Whether an asset needs the unlocked vault to be assessed (same rule as triad-cli scan).
    [[nodiscard]] static bool needsVault(const Asset &asset, const QSet<QString> &credentialNames);

private:
    void fillList();
    void fillTailorings();
    void updateState();
    [[nodiscard]] QStringList checkedItems() const;
    [[nodiscard]] QStringList selectors() const;
    [[nodiscard]] QList<Asset> chosenAssets() const;

    RunDialogInput m_input;
    QComboBox *m_scope = nullptr;
    QListWidget *m_items = nullptr;
    QLabel *m_count = nullptr;
    QComboBox *m_template = nullptr;
    QComboBox *m_tailoring = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QCheckBox *m_acceptKeys = nullptr;
    QLabel *m_vaultNote = nullptr;
    QLabel *m_hint = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

/// Shows a RunDialog without a nested event loop and reports an accepted choice. Tests script
/// the next dialog instead of showing it (as WaiverPrompt does): the script fills the dialog
/// and returns whether to accept it.
namespace RunPrompt {
using Script = std::function<bool(RunDialog &)>;
void ask(QWidget *parent, RunDialogInput input, std::function<void(const RunChoice &)> accepted);
void setNextScript(Script script);
} // namespace RunPrompt

} // namespace triad
