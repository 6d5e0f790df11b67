#pragma once

class QMainWindow;

namespace triad {

/// Remembers a main window between sessions in QSettings: geometry, tool bar and dock state, and the
/// position of every QSplitter in it that has an object name (so a view gets its splitter
/// remembered by naming it; unnamed splitters are left alone because their key would not be stable).
namespace WindowState {
void save(const QMainWindow &window);
/// Returns false when nothing was saved yet (the caller keeps its default size).
bool restore(QMainWindow &window);
} // namespace WindowState

} // namespace triad
