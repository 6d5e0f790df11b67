#include "WaiverDialog.h"
#include "PromptScript.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace triad {

WaiverDialog::WaiverDialog(const QString &checkId, const QString &assetName, const QStringList &tags,
                           QWidget *parent)
    : QDialog(parent), m_checkId(checkId), m_assetName(assetName)
{
    setWindowTitle(tr("Waive %1").arg(checkId));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("A waiver accepts the failure of a check for a time. From the next assessment on, its "
           "issues stay open but are shown as waived until it expires or is ended. The audit "
           "log keeps who created it."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    // The check comes from the selected issue: shown, not editable.
    auto *check = new QLabel(QStringLiteral("<code>%1</code>").arg(checkId.toHtmlEscaped()), this);
    check->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Check:"), check);

    m_scope = new QComboBox(this);
    m_scope->addItem(tr("Every asset"), int(Scope::AllAssets));
    if (!assetName.isEmpty())
        m_scope->addItem(tr("This asset: %1").arg(assetName), int(Scope::Asset));
    if (!tags.isEmpty())
        m_scope->addItem(tr("Assets with the tag"), int(Scope::Tag));
    m_scope->setObjectName(QStringLiteral("waiverScope"));
    m_tag = new QComboBox(this);
    m_tag->setObjectName(QStringLiteral("waiverTag"));
    m_tag->addItems(tags);
    auto *scopeRow = new QHBoxLayout;
    scopeRow->addWidget(m_scope, 1);
    scopeRow->addWidget(m_tag);
    auto *scopeLabel = new QLabel(tr("&Scope:"), this);
    scopeLabel->setBuddy(m_scope);
    form->addRow(scopeLabel, scopeRow);

    m_justification = new QPlainTextEdit(this);
    m_justification->setObjectName(QStringLiteral("waiverJustification"));
    m_justification->setPlaceholderText(tr("Why the failure is accepted, and what compensates for it"));
    m_justification->setTabChangesFocus(true);
    m_justification->setFixedHeight(90);
    form->addRow(tr("&Justification:"), m_justification);
    m_approver = new QLineEdit(this);
    m_approver->setObjectName(QStringLiteral("waiverApprover"));
    m_approver->setPlaceholderText(tr("Who accepted the risk"));
    form->addRow(tr("&Approver:"), m_approver);
    m_ticket = new QLineEdit(this);
    m_ticket->setObjectName(QStringLiteral("waiverTicket"));
    m_ticket->setPlaceholderText(tr("Optional, e.g. SEC-1234"));
    form->addRow(tr("&Ticket:"), m_ticket);
    m_expires = new QDateEdit(QDate::currentDate().addDays(90), this);
    m_expires->setObjectName(QStringLiteral("waiverExpires"));
    m_expires->setCalendarPopup(true);
    m_expires->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_expires->setMinimumDate(QDate::currentDate());
    form->addRow(tr("&Expires on:"), m_expires);
    layout->addLayout(form);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("waiverHint"));
    layout->addWidget(m_hint);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Waive"));
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &WaiverDialog::updateState);
    connect(m_justification, &QPlainTextEdit::textChanged, this, &WaiverDialog::updateState);
    connect(m_approver, &QLineEdit::textChanged, this, &WaiverDialog::updateState);
    updateState();
    resize(520, sizeHint().height());
}

void WaiverDialog::updateState()
{
    m_tag->setVisible(Scope(m_scope->currentData().toInt()) == Scope::Tag);
    const bool complete = isComplete();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(complete);
    m_hint->setText(complete ? QString() : tr("A justification and an approver are required."));
}

bool WaiverDialog::isComplete() const
{
    return !m_justification->toPlainText().trimmed().isEmpty() && !m_approver->text().trimmed().isEmpty()
        && m_expires->date().isValid();
}

Waiver WaiverDialog::waiver() const
{
    Waiver w;
    w.checkId = m_checkId;
    switch (Scope(m_scope->currentData().toInt())) {
    case Scope::AllAssets:
        break;
    case Scope::Asset:
        w.assetScope = QStringLiteral("asset:") + m_assetName;
        break;
    case Scope::Tag:
        w.assetScope = QStringLiteral("tag:") + m_tag->currentText();
        break;
    }
    w.justification = m_justification->toPlainText().trimmed();
    w.approver = m_approver->text().trimmed();
    w.ticket = m_ticket->text().trimmed();
    w.expiresOn = m_expires->date();
    return w;
}

void WaiverDialog::setScope(Scope scope, const QString &tag)
{
    const int index = m_scope->findData(int(scope));
    if (index >= 0)
        m_scope->setCurrentIndex(index);
    if (!tag.isEmpty())
        m_tag->setCurrentText(tag);
}

void WaiverDialog::setJustification(const QString &text)
{
    m_justification->setPlainText(text);
}

void WaiverDialog::setApprover(const QString &text)
{
    m_approver->setText(text);
}

void WaiverDialog::setTicket(const QString &text)
{
    m_ticket->setText(text);
}

void WaiverDialog::setExpiresOn(const QDate &date)
{
    m_expires->setDate(date);
}

QString WaiverDialog::checkId() const
{
    return m_checkId;
}

namespace WaiverPrompt {
void setNextScript(Script script)
{
    PromptScript<WaiverDialog>::setNext(std::move(script));
}

void ask(QWidget *parent, const QString &checkId, const QString &assetName, const QStringList &tags,
         std::function<void(const Waiver &)> accepted)
{
    auto *dialog = new WaiverDialog(checkId, assetName, tags, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (Script script = PromptScript<WaiverDialog>::take()) {
        const bool accept = script(*dialog) && dialog->isComplete();
        const Waiver waiver = dialog->waiver();
        dialog->close();
        if (accept)
            accepted(waiver);
        return;
    }
    QObject::connect(dialog, &QDialog::accepted, dialog, [dialog, accepted] { accepted(dialog->waiver()); });
    dialog->open();
}

} // namespace WaiverPrompt

} // namespace triad
