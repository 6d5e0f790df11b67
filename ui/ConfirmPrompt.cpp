#include "ConfirmPrompt.h"
#include "PromptScript.h"

#include <QMessageBox>
#include <QPushButton>

namespace triad::ConfirmPrompt {

void setNextScript(Script script)
{
    PromptScript<QMessageBox>::setNext(std::move(script));
}

void ask(QWidget *parent, const QString &title, const QString &text, const QString &actionText,
         std::function<void()> confirmed)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    QPushButton *action = box->addButton(actionText, QMessageBox::DestructiveRole);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    if (Script script = PromptScript<QMessageBox>::take()) {
        const bool yes = script(*box);
        box->close();
        if (yes)
            confirmed();
        return;
    }
    QObject::connect(box, &QMessageBox::buttonClicked, box, [action, confirmed](QAbstractButton *clicked) {
        if (clicked == action)
            confirmed();
    });
    box->open();
}

} // namespace triad::ConfirmPrompt
