#include "AssetsView.h"

#include "AssetDialog.h"
#include "ConfirmPrompt.h"
#include "HostKeyDialog.h"
#include "ImportAssetsDialog.h"
#include "ProjectVault.h"
#include "models/AssetTableModel.h"
#include "vault/CredentialVault.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace triad {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QToolButton *makeButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(false);
    return button;
}

QString endpointText(const Asset &a)
{
    return (a.user.isEmpty() ? QString() : a.user + QLatin1Char('@')) + a.address + QLatin1Char(':') + QString::number(a.port);
}

} // namespace

AssetsView::AssetsView(QWidget *parent) : QWidget(parent)
{
    buildUi();
    setVault(new ProjectVault(this));
}

void AssetsView::setVault(ProjectVault *vault)
{
    if (m_vault)
        disconnect(m_vault, nullptr, this, nullptr);
    m_vault = vault;
    m_vault->setProject(m_path);
    connect(m_vault, &ProjectVault::stateChanged, this, &AssetsView::updateSummary);
    connect(m_vault, &ProjectVault::unlockingChanged, this, [this](bool unlocking) {
        // Also when another page asked: nothing here may use the vault while its key is derived.
        m_unlocking = unlocking;
        const QString note = m_vaultExists ? tr("Unlocking the credential vault…") : tr("Creating the credential vault…");
        if (unlocking)
            setStatus(note);
        else if (statusText() == note)
            setStatus({});
        updateActions();
    });
    updateSummary();
}

bool AssetsView::isVaultUnlocked() const
{
    return m_vault->isUnlocked();
}

AssetsView::~AssetsView() = default;

