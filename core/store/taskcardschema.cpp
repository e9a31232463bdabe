#include "store/taskcardrepository.h"

namespace ms {

// Migration 3: task-level cards (scope "task": 2.x, 4.x, 19.1, 27.5, 28.4, 36.x …) are recorded
// once per task, not per customer. Step records, evidence and seals get an owner that is either
// a job or a task (exactly one), so the same rows, outbox entities and evidence files serve both;
// task_cards keeps the decision choice and the completion of a task-level card.
// SQLite cannot relax NOT NULL in place, so the three tables are rebuilt (rows, ids, uuids and
// chain hashes copied unchanged). Never edit: add a migration after it.
const char *const TaskCardRepository::kMigrationSql = R"SQL(
PRAGMA defer_foreign_keys = ON;

CREATE TABLE step_records_v3(
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    job_id INTEGER REFERENCES jobs(id),
    task_id INTEGER REFERENCES tasks(id),
    card_id TEXT NOT NULL,
    step_index INTEGER NOT NULL,
    done INTEGER NOT NULL,
    user_uuid TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK((job_id IS NULL) <> (task_id IS NULL)),
    UNIQUE(job_id, card_id, step_index)
);
INSERT INTO step_records_v3(id, uuid, job_id, card_id, step_index, done, user_uuid, at, version)
    SELECT id, uuid, job_id, card_id, step_index, done, user_uuid, at, version FROM step_records;
DROP TABLE step_records;
ALTER TABLE step_records_v3 RENAME TO step_records;
CREATE UNIQUE INDEX step_records_task ON step_records(task_id, card_id, step_index)
    WHERE task_id IS NOT NULL;

CREATE TABLE evidence_v3(
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    job_id INTEGER REFERENCES jobs(id),
    task_id INTEGER REFERENCES tasks(id),
    card_id TEXT NOT NULL,
    requirement TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    sha256 TEXT NOT NULL DEFAULT '',
    mime TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT 0,
    value TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    meta TEXT NOT NULL DEFAULT '{}',
    user_uuid TEXT NOT NULL DEFAULT '',
    captured_at TEXT NOT NULL,
    supersedes TEXT REFERENCES evidence_v3(uuid),
    prev_hash TEXT NOT NULL DEFAULT '',
    chain_hash TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK((job_id IS NULL) <> (task_id IS NULL))
);
INSERT INTO evidence_v3(id, uuid, job_id, card_id, requirement, kind, sha256, mime, size, value,
                        unit, meta, user_uuid, captured_at, supersedes, prev_hash, chain_hash,
                        version)
    SELECT id, uuid, job_id, card_id, requirement, kind, sha256, mime, size, value, unit, meta,
           user_uuid, captured_at, supersedes, prev_hash, chain_hash, version FROM evidence;
DROP TABLE evidence;
ALTER TABLE evidence_v3 RENAME TO evidence;
CREATE INDEX evidence_job_card ON evidence(job_id, card_id);
CREATE INDEX evidence_task_card ON evidence(task_id, card_id) WHERE task_id IS NOT NULL;
CREATE INDEX evidence_sha ON evidence(sha256) WHERE sha256 <> '';
CREATE UNIQUE INDEX evidence_supersedes ON evidence(supersedes) WHERE supersedes IS NOT NULL;
CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
BEGIN SELECT RAISE(ABORT, 'evidence rows are never updated; add a retake instead'); END;
CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
BEGIN SELECT RAISE(ABORT, 'evidence rows are never deleted'); END;

CREATE TABLE seals_v3(
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    job_id INTEGER REFERENCES jobs(id),
    task_id INTEGER REFERENCES tasks(id),
    position TEXT NOT NULL,
    number TEXT NOT NULL,
    at TEXT NOT NULL,
    removed INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK((job_id IS NULL) <> (task_id IS NULL))
);
INSERT INTO seals_v3(id, uuid, job_id, position, number, at, removed, version)
    SELECT id, uuid, job_id, position, number, at, removed, version FROM seals;
DROP TABLE seals;
ALTER TABLE seals_v3 RENAME TO seals;
CREATE INDEX seals_job ON seals(job_id);
CREATE INDEX seals_task ON seals(task_id) WHERE task_id IS NOT NULL;
CREATE UNIQUE INDEX seals_number ON seals(number) WHERE removed = 0;

CREATE TABLE task_cards(
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    task_id INTEGER NOT NULL REFERENCES tasks(id),
    card_id TEXT NOT NULL,
    choice TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    chosen_at TEXT,
    completed_at TEXT,
    user_uuid TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE(task_id, card_id)
);
)SQL";

} // namespace ms
