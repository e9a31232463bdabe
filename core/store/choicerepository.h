#pragma once
// The choice made at a card's decision (e.g. 2.4 "surface" / "pole", 21.1 customer absent), for
// a job or a task (RecordOwner): one entry point, so the job service has no owner branch.
// Where it is kept differs by owner, on purpose (docs/decisions/0008-one-write-path.md): a job's
// choices are part of the job record (its `branches`, synced in the `job` entity the office
// merges by status), a task-level card's choice is part of that card's `task_card` record (with
// its completion). Merging them would change two wire entities the office already holds.
// One transaction when called outside one; the job service calls it inside its action.
#include "model/recordowner.h"
#include "model/result.h"

#include <QString>

namespace ms {

class JobRepository;
class TaskCardRepository;

class ChoiceRepository
{
public:
    ChoiceRepository(JobRepository &jobs, TaskCardRepository &taskCards)
        : m_jobs(jobs)
        , m_taskCards(taskCards)
    {}

    // "store.bad_input" for an empty card or choice on a job, an unknown owner.
    Result<void> set(const RecordOwner &owner, const QString &cardId, const QString &choice,
                     const QString &reason, const QString &userUuid);

private:
    JobRepository &m_jobs;
    TaskCardRepository &m_taskCards;
};

} // namespace ms
