#pragma once
// 步骤记录: the step ticks of a card, one row per (owner, card, step). The owner is a customer's
// job, or a task for a task-level card (model/recordowner.h). Each change bumps the row's version
// and appends an outbox row (entity "step"; payload job_uuid, or job_uuid "" and task_uuid) in one
// transaction.
//
//   auto s = store.steps().setStep(ms::RecordOwner::job(jobId), "21.4", 2, true, userUuid);
//   auto ticks = store.steps().list(ms::RecordOwner::task(taskId), "2.4"); // Result: a read can
//   fail
#include "model/recordowner.h"
#include "model/result.h"
#include "model/types.h"

#include <QList>

namespace ms {

class Database;
class Store;
class OutboxRepository;

class StepRepository
{
public:
    StepRepository(Database &db, Store &store, OutboxRepository &outbox);

    // Ticks or unticks a step; the time is kept to the millisecond (what the outbox carries).
    // Errors: "store.bad_input" (empty card, negative index, an owner not on this device),
    // "store.disk_full", "store.busy".
    Result<StepRecord> setStep(const RecordOwner &owner, const QString &cardId, int stepIndex,
                               bool done, const QString &userUuid);
    // The owner's step records of one card (empty: every card), by card and step.
    Result<QList<StepRecord>> list(const RecordOwner &owner, const QString &cardId = {});

private:
    Database &m_db;
    Store &m_store;
    OutboxRepository &m_outbox;
};

} // namespace ms
