#pragma once
// 档案与抄读核查（维护口）: flows 37.2 and 38.1 for the whole 台区 at once. Reads the
// concentrator's meter archive (F10) and compares it with the meters this task installed
// (missing, extra, wrong protocol, one address on two points), then asks for every household's
// current reading (F129) and judges it against the new meter's start reading. Shows the success
// rate, 38.2's work list (every household not read or not plausible) and the list for the master
// station (报装联络单, appendix 3); saving files each household's 37.2 / 38.1 result and 37.1's
// archive count through the job service.
#include "appcontext.h"
#include "meter/concentrator/archivecheck.h"
#include "meter/concentrator/concentratorclient.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace ms {

class JobSession;
class PortPicker;

class ConcentratorCheckPage : public QWidget
{
    Q_OBJECT
public:
    ConcentratorCheckPage(AppContext &ctx, JobSession &session, QWidget *parent = nullptr);
    ~ConcentratorCheckPage() override;

    // For tests.
    PortPicker *portPicker() const { return m_ports; }
    QComboBox *baudBox() const { return m_baud; }
    QLineEdit *addressEdit() const { return m_address; }
    QPushButton *checkButton() const { return m_check; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *writeMissingButton() const { return m_writeMissing; }
    QLineEdit *passwordEdit() const { return m_password; }
    QTableWidget *table() const { return m_table; }
    QString statusText() const;
    QString summaryText() const;
    QString masterListText() const;
    void setReplyTimeoutMs(int ms) { m_timeoutMs = ms; }

public slots:
    void runCheck();
    void save();
    // Only when the office allows it for this task (Task::concentratorArchiveWrite): writes the
    // missing meters into the archive (AFN 04 F10 with the password), then checks again.
    void writeMissing();

signals:
    void checkFinished(bool ok);
    void finished(bool saved);

private:
    void buildUi();
    void setStatus(const QString &text, bool error = false);
    void onArchive(const meter::ConcentratorArchive &archive);
    void onEnergy(const meter::ConcentratorEnergy &energy);
    void showResult();

    AppContext &m_ctx;
    JobSession &m_session;
    int m_timeoutMs = 2000;
    std::unique_ptr<meter::SerialLink> m_link;
    std::unique_ptr<meter::ConcentratorClient> m_client;
    QList<meter::InstalledMeter> m_installed;
    meter::ConcentratorArchive m_archive;
    meter::ArchiveDiff m_diff;
    std::optional<meter::ReadCheck> m_result;
    int m_requests = 0;
    QStringList m_written; // comm addresses written into the archive from this page

    PortPicker *m_ports = nullptr;
    QComboBox *m_baud = nullptr;
    QLineEdit *m_address = nullptr;
    QPushButton *m_check = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_writeMissing = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_writeNote = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QPlainTextEdit *m_masterList = nullptr;
};

} // namespace ms
