#pragma once

#include "db/ProjectTypes.h"

#include <QDialog>

#include <functional>
#include <optional>

class QComboBox;

namespace triad {

/// Assessments › Re-evaluate: which tailoring to apply to a stored run's evidence (the run's
/// own, none, or a stored tailoring of its template). The re-evaluation itself is
/// Reevaluator::reevaluate, as `triad-cli reevaluate`.
class ReevaluateDialog final : public QDialog {
    Q_OBJECT
public:
    ReevaluateDialog(const RunInfo &run, const QList<StoredTailoring> &tailorings, QWidget *parent = nullptr);

    /// Chooses the latest version of the tailoring called `name`; false when there is none.
    bool setTailoring(const QString &name);
    /// Unset: the run's own tailoring; 0: none; else a stored tailoring's id.
    [[nodiscard]] std::optional<qint64> chosenTailoring() const;
    [[nodiscard]] QString chosenText() const;

private:
    QComboBox *m_tailoring = nullptr;
};

/// Opens the dialog (window-modal, no nested event loop); `accepted` runs with the choice. Tests
/// script the next one: the script sees the dialog and returns whether to press Re-evaluate.
namespace ReevaluatePrompt {
using Script = std::function<bool(ReevaluateDialog &)>;
void ask(QWidget *parent, const RunInfo &run, const QList<StoredTailoring> &tailorings,
         std::function<void(std::optional<qint64> tailoringId, const QString &tailoringText)> accepted);
void setNextScript(Script script);
} // namespace ReevaluatePrompt

} // namespace triad
