#pragma once

#include <QWidget>

#include <memory>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace triad {

class AttestationTableModel;
class Catalog;
class WaiverTableModel;

/// The waiver and attestation registers of a project, and "End waiver" on an active waiver.
class RegisterView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegisterView)
public:
    explicit RegisterView(QWidget *parent = nullptr);

    void setProject(const QString &path);
    void clear();
    void reload();
    /// The templates the Record Attestation dialog offers; until they arrive the button is disabled.
    void setCatalog(std::shared_ptr<const Catalog> catalog);

    [[nodiscard]] WaiverTableModel *waiverModel() const { return m_waivers; }
    [[nodiscard]] AttestationTableModel *attestationModel() const { return m_attestations; }
    /// Ends the selected waiver with the reason typed next to the button (what the button does).
    void endSelectedWaiver();
    /// Opens the Record Attestation dialog (AttestationPrompt); the register reloads once it is stored.
    void recordAttestation();
    /// Asks for a later expiry of the selected waiver (ExtendWaiverPrompt) and writes it.
    void extendSelectedWaiver();

signals:
    void registerLoaded();
    void waiverEnded(qint64 waiverId);
    void attestationRecorded(qint64 attestationId);
    void waiverExtended(qint64 waiverId);

private:
    void buildUi();
    void updateEndButton();
    void buildExtendButton(QHBoxLayout *bar, QWidget *pane);
    void updateExtendButton();
    void setStatus(const QString &text, bool error = false);

    QString m_path;
    std::shared_ptr<const Catalog> m_catalog;
    QPushButton *m_recordButton = nullptr;
    quint64 m_generation = 0;
    WaiverTableModel *m_waivers = nullptr;
    AttestationTableModel *m_attestations = nullptr;
    QStackedWidget *m_waiverStack = nullptr;
    QStackedWidget *m_attestationStack = nullptr;
    QTableView *m_waiverTable = nullptr;
    QTableView *m_attestationTable = nullptr;
    QLabel *m_waiverSummary = nullptr;
    QLineEdit *m_endReason = nullptr;
    QPushButton *m_endButton = nullptr;
    QPushButton *m_extendButton = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace triad
