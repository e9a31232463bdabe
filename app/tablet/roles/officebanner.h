#pragma once
// The office workstation's banner (issue 14 §2): when the office server cannot be reached it
// says so, naming the server and the error, with 重试; and it shows the decisions made here
// that have not reached the office yet (queued in the local store, sent when it answers).
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace ms {

namespace sync {
class OfficeDesk;
}

class OfficeBanner : public QWidget
{
    Q_OBJECT
public:
    explicit OfficeBanner(sync::OfficeDesk &desk, QWidget *parent = nullptr);

    QString unreachableText() const; // empty while the office answers
    int pendingCount() const { return m_pendingCount; }
    QListWidget *pendingList() const { return m_list; }
    QPushButton *retryButton() const { return m_retry; }

public slots:
    void refresh();

private:
    sync::OfficeDesk &m_desk;
    QWidget *m_down = nullptr;
    QLabel *m_downText = nullptr;
    QPushButton *m_retry = nullptr;
    QLabel *m_pendingText = nullptr;
    QPushButton *m_showPending = nullptr;
    QListWidget *m_list = nullptr;
    int m_pendingCount = 0;
};

} // namespace ms
