#pragma once
// 工单: the customer, the old and new meter, seals, and how far the job has come through its
// cards, with one big button to carry on where it stands.
#include "appcontext.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace ms {

class JobSession;

class JobPage : public QWidget
{
    Q_OBJECT
public:
    JobPage(AppContext &ctx, JobSession &session, QWidget *parent = nullptr);
    void refresh();

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
    QVBoxLayout *m_progress = nullptr;
    QPushButton *m_continue = nullptr;
};

} // namespace ms
