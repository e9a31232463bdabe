#pragma once
// 台区/任务作业卡: the cards done once per task (transformer area / concentrator) rather than per
// customer — signal survey, concentrator mounting and install, its checks, parameters — grouped
// by phase, each with who does it and how far it is (done / steps and evidence so far). Tapping
// a card opens the same card walker as a job, on the task's session.
#include "appcontext.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace ms {

class JobSession;

class TaskCardsPage : public QWidget
{
    Q_OBJECT
public:
    TaskCardsPage(AppContext &ctx, JobSession &taskSession, QWidget *parent = nullptr);

    void refresh();
    // The row button of a card (tests tap it), nullptr when not listed.
    QPushButton *cardButton(const QString &cardId) const;
    QString summaryText() const;

signals:
    void cardOpened(const QString &cardId);

private:
    AppContext &m_ctx;
    JobSession &m_session;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QScrollArea *m_scroll = nullptr;
    QVBoxLayout *m_list = nullptr; // a title and a two-column grid per phase (rebuilt)
    QPushButton *m_continue = nullptr;
};

} // namespace ms
