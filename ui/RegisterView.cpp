#include "RegisterView.h"
#include "ExtendWaiverDialog.h"
#include "TableViews.h"

#include "AttestationDialog.h"
#include "IssueQueries.h"
#include "Theme.h"
#include "models/AttestationTableModel.h"
#include "models/WaiverTableModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace triad {
namespace {

QLabel *makeEmptyState(const QString &objectName, const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    return label;
}

QLabel *makeHeading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), parent);
    label->setContentsMargins(0, 6, 0, 2);
    return label;
}

} // namespace

RegisterView::RegisterView(QWidget *parent) : QWidget(parent)
{
    buildUi();
}

void RegisterView::buildUi()
{
    m_waivers = new WaiverTableModel(this);
    m_attestations = new AttestationTableModel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(Qt::Vertical, this);

    auto *waiverPane = new QWidget(splitter);
    auto *waiverLayout = new QVBoxLayout(waiverPane);
    waiverLayout->setContentsMargins(0, 0, 0, 0);
    auto *waiverBar = new QHBoxLayout;
    waiverBar->addWidget(makeHeading(tr("Waivers"), waiverPane));
    m_waiverSummary = new QLabel(waiverPane);
    m_waiverSummary->setContentsMargins(12, 6, 0, 2);
    m_waiverSummary->setForegroundRole(QPalette::PlaceholderText);
    waiverBar->addWidget(m_waiverSummary, 1);
    m_endReason = new QLineEdit(waiverPane);
    m_endReason->setObjectName(QStringLiteral("endWaiverReason"));
    m_endReason->setPlaceholderText(tr("Reason for ending the selected waiver"));
    m_endReason->setMinimumWidth(280);
    m_endButton = new QPushButton(tr("&End waiver"), waiverPane);
    m_endButton->setObjectName(QStringLiteral("endWaiverButton"));
    m_endButton->setToolTip(
        tr("End the selected active waiver now: its issues count again from the next evaluation on"));
    waiverBar->addWidget(m_endReason);
    waiverBar->addWidget(m_endButton);
    waiverLayout->addLayout(waiverBar);
    m_waiverStack = new QStackedWidget(waiverPane);
    m_waiverTable = makeRecordTable(m_waivers, m_waiverStack);
    m_waiverTable->setObjectName(QStringLiteral("waiverTable"));
    m_waiverStack->addWidget(m_waiverTable);
    m_waiverStack->addWidget(
        makeEmptyState(QStringLiteral("waiversEmptyState"),
                       tr("<h3>No waivers</h3><p>To accept a failing check for a time, select its "
                          "issue in <b>Issues</b> and choose <b>Waive…</b> (Ctrl+Shift+W), or use "
                          "<code>triad-cli waive PROJECT --check ID …</code>.</p>"),
                       m_waiverStack));
    waiverLayout->addWidget(m_waiverStack, 1);

    auto *attestationPane = new QWidget(splitter);
    auto *attestationLayout = new QVBoxLayout(attestationPane);
    attestationLayout->setContentsMargins(0, 0, 0, 0);
    auto *attestationBar = new QHBoxLayout;
    attestationBar->addWidget(makeHeading(tr("Attestations"), attestationPane));
    attestationBar->addStretch(1);
    m_recordButton = new QPushButton(tr("Record &Attestation…"), attestationPane);
    m_recordButton->setObjectName(QStringLiteral("recordAttestationButton"));
    m_recordButton->setToolTip(tr("Record a person's verdict on a manual requirement, or on the manual part of a "
                                  "requirement with checks, with its evidence files"));
    m_recordButton->setEnabled(false);
    attestationBar->addWidget(m_recordButton);
    attestationLayout->addLayout(attestationBar);
    m_attestationStack = new QStackedWidget(attestationPane);
    m_attestationTable = makeRecordTable(m_attestations, m_attestationStack);
    m_attestationTable->setObjectName(QStringLiteral("attestationTable"));
    m_attestationStack->addWidget(m_attestationTable);
    m_attestationStack->addWidget(
        makeEmptyState(QStringLiteral("attestationsEmptyState"),
                       tr("<h3>No attestations</h3><p>Manual requirements, and the manual part of "
                          "requirements that also have checks, are verified by a "
                          "person: record the verdict with its evidence files with "
                          "<b>Record Attestation…</b> here or on a run's <b>Requirements</b> tab, or "
                          "<code>triad-cli attest</code>.</p>"),
                       m_attestationStack));
    attestationLayout->addWidget(m_attestationStack, 1);
    layout->addWidget(splitter, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("registerStatus"));
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);

    connect(m_waiverTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RegisterView::updateEndButton);
    connect(m_endReason, &QLineEdit::textChanged, this, &RegisterView::updateEndButton);
    connect(m_endReason, &QLineEdit::returnPressed, this, &RegisterView::endSelectedWaiver);
    connect(m_endButton, &QPushButton::clicked, this, &RegisterView::endSelectedWaiver);
    connect(m_recordButton, &QPushButton::clicked, this, &RegisterView::recordAttestation);
    updateEndButton();
    buildExtendButton(waiverBar, waiverPane);   // last: it watches the waiver table's selection
}

