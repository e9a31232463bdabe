// SqlOfficeStock's schema: SQLite's office migration 5 and PostgreSQL's migration 2
// (pgofficeschema.cpp), the same tables and indexes in each engine's dialect.
#include "serverstore/sqlofficestock.h"
#include "serverstore/sqlofficestocksql.h"

namespace ms::server {

// The in-force new-meter asset numbers (cards 21.4 / 24.3) and old ones (21.3 / 24.2) are the
// projection's evidence rows of requirement new_meter_asset / old_meter_asset not superseded;
// seals used are office_seals. These indexes make the reconciliation's lookups by number.
const char *const SqlOfficeStock::kMigrationSql =
    R"sql(
CREATE TABLE stock_batches(
  uuid TEXT PRIMARY KEY,           -- made by the client: a repeated request is answered once
  kind TEXT NOT NULL,              -- issue | return
  crew TEXT NOT NULL,              -- issue: the crew; return: the crews of its lines, ',' joined
  by_user TEXT NOT NULL, by_device TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX stock_batches_at ON stock_batches(at);
CREATE TABLE stock_lines(
  batch TEXT NOT NULL REFERENCES stock_batches(uuid),
  kind TEXT NOT NULL,              -- meter | seal | old_meter
  number TEXT NOT NULL, crew TEXT NOT NULL,
  job_uuid TEXT NOT NULL DEFAULT '', -- old_meter: the job that removed it
  seq INTEGER NOT NULL,
  PRIMARY KEY(batch, kind, number));
CREATE TABLE stock_meters(         -- new meters issued (the newest issue of each number)
  asset_no TEXT PRIMARY KEY, crew TEXT NOT NULL, batch TEXT NOT NULL,
  issued_at TEXT NOT NULL, returned_at TEXT NOT NULL DEFAULT '');
CREATE INDEX stock_meters_crew ON stock_meters(crew, returned_at);
CREATE TABLE stock_seals(
  seal_no TEXT PRIMARY KEY, crew TEXT NOT NULL, batch TEXT NOT NULL,
  issued_at TEXT NOT NULL, returned_at TEXT NOT NULL DEFAULT '');
CREATE INDEX stock_seals_crew ON stock_seals(crew, returned_at);
CREATE TABLE stock_old_returns(    -- old meters received at the warehouse
  asset_no TEXT PRIMARY KEY, job_uuid TEXT NOT NULL, crew TEXT NOT NULL,
  batch TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX stock_old_returns_crew ON stock_old_returns(crew);
CREATE TABLE stock_settled(crew TEXT PRIMARY KEY, at TEXT NOT NULL); -- the crew's last return
CREATE INDEX office_evidence_number ON office_evidence(requirement, value);
CREATE INDEX office_seals_number ON office_seals(number);
-- What the jobs used, with the job's crew inline (a pure function of the job projection,
-- refreshed per job on push): new meters in force, old meters of swapped jobs, seals.
CREATE TABLE stock_use(
  src TEXT PRIMARY KEY,            -- the evidence or seal record
  kind TEXT NOT NULL,              -- new_meter | old_meter | seal
  number TEXT NOT NULL, crew TEXT NOT NULL, job_uuid TEXT NOT NULL,
  at TEXT NOT NULL);               -- old_meter: when the office received it
CREATE INDEX stock_use_number ON stock_use(kind, number);
CREATE INDEX stock_use_crew ON stock_use(crew, kind, number);
CREATE INDEX stock_use_job ON stock_use(job_uuid);
)sql"
    "INSERT OR REPLACE INTO " MS_STOCK_USE_COLUMNS MS_STOCK_USE_SELECT("", "") ";\n";

// Migration 5's tables in PostgreSQL's dialect, then stock_use filled from what the office
// already holds (a database made before the stock existed).
const char *const SqlOfficeStock::kPgMigrationSql = R"sql(
CREATE TABLE stock_batches(
  uuid text PRIMARY KEY, kind text NOT NULL, crew text NOT NULL,
  by_user text NOT NULL, by_device text NOT NULL, at text NOT NULL);
CREATE INDEX stock_batches_at ON stock_batches(at);
CREATE TABLE stock_lines(
  batch text NOT NULL REFERENCES stock_batches(uuid),
  kind text NOT NULL, number text NOT NULL, crew text NOT NULL,
  job_uuid text NOT NULL DEFAULT '', seq integer NOT NULL,
  PRIMARY KEY(batch, kind, number));
CREATE TABLE stock_meters(
  asset_no text PRIMARY KEY, crew text NOT NULL, batch text NOT NULL,
  issued_at text NOT NULL, returned_at text NOT NULL DEFAULT '');
CREATE INDEX stock_meters_crew ON stock_meters(crew, returned_at);
CREATE TABLE stock_seals(
  seal_no text PRIMARY KEY, crew text NOT NULL, batch text NOT NULL,
  issued_at text NOT NULL, returned_at text NOT NULL DEFAULT '');
CREATE INDEX stock_seals_crew ON stock_seals(crew, returned_at);
CREATE TABLE stock_old_returns(
  asset_no text PRIMARY KEY, job_uuid text NOT NULL, crew text NOT NULL,
  batch text NOT NULL, at text NOT NULL);
CREATE INDEX stock_old_returns_crew ON stock_old_returns(crew);
CREATE TABLE stock_settled(crew text PRIMARY KEY, at text NOT NULL);
CREATE INDEX office_evidence_number ON office_evidence(requirement, value);
CREATE INDEX office_seals_number ON office_seals(number);
CREATE TABLE stock_use(
  src text PRIMARY KEY, kind text NOT NULL, number text NOT NULL, crew text NOT NULL,
  job_uuid text NOT NULL, at text NOT NULL);
CREATE INDEX stock_use_number ON stock_use(kind, number);
CREATE INDEX stock_use_crew ON stock_use(crew, kind, number);
CREATE INDEX stock_use_job ON stock_use(job_uuid);
)sql" MS_STOCK_USE_FILL("", "") ";\n";

const char *const SqlOfficeStock::kTaskSealsMigrationSql = R"sql(
ALTER TABLE office_seals ADD COLUMN task_uuid TEXT NOT NULL DEFAULT '';
UPDATE office_seals SET task_uuid = coalesce((SELECT json_extract(r.payload, '$.task_uuid')
  FROM records r WHERE r.uuid = office_seals.uuid), '') WHERE job_uuid = '';
CREATE INDEX office_seals_task ON office_seals(task_uuid) WHERE task_uuid <> '';
)sql" MS_STOCK_USE_TASK_SEALS("") ";\n";

} // namespace ms::server
