#pragma once
// Value types of the office server's storage (办公室服务器存储). They are what the storage
// interfaces speak; the JSON wire format (core/sync/wire.h) converts them to and from bytes.
#include "model/recordchain.h"
#include "model/types.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ms::office {

// A device token as the server knows it. The token text itself is never stored, only its hash.
struct DeviceToken
{
    qint64 id = 0;
    QString device;
    QString user;
    QDateTime createdAt;
    QDateTime revokedAt; // null while valid
};

// What happened to one pushed outbox record (docs/sync-protocol.md, "POST records").
enum class PushStatus {
    Stored,    // new, or a newer version than the office had
    Duplicate, // the office already holds this uuid at this version with the same content
    Stale,     // the office holds a newer version from the same device; nothing changed
    Refused,   // not applied; `code`/`reason` say why (missing evidence, another device's
               // record, a version jump, a bad record)
    Conflict   // the office holds a different record under this uuid and version (or another
               // device's edit of the same customer/task): both are kept, `fields` name what
               // differs, and the tablet keeps its row until the office resolves it
};
// "stored" | "duplicate" | "stale" | "refused" | "conflict"
QString pushStatusKey(PushStatus s);
std::optional<PushStatus> pushStatusFromKey(const QString &key);

// A record's version may grow by at most this much over what the office holds (or over the
// assignment the office sent, for a task or customer); a bigger jump is refused with
// "record.version_jump", so a stray 2^31-1 cannot make every later version of a uuid stale.
inline constexpr int kMaxVersionStep = 1000;

struct PushResult
{
    qint64 seq = 0;
    QString uuid;
    int version = 0;
    PushStatus status = PushStatus::Refused;
    QString code;   // machine code when refused or in conflict, e.g. "sync.missing_blob"
    QString reason; // human text when refused or in conflict
    QStringList fields = {}; // conflict: the fields that differ ("phone", "old_meter.model")
    // Confirmed means the tablet may mark the outbox row done (stored, duplicate, stale).
    bool confirmed() const
    {
        return status != PushStatus::Refused && status != PushStatus::Conflict;
    }
};

// One assignment row handed down to tablets: a task or a customer, with its JSON payload, or
// a tombstone saying that it was withdrawn from the pulling user (moved to another crew or
// taken out of its task).
struct Assignment
{
    qint64 seq = 0;      // cursor position; pull asks for seq > cursor
    QString entity;      // "task" | "customer"
    QString uuid;
    int version = 1;
    QJsonObject payload; // empty in a tombstone
    QStringList assignees = {}; // import: who gets this customer besides the import's common list
    bool withdrawn = false; // pull: a tombstone (the payload is empty)
    QString taskUuid = {};  // pull: the task a withdrawn customer belonged to
};

struct AssignmentPage
{
    QList<Assignment> items;
    qint64 cursor = 0;   // pass back on the next pull
    bool more = false;   // another page is waiting
};

struct ImportSummary
{
    QString taskUuid;
    int customersCreated = 0;
    int customersUpdated = 0;
    int customersUnchanged = 0;
    bool taskCreated = false;
    // Customers the office held for this task that the imported file no longer has: withdrawn
    // from every tablet that had them (account numbers).
    QStringList customersWithdrawn = {};
};

struct OfficeStats
{
    qint64 tasks = 0;
    qint64 customers = 0;
    qint64 jobs = 0;
    qint64 records = 0;
    qint64 evidenceFiles = 0;
    qint64 evidenceBytes = 0;
    qint64 devices = 0; // tokens not revoked
    qint64 jobsDone = 0;        // customers whose job is done by the merge rule (sync-protocol.md)
    qint64 conflicts = 0;       // conflicting records not yet resolved
    qint64 unassignedTasks = 0; // tasks assigned to nobody: no tablet receives them
};

// A record's reference to an evidence file, for `verify`.
struct BlobReference
{
    QString recordUuid;
    QString entity;
    QString sha256;
};

// What `verify` found walking the record chains (OfficeStore::verifyRecordChains).
struct ChainAudit
{
    int devices = 0;          // device keys known
    int links = 0;            // chain positions walked
    int records = 0;          // stored records checked against the hash their device signed
    int unsignedRecords = 0;  // stored before the office checked chains, unchanged since
    QList<chain::Problem> problems;
};

} // namespace ms::office
