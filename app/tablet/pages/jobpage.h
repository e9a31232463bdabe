#pragma once
// 工单: the customer, the old and new meter, seals, and how far the job has come through its
// cards, with one big button to carry on where it stands. After the office's review: a job sent
// back (退回) lists each item with its reason, the button opens the first item still to re-do and,
// once all are re-done, offers 重新提交; an approved job is shown read-only (已审核通过).
#include "appcontext.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace ms {

class JobSession;
struct ReviewStatus;

class JobPage : public QWidget
{
    Q_OBJECT
public:
    JobPage(AppContext &ctx, JobSession &session, QWidget *parent = nullptr);
    void refresh();
    // What the big button does now (tests): open a card, resubmit, or nothing.
    QString primaryAction() const { return m_action; }

signals:
    void cardOpened(const QString &cardId);

private:
    AppContext &m_ctx;
    JobSession &m_session;
    QLabel *m_customer = nullptr;
    QLabel *m_oldMeter = nullptr;
    QLabel *m_newMeter = nullptr;
    QLabel *m_seals = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_review = nullptr; // the office's review: items sent back, or approved
    QVBoxLayout *m_progress = nullptr;
    QPushButton *m_continue = nullptr;
    QString m_action;     // "open" | "resubmit" | ""
    QString m_actionCard; // the card "open" goes to
    void showReview(const ReviewStatus &review);
};

} // namespace ms
