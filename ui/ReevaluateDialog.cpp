#include "ReevaluateDialog.h"

#include "PromptScript.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace triad {

namespace {
constexpr qint64 kRunsOwn = -1;     ///< combo data of "the run's own tailoring"
}

ReevaluateDialog::ReevaluateDialog(const RunInfo &run, const QList<StoredTailoring> &tailorings, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Re-evaluate Run %1").arg(run.id));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Run %1 (%2 %3) is evaluated again from its stored evidence; no host is contacted. "
                                "The outcome is a new run derived from it, with the tailoring chosen here.")
                                 .arg(run.id)
                                 .arg(run.templateId, run.templateVersion),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_tailoring = new QComboBox(this);
    m_tailoring->setObjectName(QStringLiteral("reevaluateTailoring"));
    m_tailoring->addItem(tr("The run's own tailoring"), kRunsOwn);
    m_tailoring->addItem(tr("No tailoring"), qint64(0));
    // The latest version of each tailoring of the run's template (the list is oldest first).
    QMap<QString, StoredTailoring> latest;
    for (const StoredTailoring &t : tailorings)
        if (t.templateId == run.templateId && (!latest.contains(t.name) || latest.value(t.name).version < t.version))
            latest.insert(t.name, t);
    for (const StoredTailoring &t : std::as_const(latest))
        m_tailoring->addItem(tr("%1 (v%2)").arg(t.name).arg(t.version), t.id);
    auto *label = new QLabel(tr("&Tailoring:"), this);
    label->setBuddy(m_tailoring);
    form->addRow(label, m_tailoring);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Re-evaluate"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_tailoring->setFocus();
}

bool ReevaluateDialog::setTailoring(const QString &name)
{
    for (int i = 2; i < m_tailoring->count(); ++i) {
        if (m_tailoring->itemText(i).startsWith(name + QStringLiteral(" (v"))) {
            m_tailoring->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

std::optional<qint64> ReevaluateDialog::chosenTailoring() const
{
    const qint64 id = m_tailoring->currentData().toLongLong();
    return id == kRunsOwn ? std::nullopt : std::optional<qint64>(id);
}

QString ReevaluateDialog::chosenText() const
{
    return m_tailoring->currentText();
}

namespace ReevaluatePrompt {

void setNextScript(Script script)
{
    PromptScript<ReevaluateDialog>::setNext(std::move(script));
}

void ask(QWidget *parent, const RunInfo &run, const QList<StoredTailoring> &tailorings,
         std::function<void(std::optional<qint64>, const QString &)> accepted)
{
    auto *dialog = new ReevaluateDialog(run, tailorings, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (Script script = PromptScript<ReevaluateDialog>::take()) {
        const bool yes = script(*dialog);
        const auto choice = dialog->chosenTailoring();
        const QString text = dialog->chosenText();
        dialog->close();
        if (yes)
            accepted(choice, text);
        return;
    }
    dialog->setWindowModality(Qt::WindowModal);
    QObject::connect(dialog, &QDialog::accepted, dialog, [dialog, accepted] {
        accepted(dialog->chosenTailoring(), dialog->chosenText());
    });
    dialog->open();
}

} // namespace ReevaluatePrompt

} // namespace triad
