#include "workflow/taskcards.h"

#include <QCoreApplication>

namespace ms {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ms::TaskCards", text);
}
} // namespace

const TaskCardState *TaskCardsOverview::find(const QString &cardId) const
{
    for (const TaskCardState &s : cards)
        if (s.card->id == cardId)
            return &s;
    return nullptr;
}

TaskCards::TaskCards(const Catalog &catalog, const Workflow &workflow)
    : m_catalog(catalog), m_workflow(workflow)
{
}

QList<const Card *> TaskCards::taskLevelCards(const Catalog &catalog)
{
    QList<const Card *> out;
    for (const Card &c : catalog.cards)
        if (isTaskLevel(c))
            out << &c;
    return out;
}

TaskCardsOverview TaskCards::overview(const JobSnapshot &task, const QSet<QString> &completed) const
{
    TaskCardsOverview o;
    for (const Card *card : taskLevelCards(m_catalog)) {
        TaskCardState s;
        s.card = card;
        const Phase *phase = m_catalog.phaseOfFlow(card->flow);
        s.phaseName = phase ? phase->name : QString();
        s.progress = m_workflow.progress(task, card->id);
        const bool complete = s.progress.canComplete && !s.progress.needsDecision;
        if (completed.contains(card->id) && complete) {
            s.status = TaskCardStatus::Done;
            ++o.done;
        } else if (s.progress.started || completed.contains(card->id)) {
            s.status = TaskCardStatus::InProgress;
            ++o.inProgress;
        }
        o.cards << s;
    }
    return o;
}

Result<QString> TaskCards::complete(const JobSnapshot &task, const QString &cardId) const
{
    const Card *card = m_catalog.card(cardId);
    if (!card)
        return makeError(QStringLiteral("workflow.unknown_card"),
                         tr("作业卡目录中没有卡片 %1：请更新作业卡目录").arg(cardId));
    if (!isTaskLevel(*card))
        return makeError(QStringLiteral("workflow.not_task_level"),
                         tr("卡片 %1 按户办理，请在工单里完成它。").arg(cardId));
    if (auto ready = Workflow::checkComplete(m_workflow.progress(task, cardId)); !ready)
        return ready.error();
    if (card->next.isEmpty())
        return QString();
    auto edge = m_workflow.nextEdge(task, cardId);
    if (!edge)
        return edge.error();
    const Card *next = m_catalog.card(edge->to);
    return next && isTaskLevel(*next) ? edge->to : QString();
}

} // namespace ms
