#include "serverstore/jobprojection.h"

#include "serverstore/sqlconnection.h"

namespace ms::server {

// One SELECT per projected table, shared by the back-fill (migration 4, every record) and the
// push (one record: "AND r.uuid = ?1" appended). Macros, so both are compile-time strings.
#define MS_P(path) "coalesce(json_extract(r.payload, '$." path "'), '')"
#define MS_JOB_SELECT                                                                            \
    "SELECT r.uuid, r.device, r.user, " MS_P("customer_uuid") ", " MS_P("task_uuid") ", "       \
    MS_P("status") ", " MS_P("current_card") ", coalesce(json_extract(r.payload, '$.branches'), " \
    "'{}'), " MS_P("started_at") ", " MS_P("finished_at") ", "                                  \
    "coalesce(json_extract(r.payload, '$.submission'), 0), "                                     \
    "CASE WHEN coalesce(json_extract(r.payload, '$.submission'), 0) > 0 THEN "                   \
    "coalesce(nullif(json_extract(r.payload, '$.submitted_at'), ''), r.received_at) ELSE '' END, " \
    "coalesce(nullif(coalesce((SELECT json_extract(t.payload, '$.crew') FROM assignments t "     \
    "WHERE t.uuid = json_extract(r.payload, '$.task_uuid')), (SELECT json_extract(t.payload, "   \
    "'$.crew') FROM records t WHERE t.uuid = json_extract(r.payload, '$.task_uuid'))), ''), "     \
    "r.user), r.received_at FROM records r WHERE r.entity = 'job' AND r.op <> 'delete'"
#define MS_JOB_COLUMNS                                                                           \
    "office_jobs(uuid, device, user, customer_uuid, task_uuid, status, current_card, branches, " \
    "started_at, finished_at, submission, submitted_at, crew, received_at)"
#define MS_EVIDENCE_SELECT                                                                       \
    "SELECT r.uuid, " MS_P("job_uuid") ", r.device, " MS_P("card_id") ", " MS_P("requirement")   \
    ", " MS_P("kind") ", " MS_P("sha256") ", " MS_P("mime") ", " MS_P("value") ", " MS_P("unit") \
    ", " MS_P("meta.meter") ", " MS_P("meta.register") ", " MS_P("meta.source") ", "              \
    MS_P("captured_at") ", " MS_P("supersedes") ", r.received_at FROM records r "                \
    "WHERE r.entity = 'evidence' AND r.op <> 'delete'"
#define MS_EVIDENCE_COLUMNS                                                                      \
    "office_evidence(uuid, job_uuid, device, card, requirement, kind, sha256, mime, value, unit, " \
    "meter, register, source, captured_at, supersedes, received_at)"
#define MS_STEP_SELECT                                                                           \
    "SELECT r.uuid, " MS_P("job_uuid") ", " MS_P("card_id") ", "                                 \
    "coalesce(json_extract(r.payload, '$.step_index'), 0), "                                     \
    "coalesce(json_extract(r.payload, '$.done'), 0), " MS_P("at") " FROM records r "             \
    "WHERE r.entity = 'step' AND r.op <> 'delete'"
#define MS_STEP_COLUMNS "office_steps(uuid, job_uuid, card, step_index, done, at)"
#define MS_SEAL_SELECT                                                                           \
    "SELECT r.uuid, " MS_P("job_uuid") ", " MS_P("position") ", " MS_P("number") ", " MS_P("at") \
    " FROM records r WHERE r.entity = 'seal' AND r.op <> 'delete'"
#define MS_SEAL_COLUMNS "office_seals(uuid, job_uuid, position, number, at)"
#define MS_MISMATCH_SELECT                                                                       \
    "SELECT r.uuid, " MS_P("customer_uuid") ", json_extract(r.payload, '$.mechanical_register'), " \
    "json_extract(r.payload, '$.remaining_energy'), json_extract(r.payload, '$.difference'), "   \
    MS_P("tier") " FROM records r WHERE r.entity = 'mismatch' AND r.op <> 'delete'"
#define MS_MISMATCH_COLUMNS                                                                      \
    "office_mismatch(uuid, customer_uuid, mechanical_register, remaining_energy, difference, tier)"
#define MS_SUBMISSIONS_FILL                                                                      \
    "INSERT OR IGNORE INTO office_submissions(job_uuid, submission, submitted_at, received_at) " \
    "SELECT uuid, submission, submitted_at, received_at FROM office_jobs WHERE submission > 0"
// A job's review state, a pure function of its submission round, the office's decisions on it
// and the billing exports: open (not submitted), submitted / resubmitted (awaiting review; also
// when billing sent it back), sent_back, approved (awaiting the billing check),
// billing_confirmed, exported.
#define MS_REVIEW_STATE                                                                          \
    "UPDATE office_jobs SET review_state = CASE "                                                \
    "WHEN submission < 1 THEN 'open' "                                                           \
    "WHEN EXISTS(SELECT 1 FROM office_export_items x WHERE x.job_uuid = office_jobs.uuid) "      \
    "THEN 'exported' "                                                                           \
    "ELSE coalesce((SELECT CASE d.kind WHEN 'billing_sent_back' THEN NULL ELSE d.kind END "      \
    "FROM office_decisions d WHERE d.job_uuid = office_jobs.uuid AND d.submission = "            \
    "office_jobs.submission ORDER BY d.seq DESC LIMIT 1), CASE WHEN EXISTS(SELECT 1 FROM "       \
    "office_decisions s WHERE s.job_uuid = office_jobs.uuid AND s.kind = 'sent_back') THEN "     \
    "'resubmitted' ELSE 'submitted' END) END, billing_returned = coalesce((SELECT d.kind = "     \
    "'billing_sent_back' FROM office_decisions d WHERE d.job_uuid = office_jobs.uuid AND "       \
    "d.submission = office_jobs.submission ORDER BY d.seq DESC LIMIT 1), 0)"

const char *const JobProjection::kMigrationSql = R"sql(
ALTER TABLE tokens ADD COLUMN roles TEXT NOT NULL DEFAULT '';   -- office roles, ',' joined
ALTER TABLE assignments ADD COLUMN device TEXT NOT NULL DEFAULT ''; -- a review: its device
CREATE TABLE office_jobs(
  uuid TEXT PRIMARY KEY,            -- the job record's uuid (made by the installer's tablet)
  device TEXT NOT NULL, user TEXT NOT NULL,
  customer_uuid TEXT NOT NULL, task_uuid TEXT NOT NULL,
  status TEXT NOT NULL, current_card TEXT NOT NULL, branches TEXT NOT NULL,
  started_at TEXT NOT NULL, finished_at TEXT NOT NULL,
  submission INTEGER NOT NULL, submitted_at TEXT NOT NULL,
  crew TEXT NOT NULL, received_at TEXT NOT NULL,
  review_state TEXT NOT NULL DEFAULT 'open',
  billing_returned INTEGER NOT NULL DEFAULT 0);
