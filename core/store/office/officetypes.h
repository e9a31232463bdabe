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

// What happened to one pushed outbox record.
enum class PushStatus {
    Stored,    // new, or a newer version than the office had
    Duplicate, // the office already holds this uuid at this version
    Stale,     // the office holds a newer version; the pushed one was not applied
    Refused    // not applied; `code`/`reason` say why (missing evidence, bad record)
};
QString pushStatusKey(PushStatus s); // "stored" | "duplicate" | "stale" | "refused"
std::optional<PushStatus> pushStatusFromKey(const QString &key);

struct PushResult
{
    qint64 seq = 0;
    QString uuid;
    int version = 0;
    PushStatus status = PushStatus::Refused;
    QString code;   // machine code when refused, e.g. "sync.missing_blob"
    QString reason; // human text when refused
    // Confirmed means the tablet may mark the outbox row done (everything except Refused).
    bool confirmed() const { return status != PushStatus::Refused; }
};

// One assignment row handed down to tablets: a task or a customer, with its JSON payload.
struct Assignment
{
    qint64 seq = 0;      // cursor position; pull asks for seq > cursor
    QString entity;      // "task" | "customer"
    QString uuid;
    int version = 1;
    QJsonObject payload;
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
