#pragma once
// 工单 and 步骤记录: job list/search, job state (current card, status, branch choices,
// appointment) and step ticks. Each change bumps the record version and appends an outbox row.
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
    QList<JobListItem> list(const JobQuery &query);
    int count(const JobQuery &query);              // ignores limit/offset
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

    // Ticks or unticks a step. One row per (job, card, step); each change bumps its version.
    Result<StepRecord> setStep(RowId jobId, const QString &cardId, int stepIndex, bool done,
                               const QString &userUuid);
    QList<StepRecord> steps(RowId jobId, const QString &cardId = {}); // empty card = all

private:
    Database &m_db;
    Store &m_store;
    OutboxRepository &m_outbox;
};

} // namespace ms
