#pragma once
// 作业卡: one card at a time — steps as large check items, check points, precautions, the
// evidence slots with their state, decision buttons where the flow branches, back / complete.
// Completing a card that still lacks something names exactly what is missing.
#include "appcontext.h"
#include "widgets/evidenceslot.h"

#include <QLineEdit>
#include <QPointer>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;

namespace ms {

class JobSession;
class PageHeader;

class CardWalkerPage : public QWidget
{
    Q_OBJECT
public:
    CardWalkerPage(AppContext &ctx, JobSession &session, const QString &cardId,
                   QWidget *parent = nullptr);

    QString cardId() const { return m_cardId; }
    void setCard(const QString &cardId);
    // The same as tapping the buttons (also used by tests).
    bool toggleStep(int index);
    bool chooseBranch(const QString &choice, const QString &reason = {});
    bool completeCard();   // true when the walk moved on (or finished)
    void goBack();
    QString missingText() const;

signals:
    void evidenceRequested(const QString &cardId, const QString &key, ms::EvidenceSlot::Action action);
    void concentratorRequested(const QString &cardId); // 36.x, 37.2, 38.1: maintenance port
    void jobFinished();          // the walk ended (a task session: the task-level walk ended)
    void listRequested();        // task session: back to the task's card list
    void messageRaised(const QString &text); // errors to show in the window's message bar

private:
    void rebuild();
    QWidget *buildSteps(const Card &card, const CardProgress &progress);
    QWidget *buildEvidence(const Card &card, const CardProgress &progress);
    QWidget *buildDecision(const Card &card, const CardProgress &progress);
    void onSlotAction(const QString &key, EvidenceSlot::Action action);
    QString previousCard() const;

    AppContext &m_ctx;
    JobSession &m_session;
    QString m_cardId;
    PageHeader *m_header = nullptr;
    QScrollArea *m_scroll = nullptr;
    QLabel *m_missing = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_complete = nullptr;
    QPointer<QLineEdit> m_reason; // lives in the rebuilt content
    QString m_pendingReason;
    bool m_rebuildPending = false;
};

} // namespace ms
