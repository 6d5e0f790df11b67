#include "HostKeyDialog.h"
#include "PromptScript.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace triad {

HostKeyDialog::HostKeyDialog(const QString &assetName, const QString &where, const HostKeyInfo &key, QWidget *parent)
    : QDialog(parent), m_key(key)
{
    setWindowTitle(tr("Unknown Host Key — %1").arg(assetName));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxQuestion).pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);
    top->addWidget(icon);
    m_text = tr("<p><b>%1</b> (%2) presented a host key that this project has not seen before and that is not "
                "in your known_hosts file.</p>"
                "<p>Compare the fingerprint with the one the host's administrator gives you, for example the "
                "output of <code>ssh-keygen -lf /etc/ssh/ssh_host_%3_key.pub</code> on the host. Trust it only "
                "if they match: Triad then pins it, and refuses to connect if the host ever presents another "
                "key.</p>")
                 .arg(assetName.toHtmlEscaped(), where.toHtmlEscaped(),
                      QString(key.type).remove(QStringLiteral("ssh-")).toHtmlEscaped());
    auto *text = new QLabel(m_text, this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    top->addWidget(text, 1);
    layout->addLayout(top);

    auto *type = new QLabel(this);
    type->setTextFormat(Qt::PlainText);
    type->setText(tr("Key type: %1").arg(key.type));
    layout->addWidget(type);
    auto *fingerprint = new QLabel(key.sha256, this);
    fingerprint->setObjectName(QStringLiteral("hostKeyFingerprint"));
    fingerprint->setTextFormat(Qt::PlainText);
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    fingerprint->setFocusPolicy(Qt::StrongFocus);   // QLabel does not take Tab focus by itself
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.15);
    fingerprint->setFont(mono);
    fingerprint->setFrameShape(QFrame::StyledPanel);
    fingerprint->setBackgroundRole(QPalette::Base);
    fingerprint->setAutoFillBackground(true);
    fingerprint->setMargin(8);
    layout->addWidget(fingerprint);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *trust = buttons->addButton(tr("&Trust and Pin"), QDialogButtonBox::AcceptRole);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    trust->setAutoDefault(false);
    cancel->setDefault(true);
    cancel->setFocus();
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(620, sizeHint().height());
}

QString HostKeyDialog::shownText() const
{
    return m_text + QLatin1Char('\n') + m_key.sha256;
}

namespace HostKeyPrompt {
void setNextScript(Script script)
{
    PromptScript<HostKeyDialog>::setNext(std::move(script));
}

void ask(QWidget *parent, const QString &assetName, const QString &where, const HostKeyInfo &key,
         std::function<void(bool trusted)> decided)
{
    auto *dialog = new HostKeyDialog(assetName, where, key, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (Script script = PromptScript<HostKeyDialog>::take()) {
        const bool trusted = script(*dialog);
        dialog->close();
        decided(trusted);
        return;
    }
    QObject::connect(dialog, &QDialog::finished, dialog, [decided](int result) { decided(result == QDialog::Accepted); });
    dialog->open();
}

} // namespace HostKeyPrompt

} // namespace triad
