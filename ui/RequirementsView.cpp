#include "RequirementsView.h"

#include "AttestationDialog.h"
#include "RequirementQueries.h"
#include "TableViews.h"
#include "models/RequirementStatusModel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace triad {
namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

RequirementsView::RequirementsView(QWidget *parent) : QWidget(parent)
{
    m_model = new RequirementStatusModel(this);
    m_filter = new RequirementStatusFilter(this);
    m_filter->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("requirementSummary"));
    m_summary->setWordWrap(true);
    m_outstanding = new QCheckBox(tr("Only manual evidence &outstanding"), this);
    m_outstanding->setObjectName(QStringLiteral("requirementOutstandingOnly"));
    m_record = new QPushButton(tr("Record &Attestation…"), this);
    m_record->setObjectName(QStringLiteral("requirementRecordAttestation"));
    m_record->setToolTip(
        tr("Record a person's verdict on the selected requirement's manual part, with its evidence files"));
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_outstanding);
    bar->addWidget(m_record);
    layout->addLayout(bar);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("requirementsSplitter"));
    m_table = makeRecordTable(m_filter, splitter);
    m_table->setObjectName(QStringLiteral("requirementTable"));
    m_detail = new QTextBrowser(splitter);
    m_detail->setObjectName(QStringLiteral("requirementDetail"));
    m_detail->setOpenLinks(false);
    m_detail->setPlaceholderText(
        tr("Select a requirement to see its checks, its manual part and the evidence to ask for."));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_outstanding, &QCheckBox::toggled, this, &RequirementsView::setOutstandingOnly);
    connect(m_record, &QPushButton::clicked, this, &RequirementsView::recordAttestation);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RequirementsView::showDetail);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &RequirementsView::showDetail);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &RequirementsView::showDetail);
    updateActions();
}

void RequirementsView::setCatalog(std::shared_ptr<const Catalog> catalog)
{
    m_catalog = std::move(catalog);
    updateActions();
}

void RequirementsView::setRun(const QString &path, qint64 runId)
{
    if (path != m_path || runId != m_runId) {
        m_model->setRequirements({});   // never another run's rows under this run's name
        m_summary->clear();
    }
    m_path = path;
    m_runId = runId;
    reload();
}

void RequirementsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void RequirementsView::clear()
{
    m_path.clear();
    m_runId = 0;
    ++m_generation;
    m_model->setRequirements({});
    m_summary->clear();
    updateActions();
}

void RequirementsView::reload()
{
    if (m_path.isEmpty() || m_runId <= 0)
        return;
    if (!isVisible()) {
        // Building a run's report model is not free: a hidden tab reads it when it is shown.
        m_stale = true;
        ++m_generation;     // a load under way would show a run that is no longer selected
        return;
    }
    m_stale = false;
    const quint64 generation = ++m_generation;
    const qint64 runId = m_runId;
    m_summary->setText(tr("Reading the requirements of run %1…").arg(runId));
    QPointer<RequirementsView> self(this);
    RequirementQueries::load(m_path, runId, m_catalog)
        .then(this, [self, generation, runId](const Result<RunRequirements> &loaded) {
            if (!self || self->m_generation != generation)
                return; // another run was chosen meanwhile
            if (!loaded) {
                self->m_model->setRequirements({});
                self->m_summary->setText(
                    tr("Cannot read the requirements: %1").arg(esc(loaded.error().toString())));
                self->updateActions();
                return;
            }
            const QString selected = self->m_table->currentIndex()
                                         .siblingAtColumn(0)
                                         .data(RequirementStatusModel::RequirementIdRole)
                                         .toString();
            self->m_templateId = loaded->templateId;
            self->m_model->setRequirements(loaded->requirements);
            const Score &s = loaded->score;
            // The same counts as `triad-cli requirements` prints.
            self->m_summary->setText(tr("Run %1 of %2 %3: %4 requirements, %5 met · manual evidence "
                                        "outstanding: <b>%6</b> (%7 manual-only, "
                                        "%8 beside their checks) · %9 attested pass, %10 attested fail")
                                         .arg(runId)
                                         .arg(esc(loaded->templateId), esc(loaded->templateVersion))
                                         .arg(loaded->requirements.size())
                                         .arg(loaded->met)
                                         .arg(s.manualNotAttested)
                                         .arg(s.manualNotAttested - s.mixedManualNotAttested)
                                         .arg(s.mixedManualNotAttested)
                                         .arg(s.manualAttestedPass)
                                         .arg(s.manualAttestedFail));
            self->m_table->resizeColumnsToContents();
            self->m_table->setColumnWidth(
                RequirementStatusModel::Title,
                qMin(self->m_table->columnWidth(RequirementStatusModel::Title), 320));
            if (!self->selectRequirement(selected) && self->m_filter->rowCount() > 0)
                self->m_table->selectRow(0);
            self->updateActions();
            emit self->requirementsLoaded(runId);
        });
}

