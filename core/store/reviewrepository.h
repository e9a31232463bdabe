#pragma once
// 内勤审核结论 on the tablet: the office's decisions on this tablet's jobs, pulled with the
// assignments (entity "review", docs/sync-protocol.md "Reviews") and kept in job_reviews. They
// are the office's records: stored without an outbox row (never pushed back), idempotent on a
// re-pulled uuid. A sent-back review remembers the highest evidence id at its arrival, so the
// items re-done after it can be told apart from what was there before (local ids, no clocks).
#include "model/result.h"
#include "model/review.h"

#include <QList>
#include <optional>

namespace ms {

class Database;
class Store;

class ReviewRepository
{
public:
    ReviewRepository(Database &db, Store &store);

    // Migration 7 (schema.cpp): jobs.submission / submitted_at and the job_reviews table.
    static const char *const kMigrationSql;

    // Stores the reviews not held yet (by uuid), in one transaction; returns how many were new.
    // A review for a job this tablet does not hold is kept all the same (nothing pulled is lost).
    Result<int> applyPulled(const QList<JobReview> &reviews);
    // The job's reviews in the order they arrived. A read that fails is an error, never "none".
    Result<QList<JobReview>> forJob(const QString &jobUuid);
    // The latest (highest round, then latest to arrive), or nullopt when the job has none.
    Result<std::optional<JobReview>> latestForJob(const QString &jobUuid);

private:
    Database &m_db;
    Store &m_store;
};

} // namespace ms
