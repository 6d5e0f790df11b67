#include "RunDialog.h"
#include "PromptScript.h"

#include "scan/AssetSelection.h"
#include "vault/CredentialVault.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace triad {

RunDialog::RunDialog(RunDialogInput input, QWidget *parent) : QDialog(parent), m_input(std::move(input))
{
    setWindowTitle(tr("New Assessment"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;

    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("runScope"));
    m_scope->addItem(tr("All assets"), int(Scope::AllAssets));
    m_scope->addItem(tr("Assets with the checked tags"), int(Scope::ByTag));
    m_scope->addItem(tr("The checked assets"), int(Scope::BySelection));
    form->addRow(tr("&Assets:"), m_scope);
    m_items = new QListWidget(this);
    m_items->setObjectName(QStringLiteral("runItems"));
    m_items->setMinimumHeight(140);
    form->addRow(QString(), m_items);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("runAssetCount"));
    form->addRow(QString(), m_count);

    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("runTemplate"));
    for (const AssessmentTemplate &t : std::as_const(m_input.templates))
        m_template->addItem(tr("%1 (%2 %3)").arg(t.title, t.id, t.version), t.id);
    form->addRow(tr("&Template:"), m_template);
    m_tailoring = new QComboBox(this);
    m_tailoring->setObjectName(QStringLiteral("runTailoring"));
    form->addRow(tr("Ta&iloring:"), m_tailoring);
    m_concurrency = new QSpinBox(this);
    m_concurrency->setObjectName(QStringLiteral("runConcurrency"));
    m_concurrency->setRange(1, 256);
    m_concurrency->setValue(16);
    m_concurrency->setSuffix(tr(" assets at once"));
    form->addRow(tr("&Concurrency:"), m_concurrency);
    m_acceptKeys = new QCheckBox(tr("Trust and pin SSH host keys seen for the first time"), this);
    m_acceptKeys->setObjectName(QStringLiteral("runAcceptKeys"));
    m_acceptKeys->setToolTip(tr("A host whose key differs from the pinned one is always refused."));
    form->addRow(QString(), m_acceptKeys);
    layout->addLayout(form);

    m_vaultNote = new QLabel(this);
    m_vaultNote->setWordWrap(true);
    layout->addWidget(m_vaultNote);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("runHint"));
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_hint);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Run"));
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] {
        fillList();
        updateState();
    });
    connect(m_items, &QListWidget::itemChanged, this, &RunDialog::updateState);
    connect(m_template, &QComboBox::currentIndexChanged, this, [this] {
        fillTailorings();
        updateState();
    });
    setTabOrder(m_scope, m_items);
    setTabOrder(m_items, m_template);
    setTabOrder(m_template, m_tailoring);
    setTabOrder(m_tailoring, m_concurrency);
    setTabOrder(m_concurrency, m_acceptKeys);
    // cis-linux is the first scan most projects run; otherwise the catalog's first template.
    if (!setTemplate(QStringLiteral("cis-linux")))
        fillTailorings();
    fillList();
    updateState();
    resize(560, sizeHint().height());
}

bool RunDialog::needsVault(const Asset &asset, const QSet<QString> &credentialNames)
{
    return asset.credentialRef.startsWith(QLatin1String("vault:")) || asset.sudoCredentialRef.startsWith(QLatin1String("vault:")) ||
           (asset.credentialRef.startsWith(QLatin1String("key:")) &&
            credentialNames.contains(CredentialVault::keyPassphraseName(asset.credentialRef.mid(4))));
}

