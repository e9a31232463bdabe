#pragma once
// Value types of the office server's storage (办公室服务器存储). They are what the storage
// interfaces speak; the JSON wire format (core/sync/wire.h) converts them to and from bytes.
#include "model/recordchain.h"
#include "model/types.h"
#include "model/wiretypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ms::server {

// A device token as the server knows it. The token text itself is never stored, only its hash.
struct DeviceToken
{
    qint64 id = 0;
    QString device;
    QString user;
    QDateTime createdAt;
    QDateTime revokedAt; // null while valid
    QStringList roles = {}; // office roles (kOfficeRoles); empty = a field device
    bool isOffice() const { return !roles.isEmpty(); }
};

// The roles an office token may carry (issue 14 §2): review, billing check and export,
// progress, stock (a later issue).
inline const QStringList kOfficeRoles{QStringLiteral("office_clerk"), QStringLiteral("billing"),
                                      QStringLiteral("engineer"), QStringLiteral("warehouse")};



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

} // namespace ms::server
