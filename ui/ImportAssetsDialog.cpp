#include "ImportAssetsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace triad {

namespace {
enum PreviewColumn { LineCol, NameCol, AddressCol, PortCol, UserCol, KeyCol, JumpCol, TagsCol, NoteCol, PreviewColumnCount };
}

ImportAssetsDialog::ImportAssetsDialog(const QString &projectPath, const QStringList &existingNames, QWidget *parent)
    : QDialog(parent), m_projectPath(projectPath), m_existingNames(existingNames)
{
    setWindowTitle(tr("Import Assets"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    auto *fileRow = new QHBoxLayout;
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("importFile"));
    m_file->setPlaceholderText(tr("inventory.csv, ~/.ssh/config or an Ansible hosts file"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("importBrowse"));
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("importFormat"));
    m_format->addItem(tr("Detect from the file"), -1);
    m_format->addItem(tr("CSV (name, address, port, user, key, proxy_jump, tags)"), int(InventoryImport::Format::Csv));
    m_format->addItem(tr("OpenSSH client config"), int(InventoryImport::Format::SshConfig));
    m_format->addItem(tr("Ansible INI inventory"), int(InventoryImport::Format::AnsibleIni));
    form->addRow(tr("F&ormat:"), m_format);
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(QStringLiteral("importTags"));
    m_tags->setPlaceholderText(tr("Optional: tags for every imported asset, comma-separated"));
    form->addRow(tr("Extra &tags:"), m_tags);
    layout->addLayout(form);

    m_table = new QTableWidget(0, PreviewColumnCount, this);
    m_table->setObjectName(QStringLiteral("importPreview"));
    m_table->setTabKeyNavigation(false);   // Tab moves on; arrow keys move in the table
    m_table->setHorizontalHeaderLabels({tr("Line"), tr("Name"), tr("Address"), tr("Port"), tr("User"), tr("Key file"),
                                        tr("Jump host"), tr("Tags"), tr("Note")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    layout->addWidget(m_table, 1);
    m_status = new QLabel(tr("Choose an inventory file to see what it holds."), this);
    m_status->setObjectName(QStringLiteral("importStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setEnabled(false);
    layout->addWidget(buttons);

    connect(browse, &QPushButton::clicked, this, &ImportAssetsDialog::chooseFile);
    // Only a typed change reads the file again: leaving the field with Tab re-read it and disabled
    // Import while it did, so the Tab that followed skipped the button.
    connect(m_file, &QLineEdit::editingFinished, this, [this] {
        if (!m_file->isModified())
            return;
        m_file->setModified(false);
        preview();
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportAssetsDialog::preview);
    connect(buttons, &QDialogButtonBox::accepted, this, &ImportAssetsDialog::importNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(900, 520);
}

void ImportAssetsDialog::chooseFile()
{
    auto *chooser = new QFileDialog(this, tr("Inventory File"), QDir::homePath());
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::ExistingFile);
    chooser->setFilter(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    chooser->setNameFilters({tr("Inventories (*.csv *.ini *.cfg config hosts *)")});
    connect(chooser, &QFileDialog::fileSelected, this, &ImportAssetsDialog::setFile);
    chooser->open();
}

void ImportAssetsDialog::setFile(const QString &path)
{
    m_file->setText(path);
    preview();
}

void ImportAssetsDialog::setFormat(std::optional<InventoryImport::Format> format)
{
    m_format->setCurrentIndex(m_format->findData(format ? int(*format) : -1));
}

void ImportAssetsDialog::setExtraTags(const QString &commaSeparated)
{
    m_tags->setText(commaSeparated);
}

void ImportAssetsDialog::preview()
{
    QString path = m_file->text().trimmed();
    if (path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    const quint64 generation = ++m_generation;
    m_hosts.clear();
    m_table->setRowCount(0);
    m_import->setEnabled(false);
    if (path.isEmpty()) {
        setStatus(tr("Choose an inventory file to see what it holds."), false);
        return;
    }
    setStatus(tr("Reading %1…").arg(QFileInfo(path).fileName()), false);
    const int chosen = m_format->currentData().toInt();
    const std::optional<InventoryImport::Format> format =
        chosen < 0 ? std::nullopt : std::optional<InventoryImport::Format>(InventoryImport::Format(chosen));
    QPointer<ImportAssetsDialog> self(this);
    AssetQueries::previewImport(path, format).then(this, [self, generation](const Result<QList<ImportedHost>> &hosts) {
        if (!self || generation != self->m_generation)
            return;     // another file or format was chosen meanwhile
        if (!hosts) {
            self->setStatus(hosts.error().toString(), true);
            emit self->previewReady(-1);
            return;
        }
        self->showHosts(*hosts);
        emit self->previewReady(int(hosts->size()));
    });
}

void ImportAssetsDialog::showHosts(const QList<ImportedHost> &hosts)
{
    m_hosts = hosts;
    m_table->setRowCount(int(hosts.size()));
    int fresh = 0;
    for (int row = 0; row < hosts.size(); ++row) {
        const ImportedHost &h = hosts[row];
        const bool exists = m_existingNames.contains(h.name);
        fresh += exists ? 0 : 1;
        const QStringList cells{QString::number(h.line), h.name, h.address, QString::number(h.port), h.user, h.keyFile,
                                h.proxyJump, h.tags.join(QStringLiteral(", ")),
                                exists ? tr("exists already: skipped") : tr("new")};
        for (int col = 0; col < PreviewColumnCount; ++col) {
            auto *item = new QTableWidgetItem(cells[col]);
            if (exists)
                item->setForeground(palette().brush(QPalette::PlaceholderText));
            m_table->setItem(row, col, item);
        }
    }
    m_table->resizeColumnsToContents();
    if (hosts.isEmpty())
        setStatus(tr("The file holds no hosts."), false);
    else
        setStatus(tr("%n host(s) found, ", nullptr, int(hosts.size())) + tr("%n new.", nullptr, fresh), false);
    m_import->setEnabled(canImport());
}

bool ImportAssetsDialog::canImport() const
{
    if (m_importing)
        return false;
    for (const ImportedHost &h : m_hosts)
        if (!m_existingNames.contains(h.name))
            return true;
    return false;
}

void ImportAssetsDialog::importNow()
{
    if (!canImport())
        return;
    m_importing = true;
    m_import->setEnabled(false);
    setStatus(tr("Importing…"), false);
    const QStringList tags = m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    QPointer<ImportAssetsDialog> self(this);
    AssetQueries::importHosts(m_projectPath, m_file->text().trimmed(), m_hosts, tags)
        .then(this, [self](const Result<ImportSummary> &summary) {
            if (!self)
                return;
            self->m_importing = false;
            if (!summary) {
                self->setStatus(tr("Nothing was imported: %1").arg(summary.error().toString()), true);
                self->m_import->setEnabled(self->canImport());
                return;
            }
            emit self->imported(*summary);
            self->accept();
        });
}

QString ImportAssetsDialog::statusText() const
{
    return m_status->text();
}

void ImportAssetsDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette p = palette();
    if (error)
        p.setColor(QPalette::WindowText, QColor(0xe5, 0x39, 0x35));
    m_status->setPalette(p);
}

} // namespace triad