void RegisterView::setProject(const QString &path)
{
    m_path = path;
    m_recordButton->setEnabled(true);
    reload();
}

void RegisterView::setCatalog(std::shared_ptr<const Catalog> catalog)
{
    m_catalog = std::move(catalog);
}

void RegisterView::recordAttestation()
{
    if (m_path.isEmpty())
        return;
    if (!m_catalog) {
        // Enabled with the project, not with the templates: the page's focus does not depend
        // on how fast they load.
        setStatus(tr("The templates are not loaded yet (or none are installed): try again in a moment."), true);
        return;
    }
    QPointer<RegisterView> self(this);
    AttestationPrompt::ask(this, m_path, m_catalog, {}, {}, [self](qint64 id) {
        if (!self)
            return;
        self->setStatus(tr("Attestation %1 recorded.").arg(id));
        emit self->attestationRecorded(id);
        self->reload();
    });
}

void RegisterView::clear()
{
    m_path.clear();
    m_recordButton->setEnabled(false);
    ++m_generation;
    m_waivers->setWaivers({});
    m_attestations->setAttestations({});
}

void RegisterView::reload()
{
    if (m_path.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    QPointer<RegisterView> self(this);
    IssueQueries::loadRegister(m_path).then(
        this, [self, generation](const Result<RegisterContents> &contents) {
            if (!self || self->m_generation != generation)
                return;
            if (!contents) {
                self->setStatus(tr("Cannot read the registers: %1").arg(contents.error().toString()), true);
                return;
            }
            self->m_waivers->setWaivers(contents->waivers);
            self->m_attestations->setAttestations(contents->attestations);
            int active = 0;
            for (int row = 0; row < self->m_waivers->rowCount(); ++row)
                active += self->m_waivers->index(row, 0).data(WaiverTableModel::ActiveRole).toBool() ? 1 : 0;
            self->m_waiverSummary->setText(tr("%1 active of %2").arg(active).arg(contents->waivers.size()));
            const bool anyWaiver = !contents->waivers.isEmpty();
            self->m_waiverSummary->setVisible(anyWaiver);
            self->m_endReason->setVisible(anyWaiver);
            self->m_endButton->setVisible(anyWaiver);
            self->m_extendButton->setVisible(anyWaiver);
            self->m_waiverStack->setCurrentIndex(contents->waivers.isEmpty() ? 1 : 0);
            self->m_attestationStack->setCurrentIndex(contents->attestations.isEmpty() ? 1 : 0);
            self->m_waiverTable->resizeColumnsToContents();
            self->m_attestationTable->resizeColumnsToContents();
            // Long justifications and statements would push the other columns out of sight.
            self->m_waiverTable->setColumnWidth(
                WaiverTableModel::Justification,
                qMin(self->m_waiverTable->columnWidth(WaiverTableModel::Justification), 360));
            self->m_attestationTable->setColumnWidth(
                AttestationTableModel::Statement,
                qMin(self->m_attestationTable->columnWidth(AttestationTableModel::Statement), 360));
            self->updateEndButton();
            emit self->registerLoaded();
        });
}

void RegisterView::updateEndButton()
{
    const Waiver *waiver = m_waivers->waiverAt(m_waiverTable->currentIndex().row());
    const bool active = waiver
        && m_waiverTable->currentIndex().siblingAtColumn(0).data(WaiverTableModel::ActiveRole).toBool();
    m_endButton->setEnabled(active && !m_endReason->text().trimmed().isEmpty());
    m_endReason->setEnabled(active);
}

void RegisterView::endSelectedWaiver()
{
    const Waiver *waiver = m_waivers->waiverAt(m_waiverTable->currentIndex().row());
    const QString reason = m_endReason->text().trimmed();
    if (!waiver || reason.isEmpty() || m_path.isEmpty() || !m_endButton->isEnabled())
        return;
    const qint64 id = waiver->id;
    m_endButton->setEnabled(false);
    QPointer<RegisterView> self(this);
    IssueQueries::endWaiver(m_path, id, IssueQueries::operatorName(), reason)
        .then(this, [self, id](const Status &status) {
            if (!self)
                return;
            if (!status) {
                self->setStatus(tr("Waiver %1 was not ended: %2").arg(id).arg(status.error().toString()),
                                true);
                self->updateEndButton();
                return;
            }
            self->setStatus(
                tr("Waiver %1 ended. Its issues count again from the next assessment or re-evaluation on.")
                    .arg(id));
            self->m_endReason->clear();
            emit self->waiverEnded(id);
            self->reload();
        });
}

void RegisterView::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    // A palette colour rather than a style sheet: it follows a theme change (light/dark).
    QPalette palette;   // only the roles set here override the inherited palette
    if (error)
        palette.setColor(QPalette::WindowText, Theme::color(Theme::Tone::Bad));
    m_status->setPalette(palette);
    m_status->setVisible(!text.isEmpty());
}

