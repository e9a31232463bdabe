#pragma once
// OfficeStockStore on the office's database, SQLite or PostgreSQL (the SqlConnection of its
// SqlOfficeStore; the SQL is the common subset, sqlconnection.h).
// Issue, return, batches and the crew's stock row for the tablets: sqlofficestock.cpp;
// reconciliation and review flags: sqlofficestockreconcile.cpp.
#include "serverstore/officestockstore.h"

namespace ms::server {

class SqlConnection;

class SqlOfficeStock final : public OfficeStockStore
{
public:
    explicit SqlOfficeStock(SqlConnection &db);

    // Office migration 5: stock batches and lines, the meters and seals issued, old meters
    // received, each crew's last return; indexes on the projection for reconciliation.
    static const char *const kMigrationSql;
    // The same tables and indexes on PostgreSQL (pgofficeschema.cpp, migration 2).
    static const char *const kPgMigrationSql;
    // Office migration 6 (SQLite) / 4 (PostgreSQL), one text for both: the task of a seal record
    // that belongs to no job (office_seals.task_uuid), and those seals counted in stock_use.
    static const char *const kTaskSealsMigrationSql;

    Result<StockOutcome> issue(const StockIssueRequest &request) override;
    Result<StockOutcome> returnStock(const StockReturnRequest &request) override;
    Result<std::optional<StockBatch>> batch(const QString &uuid) override;
    Result<QList<StockBatch>> batches(const QString &crew) override;
    Result<StockReconciliation> reconcile(const QString &crew) override;
    Result<QList<StockFlag>> jobFlags(const QString &jobUuid) override;

    // Rewrites the crew's "stock_issue" assignment (what is issued to it and not returned) for
    // the users of the crew's tasks and jobs; unchanged → untouched. Inside the caller's
    // transaction (issue, return, task import).
    Result<void> refreshCrew(const QString &crew);
    // After a batch of records was stored and projected: `sources`, the jobs', evidence's and
    // seals' uuids, and `jobs`, their jobs, refresh those jobs' rows of stock_use (what each
    // used, with its crew); each of `jobRecords` (the jobs' own records) goes to noteJob.
    Result<void> noteRecords(const QStringList &sources, const QStringList &jobs,
                             const QStringList &jobRecords);
    // After a job record was projected: its user gets the crew's stock row if not yet among its
    // users (a crew with no stock row: nothing to do). Cheap when nothing changes.
    Result<void> noteJob(const QString &jobUuid);

private:
    // Starts an issue or return inside the caller's transaction: holds the "stock" lock, gives
    // `*uuid` (the request's) a value when empty, and answers a request made before with what
    // it did (error "stock.request_reused" when that was the other kind).
    Result<std::optional<StockOutcome>> beginBatch(const QString &kind, QString *uuid);
    Result<void> addBatch(const StockBatch &batch);
    SqlConnection &m_db;
};

} // namespace ms::server