void AssetsView::buildUi()
{
    m_model = new AssetTableModel(this);
    m_proxy = new AssetFilterProxy(this);
    m_proxy->setSourceModel(m_model);

    auto makeAction = [this](const QString &text, const QKeySequence &key, const QString &tip, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_add = makeAction(tr("&Add…"), QKeySequence(Qt::Key_Insert), tr("Add an asset"), &AssetsView::addAsset);
    m_edit = makeAction(tr("&Edit…"), QKeySequence(Qt::Key_F2), tr("Edit the selected asset"), &AssetsView::editSelected);
    m_remove = makeAction(tr("&Remove…"), QKeySequence(QKeySequence::Delete), tr("Remove the selected asset"),
                          &AssetsView::removeSelected);
    m_import = makeAction(tr("&Import…"), QKeySequence(Qt::CTRL | Qt::Key_I),
                          tr("Import assets from a CSV file, ~/.ssh/config or an Ansible inventory"),
                          [this] { importAssets(); });
    m_test = makeAction(tr("&Test Connection"), QKeySequence(Qt::CTRL | Qt::Key_T),
                        tr("Connect to the selected SSH asset, check its host key, login and sudo"), &AssetsView::testSelected);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    for (QAction *action : {m_add, m_edit, m_remove, m_import, m_test})
        bar->addWidget(makeButton(action, this));
    m_summary = new QLabel(this);
    m_summary->setContentsMargins(12, 0, 0, 0);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    bar->addWidget(m_summary, 1);
    m_tagFilter = new QComboBox(this);
    m_tagFilter->setObjectName(QStringLiteral("assetTagFilter"));
    m_tagFilter->setMinimumContentsLength(12);
    m_tagFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    bar->addWidget(m_tagFilter);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("assetSearch"));
    m_search->setPlaceholderText(tr("Filter by name, address, user or tag…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(260);
    bar->addWidget(m_search);
    layout->addLayout(bar);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_stack = new QStackedWidget(splitter);
    m_table = new QTableView(m_stack);
    m_table->setObjectName(QStringLiteral("assetTable"));
    m_table->setTabKeyNavigation(false);   // Tab moves on; arrow keys move in the table
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AssetTableModel::Name, Qt::AscendingOrder);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_stack->addWidget(m_table);
    m_empty = new QLabel(m_stack);
    m_empty->setObjectName(QStringLiteral("assetsEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_empty);

    m_connection = new QTextBrowser(splitter);
    m_connection->setObjectName(QStringLiteral("connectionReport"));
    m_connection->setOpenLinks(false);
    m_connection->setPlaceholderText(tr("Select an SSH asset and choose Test Connection (Ctrl+T): Triad connects as a "
                                        "scan would, shows the host key's fingerprint and asks before trusting a new "
                                        "one, then checks the login, sudo and the operating system."));
    // Room for the whole report (host key, pin, login, system, sudo, verdict) without scrolling.
    m_connection->setMinimumHeight(m_connection->fontMetrics().lineSpacing() * 12);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("assetsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->hide();
    layout->addWidget(m_status);

    setTabOrder(m_tagFilter, m_search);   // as drawn: tag filter, then search
    setTabOrder(m_search, m_table);
    setTabOrder(m_table, m_connection);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &AssetFilterProxy::setText);
    connect(m_tagFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setTag(m_tagFilter->currentData().toString()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AssetsView::updateActions);
    // Also on selection: selectRow() moves the current row before it selects it, so the buttons of
    // an asset selected by code (the one just saved) would otherwise stay disabled.
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AssetsView::updateActions);
    connect(m_table, &QTableView::activated, this, &AssetsView::editSelected);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AssetsView::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &AssetsView::updateActions);
    updateActions();
}

QList<QAction *> AssetsView::pageActions() const
{
    return {m_add, m_edit, m_remove, m_import, m_test};
}

void AssetsView::setProject(const QString &path)
{
    if (path != m_path)
        m_connection->clear();
    m_path = path;
    m_vault->setProject(path);  // a vault belongs to its project; the next project asks again
    reload();
}

void AssetsView::reload()
{
    if (m_path.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    QPointer<AssetsView> self(this);
    AssetQueries::load(m_path).then(this, [self, generation](const Result<AssetList> &list) {
        if (!self || self->m_generation != generation)
            return;
        if (!list) {
            self->setStatus(tr("Cannot read the assets: %1").arg(list.error().toString()), true);
            return;
        }
        self->showList(*list);
        emit self->assetsLoaded(int(list->rows.size()));
    });
}

void AssetsView::showList(const AssetList &list)
{
    const QString selected = selectedRow() ? selectedRow()->asset.name : QString();
    m_credentialKinds = list.credentialKinds;
    m_vaultExists = list.vaultExists;
    m_model->setRows(list.rows);

    const QString tag = m_tagFilter->currentData().toString();
    const QSignalBlocker blocker(m_tagFilter);
    m_tagFilter->clear();
    m_tagFilter->addItem(tr("All tags"), QString());
    for (const QString &t : m_model->allTags())
        m_tagFilter->addItem(tr("Tag: %1").arg(t), t);
    m_tagFilter->setCurrentIndex(qMax(0, m_tagFilter->findData(tag)));
    m_proxy->setTag(m_tagFilter->currentData().toString());

    int ssh = 0;
    int unpinned = 0;
    for (const AssetRow &r : list.rows) {
        if (r.asset.transport == QLatin1String("ssh")) {
            ++ssh;
            unpinned += r.asset.hostKeySha256.isEmpty() ? 1 : 0;
        }
    }
    m_assetSummary = tr("%n asset(s)", nullptr, int(list.rows.size()))
        + (ssh ? tr(" · %n over SSH", nullptr, ssh) : QString())
        + (unpinned ? tr(" · %n host key(s) not pinned", nullptr, unpinned) : QString());
    updateSummary();
    m_empty->setText(tr("<h2>No assets yet</h2><p>Add the hosts to assess with <b>Add…</b> (Insert), or import them "
                        "from a CSV file, your <code>~/.ssh/config</code> or an Ansible inventory with "
                        "<b>Import…</b> (Ctrl+I).</p><p>To try Triad on this computer first, add an asset with the "
                        "transport <i>This computer (local)</i>.</p>"));
    m_stack->setCurrentWidget(list.rows.isEmpty() ? static_cast<QWidget *>(m_empty) : m_table);
    m_connection->setVisible(!list.rows.isEmpty());     // nothing to test: the empty state has the page
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(AssetTableModel::Tags, qMin(m_table->columnWidth(AssetTableModel::Tags), 260));
    if (!selected.isEmpty() && !selectAsset(selected))
        m_connection->clear();
    if (!selectedRow() && m_proxy->rowCount() > 0)
        m_table->selectRow(0);
    updateActions();
}

bool AssetsView::selectAsset(const QString &name)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        if (m_proxy->index(row, AssetTableModel::Name).data().toString() == name) {
            m_table->selectRow(row);
            m_table->setCurrentIndex(m_proxy->index(row, AssetTableModel::Name));
            return true;
        }
    }
    return false;
}

const AssetRow *AssetsView::selectedRow() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || !m_table->selectionModel()->isRowSelected(current.row(), {}))
        return nullptr;
    return m_model->rowAt(m_proxy->mapToSource(current).row());
}

