#pragma once

#include "ui/AssetQueries.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace triad {

/// Imports assets from an inventory the auditor already has: a CSV file, an OpenSSH client config
/// (~/.ssh/config) or an Ansible INI inventory. The file is parsed on a worker thread and
/// previewed (with the line each host comes from, and the first error as file:line); nothing is
/// written before "Import". Hosts whose name exists in the project are shown and skipped.
class ImportAssetsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportAssetsDialog)
public:
    ImportAssetsDialog(const QString &projectPath, const QStringList &existingNames, QWidget *parent = nullptr);

    void setFile(const QString &path);
    /// nullopt: detect from the file name and content.
    void setFormat(std::optional<InventoryImport::Format> format);
    void setExtraTags(const QString &commaSeparated);
    /// Parses the chosen file again (also done whenever the file or the format changes).
    void preview();
    /// Adds the previewed hosts to the project (off the GUI thread), then closes the dialog.
    void importNow();

    [[nodiscard]] QTableWidget *previewTable() const { return m_table; }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] bool canImport() const;

signals:
    /// The preview shows `hosts` hosts; -1 when the file could not be read or parsed.
    void previewReady(int hosts);
    void imported(const triad::ImportSummary &summary);

private:
    void showHosts(const QList<ImportedHost> &hosts);
    void setStatus(const QString &text, bool error);
    void chooseFile();

    QString m_projectPath;
    QStringList m_existingNames;
    QList<ImportedHost> m_hosts;
    quint64 m_generation = 0;
    bool m_importing = false;
    QLineEdit *m_file = nullptr;
    QComboBox *m_format = nullptr;
    QLineEdit *m_tags = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_import = nullptr;
};

} // namespace triad
