#include "TailoringEditor.h"
#include "TableViews.h"

#include "IssueQueries.h"
#include "TailoringDelegates.h"
#include "TailoringQueries.h"
#include "TailoringSummaryHtml.h"
#include "TailoringYaml.h"
#include "engine/Catalog.h"
#include "engine/TailoringLoader.h"
#include "models/TailoringCheckModel.h"
#include "models/TailoringParameterModel.h"

#include <QAction>
#include <QTextCursor>
#include <QTextDocument>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace triad {
namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    QTableView *view = makeRecordTable(model, parent);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                          | QAbstractItemView::AnyKeyPressed);
    return view;
}

const QString kErrorStyle = QStringLiteral("color: #c62828;");

} // namespace

TailoringEditor::TailoringEditor(QWidget *parent) : QWidget(parent)
{
    buildUi();
}

void TailoringEditor::buildUi()
{
    m_parameters = new TailoringParameterModel(this);
    m_checks = new TailoringCheckModel(this);
    m_checkFilter = new QSortFilterProxyModel(this);
    m_checkFilter->setSourceModel(m_checks);
    m_checkFilter->setFilterKeyColumn(-1);
    m_checkFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);
    m_empty = new QLabel(m_stack);
    m_empty->setObjectName(QStringLiteral("tailoringEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("<h3>No template chosen</h3><p>Choose a template in the list above to tailor it.</p>"));
    m_stack->addWidget(m_empty);

    auto *page = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);

    auto *header = new QHBoxLayout;
    m_heading = new QLabel(page);
    m_heading->setObjectName(QStringLiteral("tailoringHeading"));
    header->addWidget(m_heading);
    auto *nameLabel = new QLabel(tr("&Name:"), page);
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("tailoringName"));
    m_name->setPlaceholderText(tr("e.g. ACME production"));
    m_name->setMinimumWidth(200);
    nameLabel->setBuddy(m_name);
    header->addSpacing(12);
    header->addWidget(nameLabel);
    header->addWidget(m_name, 1);
    auto *versionLabel = new QLabel(tr("Stored &versions:"), page);
    m_versionCombo = new QComboBox(page);
    m_versionCombo->setObjectName(QStringLiteral("tailoringVersions"));
    m_versionCombo->setMinimumContentsLength(28);
    m_versionCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    versionLabel->setBuddy(m_versionCombo);
    m_loadButton = new QPushButton(tr("&Load"), page);
    m_loadButton->setToolTip(tr("Load the chosen stored version into the form to edit it"));
    header->addWidget(versionLabel);
    header->addWidget(m_versionCombo);
    header->addWidget(m_loadButton);
    m_saveButton = new QPushButton(tr("&Save as new version"), page);
    m_saveButton->setObjectName(QStringLiteral("saveTailoring"));
    m_saveButton->setToolTip(tr("Keep this tailoring in the project (Ctrl+S); scans use it with --tailoring NAME"));
    header->addWidget(m_saveButton);
    layout->addLayout(header);

    auto *splitter = new QSplitter(Qt::Horizontal, page);
    m_tabs = new QTabWidget(splitter);
    m_tabs->setObjectName(QStringLiteral("tailoringTabs"));

    // Parameters.
    auto *parameterPage = new QWidget(m_tabs);
    auto *parameterLayout = new QVBoxLayout(parameterPage);
    m_parameterTable = makeTable(m_parameters, parameterPage);
    m_parameterTable->setObjectName(QStringLiteral("parameterTable"));
    m_parameterTable->setItemDelegateForColumn(TailoringParameterModel::Value, new ParameterValueDelegate(m_parameterTable));
    parameterLayout->addWidget(m_parameterTable);
    auto *parameterHint = new QLabel(tr("Double-click or press F2 on a value to change it; Delete resets it to the default."),
                                     parameterPage);
    parameterHint->setForegroundRole(QPalette::PlaceholderText);
    parameterLayout->addWidget(parameterHint);
    m_tabs->addTab(parameterPage, tr("Parameters"));

    // Checks.
    auto *checkPage = new QWidget(m_tabs);
    auto *checkLayout = new QVBoxLayout(checkPage);
    m_checkSearch = new QLineEdit(checkPage);
    m_checkSearch->setObjectName(QStringLiteral("tailoringCheckSearch"));
    m_checkSearch->setPlaceholderText(tr("Filter checks by id, title or requirement…"));
    m_checkSearch->setClearButtonEnabled(true);
    checkLayout->addWidget(m_checkSearch);
    m_checkTable = makeTable(m_checkFilter, checkPage);
    m_checkTable->setObjectName(QStringLiteral("tailoringCheckTable"));
    m_checkTable->setItemDelegateForColumn(TailoringCheckModel::SeverityOverride, new SeverityOverrideDelegate(m_checkTable));
    checkLayout->addWidget(m_checkTable, 1);
    auto *requirementRow = new QHBoxLayout;
    auto *requirementLabel = new QLabel(tr("Disable re&quirement:"), checkPage);
    m_requirement = new QComboBox(checkPage);
    m_requirement->setObjectName(QStringLiteral("disableRequirementChoice"));
    m_requirement->setMinimumContentsLength(30);
    m_requirement->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    requirementLabel->setBuddy(m_requirement);
    m_requirementReason = new QLineEdit(checkPage);
    m_requirementReason->setObjectName(QStringLiteral("disableRequirementReason"));
    m_requirementReason->setPlaceholderText(tr("Reason (required), e.g. Covered by the EDR agent, see SEC-42"));
    m_disableRequirement = new QPushButton(tr("&Disable its checks"), checkPage);
    m_disableRequirement->setObjectName(QStringLiteral("disableRequirementButton"));
    requirementRow->addWidget(requirementLabel);
    requirementRow->addWidget(m_requirement);
    requirementRow->addWidget(m_requirementReason, 1);
    requirementRow->addWidget(m_disableRequirement);
    checkLayout->addLayout(requirementRow);
    auto *checkHint = new QLabel(tr("Tick Disabled and give a reason, or type a reason to disable a check. "
                                    "Tailored severity replaces the template's in this project's results."),
                                 checkPage);
    checkHint->setWordWrap(true);
    checkHint->setForegroundRole(QPalette::PlaceholderText);
    checkLayout->addWidget(checkHint);
    m_tabs->addTab(checkPage, tr("Checks"));

    // YAML.
    auto *yamlPage = new QWidget(m_tabs);
    auto *yamlLayout = new QVBoxLayout(yamlPage);
    m_yaml = new QPlainTextEdit(yamlPage);
    m_yaml->setObjectName(QStringLiteral("tailoringYaml"));
    m_yaml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_yaml->setTabChangesFocus(true);
    yamlLayout->addWidget(m_yaml, 1);
    m_yamlError = new QLabel(yamlPage);
    m_yamlError->setObjectName(QStringLiteral("tailoringYamlError"));
    m_yamlError->setWordWrap(true);
    m_yamlError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_yamlError->setTextFormat(Qt::PlainText);
    m_yamlError->hide();
    yamlLayout->addWidget(m_yamlError);
    auto *yamlButtons = new QHBoxLayout;
    auto *yamlHint = new QLabel(tr("The text the project keeps. Edit it and apply, or import a file."), yamlPage);
    yamlHint->setForegroundRole(QPalette::PlaceholderText);
    auto *apply = new QPushButton(tr("&Apply YAML to the form"), yamlPage);
    apply->setObjectName(QStringLiteral("applyYaml"));
    auto *import = new QPushButton(tr("&Import file…"), yamlPage);
    yamlButtons->addWidget(yamlHint, 1);
    yamlButtons->addWidget(import);
    yamlButtons->addWidget(apply);
    yamlLayout->addLayout(yamlButtons);
    m_tabs->addTab(yamlPage, tr("YAML"));

    auto *summaryPane = new QWidget(splitter);
    auto *summaryLayout = new QVBoxLayout(summaryPane);
    summaryLayout->setContentsMargins(4, 0, 0, 0);
    summaryLayout->addWidget(new QLabel(tr("<b>Changes from the template</b>"), summaryPane));
    summaryPane->setMinimumWidth(36 * fontMetrics().averageCharWidth());
    m_summary = new QTextBrowser(summaryPane);
    m_summary->setObjectName(QStringLiteral("tailoringSummary"));
    summaryLayout->addWidget(m_summary, 1);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({3000, 1000});   // proportions: the change list gets a quarter
    layout->addWidget(splitter, 1);

    m_problemLabel = new QLabel(page);
    m_problemLabel->setObjectName(QStringLiteral("tailoringProblems"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemLabel->setStyleSheet(kErrorStyle);
    layout->addWidget(m_problemLabel);
    m_status = new QLabel(page);
    m_status->setObjectName(QStringLiteral("tailoringStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_stack->addWidget(page);

    auto *saveAction = new QAction(tr("Save Tailoring"), this);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(saveAction);
    auto *resetAction = new QAction(tr("Reset to Default"), m_parameterTable);
    resetAction->setShortcut(QKeySequence::Delete);
    resetAction->setShortcutContext(Qt::WidgetShortcut);
    m_parameterTable->addAction(resetAction);

    connect(saveAction, &QAction::triggered, this, &TailoringEditor::save);
    connect(m_saveButton, &QPushButton::clicked, this, &TailoringEditor::save);
    connect(resetAction, &QAction::triggered, this, [this] { m_parameters->reset(m_parameterTable->currentIndex().row()); });
    connect(m_loadButton, &QPushButton::clicked, this, [this] { loadVersion(m_versionCombo->currentIndex()); });
    connect(m_name, &QLineEdit::textChanged, this, &TailoringEditor::refresh);
    connect(m_parameters, &TailoringParameterModel::valuesChanged, this, &TailoringEditor::refresh);
    connect(m_checks, &TailoringCheckModel::choicesChanged, this, &TailoringEditor::refresh);
    connect(m_checkSearch, &QLineEdit::textChanged, m_checkFilter, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_requirementReason, &QLineEdit::textChanged, this,
            [this] { m_disableRequirement->setEnabled(!m_requirementReason->text().trimmed().isEmpty()); });
    connect(m_requirementReason, &QLineEdit::returnPressed, this, &TailoringEditor::disableChosenRequirement);
    connect(m_disableRequirement, &QPushButton::clicked, this, &TailoringEditor::disableChosenRequirement);
    connect(apply, &QPushButton::clicked, this, [this] { applyYaml(m_yaml->toPlainText(), tr("YAML tab")); });
    connect(import, &QPushButton::clicked, this, &TailoringEditor::importFile);
    connect(m_yaml, &QPlainTextEdit::textChanged, this, [this] {
        if (m_updatingYaml)
            return;
        m_yamlError->setStyleSheet(QString());
        m_yamlError->setText(tr("Edited: apply it to the form to check and keep it."));
        m_yamlError->show();
    });
    m_disableRequirement->setEnabled(false);
    setTabOrder(m_name, m_versionCombo);
    setTabOrder(m_versionCombo, m_loadButton);
    setTabOrder(m_loadButton, m_saveButton);
    setTabOrder(m_saveButton, m_tabs);
}

void TailoringEditor::setCatalog(std::shared_ptr<const Catalog> catalog)
{
    m_catalog = std::move(catalog);
    if (!m_templateId.isEmpty())
        setTemplate(m_templateId);
}

void TailoringEditor::setProject(const QString &path)
{
    if (path != m_path)
        m_drafts.clear();
    m_path = path;
    reloadVersions();
    refresh();
}

void TailoringEditor::setTemplate(const QString &templateId)
{
    if (m_stack->currentIndex() == 1)
        stashDraft();
    m_templateId = templateId;
    ++m_generation;
    const AssessmentTemplate *assessment = m_catalog ? m_catalog->assessment(templateId) : nullptr;
    m_loadNotes.clear();
    setStatus({});
    m_yamlError->hide();
    if (!assessment) {
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_heading->setText(tr("<b>%1</b> %2").arg(esc(assessment->id), esc(assessment->version)));
    m_name->blockSignals(true);
    m_name->clear();
    m_name->blockSignals(false);
    m_parameters->setTemplate(*m_catalog, *assessment);
    m_checks->setTemplate(*m_catalog, *assessment);
    if (restoreDraft())
        setStatus(tr("Your unsaved changes to %1 are back.").arg(templateId));
    m_parameterTable->resizeColumnsToContents();
    // Long lists (allowed programs, excluded paths) would push the value off screen: cap the
    // value and problem columns; the default comes last and takes what is left.
    const int wide = 40 * m_parameterTable->fontMetrics().averageCharWidth();
    m_parameterTable->setColumnWidth(TailoringParameterModel::Value,
                                     qMin(m_parameterTable->columnWidth(TailoringParameterModel::Value), wide));
    m_parameterTable->setColumnWidth(TailoringParameterModel::Problem, wide);
    m_checkTable->resizeColumnsToContents();
    // Titles and requirement lists can be long; the reason, last, takes the remaining width.
    const int chars = m_checkTable->fontMetrics().averageCharWidth();
    const QList<std::pair<int, int>> caps{{TailoringCheckModel::Check, 30 * chars},
                                          {TailoringCheckModel::Title, 40 * chars},
                                          {TailoringCheckModel::Requirements, 14 * chars}};
    for (const auto &[column, cap] : caps)
        m_checkTable->setColumnWidth(column, qMin(m_checkTable->columnWidth(column), cap));
    m_requirement->clear();
    for (const RequirementDef &r : assessment->requirements) {
        if (!r.checks.isEmpty())
            m_requirement->addItem(QStringLiteral("%1  %2").arg(r.id, r.title), r.id);
    }
    m_stack->setCurrentIndex(1);
    reloadVersions();
    refresh();
}

void TailoringEditor::stashDraft()
{
    Draft draft;
    draft.name = tailoringName();
    for (int row = 0; row < m_parameters->rowCount(); ++row) {
        const auto *r = m_parameters->rowAt(row);
        if (r->text)
            draft.parameterTexts.insert(r->def.name, *r->text);
    }
    draft.disabled = m_checks->disabledChecks();
    draft.severities = m_checks->severityOverrides();
    if (draft.name.isEmpty() && draft.parameterTexts.isEmpty() && draft.disabled.isEmpty() && draft.severities.isEmpty())
        m_drafts.remove(m_templateId);
    else
        m_drafts.insert(m_templateId, draft);
}

bool TailoringEditor::restoreDraft()
{
    const auto it = m_drafts.constFind(m_templateId);
    if (it == m_drafts.cend())
        return false;
    m_name->blockSignals(true);
    m_name->setText(it->name);
    m_name->blockSignals(false);
    m_parameters->blockSignals(true);
    m_checks->blockSignals(true);
    m_parameters->setValues(it->parameterTexts);
    m_checks->setTailoring(it->disabled, it->severities);
    m_parameters->blockSignals(false);
    m_checks->blockSignals(false);
    return true;
}

void TailoringEditor::setTailoringName(const QString &name)
{
    m_name->setText(name);
}

QString TailoringEditor::tailoringName() const
{
    return m_name->text().trimmed();
}

void TailoringEditor::disableRequirement(const QString &requirementId, const QString &reason)
{
    const AssessmentTemplate *assessment = m_catalog ? m_catalog->assessment(m_templateId) : nullptr;
    if (!assessment || reason.trimmed().isEmpty())
        return;
    for (const RequirementDef &r : assessment->requirements) {
        if (r.id == requirementId)
            m_checks->disableChecks(r.checks, reason);
    }
}

void TailoringEditor::disableChosenRequirement()
{
    const QString reason = m_requirementReason->text().trimmed();
    if (reason.isEmpty())
        return;
    disableRequirement(m_requirement->currentData().toString(), reason);
    m_requirementReason->clear();
}

Tailoring TailoringEditor::currentTailoring() const
{
    Tailoring t;
    t.templateId = m_templateId;
    t.name = tailoringName();
    t.parameters = m_parameters->values();
    t.disabledChecks = m_checks->disabledChecks();
    t.severityOverrides = m_checks->severityOverrides();
    return t;
}

QString TailoringEditor::currentYaml() const
{
    return tailoringToYaml(currentTailoring());
}

bool TailoringEditor::applyYaml(const QString &yaml, const QString &source)
{
    auto loaded = TailoringLoader::loadText(yaml.toUtf8(), source);
    if (!loaded) {
        const Error &e = loaded.error();
        if (m_yaml->toPlainText() != yaml) {
            m_updatingYaml = true;
            m_yaml->setPlainText(yaml);
            m_updatingYaml = false;
        }
        m_yamlError->setStyleSheet(kErrorStyle);
        m_yamlError->setText(tr("Not loaded: %1").arg(e.toString()));
        m_yamlError->show();
        m_tabs->setCurrentIndex(2);
        // Put the cursor on the line the error names ("source:12:5"), where the user fixes it.
        const QStringList parts = e.location.split(QLatin1Char(':'));
        bool ok = false;
        const int line = parts.size() >= 3 ? parts.at(parts.size() - 2).toInt(&ok) : 0;
        if (ok && line > 0) {
            QTextCursor cursor(m_yaml->document()->findBlockByLineNumber(line - 1));
            m_yaml->setTextCursor(cursor);
        }
        return false;
    }
    if (loaded->templateId != m_templateId) {
        m_yamlError->setStyleSheet(kErrorStyle);
        m_yamlError->setText(tr("Not loaded: %1 tailors template %2; choose %2 in the list to edit it.")
                                 .arg(source, loaded->templateId));
        m_yamlError->show();
        return false;
    }
    // What does not fit the template is named once here; values out of bounds stay in the form
    // with their problem, entries the template does not have cannot be shown and are dropped.
    m_loadNotes.clear();
    if (m_catalog) {
        for (const Error &e : validateTailoring(*m_catalog, *loaded)) {
            if (!e.message.startsWith(QLatin1String("parameter ")))
                m_loadNotes << tr("%1 (left out)").arg(e.message);
        }
    }
    m_name->blockSignals(true);
    m_name->setText(loaded->name);
    m_name->blockSignals(false);
    m_parameters->blockSignals(true);
    m_checks->blockSignals(true);
    m_parameters->setValues(loaded->parameters);
    m_checks->setTailoring(loaded->disabledChecks, loaded->severityOverrides);
    m_parameters->blockSignals(false);
    m_checks->blockSignals(false);
    m_yamlError->hide();
    setStatus(tr("Loaded %1.").arg(source));
    refresh();
    // Take the user to the first value that needs fixing.
    for (int row = 0; row < m_parameters->rowCount(); ++row) {
        if (!m_parameters->rowAt(row)->problem.isEmpty()) {
            m_tabs->setCurrentIndex(0);
            m_parameterTable->selectRow(row);
            m_parameterTable->scrollTo(m_parameters->index(row, TailoringParameterModel::Value),
                                       QAbstractItemView::PositionAtCenter);
            break;
        }
    }
    return true;
}

bool TailoringEditor::loadVersion(int index)
{
    if (index < 0 || index >= m_versions.size())
        return false;
    const StoredTailoring &v = m_versions.at(index);
    return applyYaml(v.yaml, tr("%1 version %2").arg(v.name, QString::number(v.version)));
}

void TailoringEditor::importFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Import Tailoring"), {}, tr("YAML (*.yaml *.yml);;All files (*)"));
    if (file.isEmpty())
        return;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        setStatus(tr("Cannot read %1: %2").arg(file, f.errorString()), true);
        return;
    }
    applyYaml(QString::fromUtf8(f.readAll()), file);
}

bool TailoringEditor::canSave() const
{
    return !m_path.isEmpty() && !m_templateId.isEmpty() && m_problems.isEmpty() && !m_saving;
}

void TailoringEditor::refresh()
{
    if (m_templateId.isEmpty() || !m_catalog)
        return;
    const Tailoring t = currentTailoring();
    const QString yaml = tailoringToYaml(t);
    QStringList problems;
    if (t.name.isEmpty())
        problems << tr("give the tailoring a name");
    problems << m_parameters->problems() << m_checks->problems();
    // The text is what the project keeps and the CLI reads: check it the way they will.
    // Only when the form itself is fine: its own problems are named better, next to their rows.
    if (problems.isEmpty()) {
        if (auto reread = TailoringLoader::loadText(yaml.toUtf8(), tr("tailoring")); !reread) {
            problems << reread.error().toString();
        } else {
            for (const Error &e : validateTailoring(*m_catalog, *reread))
                problems << e.message;
        }
    }
    m_problems = problems;

    if (m_yaml->toPlainText() != yaml) {
        m_updatingYaml = true;
        m_yaml->setPlainText(yaml);
        m_updatingYaml = false;
        m_yamlError->hide();
    }
    m_summary->setHtml(tailoringSummaryHtml(m_catalog.get(), m_templateId, *m_parameters, *m_checks));
    QStringList shown;
    for (const QString &p : std::as_const(m_problems))
        shown << esc(p);
    for (const QString &n : std::as_const(m_loadNotes))
        shown << esc(n);
    m_problemLabel->setText(shown.isEmpty() ? QString() : tr("<b>Cannot save yet:</b> %1").arg(shown.join(QStringLiteral("; "))));
    if (m_problems.isEmpty() && !m_loadNotes.isEmpty())
        m_problemLabel->setText(tr("<b>Loaded with changes:</b> %1").arg(shown.join(QStringLiteral("; "))));
    // A fresh form only lacks its name: say what to do, without alarm.
    const bool onlyName = m_problems.size() == 1 && t.name.isEmpty() && m_loadNotes.isEmpty();
    if (onlyName)
        m_problemLabel->setText(tr("Name the tailoring to save it."));
    m_problemLabel->setStyleSheet(onlyName ? QString() : kErrorStyle);
    m_problemLabel->setVisible(!shown.isEmpty());
    m_saveButton->setEnabled(canSave());
    if (m_path.isEmpty())
        m_saveButton->setToolTip(tr("Open a project to keep tailorings in it"));
    const int disabled = int(t.disabledChecks.size());
    m_tabs->setTabText(0, m_parameters->changedCount() ? tr("Parameters (%1 changed)").arg(m_parameters->changedCount())
                                                       : tr("Parameters"));
    m_tabs->setTabText(1, disabled || !t.severityOverrides.isEmpty()
                              ? tr("Checks (%1 disabled, %2 severities)").arg(disabled).arg(t.severityOverrides.size())
                              : tr("Checks"));
    emit validated();
}

void TailoringEditor::reloadVersions()
{
    const quint64 generation = ++m_generation;
    m_versions.clear();
    m_versionCombo->clear();
    m_loadButton->setEnabled(false);
    if (m_path.isEmpty() || m_templateId.isEmpty()) {
        m_versionCombo->addItem(m_path.isEmpty() ? tr("(no project open)") : tr("(none)"));
        m_versionCombo->setEnabled(false);
        return;
    }
    QPointer<TailoringEditor> self(this);
    TailoringQueries::listVersions(m_path, m_templateId)
        .then(this, [self, generation](const Result<QList<StoredTailoring>> &versions) {
            if (!self || self->m_generation != generation)
                return;
            if (!versions) {
                self->setStatus(tr("Cannot read the stored tailorings: %1").arg(versions.error().toString()), true);
                return;
            }
            self->m_versions = *versions;
            for (const StoredTailoring &v : self->m_versions)
                self->m_versionCombo->addItem(tr("%1 · v%2 · %3").arg(v.name, QString::number(v.version),
                                                                       v.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
            if (self->m_versions.isEmpty())
                self->m_versionCombo->addItem(tr("(none yet)"));
            self->m_versionCombo->setEnabled(!self->m_versions.isEmpty());
            self->m_loadButton->setEnabled(!self->m_versions.isEmpty());
            emit self->versionsLoaded(int(self->m_versions.size()));
        });
}

void TailoringEditor::save()
{
    refresh();
    if (!canSave()) {
        if (m_path.isEmpty())
            setStatus(tr("Open a project to keep the tailoring in it."), true);
        return;
    }
    const Tailoring t = currentTailoring();
    const QString yaml = tailoringToYaml(t);
    QList<qint64> known;
    for (const StoredTailoring &v : std::as_const(m_versions))
        known << v.id;
    m_saving = true;
    m_saveButton->setEnabled(false);
    setStatus(tr("Saving…"));
    QPointer<TailoringEditor> self(this);
    TailoringQueries::store(m_path, t.templateId, t.name, yaml, IssueQueries::operatorName())
        .then(this, [self, known, name = t.name](const Result<StoredTailoring> &stored) {
            if (!self)
                return;
            self->m_saving = false;
            self->m_saveButton->setEnabled(self->canSave());
            if (!stored) {
                self->setStatus(tr("Not saved: %1").arg(stored.error().toString()), true);
                emit self->saveFailed(stored.error().toString());
                return;
            }
            if (known.contains(stored->id))
                self->setStatus(tr("Unchanged: \"%1\" version %2 already holds this text.").arg(name, QString::number(stored->version)));
            else
                self->setStatus(tr("Saved \"%1\" version %2. Scan with it: triad-cli scan PROJECT --template %3 --tailoring \"%1\"")
                                    .arg(name, QString::number(stored->version), stored->templateId));
            self->reloadVersions();
            emit self->saved(stored->id, stored->version);
        });
}

void TailoringEditor::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? kErrorStyle : QString());
    m_status->setVisible(!text.isEmpty());
}

} // namespace triad
