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
    // `localRoles`: the signed-in user's roles; GET whoami tells the token's, and the banner says
    // which office role this PC's token lacks for them.
    OfficeBanner(sync::OfficeDesk &desk, const QStringList &localRoles, QWidget *parent = nullptr);

    QString identityText() const; // "办公室服务器 …：王芳（office_clerk）", or why it is unknown
    QStringList tokenRoles() const { return m_tokenRoles; }

    QString unreachableText() const; // empty while the office answers
    int pendingCount() const { return m_pendingCount; }
    QListWidget *pendingList() const { return m_list; }
    QPushButton *retryButton() const { return m_retry; }
    // Sets the selected refused decision aside (the office will not take it; the clerk has read
    // why). Enabled only while a refused decision is selected.
    QPushButton *setAsideButton() const { return m_setAside; }

public slots:
    void refresh();
    void askWhoAmI();

private slots:
    void setAsideSelected();

private:
    sync::OfficeDesk &m_desk;
    QWidget *m_down = nullptr;
    QLabel *m_downText = nullptr;
    QPushButton *m_retry = nullptr;
    QLabel *m_pendingText = nullptr;
    QPushButton *m_showPending = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_setAside = nullptr;
    QLabel *m_setAsideError = nullptr;
    int m_pendingCount = 0;
    QStringList m_localRoles;
    QStringList m_tokenRoles;
    QLabel *m_identity = nullptr;
};

} // namespace ms