QStringList AssetsView::assetNames() const
{
    QStringList names;
    for (int row = 0; row < m_model->rowCount(); ++row)
        names << m_model->rowAt(row)->asset.name;
    return names;
}

void AssetsView::updateActions()
{
    const AssetRow *row = selectedRow();
    const bool open = !m_path.isEmpty();
    const bool idle = m_busy == 0 && !m_unlocking;
    m_add->setEnabled(open && idle);
    m_import->setEnabled(open);
    m_edit->setEnabled(row && idle);
    m_remove->setEnabled(row && idle);
    m_test->setEnabled(row && row->asset.transport == QLatin1String("ssh") && idle);
}

void AssetsView::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette p = palette();
    if (error)
        p.setColor(QPalette::WindowText, QColor(0xe5, 0x39, 0x35));
    m_status->setPalette(p);
    m_status->setVisible(!text.isEmpty());
    if (error)
        emit errorShown(text);
}

QString AssetsView::statusText() const
{
    return m_status->text();
}

QString AssetsView::connectionText() const
{
    return m_connection->toPlainText();
}

void AssetsView::updateSummary()
{
    const QString vault = m_vault->isUnlocked() ? tr(" · vault unlocked") : m_vaultExists ? tr(" · vault locked") : QString();
    m_summary->setText(m_assetSummary + vault);
}

void AssetsView::withVault(std::function<void()> then)
{
    QPointer<AssetsView> self(this);
    m_vault->withUnlocked(
        this, !m_vaultExists,
        [self, then](const std::shared_ptr<CredentialVault> &) {
            if (!self)
                return;
            self->m_vaultExists = true;
            self->setStatus({});
            then();
        },
        [self](const QString &message) {
            if (self)
                self->setStatus(tr("The vault stays locked: %1").arg(message), true);
        });
}

void AssetsView::addAsset()
{
    if (m_path.isEmpty())
        return;
    Asset blank;
    blank.credentialRef = QStringLiteral("agent");
    QPointer<AssetsView> self(this);
    AssetPrompt::ask(this, blank, assetNames(), m_credentialKinds, [self](const Asset &asset, const AssetSecrets &secrets) {
        if (self)
            self->save(asset, secrets);
    });
}

void AssetsView::editSelected()
{
    const AssetRow *row = selectedRow();
    if (!row || m_busy > 0 || m_unlocking)
        return;
    QStringList others = assetNames();
    others.removeAll(row->asset.name);
    QPointer<AssetsView> self(this);
    AssetPrompt::ask(this, row->asset, others, m_credentialKinds, [self](const Asset &asset, const AssetSecrets &secrets) {
        if (self)
            self->save(asset, secrets);
    });
}

void AssetsView::save(const Asset &asset, const AssetSecrets &secrets)
{
    if (secrets.any() && !m_vault->isUnlocked()) {
        QPointer<AssetsView> self(this);
        withVault([self, asset, secrets] {
            if (self)
                self->save(asset, secrets);
        });
        return;
    }
    ++m_busy;
    updateActions();
    setStatus(tr("Saving %1…").arg(asset.name));
    QPointer<AssetsView> self(this);
    AssetQueries::save(m_path, asset, secrets, secrets.any() ? m_vault->vault() : nullptr).then(this, [self](const Result<Asset> &saved) {
        if (!self)
            return;
        --self->m_busy;
        self->updateActions();
        if (!saved) {
            self->setStatus(tr("The asset was not saved: %1").arg(saved.error().toString()), true);
            return;
        }
        self->setStatus(tr("Saved %1.").arg(saved->name));
        const QString name = saved->name;
        connect(self, &AssetsView::assetsLoaded, self, [self, name] {
            if (self)
                self->selectAsset(name);
        }, Qt::SingleShotConnection);
        self->reload();
        emit self->assetSaved(name);
    });
}