void RequirementsView::setOutstandingOnly(bool only)
{
    if (m_outstanding->isChecked() != only)
        m_outstanding->setChecked(only); // comes back here through toggled()
    m_filter->setOutstandingOnly(only);
    if (!m_table->currentIndex().isValid() && m_filter->rowCount() > 0)
        m_table->selectRow(0);
    updateActions();
}

bool RequirementsView::selectRequirement(const QString &requirementId)
{
    if (requirementId.isEmpty())
        return false;
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        if (m_filter->index(row, 0).data(RequirementStatusModel::RequirementIdRole).toString()
            == requirementId) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

void RequirementsView::recordAttestation()
{
    if (m_path.isEmpty() || !m_catalog)
        return;
    const QString requirementId = m_table->currentIndex()
                                      .siblingAtColumn(0)
                                      .data(RequirementStatusModel::RequirementIdRole)
                                      .toString();
    QPointer<RequirementsView> self(this);
    AttestationPrompt::ask(this, m_path, m_catalog, m_templateId, requirementId, [self](qint64 id) {
        if (!self)
            return;
        emit self->attestationRecorded(id);
        self->reload();
    });
}

void RequirementsView::showDetail()
{
    const QModelIndex current = m_filter->mapToSource(m_table->currentIndex());
    const RunRequirement *r = m_model->requirementAt(current.row());
    updateActions();
    if (!r) {
        m_detail->clear();
        return;
    }
    QString html = QStringLiteral("<h3>%1 %2</h3><p><b>%3</b> · %4</p>")
                       .arg(esc(r->row.id), esc(r->row.title), esc(r->row.statusText),
                            r->row.met ? tr("met") : tr("not met"));
    html += QStringLiteral("<table cellpadding=3>");
    auto line = [&html](const QString &label, const QString &value) {
        if (!value.isEmpty())
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(esc(label), esc(value));
    };
    line(tr("Section"), r->section);
    line(tr("Checks"), r->row.checks.join(QStringLiteral(", ")));
    line(tr("Checks say"), r->row.automatedStatus);
    if (!r->row.failingAssets.isEmpty())
        line(tr("Failing assets"),
             r->row.failingAssets.join(QStringLiteral(", "))
                 + (r->row.failingAssetsTotal > r->row.failingAssets.size()
                        ? tr(" and %1 more").arg(r->row.failingAssetsTotal - r->row.failingAssets.size())
                        : QString()));
    line(tr("Attestation"), r->row.attestation);
    html += QStringLiteral("</table>");
    if (r->row.manualPart != ManualPart::None) {
        html += QStringLiteral("<h4>%1</h4><p><b>%2</b> %3</p><p><b>%4</b> %5</p>")
                    .arg(tr("Manual evidence"), tr("Ask for:"), esc(r->askFor), tr("It must show:"),
                         esc(r->verify));
        if (r->row.manualPart == ManualPart::NotAttested)
            html
                += QStringLiteral("<p>%1</p>")
                       .arg(tr(
                           "Not attested yet: choose <b>Record Attestation…</b> once the evidence is seen."));
    }
    if (!r->row.mappingNote.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(esc(r->row.mappingNote));
    m_detail->setHtml(html);
}

void RequirementsView::updateActions()
{
    const QModelIndex current = m_table->currentIndex();
    const bool attestable
        = current.isValid() && current.data(RequirementStatusModel::ManualPartRole).toBool();
    m_record->setEnabled(!m_path.isEmpty() && m_catalog && attestable);
    m_record->setToolTip(
        attestable || !current.isValid()
            ? tr("Record a person's verdict on the selected requirement's manual part, with its evidence "
                 "files")
            : tr("This requirement is assessed by its checks only: there is nothing to attest"));
}

QString RequirementsView::summaryText() const
{
    return m_summary->text();
}

QString RequirementsView::detailText() const
{
    return m_detail->toPlainText();
}

} // namespace triad
