#pragma once
// 工单: job list/search and job state (current card, status, branch choices, appointment). Each
// change bumps the record version and appends an outbox row. Step ticks: StepRepository.
#include "model/result.h"
#include "model/types.h"
#include "store/storetypes.h"

#include <QList>

namespace ms {

class Database;
class Store;
class OutboxRepository;

class JobRepository
{
public:
    JobRepository(Database &db, Store &store, OutboxRepository &outbox);

    // One page, ordered by task then 表箱号/户号. Fast with 10,000 jobs (indexed search table).
    // A read that fails is an error ("store.busy", "store.corrupt"), never an empty page.
    Result<QList<JobListItem>> list(const JobQuery &query);
    Result<int> count(const JobQuery &query);      // ignores limit/offset
    Result<Job> byId(RowId id);
    Result<Job> byUuid(const QString &uuid);
    Result<Job> forCustomer(RowId customerId);

    Result<Job> setCurrentCard(RowId jobId, const QString &cardId);
    Result<Job> setStatus(RowId jobId, JobStatus status); // sets startedAt/finishedAt as fits
    // Records the choice at a decision point ("customer_presence" → "appointment", "客户出差").
    Result<Job> recordBranch(RowId jobId, const QString &decisionId, const QString &choice,
                             const QString &reason);
    Result<Job> setAppointment(RowId jobId, const QDateTime &at); // null clears
    // Saves a whole job state at once (card, status, branches, appointment): one version bump.
    Result<Job> update(const Job &job);

private:
    Database &m_db;
    Store &m_store;
    OutboxRepository &m_outbox;
};

} // namespace ms
