// The office schema on PostgreSQL (docs/decisions/0018-postgresql.md). Migration 1 is the whole
// schema the SQLite migrations 1–4 built (sqlofficestore.cpp), with PostgreSQL's types; later
// changes are appended to BOTH lists, each in its engine's dialect. Append only; never renumber.
#include "serverstore/pgofficeschema.h"

#include "serverstore/sqlofficestock.h"

namespace ms::server {

const QList<Migration> &pgOfficeMigrations()
{
    static const QList<Migration> list{
        {1, R"sql(
-- What SQLite has and the store's SQL uses, with SQLite's meaning: json_extract(text, '$.a.b')
-- gives text (true/false as 1/0, objects as JSON text, JSON null as NULL), instr, group_concat
-- (',' separated) and json_each over a text column.
CREATE FUNCTION json_extract(doc text, path text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE jsonb_typeof(v) WHEN 'boolean' THEN (CASE WHEN v = 'true'::jsonb THEN '1' ELSE '0' END)
                              WHEN 'null' THEN NULL ELSE v #>> '{}' END
  FROM (SELECT doc::jsonb #> string_to_array(substr(path, 3), '.') AS v) AS x
$$;
CREATE FUNCTION instr(haystack text, needle text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT strpos(haystack, needle)
$$;
CREATE FUNCTION ms_concat_step(acc text, v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN acc WHEN acc IS NULL THEN v ELSE acc || ',' || v END
$$;
CREATE AGGREGATE group_concat(text) (SFUNC = ms_concat_step, STYPE = text);
CREATE FUNCTION json_each(doc text) RETURNS TABLE(key text, value text) LANGUAGE sql IMMUTABLE AS $$
  SELECT (e.ordinality - 1)::text, e.value::text
  FROM jsonb_array_elements(doc::jsonb) WITH ORDINALITY AS e(value, ordinality)
$$;

CREATE TABLE tokens(
  id bigserial PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  device text NOT NULL,
  "user" text NOT NULL,
  created_at text NOT NULL,
  revoked_at text,
  device_key text,
  roles text NOT NULL DEFAULT '');
CREATE INDEX tokens_device ON tokens(device) WHERE revoked_at IS NULL;
CREATE TABLE records(
  uuid text PRIMARY KEY,
  entity text NOT NULL,
  version integer NOT NULL,
  op text NOT NULL,
  payload text NOT NULL,
  device text NOT NULL,
  "user" text NOT NULL,
  received_at text NOT NULL);
CREATE INDEX records_entity ON records(entity);
CREATE TABLE record_blobs(
  record_uuid text NOT NULL REFERENCES records(uuid) ON DELETE CASCADE,
  sha256 text NOT NULL,
  PRIMARY KEY(record_uuid, sha256));
CREATE TABLE blobs(
  sha256 text PRIMARY KEY,
  size bigint NOT NULL,
  stored_at text NOT NULL);
-- seq: the assignment cursor. Every writer of this table holds the advisory lock
-- 'assignments' until it commits, so seq order is commit order (decision 0018).
CREATE TABLE assignments(
  seq bigserial PRIMARY KEY,
  entity text NOT NULL,
  uuid text NOT NULL UNIQUE,
  version integer NOT NULL,
  payload text NOT NULL,
  task_uuid text NOT NULL,
  assignees text NOT NULL DEFAULT '',
  withdrawn text NOT NULL DEFAULT '',
  device text NOT NULL DEFAULT '');
CREATE INDEX assignments_task ON assignments(task_uuid);
CREATE TABLE record_conflicts(
  id bigserial PRIMARY KEY,
  uuid text NOT NULL,
  entity text NOT NULL,
  version integer NOT NULL,
  op text NOT NULL,
  payload text NOT NULL,
  payload_sha256 text NOT NULL,
  blobs text NOT NULL DEFAULT '[]',
  fields text NOT NULL,
  device text NOT NULL,
  "user" text NOT NULL,
  held_device text NOT NULL,
  held_version integer NOT NULL,
  received_at text NOT NULL,
  resolved_at text,
  UNIQUE(uuid, device, version, payload_sha256));
CREATE INDEX record_conflicts_open ON record_conflicts(uuid) WHERE resolved_at IS NULL;
CREATE TABLE device_keys(
  id bigserial PRIMARY KEY,
  public_key text NOT NULL UNIQUE,
  device text NOT NULL,
  bound_at text NOT NULL,
  anchor_n bigint NOT NULL DEFAULT 0,
  anchor_prev text NOT NULL DEFAULT '',
  head_n bigint NOT NULL DEFAULT 0,
  head_link text NOT NULL DEFAULT '');
CREATE TABLE record_chain(
  key_id bigint NOT NULL REFERENCES device_keys(id),
  n bigint NOT NULL,
  prev text NOT NULL,
  link text NOT NULL,
  signature text NOT NULL,
  record_hash text NOT NULL,
  uuid text NOT NULL,
  version integer NOT NULL,
  status text NOT NULL,
  received_at text NOT NULL,
  PRIMARY KEY(key_id, n));
CREATE INDEX record_chain_record ON record_chain(uuid, version);
CREATE TABLE unsigned_records(
  uuid text PRIMARY KEY,
  version integer NOT NULL,
  payload text NOT NULL);
CREATE TABLE office_jobs(
  uuid text PRIMARY KEY,
  device text NOT NULL, "user" text NOT NULL,
  customer_uuid text NOT NULL, task_uuid text NOT NULL,
  status text NOT NULL, current_card text NOT NULL, branches text NOT NULL,
  started_at text NOT NULL, finished_at text NOT NULL,
  submission integer NOT NULL, submitted_at text NOT NULL,
  crew text NOT NULL, received_at text NOT NULL,
  review_state text NOT NULL DEFAULT 'open',
  billing_returned integer NOT NULL DEFAULT 0);
CREATE INDEX office_jobs_queue ON office_jobs(review_state, submitted_at, uuid);
CREATE INDEX office_jobs_task ON office_jobs(task_uuid, review_state, submitted_at, uuid);
CREATE INDEX office_jobs_crew ON office_jobs(crew, review_state, submitted_at, uuid);
CREATE INDEX office_jobs_customer ON office_jobs(customer_uuid);
CREATE TABLE office_submissions(
  job_uuid text NOT NULL, submission integer NOT NULL,
  submitted_at text NOT NULL, received_at text NOT NULL,
  PRIMARY KEY(job_uuid, submission));
CREATE TABLE office_evidence(
  uuid text PRIMARY KEY, job_uuid text NOT NULL, device text NOT NULL,
  card text NOT NULL, requirement text NOT NULL, kind text NOT NULL,
  sha256 text NOT NULL, mime text NOT NULL, value text NOT NULL, unit text NOT NULL,
  meter text NOT NULL, register text NOT NULL, source text NOT NULL,
  captured_at text NOT NULL, supersedes text NOT NULL, received_at text NOT NULL);
CREATE INDEX office_evidence_job ON office_evidence(job_uuid, card, requirement);
CREATE INDEX office_evidence_supersedes ON office_evidence(supersedes) WHERE supersedes <> '';
CREATE INDEX office_evidence_sha ON office_evidence(sha256) WHERE sha256 <> '';
CREATE TABLE office_steps(
  uuid text PRIMARY KEY, job_uuid text NOT NULL, card text NOT NULL,
  step_index integer NOT NULL, done integer NOT NULL, at text NOT NULL);
CREATE INDEX office_steps_job ON office_steps(job_uuid, card);
CREATE TABLE office_seals(
  uuid text PRIMARY KEY, job_uuid text NOT NULL, position text NOT NULL,
  number text NOT NULL, at text NOT NULL);
CREATE INDEX office_seals_job ON office_seals(job_uuid);
-- rowid: insertion order, as SQLite's (the newest mismatch of a customer wins)
CREATE TABLE office_mismatch(
  rowid bigserial,
  uuid text PRIMARY KEY, customer_uuid text NOT NULL,
  mechanical_register double precision, remaining_energy double precision,
  difference double precision, tier text NOT NULL);
CREATE INDEX office_mismatch_customer ON office_mismatch(customer_uuid, rowid);
CREATE TABLE office_decisions(
  seq bigserial PRIMARY KEY,
  uuid text NOT NULL UNIQUE,
  job_uuid text NOT NULL,
  kind text NOT NULL,
  submission integer NOT NULL,
  items text NOT NULL DEFAULT '[]',
  reason text NOT NULL DEFAULT '',
  by_user text NOT NULL, by_device text NOT NULL, at text NOT NULL);
CREATE INDEX office_decisions_job ON office_decisions(job_uuid, seq);
CREATE INDEX office_decisions_kind ON office_decisions(kind, job_uuid);
CREATE TABLE office_exports(
  batch text PRIMARY KEY, created_at text NOT NULL, by_user text NOT NULL,
  by_device text NOT NULL, count integer NOT NULL);
CREATE TABLE office_export_items(
  job_uuid text PRIMARY KEY,
  batch text NOT NULL REFERENCES office_exports(batch));
CREATE INDEX office_export_items_batch ON office_export_items(batch);
CREATE TABLE office_export_log(
  id bigserial PRIMARY KEY, batch text NOT NULL, kind text NOT NULL,
  by_user text NOT NULL, by_device text NOT NULL, at text NOT NULL, count integer NOT NULL);
)sql"},
        // stock (issue 15): SQLite's office migration 5
        {2, SqlOfficeStock::kPgMigrationSql},
        // json_extract as one expression, which PostgreSQL inlines into the calling statement;
        // migration 1's body (a SELECT with a FROM) ran as a separate query, planned anew on
        // every call: ~40 % of the database's CPU when records were pushed.
        {3, R"sql(
CREATE OR REPLACE FUNCTION json_extract(doc text, path text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(doc::jsonb #> string_to_array(substr(path, 3), '.')) = 'boolean'
              THEN CASE WHEN doc::jsonb #>> string_to_array(substr(path, 3), '.') = 'true'
                        THEN '1' ELSE '0' END
              ELSE doc::jsonb #>> string_to_array(substr(path, 3), '.') END
$$;
)sql"},
        // seals on a task's concentrator box counted as used (SQLite's office migration 6)
        {4, SqlOfficeStock::kTaskSealsMigrationSql},
    };
    return list;
}

} // namespace ms::server