void AssetsView::removeSelected()
{
    const AssetRow *row = selectedRow();
    if (!row || m_busy > 0 || m_unlocking)
        return;
    const Asset asset = row->asset;
    QPointer<AssetsView> self(this);
    ConfirmPrompt::ask(this, tr("Remove Asset"),
                       tr("Remove %1 from the project? Its stored passwords are deleted. Results of past runs stay in "
                          "the project.").arg(asset.name),
                       tr("&Remove"), [self, asset] {
                           if (!self)
                               return;
                           ++self->m_busy;
                           self->updateActions();
                           AssetQueries::remove(self->m_path, asset).then(self, [self, asset](const Status &status) {
                               if (!self)
                                   return;
                               --self->m_busy;
                               self->updateActions();
                               if (!status) {
                                   self->setStatus(tr("%1 was not removed: %2").arg(asset.name, status.error().toString()), true);
                                   return;
                               }
                               self->setStatus(tr("Removed %1.").arg(asset.name));
                               self->m_connection->clear();
                               self->reload();
                               emit self->assetRemoved(asset.name);
                           });
                       });
}

ImportAssetsDialog *AssetsView::importAssets()
{
    if (m_path.isEmpty())
        return nullptr;
    auto *dialog = new ImportAssetsDialog(m_path, assetNames(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<AssetsView> self(this);
    connect(dialog, &ImportAssetsDialog::imported, this, [self](const ImportSummary &summary) {
        if (!self)
            return;
        self->setStatus(tr("Imported %n asset(s)", nullptr, int(summary.added.size()))
                        + (summary.skipped.isEmpty() ? QStringLiteral(".")
                                                     : tr("; skipped %1 (names in use).").arg(summary.skipped.join(QStringLiteral(", ")))));
        self->reload();
        emit self->assetsImported(int(summary.added.size()));
    });
    dialog->open();
    return dialog;
}

void AssetsView::testSelected()
{
    const AssetRow *row = selectedRow();
    if (!row || m_busy > 0 || m_unlocking || row->asset.transport != QLatin1String("ssh"))
        return;
    const Asset asset = row->asset;
    if (AssetQueries::needsVault(asset, m_credentialKinds) && !m_vault->isUnlocked()) {
        QPointer<AssetsView> self(this);
        withVault([self, asset] {
            if (self)
                self->runTest(asset, {});
        });
        return;
    }
    runTest(asset, {});
}

void AssetsView::runTest(const Asset &asset, const QString &trustFingerprint)
{
    ++m_busy;
    updateActions();
    m_connection->setHtml(tr("<p>Connecting to <b>%1</b> (%2)…</p>").arg(esc(asset.name), esc(endpointText(asset))));
    QPointer<AssetsView> self(this);
    AssetQueries::testConnection(m_path, asset, m_vault->vault(), trustFingerprint, m_knownHostsFile)
        .then(this, [self, asset, trustFingerprint](const ConnectionOutcome &outcome) {
            if (!self)
                return;
            --self->m_busy;
            self->updateActions();
            self->showReport(asset, outcome);
            if (trustFingerprint.isEmpty() && outcome.report.needsTrustDecision()) {
                const HostKeyInfo key = outcome.report.hostKey;
                HostKeyPrompt::ask(self, asset.name, endpointText(asset), key, [self, asset, key](bool trusted) {
                    if (!self)
                        return;
                    if (!trusted) {
                        self->m_connection->append(tr("<p>The key was not trusted; nothing was pinned.</p>"));
                        emit self->connectionTested(asset.name, false, QString());
                        return;
                    }
                    self->runTest(asset, key.sha256);
                });
                return;
            }
            if (!outcome.pinned.isEmpty())
                self->reload();
            emit self->connectionTested(asset.name, outcome.report.ok() && outcome.pinError.message.isEmpty(), outcome.pinned);
        });
}

void AssetsView::showReport(const Asset &asset, const ConnectionOutcome &outcome)
{
    const ConnectionReport &r = outcome.report;
    const QString ok = QStringLiteral("<span style='color:#2e7d32'>✔</span> ");
    const QString bad = QStringLiteral("<span style='color:#e53935'>✘</span> ");
    QString html = tr("<h3>Connection test of %1 <small>(%2)</small></h3>").arg(esc(asset.name), esc(endpointText(asset)));
    html += QStringLiteral("<table cellpadding=3>");
    auto row = [&html](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><td valign=top><b>%1</b></td><td>%2</td></tr>").arg(label, value);
    };
    const QString fingerprint = QStringLiteral("<code>%1</code> %2").arg(esc(r.hostKey.sha256), esc(r.hostKey.type));
    if (r.hostKey.sha256.isEmpty()) {
        row(tr("Host key"), tr("not received"));
    } else {
        switch (r.hostKey.trust) {
        case HostKeyInfo::Trust::Pinned:
            row(tr("Host key"), ok + fingerprint + tr(" — matches the pinned key"));
            break;
        case HostKeyInfo::Trust::KnownHosts:
            row(tr("Host key"), ok + fingerprint + tr(" — listed in known_hosts"));
            break;
        case HostKeyInfo::Trust::AcceptedNew:
            row(tr("Host key"), ok + fingerprint + tr(" — trusted by you"));
            break;
        case HostKeyInfo::Trust::Unknown:
            row(tr("Host key"), bad + fingerprint + tr(" — unknown: not trusted yet"));
            break;
        case HostKeyInfo::Trust::Changed:
            row(tr("Host key"),
                bad + tr("<b>changed — connection refused.</b><br>Expected: <code>%1</code><br>Presented: %2<br>If the host "
                         "was reinstalled, verify the new key with its administrator, then choose <b>Edit…</b> › "
                         "<i>Forget the pinned host key</i> and test again.")
                          .arg(esc(r.pinnedBefore.isEmpty() ? tr("the key in known_hosts") : r.pinnedBefore), fingerprint));
            break;
        }
    }
    if (!outcome.pinned.isEmpty())
        row(tr("Pinned"), ok + tr("the project now pins <code>%1</code> for this asset").arg(esc(outcome.pinned)));
    if (!outcome.pinError.message.isEmpty())
        row(tr("Pinned"), bad + esc(outcome.pinError.toString()));
    if (r.connected)
        row(tr("Login"), r.authenticated ? ok + tr("logged in as <b>%1</b>").arg(esc(r.loginUser)) : bad + tr("failed"));
    if (!r.osName.isEmpty())
        row(tr("System"), esc(r.osName));
    if (r.authenticated) {
        const bool sudoOk = r.sudo == ConnectionReport::Sudo::Passwordless || r.sudo == ConnectionReport::Sudo::Password;
        const bool wanted = asset.useSudo || !asset.sudoCredentialRef.isEmpty();
        row(tr("sudo"), (sudoOk ? ok : wanted ? bad : QString()) + esc(describe(r.sudo))
                            + (r.sudoDetail.isEmpty() ? QString() : QStringLiteral(" <i>%1</i>").arg(esc(r.sudoDetail)))
                            + (wanted ? QString() : tr(" — not used by this asset")));
    }
    if (!r.ok() && !r.hostKeyChanged() && !r.needsTrustDecision())
        row(tr("Error"), bad + esc(r.error.toString()));
    html += QStringLiteral("</table>");
    if (r.ok() && outcome.pinError.message.isEmpty())
        html += tr("<p><b>Ready to assess.</b></p>");
    m_connection->setHtml(html);
    if (!r.ok() && r.needsTrustDecision())
        return;     // the decision follows; not an error yet
    if (!r.ok())
        emit errorShown(r.error.toString());
}

} // namespace triad