CREATE INDEX office_jobs_queue ON office_jobs(review_state, submitted_at, uuid);
CREATE INDEX office_jobs_task ON office_jobs(task_uuid, review_state, submitted_at, uuid);
CREATE INDEX office_jobs_crew ON office_jobs(crew, review_state, submitted_at, uuid);
CREATE INDEX office_jobs_customer ON office_jobs(customer_uuid);
CREATE TABLE office_submissions(
  job_uuid TEXT NOT NULL, submission INTEGER NOT NULL,
  submitted_at TEXT NOT NULL, received_at TEXT NOT NULL,
  PRIMARY KEY(job_uuid, submission));
CREATE TABLE office_evidence(
  uuid TEXT PRIMARY KEY, job_uuid TEXT NOT NULL, device TEXT NOT NULL,
  card TEXT NOT NULL, requirement TEXT NOT NULL, kind TEXT NOT NULL,
  sha256 TEXT NOT NULL, mime TEXT NOT NULL, value TEXT NOT NULL, unit TEXT NOT NULL,
  meter TEXT NOT NULL, register TEXT NOT NULL, source TEXT NOT NULL,
  captured_at TEXT NOT NULL, supersedes TEXT NOT NULL, received_at TEXT NOT NULL);
CREATE INDEX office_evidence_job ON office_evidence(job_uuid, card, requirement);
CREATE INDEX office_evidence_supersedes ON office_evidence(supersedes) WHERE supersedes <> '';
CREATE INDEX office_evidence_sha ON office_evidence(sha256) WHERE sha256 <> '';
CREATE TABLE office_steps(
  uuid TEXT PRIMARY KEY, job_uuid TEXT NOT NULL, card TEXT NOT NULL,
  step_index INTEGER NOT NULL, done INTEGER NOT NULL, at TEXT NOT NULL);
