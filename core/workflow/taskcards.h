#pragma once
// 台区/任务作业卡: the cards done once per task (card scope "task": signal survey 2.x,
// concentrator mounting 4.x, concentrator install 19.1, its checks 27.5 / 28.4, parameters 36.x
// …), not per customer. A task's records are turned into a JobSnapshot (ticks, evidence values,
// choices) like a job's, so progress and edges follow the same rules; which of the cards are done
// comes from the completions the store keeps (task_cards.completed_at).
//
//   TaskCards cards(catalog, workflow);
//   TaskCardsOverview o = cards.overview(snapshot, completedIds);   // list + counts
//   Result<QString> next = cards.complete(snapshot, "2.4");          // next task card or ""
#include "catalog/catalog.h"
#include "model/result.h"
#include "workflow/jobsnapshot.h"
#include "workflow/workflow.h"

#include <QList>
#include <QSet>
#include <QString>

namespace ms {

enum class TaskCardStatus { NotStarted, InProgress, Done };

struct TaskCardState
{
    const Card *card = nullptr;  // never null in an overview
    QString phaseName;           // 阶段, for grouping
    CardProgress progress;
    TaskCardStatus status = TaskCardStatus::NotStarted;
};

struct TaskCardsOverview
{
    QList<TaskCardState> cards;  // manual order
    int done = 0;
    int inProgress = 0;
    const TaskCardState *find(const QString &cardId) const;
};

class TaskCards
{
public:
    TaskCards(const Catalog &catalog, const Workflow &workflow);

    // Every card whose scope is "task", in manual order.
    static QList<const Card *> taskLevelCards(const Catalog &catalog);
    static bool isTaskLevel(const Card &card) { return card.scope == QLatin1String("task"); }

    // A card is Done when it was completed and is still complete (a step unticked afterwards
    // makes it InProgress again), InProgress when anything is recorded, else NotStarted.
    TaskCardsOverview overview(const JobSnapshot &task, const QSet<QString> &completed) const;

    // Leaving a task-level card: an error naming what is missing ("workflow.incomplete"), else
    // the next card when the flow goes on to another task-level card, "" when it leaves task
    // scope (e.g. 19.1 → 20.1, a customer's job) or ends.
    Result<QString> complete(const JobSnapshot &task, const QString &cardId) const;

private:
    const Catalog &m_catalog;
    const Workflow &m_workflow;
};

} // namespace ms
