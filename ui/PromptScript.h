#pragma once

#include <functional>
#include <utility>

namespace triad {

/// The test seam of every dialog's `*Prompt::ask()`: a test stores a script for the next dialog of
/// type `Dialog`; ask() takes it (once) and runs it on the dialog instead of showing it, so no test
/// waits on a modal dialog (CONVENTIONS.md 7). One slot per dialog type.
template <typename Dialog>
class PromptScript {
public:
    using Script = std::function<bool(Dialog &)>;

    static void setNext(Script script) { slot() = std::move(script); }
    /// The stored script, now removed: empty when no test set one.
    [[nodiscard]] static Script take() { return std::exchange(slot(), Script()); }

private:
    static Script &slot()
    {
        static Script script;
        return script;
    }
};

} // namespace triad
