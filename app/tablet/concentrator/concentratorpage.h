#pragma once
// 集中器参数（维护口）: flows 36.1–36.5 over the concentrator's maintenance port in Q/GDW 1376.1.
// Reads the concentrator's master station (main, backup), APN and terminal address beside the
// parameter sheet (the task's 36.x values, typed once), sets what differs with the password the
// office issued, reads back, and saves the read-back values and every frame as evidence on the
// cards through the job service. The keypad route of the cards stays as the fallback.
#include "appcontext.h"
#include "meter/concentrator/concentratorclient.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ms {

class JobSession;
class PortPicker;

class ConcentratorPage : public QWidget
{
    Q_OBJECT
public:
    ConcentratorPage(AppContext &ctx, JobSession &session, const QString &cardId,
                     QWidget *parent = nullptr);
    ~ConcentratorPage() override;

    // For tests.
    PortPicker *portPicker() const { return m_ports; }
    QComboBox *baudBox() const { return m_baud; }
    QLineEdit *addressEdit() const { return m_address; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *masterEdit() const { return m_master; }
    QLineEdit *backupEdit() const { return m_backup; }
    QLineEdit *apnEdit() const { return m_apn; }
    QLineEdit *sheetAddressEdit() const { return m_sheetAddress; }
    QPushButton *readButton() const { return m_read; }
    QPushButton *discoverButton() const { return m_discover; }
    QPushButton *setButton() const { return m_set; }
    QPushButton *saveButton() const { return m_save; }
    QTableWidget *table() const { return m_table; }
    QString statusText() const;
    void setReplyTimeoutMs(int ms) { m_timeoutMs = ms; }

public slots:
    void readConcentrator();
    void discoverAddress(); // broadcast F89: the terminal on the port says its address
    void setDiffering();
    void save();

signals:
    void busyChanged(bool busy);
    void operationFinished(bool ok); // a read or a set (with its read-back) ended
    void finished(bool saved);

private:
    void buildUi();
    void prefill();
    bool openLink(bool needAddress = true);
    void setBusy(bool busy);
    void setStatus(const QString &text, bool error = false);
    void showParameters(const meter::ConcentratorParameters &p);
    void refreshTable();
    std::optional<meter::ConcentratorParameterSet> differences(QString *problem) const;

    AppContext &m_ctx;
    JobSession &m_session;
    QString m_cardId;
    int m_timeoutMs = 2000;
    std::unique_ptr<meter::SerialLink> m_link;
    std::unique_ptr<meter::ConcentratorClient> m_client;
    std::optional<meter::ConcentratorParameters> m_params; // the latest read (or read-back)
    meter::ConcentratorTraffic m_traffic;                  // every frame since the page opened
    bool m_written = false;

    PortPicker *m_ports = nullptr;
    QComboBox *m_baud = nullptr;
    QLineEdit *m_address = nullptr;
    QLabel *m_addressForms = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_master = nullptr;
    QLineEdit *m_backup = nullptr;
    QLineEdit *m_apn = nullptr;
    QLineEdit *m_sheetAddress = nullptr;
    QPushButton *m_read = nullptr;
    QPushButton *m_discover = nullptr;
    QPushButton *m_set = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace ms
