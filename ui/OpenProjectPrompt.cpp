#include "OpenProjectPrompt.h"

#include "PromptScript.h"

#include <QFileDialog>

namespace triad::OpenProjectPrompt {

void setNextScript(Script script)
{
    PromptScript<QFileDialog>::setNext(std::move(script));
}

QFileDialog *ask(QWidget *parent, std::function<void(const QString &path)> chosen)
{
    auto *dialog = new QFileDialog(parent, QFileDialog::tr("Open Project"), {},
                                   QFileDialog::tr("Triad projects (*.triad);;All files (*)"));
    dialog->setObjectName(QStringLiteral("openProjectDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog,
                     [chosen = std::move(chosen)](const QString &path) {
                         if (!path.isEmpty())
                             chosen(path);
                     });
    if (Script script = PromptScript<QFileDialog>::take()) {
        // Scripted: the dialog's own accept() (protected in QFileDialog, public in QDialog) checks
        // the file and emits fileSelected, as its Open button does.
        if (script(*dialog))
            static_cast<QDialog *>(dialog)->accept();
        else
            dialog->reject();
        return dialog;
    }
    dialog->open();
    return dialog;
}

} // namespace triad::OpenProjectPrompt