void RunDialog::fillList()
{
    const QStringList previouslyChecked = checkedItems();
    m_items->clear();
    const Scope scope = Scope(m_scope->currentData().toInt());
    m_items->setEnabled(scope != Scope::AllAssets);
    QStringList names;
    if (scope == Scope::ByTag) {
        for (const Asset &a : std::as_const(m_input.assets))
            names << a.tags;
        names.removeDuplicates();
        names.sort(Qt::CaseInsensitive);
    } else {
        for (const Asset &a : std::as_const(m_input.assets))
            names << a.name;
    }
    for (const QString &name : std::as_const(names)) {
        auto *item = new QListWidgetItem(name, m_items);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        if (scope == Scope::AllAssets)
            item->setCheckState(Qt::Checked);
        else
            item->setCheckState(previouslyChecked.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
}

void RunDialog::fillTailorings()
{
    const QString templateId = m_template->currentData().toString();
    m_tailoring->clear();
    m_tailoring->addItem(tr("None (template defaults)"), qint64(0));
    // The newest version of each tailoring of this template: older versions stay in the project
    // for the runs that used them.
    QHash<QString, StoredTailoring> newest;
    for (const StoredTailoring &t : std::as_const(m_input.tailorings)) {
        if (t.templateId != templateId)
            continue;
        auto it = newest.find(t.name);
        if (it == newest.end() || it->version < t.version)
            newest.insert(t.name, t);
    }
    QStringList names = newest.keys();
    names.sort(Qt::CaseInsensitive);
    for (const QString &name : std::as_const(names)) {
        const StoredTailoring &t = newest.value(name);
        m_tailoring->addItem(tr("%1 (version %2)").arg(t.name).arg(t.version), t.id);
    }
    m_tailoring->setEnabled(m_tailoring->count() > 1);
}

QStringList RunDialog::checkedItems() const
{
    QStringList out;
    for (int i = 0; i < m_items->count(); ++i) {
        if (m_items->item(i)->checkState() == Qt::Checked)
            out << m_items->item(i)->text();
    }
    return out;
}

QStringList RunDialog::selectors() const
{
    return Scope(m_scope->currentData().toInt()) == Scope::AllAssets ? QStringList() : checkedItems();
}

QList<Asset> RunDialog::chosenAssets() const
{
    if (m_input.assets.isEmpty())
        return {};
    const QStringList chosen = selectors();
    if (chosen.isEmpty() && Scope(m_scope->currentData().toInt()) != Scope::AllAssets)
        return {};
    auto assets = selectAssets(m_input.assets, chosen);
    return assets ? *assets : QList<Asset>();
}

void RunDialog::updateState()
{
    const QList<Asset> assets = chosenAssets();
    m_count->setText(tr("%n asset(s) of %1 will be assessed.", nullptr, int(assets.size())).arg(m_input.assets.size()));
    const qsizetype withVault = std::count_if(assets.cbegin(), assets.cend(),
                                              [this](const Asset &a) { return needsVault(a, m_input.credentialNames); });
    m_vaultNote->setVisible(withVault > 0);
    m_vaultNote->setText(tr("%n of these asset(s) use credentials kept in the project's vault: you will be asked "
                            "for the vault passphrase.", nullptr, int(withVault)));
    m_hint->setText(hint());
    m_hint->setVisible(!m_hint->text().isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isComplete());
}

QString RunDialog::hint() const
{
    if (m_input.assets.isEmpty())
        return tr("This project has no assets yet: add some on the Assets page (or with triad-cli assets add) first.");
    if (m_input.templates.isEmpty())
        return tr("No assessment template is loaded: check the templates folder.");
    if (chosenAssets().isEmpty())
        return Scope(m_scope->currentData().toInt()) == Scope::ByTag ? tr("Check at least one tag.")
                                                                      : tr("Check at least one asset.");
    return {};
}

bool RunDialog::isComplete() const
{
    return hint().isEmpty();
}

RunChoice RunDialog::choice() const
{
    RunChoice c;
    c.assetSelectors = selectors();
    const QList<Asset> assets = chosenAssets();
    c.assetCount = int(assets.size());
    c.templateId = m_template->currentData().toString();
    const qint64 tailoringId = m_tailoring->currentData().toLongLong();
    for (const StoredTailoring &t : m_input.tailorings) {
        if (tailoringId != 0 && t.id == tailoringId)
            c.tailoring = t;
    }
    c.concurrency = m_concurrency->value();
    c.acceptNewHostKeys = m_acceptKeys->isChecked();
    c.needsVault = std::any_of(assets.cbegin(), assets.cend(), [this](const Asset &a) { return needsVault(a, m_input.credentialNames); });
    return c;
}

void RunDialog::setScope(Scope scope)
{
    m_scope->setCurrentIndex(m_scope->findData(int(scope)));
}

void RunDialog::setChecked(const QStringList &items)
{
    for (int i = 0; i < m_items->count(); ++i)
        m_items->item(i)->setCheckState(items.contains(m_items->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
}

bool RunDialog::setTemplate(const QString &templateId)
{
    const int index = m_template->findData(templateId);
    if (index < 0)
        return false;
    m_template->setCurrentIndex(index);
    fillTailorings();
    return true;
}

bool RunDialog::setTailoring(const QString &name)
{
    if (name.isEmpty()) {
        m_tailoring->setCurrentIndex(0);
        return true;
    }
    for (int i = 1; i < m_tailoring->count(); ++i) {
        const qint64 id = m_tailoring->itemData(i).toLongLong();
        for (const StoredTailoring &t : std::as_const(m_input.tailorings)) {
            if (t.id == id && t.name == name) {
                m_tailoring->setCurrentIndex(i);
                return true;
            }
        }
    }
    return false;
}

void RunDialog::setConcurrency(int n)
{
    m_concurrency->setValue(n);
}

void RunDialog::setAcceptNewHostKeys(bool accept)
{
    m_acceptKeys->setChecked(accept);
}

QStringList RunDialog::tailoringNames() const
{
    QStringList out;
    for (int i = 0; i < m_tailoring->count(); ++i)
        out << m_tailoring->itemText(i);
    return out;
}

QStringList RunDialog::listedItems() const
{
    QStringList out;
    for (int i = 0; i < m_items->count(); ++i)
        out << m_items->item(i)->text();
    return out;
}

namespace RunPrompt {
void setNextScript(Script script)
{
    PromptScript<RunDialog>::setNext(std::move(script));
}

void ask(QWidget *parent, RunDialogInput input, std::function<void(const RunChoice &)> accepted)
{
    auto *dialog = new RunDialog(std::move(input), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (Script script = PromptScript<RunDialog>::take()) {
        const bool accept = script(*dialog) && dialog->isComplete();
        const RunChoice choice = dialog->choice();
        dialog->close();
        if (accept)
            accepted(choice);
        return;
    }
    QObject::connect(dialog, &QDialog::accepted, dialog, [dialog, accepted] { accepted(dialog->choice()); });
    dialog->open();
}

} // namespace RunPrompt

} // namespace triad
