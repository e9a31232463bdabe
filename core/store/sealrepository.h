#pragma once
// 封印: seal numbers placed (29.1) or removed. A number already used on another job is refused.
#include "model/recordowner.h"
#include "model/result.h"
#include "model/types.h"

#include <QList>

namespace ms {

class Database;
class Store;
class OutboxRepository;

class SealRepository
{
public:
    SealRepository(Database &db, Store &store, OutboxRepository &outbox);

    // A seal of a job's meter or box, or of a task (concentrator 集中器 / concentrator_box 集中器箱,
    // cards 19.1 and 28.4); one number rule across jobs and tasks. Errors: "store.bad_input"
    // (empty number/position, an owner not on this device), "store.duplicate" (number already
    // recorded, the message names the customer or the task).
    Result<Seal> add(const RecordOwner &owner, const QString &position, const QString &number);
    Result<void> remove(const QString &uuid);          // outbox op "delete"
    // The owner's seals not removed, in the order they were recorded. A failed read is an error.
    Result<QList<Seal>> list(const RecordOwner &owner);

private:
    // After the commit: taskCardChanged for a task's seal, sealsChanged for a job's.
    void notifyChanged(const RecordOwner &owner);

    Database &m_db;
    Store &m_store;
    OutboxRepository &m_outbox;
};

} // namespace ms
