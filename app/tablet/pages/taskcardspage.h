#pragma once
// 台区/任务作业卡: the cards done once per task (transformer area / concentrator) rather than per
// customer — signal survey, concentrator mounting and install, its checks, parameters — grouped
// by phase, each with who does it and how far it is (done / steps and evidence so far). Tapping
// a card opens the same card walker as a job, on the task's session.
//
// 只看我的作业卡 (on by default for the crew: installers and crew leaders) lists only the cards
// of the signed-in person's roles; off lists all. Above the cards, 本任务的封印: the seals
// recorded on the task (concentrator, concentrator box) with position, card and time.
#include "appcontext.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace ms {

class JobSession;
class PageHeader;

class TaskCardsPage : public QWidget
{
    Q_OBJECT
public:
    TaskCardsPage(AppContext &ctx, JobSession &taskSession, QWidget *parent = nullptr);

    void refresh();
    // The row button of a card (tests tap it), nullptr when not listed.
    QPushButton *cardButton(const QString &cardId) const;
    QString summaryText() const;
    QPushButton *mineOnlyToggle() const { return m_mineOnly; }
    // Whether the crew sees only its own roles' cards at first.
    static bool mineOnlyByDefault(const QStringList &roles);

signals:
    void cardOpened(const QString &cardId);

private:
    QWidget *buildSeals();

    AppContext &m_ctx;
    JobSession &m_session;
    PageHeader *m_header = nullptr;
    QPushButton *m_mineOnly = nullptr;
    QScrollArea *m_scroll = nullptr;
    QVBoxLayout *m_list = nullptr; // a title and a two-column grid per phase (rebuilt)
    QWidget *m_seals = nullptr;    // holds the seal strip (rebuilt)
    QPushButton *m_continue = nullptr;
};

} // namespace ms
