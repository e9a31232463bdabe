#pragma once
// 封印: seal numbers placed (29.1) or removed. A number already used on another job is refused.
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

    // Errors: "store.bad_input" (empty number/position, unknown job), "store.duplicate"
    // (number already recorded, message names the job's customer).
    Result<Seal> add(RowId jobId, const QString &position, const QString &number);
    Result<void> remove(const QString &uuid);          // outbox op "delete"
    QList<Seal> forJob(RowId jobId);

private:
    Database &m_db;
    Store &m_store;
    OutboxRepository &m_outbox;
};

} // namespace ms
