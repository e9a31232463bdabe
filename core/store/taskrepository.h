#pragma once
// 换表工作任务 and its customers. Importing a task creates one job per customer, all in one
// transaction. Import is idempotent by uuid (a task pulled again updates, never duplicates).
#include "model/result.h"
#include "model/types.h"
#include "store/storetypes.h"

#include <QList>

namespace ms {

class Database;
class Store;
class OutboxRepository;

struct TaskImportResult
{
    Task task;
    int customersAdded = 0;
    int customersUpdated = 0;
    int jobsCreated = 0;
};

// What withdrawing customers did on this tablet.
struct WithdrawResult
{
    int customers = 0;      // customers whose personal data was removed
    int jobsRemoved = 0;    // jobs nothing was done on yet
    int jobsKept = 0;       // jobs with work captured: they stay and sync as usual
};

class TaskRepository
{
public:
    TaskRepository(Database &db, Store &store, OutboxRepository &outbox);

    // Stores the task and customers (uuids filled in when empty; a customer matching an
    // existing one by uuid, or by 户号 within the task, is updated) and creates the missing
    // jobs. Errors: "store.bad_input" (empty task name, empty or duplicate 户号), disk full, ...
    Result<TaskImportResult> importTask(const Task &task, const QList<Customer> &customers,
                                        Origin origin = Origin::Local);

    // Reads: a read that fails (a locked or damaged database) is an error, never an empty list.
    Result<QList<Task>> list();
    Result<Task> byId(RowId id);
    Result<Task> byUuid(const QString &uuid);
    Result<QList<Customer>> customers(RowId taskId);
    Result<Customer> customer(RowId customerId);
    Result<Customer> customerByUuid(const QString &uuid);
    Result<Customer> customerByAccount(const QString &accountNo);
    // Edits a customer (phone, new meter, mismatch flag, ...); bumps version, outbox row.
    Result<Customer> updateCustomer(const Customer &customer);

    // The office took this customer away from this tablet (moved to another crew): its name,
    // address and phone are removed at once, and its job too when nothing was done on it yet
    // (not started, no step, evidence, seal, form, register reading, no unsent change). Work
    // already captured stays and syncs as usual. No outbox row (the office knows); an unknown
    // uuid is nothing to do. A later import of the customer from the office brings it back.
    // (taskwithdrawal.cpp)
    Result<WithdrawResult> withdrawCustomer(const QString &customerUuid);
    // Every customer of the task, as withdrawCustomer.
    Result<WithdrawResult> withdrawTask(const QString &taskUuid);

private:
    Database &m_db;
    Store &m_store;
    OutboxRepository &m_outbox;
};

} // namespace ms
