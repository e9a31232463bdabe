#include "store/schema.h"

#include "store/formentryrepository.h"
#include "store/officedeskrepository.h"
#include "store/outboxchain.h"
#include "store/reviewrepository.h"
#include "store/stockrepository.h"
#include "store/taskcardrepository.h"
#include "store/userrepository.h"

namespace ms {

namespace {

// Version 1: the foundation schema. Never edit: add a migration below instead.
constexpr const char *kV1 = R"SQL(
CREATE TABLE users(
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL UNIQUE,
    roles TEXT NOT NULL,                 -- JSON array of role ids
    pin_salt BLOB NOT NULL,
    pin_hash BLOB NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE TABLE tasks(
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    code TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    area_name TEXT NOT NULL DEFAULT '',
    area_code TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    crew TEXT NOT NULL DEFAULT '',
    leader TEXT NOT NULL DEFAULT '',
    planned_start TEXT,
    planned_end TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE TABLE customers(
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    task_id INTEGER NOT NULL REFERENCES tasks(id),
    account_no TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    meter_box_no TEXT NOT NULL DEFAULT '',
    payment TEXT NOT NULL DEFAULT 'postpaid' CHECK(payment IN ('postpaid','prepaid')),
    old_asset_no TEXT NOT NULL DEFAULT '',
    old_comm_address TEXT NOT NULL DEFAULT '',
    old_model TEXT NOT NULL DEFAULT '',
    old_protocol TEXT NOT NULL DEFAULT '',
    new_asset_no TEXT NOT NULL DEFAULT '',
    new_comm_address TEXT NOT NULL DEFAULT '',
    new_model TEXT NOT NULL DEFAULT '',
    new_protocol TEXT NOT NULL DEFAULT '',
    last_billed_reading REAL,
    mismatch_flag INTEGER NOT NULL DEFAULT 0,
    search_text TEXT NOT NULL DEFAULT '',  -- lower-cased 户号/户名/地址/表号 for the job search
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    UNIQUE(task_id, account_no)
);
CREATE INDEX customers_order ON customers(task_id, meter_box_no, account_no);
CREATE INDEX customers_account ON customers(account_no);
CREATE TABLE jobs(
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    task_id INTEGER NOT NULL REFERENCES tasks(id),
    customer_id INTEGER NOT NULL UNIQUE REFERENCES customers(id),
    status TEXT NOT NULL DEFAULT 'not_started'
        CHECK(status IN ('not_started','in_progress','waiting_appointment','done')),
    current_card TEXT NOT NULL DEFAULT '',
    branches TEXT NOT NULL DEFAULT '{}',
    appointment_at TEXT,
    started_at TEXT,
    finished_at TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX jobs_status ON jobs(status);
CREATE INDEX jobs_task ON jobs(task_id);
CREATE TABLE step_records(
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    job_id INTEGER NOT NULL REFERENCES jobs(id),
    card_id TEXT NOT NULL,
    step_index INTEGER NOT NULL,
    done INTEGER NOT NULL,
    user_uuid TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE(job_id, card_id, step_index)
);
CREATE TABLE evidence(
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    job_id INTEGER NOT NULL REFERENCES jobs(id),
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
    supersedes TEXT REFERENCES evidence(uuid),
    prev_hash TEXT NOT NULL DEFAULT '',
    chain_hash TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX evidence_job_card ON evidence(job_id, card_id);
CREATE INDEX evidence_sha ON evidence(sha256) WHERE sha256 <> '';
CREATE UNIQUE INDEX evidence_supersedes ON evidence(supersedes) WHERE supersedes IS NOT NULL;
-- Tamper evidence: rows are never changed or removed; a retake supersedes.
CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
BEGIN SELECT RAISE(ABORT, 'evidence rows are never updated; add a retake instead'); END;
CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
BEGIN SELECT RAISE(ABORT, 'evidence rows are never deleted'); END;
CREATE TABLE seals(
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    job_id INTEGER NOT NULL REFERENCES jobs(id),
    position TEXT NOT NULL,
    number TEXT NOT NULL,
    at TEXT NOT NULL,
    removed INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX seals_job ON seals(job_id);
CREATE UNIQUE INDEX seals_number ON seals(number) WHERE removed = 0;
CREATE TABLE settings(
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE outbox(
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    uuid TEXT NOT NULL,
    version INTEGER NOT NULL,
    op TEXT NOT NULL CHECK(op IN ('upsert','delete')),
    payload TEXT NOT NULL,
    blobs TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    confirmed_at TEXT
);
CREATE INDEX outbox_pending ON outbox(seq) WHERE confirmed_at IS NULL;
CREATE INDEX outbox_record ON outbox(uuid);
CREATE TABLE outbox_blobs(
    seq INTEGER NOT NULL REFERENCES outbox(seq),
    sha256 TEXT NOT NULL,
    PRIMARY KEY(seq, sha256)
) WITHOUT ROWID;
CREATE INDEX outbox_blobs_sha ON outbox_blobs(sha256);
CREATE TABLE blob_uploads(
    sha256 TEXT PRIMARY KEY,
    uploaded_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE purchase_records(
    account_no TEXT PRIMARY KEY,
    cumulative_kwh REAL NOT NULL,
    last_purchase_date TEXT,
    purchase_count INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL
);
CREATE TABLE customer_mismatch(
    customer_id INTEGER PRIMARY KEY REFERENCES customers(id),
    uuid TEXT NOT NULL UNIQUE,
    mechanical_register REAL,
    remaining_energy REAL,
    difference REAL,
    tier TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE sync_state(
    id INTEGER PRIMARY KEY CHECK(id = 1),
    cursor TEXT NOT NULL DEFAULT '',
    last_sync_at TEXT,
    last_error TEXT NOT NULL DEFAULT ''
);
INSERT INTO sync_state(id) VALUES (1);
)SQL";

// Version 4: what the office answered for an outbox row it did not confirm (refused, or in
// conflict with what it holds: the fields that differ), shown on the sync page until the row is
// confirmed; and customers the office withdrew from this tablet (moved to another crew).
constexpr const char *kV4 = R"SQL(
CREATE TABLE outbox_verdicts(
    seq INTEGER PRIMARY KEY REFERENCES outbox(seq),
    status TEXT NOT NULL CHECK(status IN ('refused','conflict')),
    code TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    fields TEXT NOT NULL DEFAULT '[]',   -- JSON array of field names (conflict)
    at TEXT NOT NULL
);
ALTER TABLE customers ADD COLUMN withdrawn_at TEXT;
)SQL";

} // namespace

QList<Migration> storeMigrations()
{
    return {
        {1, kV1},
        {2, FormEntryRepository::kMigrationSql},  // form_entries (typed form fields)
        {3, TaskCardRepository::kMigrationSql},   // task-level cards: task owner, task_cards
        {4, kV4},                                 // office verdicts, withdrawn customers
        {5, OutboxChain::kMigrationSql},          // record chain: device key, outbox links
        {6, UserRepository::kMigrationSql},       // PIN KDF name, sign-in lock, office reset
        {7, ReviewRepository::kMigrationSql},     // submission rounds, office reviews pulled
        {8, OfficeDeskRepository::kMigrationSql}, // office workstation: answers, unsent decisions
        {9, StockRepository::kMigrationSql},      // stock issued to this tablet's crews
        {10, OfficeDeskRepository::kUserMigrationSql}, // unsent decisions belong to their user
    };
}

} // namespace ms
