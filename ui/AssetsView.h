#pragma once

#include "ui/AssetQueries.h"

#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QTextBrowser;
class QToolButton;

namespace triad {

class AssetFilterProxy;
class AssetTableModel;
class CredentialVault;
class ImportAssetsDialog;
class ProjectVault;

/// The Assets page: the project's assets with their latest result; add, edit, remove, import; and
/// "Test connection" with host-key confirmation (DESIGN.md §7). Every database read/write and every
/// connection runs on a worker thread; errors are shown in the page. The credential vault is
/// unlocked when a secret is first needed, through the ProjectVault the window shares among pages.
class AssetsView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssetsView)
public:
    explicit AssetsView(QWidget *parent = nullptr);
    ~AssetsView() override;

    void setProject(const QString &path);
    void reload();

    [[nodiscard]] AssetTableModel *model() const { return m_model; }
    [[nodiscard]] AssetFilterProxy *proxy() const { return m_proxy; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString connectionText() const;
    /// The vault shared with the other pages (the view keeps its own until given one).
    void setVault(ProjectVault *vault);
    [[nodiscard]] bool isVaultUnlocked() const;
    /// Selects the asset of that name; false when it is not shown.
    bool selectAsset(const QString &name);

    // What the buttons do (also for tests).
    void addAsset();
    void editSelected();
    void removeSelected();
    ImportAssetsDialog *importAssets();
    void testSelected();
    /// The known_hosts file consulted for unpinned hosts; empty = ~/.ssh/known_hosts.
    void setKnownHostsFile(const QString &path) { m_knownHostsFile = path; }

    [[nodiscard]] QList<QAction *> pageActions() const;

signals:
    void assetsLoaded(int count);
    void assetSaved(const QString &name);
    void assetRemoved(const QString &name);
    void assetsImported(int added);
    /// A connection test ended (also when refused or failed); `pinned` = the fingerprint recorded.
    void connectionTested(const QString &assetName, bool ok, const QString &pinned);
    /// Something failed and is shown in the page.
    void errorShown(const QString &text);

private:
    void buildUi();
    void updateActions();
    void updateSummary();
    void showList(const AssetList &list);
    void setStatus(const QString &text, bool error = false);
    [[nodiscard]] const AssetRow *selectedRow() const;
    [[nodiscard]] QStringList assetNames() const;
    /// Runs `then` with the vault unlocked, asking for the passphrase (or a new one) first if needed.
    void withVault(std::function<void()> then);
    void save(const Asset &asset, const AssetSecrets &secrets);
    void runTest(const Asset &asset, const QString &trustFingerprint);
    void showReport(const Asset &asset, const ConnectionOutcome &outcome);

    QString m_path;
    quint64 m_generation = 0;
    int m_busy = 0;                     ///< saves and connection tests under way: one at a time
    bool m_unlocking = false;           ///< the vault's key is being derived
    QHash<QString, QString> m_credentialKinds;
    bool m_vaultExists = false;
    ProjectVault *m_vault = nullptr;
    QString m_assetSummary;             ///< the summary line without the vault's state
    QString m_knownHostsFile;
    AssetTableModel *m_model = nullptr;
    AssetFilterProxy *m_proxy = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_summary = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_tagFilter = nullptr;
    QTextBrowser *m_connection = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_add = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_import = nullptr;
    QAction *m_test = nullptr;
};

} // namespace triad
