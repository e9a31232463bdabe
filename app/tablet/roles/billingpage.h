#pragma once
// 33.1 电费信息审核 (issue 14 §4): approved jobs waiting for the billing check (GET
// office/billing/queue) with old 止码 total and the four tariffs, new 起码, 机电不符 difference
// and tier, prepaid balance; 确认 (Ctrl+Enter) or 退回内勤 (Ctrl+B) with a reason, through
// OfficeDesk (queued when the office is unreachable). 导出 saves the office's UTF-8 CSV of the
// confirmed jobs not exported before; the export log lists every batch, 重新导出 saves one again.
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ms {

namespace sync {
class OfficeDesk;
}

class BillingPage : public QWidget
{
    Q_OBJECT
public:
    explicit BillingPage(sync::OfficeDesk &desk, QWidget *parent = nullptr);

    QTableWidget *queue() const { return m_queue; }
    QTableWidget *exportLog() const { return m_log; }
    QLineEdit *reasonText() const { return m_reason; }
    bool isLoading() const { return m_pending > 0; }
    QString status() const;
    QString jobUuidAt(int row) const;
    // Asks the office for a CSV (`batch` empty = the confirmed jobs not exported yet) and writes
    // it to `path`; the outcome is in status() and exported().
    void exportTo(const QString &path, const QString &batch = {});

public slots:
    void reload();
    void confirmSelected();
    void sendBackSelected();

signals:
    void exported(const QString &path, bool ok);
    void loaded(int count); // the queue's rows after an answer (fresh or kept)

private:
    void fillQueue(const QJsonObject &answer);
    void fillLog(const QJsonObject &answer);
    void setStatus(const QString &text, bool error = false);
    QString selectedJob() const;

    sync::OfficeDesk &m_desk;
    QLabel *m_status = nullptr;
    QTableWidget *m_queue = nullptr;
    QTableWidget *m_log = nullptr;
    QLineEdit *m_reason = nullptr;
    int m_pending = 0;
};

} // namespace ms
