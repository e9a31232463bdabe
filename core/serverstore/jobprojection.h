#pragma once
// The office's queryable picture of every job (docs/decisions/0009-office-job-projection.md):
// tables derived from the records the devices pushed — jobs, their evidence, steps, seals and
// mismatch figures — kept up to date inside pushRecords' transaction, so that the office's
// queues are indexed SQL queries and never scans of record JSON. Every projected table is a
// pure function of `records` (plus the office's own decisions for a job's review state): the
// same SELECT fills a table for one record on push and for every record in the back-fill of
// office migration 4. Part of SqlOfficeStore: same connection, same transactions.
#include "model/result.h"
#include "serverstore/sqlconnection.h"

#include <QString>
#include <QStringList>

namespace ms::server {

class JobProjection
{
public:
    explicit JobProjection(SqlConnection &db);

    // Office migration 4: token roles, the projection tables back-filled from the records held,
    // office decisions, billing exports, reviews delivered to devices (assignments.device).
    static const char *const kMigrationSql;

    // Re-projects stored records of one entity (any entity: those not projected are ignored),
    // a whole pushed batch in a few statements. `stale`: those of them held before the batch,
    // whose projected rows are replaced (a record new to the office has none to remove).
    Result<void> apply(const QString &entity, const QStringList &uuids, const QStringList &stale);
    // Recomputes a job's review state from its submission and the office's decisions.
    Result<void> refreshReviewState(const QString &jobUuid);

private:
    SqlConnection &m_db;
};

} // namespace ms::server
