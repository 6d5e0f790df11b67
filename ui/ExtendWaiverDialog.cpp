#include "ExtendWaiverDialog.h"

#include "PromptScript.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace triad {

ExtendWaiverDialog::ExtendWaiverDialog(qint64 waiverId, const QString &checkId, const QDate &currentExpiry, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Extend Waiver %1").arg(waiverId));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Waiver %1 of %2 expires %3. Choose a later day; the change is written to the audit log.")
                                 .arg(waiverId)
                                 .arg(checkId, currentExpiry.toString(Qt::ISODate)),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_date = new QDateEdit(this);
    m_date->setObjectName(QStringLiteral("extendWaiverDate"));
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setCalendarPopup(true);
    // Extending means later: an earlier day would be a different decision (End waiver).
    m_date->setMinimumDate(currentExpiry.addDays(1));
    m_date->setDate(currentExpiry.addMonths(3));
    auto *label = new QLabel(tr("&New expiry:"), this);
    label->setBuddy(m_date);
    auto *form = new QFormLayout;
    form->addRow(label, m_date);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("E&xtend"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_date->setFocus();
}

void ExtendWaiverDialog::setNewExpiry(const QDate &date)
{
    m_date->setDate(date);
}

QDate ExtendWaiverDialog::newExpiry() const
{
    return m_date->date();
}

namespace ExtendWaiverPrompt {

void setNextScript(Script script)
{
    PromptScript<ExtendWaiverDialog>::setNext(std::move(script));
}

void ask(QWidget *parent, qint64 waiverId, const QString &checkId, const QDate &currentExpiry,
         std::function<void(const QDate &)> accepted)
{
    auto *dialog = new ExtendWaiverDialog(waiverId, checkId, currentExpiry, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (Script script = PromptScript<ExtendWaiverDialog>::take()) {
        const bool yes = script(*dialog);
        const QDate date = dialog->newExpiry();
        dialog->close();
        if (yes)
            accepted(date);
        return;
    }
    dialog->setWindowModality(Qt::WindowModal);
    QObject::connect(dialog, &QDialog::accepted, dialog, [dialog, accepted] { accepted(dialog->newExpiry()); });
    dialog->open();
}

} // namespace ExtendWaiverPrompt

} // namespace triad
