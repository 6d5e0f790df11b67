#pragma once

#include <QDate>
#include <QDialog>

#include <functional>

class QDateEdit;

namespace triad {

/// Waivers › Extend: a later expiry date for a waiver that has not been ended (as
/// `triad-cli waive --extend ID --expires DATE`). The earliest date offered is the day after the
/// current expiry.
class ExtendWaiverDialog final : public QDialog {
    Q_OBJECT
public:
    ExtendWaiverDialog(qint64 waiverId, const QString &checkId, const QDate &currentExpiry, QWidget *parent = nullptr);

    void setNewExpiry(const QDate &date);
    [[nodiscard]] QDate newExpiry() const;

private:
    QDateEdit *m_date = nullptr;
};

/// Opens the dialog (window-modal, no nested event loop); `accepted` runs with the new date.
/// Tests script the next one: the script sees the dialog and returns whether to press Extend.
namespace ExtendWaiverPrompt {
using Script = std::function<bool(ExtendWaiverDialog &)>;
void ask(QWidget *parent, qint64 waiverId, const QString &checkId, const QDate &currentExpiry,
         std::function<void(const QDate &)> accepted);
void setNextScript(Script script);
} // namespace ExtendWaiverPrompt

} // namespace triad
