#pragma once

#include "db/IssueTypes.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace triad {

/// Asks for a waiver of one check: scope (all assets, one asset, assets with a tag),
/// justification, approver, ticket and expiry date.
class WaiverDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WaiverDialog)
public:
    /// `assetName` is offered as the "this asset" scope; `tags` as the tag scopes.
    WaiverDialog(const QString &checkId, const QString &assetName, const QStringList &tags,
                 QWidget *parent = nullptr);

    /// The waiver as entered; valid to store when isComplete().
    [[nodiscard]] Waiver waiver() const;
    [[nodiscard]] bool isComplete() const;

    // For scripted tests: the fields, by role.
    enum class Scope { AllAssets, Asset, Tag };
    void setScope(Scope scope, const QString &tag = {});
    void setJustification(const QString &text);
    void setApprover(const QString &text);
    void setTicket(const QString &text);
    void setExpiresOn(const QDate &date);
    [[nodiscard]] QString checkId() const;
    [[nodiscard]] QString assetName() const { return m_assetName; }

private:
    void updateState();

    QString m_checkId;
    QString m_assetName;
    QComboBox *m_scope = nullptr;
    QComboBox *m_tag = nullptr;
    QPlainTextEdit *m_justification = nullptr;
    QLineEdit *m_approver = nullptr;
    QLineEdit *m_ticket = nullptr;
    QDateEdit *m_expires = nullptr;
    QLabel *m_hint = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

/// Shows a WaiverDialog without a nested event loop and reports an accepted waiver. Tests script
/// the next dialog instead of showing it, as KeePassXC's MessageBox::setNextAnswer does: the
/// script fills the dialog and returns whether to accept it.
namespace WaiverPrompt {
using Script = std::function<bool(WaiverDialog &)>;
void ask(QWidget *parent, const QString &checkId, const QString &assetName, const QStringList &tags,
         std::function<void(const Waiver &)> accepted);
void setNextScript(Script script);
} // namespace WaiverPrompt

} // namespace triad
