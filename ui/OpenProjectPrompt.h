#pragma once

#include <QString>

#include <functional>

class QFileDialog;
class QWidget;

namespace triad {

/// File › Open Project's file dialog, opened with open() (window-modal, no nested event loop,
/// unlike the static QFileDialog::getOpenFileName) and deleted when closed. `chosen` runs with the
/// chosen project file. Tests script the next dialog instead of showing it: the script sees the
/// dialog (select a file with selectFile()) and returns whether to press Open.
namespace OpenProjectPrompt {
using Script = std::function<bool(QFileDialog &)>;
/// Returns the dialog, shown or (scripted) already answered.
QFileDialog *ask(QWidget *parent, std::function<void(const QString &path)> chosen);
void setNextScript(Script script);
} // namespace OpenProjectPrompt

} // namespace triad
