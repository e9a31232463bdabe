#pragma once
// Value types that only the store's API needs (the shared ones are in model/types.h).
#include "model/result.h"
#include "model/review.h"
#include "model/types.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace ms {

// Job list query (job list page, search): all filters combine with AND.
struct JobQuery
{
    QString search;                    // matches 户号, 户名, address, old/new meter asset number
                                       // or comm address (substring, case-insensitive)
    std::optional<JobStatus> status;
    RowId taskId = 0;                  // 0 = all tasks
    int limit = 100;                   // one page
    int offset = 0;

    // Chainable, since GCC 12 warns (-Wmissing-field-initializers) on partial designated
    // initializers: store.jobs().list(JobQuery().matching(text).withStatus(s).page(50, 0)).
    JobQuery &matching(const QString &text) { search = text; return *this; }
    JobQuery &withStatus(JobStatus s) { status = s; return *this; }
    JobQuery &inTask(RowId id) { taskId = id; return *this; }
    JobQuery &page(int pageLimit, int pageOffset = 0) { limit = pageLimit; offset = pageOffset; return *this; }
};

struct JobListItem
{
    Job job;
    Customer customer;
    std::optional<ReviewVerdict> review; // the job's latest office review, if any
    JobState state() const { return jobStateOf(job, review); }
};

// 购电记录 (appendix 4, flow 5.1): the office's cumulative purchase data per account.
struct PurchaseRecord
{
    QString accountNo;                 // 户号
    double cumulativeKwh = 0;          // 累计购电量
    QDate lastPurchaseDate;            // 最后购电日期
    int purchaseCount = 0;             // 购电次数
    QDateTime importedAt;
};

// 机电不符 fields recorded per customer (6.1 on site, 7.1/7.2 computed by the forms engineer).
struct MismatchInfo
{
    RowId customerId = 0;
    std::optional<double> mechanicalRegister; // 机械计度器示数, kWh
    std::optional<double> remainingEnergy;    // 剩余电量, kWh
    std::optional<double> difference;         // 差额电量, kWh (7.1)
    QString tier;                             // 分档 id from the tier configuration
    QString note;
    QDateTime updatedAt;
    int version = 1;
};

// A piece of evidence to save: the record plus its file (bytes or a path to copy).
struct NewEvidence
{
    Evidence record;        // jobId, cardId, requirement, kind, mime, value, unit, meta, userUuid;
                            // uuid / capturedAt are filled in when empty; sha256/size are computed
    QByteArray data;        // file contents; empty = no file (a typed number, a check)
    QString sourcePath;     // or: copy this file (used when data is empty)
    QString supersedes;     // uuid of the evidence this one retakes (it stays, marked superseded)
};

// Chain check of a job's evidence rows (tamper evidence).
struct ChainReport
{
    int rows = 0;
    bool ok = true;
    QString brokenUuid;     // first row whose stored chain hash does not match
    QString message;
};

// What is waiting for sync.
struct PendingCounts
{
    int records = 0;        // unconfirmed outbox rows
    int files = 0;          // distinct blobs named by them and not yet uploaded
    qint64 bytes = 0;       // size of those blobs
};

// What the office answered for an outbox row it did not confirm. The row stays unconfirmed (it
// is sent again at the next sync) and the sync page lists it with the reason.
struct OutboxVerdict
{
    qint64 seq = 0;
    QString entity;         // of the outbox row
    QString uuid;
    int version = 0;
    QString label;          // for people: the customer's 户号 and name, a task's name, else uuid
    QString status;         // "refused" | "conflict"
    QString code;           // e.g. "record.not_owner", "record.conflict"
    QString reason;         // the office's words
    QStringList fields;     // conflict: the fields that differ from what the office holds
};

struct SyncState
{
    QString cursor;         // opaque server cursor for the next assignment pull
    QDateTime lastSyncAt;   // last fully successful sync (null = never)
    QString lastError;      // plain-words message of the last failure (empty = none)
};

// Where a write came from. Records pulled from the office are stored without an outbox row
// (sending them back would be an echo); everything made on this device gets one.
enum class Origin { Local, Office };

} // namespace ms
