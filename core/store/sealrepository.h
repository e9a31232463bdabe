#pragma once
// 封印: seal numbers placed (29.1) or removed. A number already used on another job is refused.
#include "model/result.h"
#include "model/types.h"

#include <QJsonObject>
#include <QList>

namespace ms {

class Database;
class Store;
class OutboxRepository;

class SealRepository
{
public:
    SealRepository(Database &db, Store &store, OutboxRepository &outbox);

    // Errors: "store.bad_input" (empty number/position, unknown job), "store.duplicate"
    // (number already recorded, message names the job's customer).
    Result<Seal> add(RowId jobId, const QString &position, const QString &number);
    // A task's seal (concentrator 集中器 / concentrator_box 集中器箱, cards 19.1 and 28.4); the
    // same number rule across jobs and tasks. Outbox payload names task_uuid (job_uuid "").
    Result<Seal> addForTask(RowId taskId, const QString &position, const QString &number);
    Result<void> remove(const QString &uuid);          // outbox op "delete"
    QList<Seal> forJob(RowId jobId);
    QList<Seal> forTask(RowId taskId);

private:
    Result<Seal> addFor(RowId jobId, RowId taskId, const QString &position, const QString &number);
    QList<Seal> listWhere(const QString &ownerColumn, RowId ownerId);
    static QJsonObject payloadOf(const Seal &s, const QString &ownerUuid);
    // After the commit: taskCardChanged for a task's seal, sealsChanged for a job's.
    void notifyChanged(RowId jobId, RowId taskId);

    Database &m_db;
    Store &m_store;
    OutboxRepository &m_outbox;
};

} // namespace ms
