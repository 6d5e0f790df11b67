#pragma once

#include <QDialog>

class QMenuBar;
class QTableWidget;

namespace triad {

/// Help › Keyboard Shortcuts: every menu action that has a shortcut, read from the menu bar when
/// the dialog opens, so shortcuts other views add appear without being listed twice.
class ShortcutsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)
public:
    explicit ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent = nullptr);

    /// The rows shown: "Menu › Action" and the shortcut in the platform's notation.
    [[nodiscard]] QList<std::pair<QString, QString>> rows() const;

private:
    QTableWidget *m_table = nullptr;
};

} // namespace triad
