#pragma once

#include <QString>

#include <functional>

class QMessageBox;
class QWidget;

namespace triad {

/// A yes/no question (e.g. "Remove asset?") without a nested event loop. `confirmed` runs only
/// when the user chose `actionText`. Tests script the next question: the script sees the message
/// box and returns the answer.
namespace ConfirmPrompt {
using Script = std::function<bool(QMessageBox &)>;
void ask(QWidget *parent, const QString &title, const QString &text, const QString &actionText,
         std::function<void()> confirmed);
void setNextScript(Script script);
} // namespace ConfirmPrompt

} // namespace triad