// Extend (next to End): kept apart from the rest of the view so that the two features stay separate.
void RegisterView::buildExtendButton(QHBoxLayout *bar, QWidget *pane)
{
    m_extendButton = new QPushButton(tr("E&xtend…"), pane);
    m_extendButton->setObjectName(QStringLiteral("extendWaiverButton"));
    m_extendButton->setToolTip(tr("Give the selected waiver a later expiry date (as triad-cli waive --extend)"));
    bar->addWidget(m_extendButton);
    connect(m_extendButton, &QPushButton::clicked, this, &RegisterView::extendSelectedWaiver);
    connect(m_waiverTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RegisterView::updateExtendButton);
    connect(this, &RegisterView::registerLoaded, this, &RegisterView::updateExtendButton);
    m_extendButton->setEnabled(false);
    setTabOrder(m_endButton, m_extendButton);     // Tab reaches it beside End, before the table
}

void RegisterView::updateExtendButton()
{
    const Waiver *waiver = m_waivers->waiverAt(m_waiverTable->currentIndex().row());
    m_extendButton->setEnabled(waiver && !waiver->endedAt.isValid());    // an ended waiver stays ended
}

void RegisterView::extendSelectedWaiver()
{
    const Waiver *waiver = m_waivers->waiverAt(m_waiverTable->currentIndex().row());
    if (!waiver || waiver->endedAt.isValid() || m_path.isEmpty())
        return;
    const qint64 id = waiver->id;
    ExtendWaiverPrompt::ask(this, id, waiver->checkId, waiver->expiresOn, [this, id](const QDate &date) {
        m_extendButton->setEnabled(false);
        QPointer<RegisterView> self(this);
        IssueQueries::extendWaiver(m_path, id, date, IssueQueries::operatorName()).then(this, [self, id, date](const Status &status) {
            if (!self)
                return;
            if (!status) {
                self->setStatus(tr("Waiver %1 was not extended: %2").arg(id).arg(status.error().toString()), true);
                self->updateExtendButton();
                return;
            }
            self->setStatus(tr("Waiver %1 now expires %2.").arg(id).arg(date.toString(Qt::ISODate)));
            emit self->waiverExtended(id);
            self->reload();
        });
    });
}

} // namespace triad