CREATE INDEX office_steps_job ON office_steps(job_uuid, card);
CREATE TABLE office_seals(
  uuid TEXT PRIMARY KEY, job_uuid TEXT NOT NULL, position TEXT NOT NULL,
  number TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX office_seals_job ON office_seals(job_uuid);
CREATE TABLE office_mismatch(
  uuid TEXT PRIMARY KEY, customer_uuid TEXT NOT NULL,
  mechanical_register REAL, remaining_energy REAL, difference REAL, tier TEXT NOT NULL);
CREATE INDEX office_mismatch_customer ON office_mismatch(customer_uuid);
-- The office's own records: each decision on a job, once (uuid made by the deciding client).
CREATE TABLE office_decisions(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid TEXT NOT NULL UNIQUE,
  job_uuid TEXT NOT NULL,
  kind TEXT NOT NULL,          -- approved | sent_back | billing_confirmed | billing_sent_back
  submission INTEGER NOT NULL, -- the round it judged
  items TEXT NOT NULL DEFAULT '[]',
  reason TEXT NOT NULL DEFAULT '',
  by_user TEXT NOT NULL, by_device TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX office_decisions_job ON office_decisions(job_uuid, seq);
CREATE INDEX office_decisions_kind ON office_decisions(kind, job_uuid);
CREATE TABLE office_exports(
  batch TEXT PRIMARY KEY, created_at TEXT NOT NULL, by_user TEXT NOT NULL,
  by_device TEXT NOT NULL, count INTEGER NOT NULL);
CREATE TABLE office_export_items(
  job_uuid TEXT PRIMARY KEY,   -- each job is exported once
  batch TEXT NOT NULL REFERENCES office_exports(batch));
CREATE INDEX office_export_items_batch ON office_export_items(batch);
CREATE TABLE office_export_log(
  id INTEGER PRIMARY KEY, batch TEXT NOT NULL, kind TEXT NOT NULL, -- export | re-export
  by_user TEXT NOT NULL, by_device TEXT NOT NULL, at TEXT NOT NULL, count INTEGER NOT NULL);
INSERT INTO )sql" MS_JOB_COLUMNS " " MS_JOB_SELECT ";\n"
    "INSERT INTO " MS_EVIDENCE_COLUMNS " " MS_EVIDENCE_SELECT ";\n"
    "INSERT INTO " MS_STEP_COLUMNS " " MS_STEP_SELECT ";\n"
    "INSERT INTO " MS_SEAL_COLUMNS " " MS_SEAL_SELECT ";\n"
    "INSERT INTO " MS_MISMATCH_COLUMNS " " MS_MISMATCH_SELECT ";\n"
    MS_SUBMISSIONS_FILL ";\n" MS_REVIEW_STATE ";\n";

// What a push runs: the same tables as migration 4's back-fill (whose text stays as published),
// in SQL both engines read alike: numbers cast explicitly (PostgreSQL's json_extract gives text,
// pgofficeschema.cpp), a flag as CASE rather than a boolean.
#define MS_NUM(alias, path)                                                                        \
    "coalesce(CAST(json_extract(" alias ".payload, '$." path "') AS INTEGER), 0)"
#define MS_REAL(path) "CAST(json_extract(r.payload, '$." path "') AS DOUBLE PRECISION)"
// clang-format off
#define MS_JOB_SELECT_NOW                                                                          \
    "SELECT r.uuid, r.device, r.user, " MS_P("customer_uuid") ", " MS_P("task_uuid") ", "         \
    MS_P("status") ", " MS_P("current_card") ", coalesce(json_extract(r.payload, '$.branches'), " \
    "'{}'), " MS_P("started_at") ", " MS_P("finished_at") ", " MS_NUM("r", "submission") ", "    \
    "CASE WHEN " MS_NUM("r", "submission") " > 0 THEN coalesce(nullif(json_extract(r.payload, "  \
    "'$.submitted_at'), ''), r.received_at) ELSE '' END, "                                         \
    "coalesce(nullif(coalesce((SELECT json_extract(t.payload, '$.crew') FROM assignments t "       \
    "WHERE t.uuid = json_extract(r.payload, '$.task_uuid')), (SELECT json_extract(t.payload, "     \
    "'$.crew') FROM records t WHERE t.uuid = json_extract(r.payload, '$.task_uuid'))), ''), "       \
    "r.user), r.received_at FROM records r WHERE r.entity = 'job' AND r.op <> 'delete'"
#define MS_STEP_SELECT_NOW                                                                         \
    "SELECT r.uuid, " MS_P("job_uuid") ", " MS_P("card_id") ", " MS_NUM("r", "step_index") ", "   \
    MS_NUM("r", "done") ", " MS_P("at") " FROM records r WHERE r.entity = 'step' AND "             \
    "r.op <> 'delete'"
#define MS_MISMATCH_SELECT_NOW                                                                     \
    "SELECT r.uuid, " MS_P("customer_uuid") ", " MS_REAL("mechanical_register") ", "              \
    MS_REAL("remaining_energy") ", " MS_REAL("difference") ", " MS_P("tier") " FROM records r "   \
    "WHERE r.entity = 'mismatch' AND r.op <> 'delete'"
// clang-format on
// A seal of a task (36.x, the concentrator's box) has no job but its task (office migration 6).
#define MS_SEAL_SELECT_NOW                                                                         \
    "SELECT r.uuid, " MS_P("job_uuid") ", " MS_P("position") ", " MS_P("number") ", " MS_P(        \
        "at") ", CASE WHEN " MS_P("job_uuid") " = '' THEN " MS_P("task_uuid") " ELSE '' END FROM " \
                                                                              "records r "         \
                                                                              "WHERE r.entity = "  \
                                                                              "'seal' AND r.op "   \
                                                                              "<> 'delete'"
#define MS_SEAL_COLUMNS_NOW "office_seals(uuid, job_uuid, position, number, at, task_uuid)"
#define MS_SUBMISSIONS_FILL_NOW                                                                    \
    "INSERT INTO office_submissions(job_uuid, submission, submitted_at, received_at) "             \
    "SELECT uuid, submission, submitted_at, received_at FROM office_jobs WHERE submission > 0 "    \
    "AND uuid%1 ON CONFLICT DO NOTHING"
#define MS_REVIEW_STATE_NOW                                                                        \
    "UPDATE office_jobs SET review_state = CASE "                                                  \
    "WHEN submission < 1 THEN 'open' "                                                             \
    "WHEN EXISTS(SELECT 1 FROM office_export_items x WHERE x.job_uuid = office_jobs.uuid) "        \
    "THEN 'exported' "                                                                             \
    "ELSE coalesce((SELECT CASE d.kind WHEN 'billing_sent_back' THEN NULL ELSE d.kind END "        \
    "FROM office_decisions d WHERE d.job_uuid = office_jobs.uuid AND d.submission = "              \
    "office_jobs.submission ORDER BY d.seq DESC LIMIT 1), CASE WHEN EXISTS(SELECT 1 FROM "         \
    "office_decisions s WHERE s.job_uuid = office_jobs.uuid AND s.kind = 'sent_back') THEN "       \
    "'resubmitted' ELSE 'submitted' END) END, billing_returned = coalesce((SELECT CASE WHEN "      \
    "d.kind = 'billing_sent_back' THEN 1 ELSE 0 END FROM office_decisions d WHERE d.job_uuid = "   \
    "office_jobs.uuid AND d.submission = office_jobs.submission ORDER BY d.seq DESC LIMIT 1), 0)"

JobProjection::JobProjection(SqlConnection &db) : m_db(db) {}

Result<void> JobProjection::apply(const QString &entity, const QStringList &uuids,
                                  const QStringList &stale)
{
    struct Table
    {
        const char *entity;
        const char *table;
        const char *fill; // %1: the FROM item of the uuids
    };
    static const Table tables[] = {
        {"job", "office_jobs", "INSERT INTO " MS_JOB_COLUMNS " " MS_JOB_SELECT_NOW " AND r.uuid%1"},
        {"evidence", "office_evidence",
         "INSERT INTO " MS_EVIDENCE_COLUMNS " " MS_EVIDENCE_SELECT " AND r.uuid%1"},
        {"step", "office_steps",
         "INSERT INTO " MS_STEP_COLUMNS " " MS_STEP_SELECT_NOW " AND r.uuid%1"},
        {"seal", "office_seals",
         "INSERT INTO " MS_SEAL_COLUMNS_NOW " " MS_SEAL_SELECT_NOW " AND r.uuid%1"},
        {"mismatch", "office_mismatch",
         "INSERT INTO " MS_MISMATCH_COLUMNS " " MS_MISMATCH_SELECT_NOW " AND r.uuid%1"},
    };
    const auto run = [this](const QString &sql, const QStringList &list) -> Result<void> {
        auto st = m_db.prepare(sql.arg(m_db.inList(1)));
        if (!st)
            return st.error();
        st.value().bindText(1, SqlConnection::jsonList(list));
        return st.value().run();
    };
    if (uuids.isEmpty())
        return {};
    for (const Table &t : tables) {
        if (entity != QLatin1String(t.entity))
            continue;
        // Delete + insert: a deleted record leaves no row, a new version replaces the old one.
        if (!stale.isEmpty())
            if (auto ok = run(QStringLiteral("DELETE FROM %1 WHERE uuid%2")
                                  .arg(QLatin1String(t.table), QStringLiteral("%1")),
                              stale);
                !ok)
                return ok;
        // "r.entity || ''": the rows are found by their uuids, never through the entity index
        // (which PostgreSQL preferred, scanning every step, while the table's statistics
        // still described it small).
        if (auto ok =
                run(QString::fromLatin1(t.fill).replace(QLatin1String("WHERE r.entity = "),
                                                        QLatin1String("WHERE r.entity || '' = ")),
                    uuids);
            !ok)
            return ok;
        if (entity != QLatin1String("job"))
            return {};
        if (auto ok = run(QStringLiteral(MS_SUBMISSIONS_FILL_NOW), uuids); !ok)
            return ok;
        return run(QStringLiteral(MS_REVIEW_STATE_NOW " WHERE uuid%1"), uuids);
    }
    return {};
}

Result<void> JobProjection::refreshReviewState(const QString &jobUuid)
{
    auto st = m_db.prepare(QStringLiteral(MS_REVIEW_STATE_NOW " WHERE uuid = ?1"));
    if (!st)
        return st.error();
    st.value().bindText(1, jobUuid);
    return st.value().run();
}

} // namespace ms::server
