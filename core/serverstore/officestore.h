#pragma once
// The office server's record storage, behind an interface so that a PostgreSQL implementation
// can be added beside the SQLite one without touching the server (docs/scaling.md).
// Evidence bytes are not here: see blobstore.h.
#include "model/result.h"
#include "serverstore/officejobstore.h"
#include "serverstore/officestockstore.h"
#include "serverstore/officetypes.h"

#include <optional>

namespace ms::server {

class OfficeStore
{
public:
    virtual ~OfficeStore() = default;

    // Tokens. createToken returns the token text (shown once); only its SHA-256 is stored.
    // `roles` (kOfficeRoles; "office.unknown_role" otherwise) make it an office user's token;
    // none = a field device's token.
    virtual Result<QString> createToken(const QString &device, const QString &user,
                                        const QStringList &roles = {}) = 0;
    // Revokes every valid token of `device`, or the one token whose text is `deviceOrToken`.
    // Returns how many were revoked (0 is an error: "office.unknown_token").
    virtual Result<int> revokeToken(const QString &deviceOrToken) = 0;
    // The valid token with this text, or nullopt (unknown or revoked).
    virtual Result<std::optional<DeviceToken>> authenticate(const QString &token) = 0;
    // SHA-256 (hex) of the newest valid token of `device`: the key of its PIN reset codes
    // (store/pinhash.h). "office.unknown_token" when the device has none (revoked = lost).
    virtual Result<QString> deviceTokenHash(const QString &device) = 0;

    // The device key (hex Ed25519 public key) a token's requests present: bound to the token on
    // first use; another key later is "auth.device_key_mismatch". Idempotent.
    virtual Result<void> bindDeviceKey(const DeviceToken &token, const QString &publicKeyHex) = 0;
    virtual Result<QString> deviceKey(const DeviceToken &token) = 0; // "" = none bound yet

    // Applies a batch of outbox records in ONE transaction, idempotently (uuid + version):
    // the same version again is a Duplicate, an older one is Stale and changes nothing, a record
    // naming evidence the office does not hold is Refused with "sync.missing_blob". A uuid
    // belongs to the device that first stored it: another device is Refused
    // ("record.not_owner"), except for the tasks and customers the office handed out, which
    // several devices may edit: there a different edit is a Conflict. So is the same uuid and
    // version with a different payload. A version more than kMaxVersionStep above the held one
    // is Refused ("record.version_jump"). Rules: docs/sync-protocol.md.
    // naming evidence the office does not hold is Refused with "sync.missing_blob". Each record
    // must continue its device's signed record chain (docs/sync-protocol.md "Record chain"),
    // else it is Refused (sync.unsigned_record, sync.bad_link, sync.bad_signature,
    // sync.chain_broken) and not applied.
    virtual Result<QList<wire::PushResult>> pushRecords(const DeviceToken &from,
                                                  const QList<OutboxEntry> &records) = 0;

    // Evidence files the blob store has completed (hash verified). Idempotent.
    virtual Result<void> recordBlob(const QString &sha256, qint64 size) = 0;
    virtual Result<bool> hasBlob(const QString &sha256) = 0;

    // Tasks and customers assigned to `to`, and tombstones for those taken away from `to`, with
    // seq > cursor, in seq order; the page and its cursor come from one snapshot.
    virtual Result<wire::AssignmentPage> pullAssignments(const DeviceToken &to, qint64 cursor,
                                                   int limit) = 0;
    // Creates or updates a task and its customers (payload JSON as produced by core/sync/wire.h).
    // Each customer is assigned to its own `assignees` plus the common `assignees` (user names;
    // nobody when both are empty); the task to all of them. Unchanged rows keep their version and
    // cursor position; changed ones get version + 1. A customer of the task that `customers` no
    // longer names is withdrawn. Users who lose a row get a tombstone at their next pull.
    virtual Result<ImportSummary> importTask(const wire::Assignment &task,
                                             const QList<wire::Assignment> &customers,
                                             const QStringList &assignees) = 0;

    virtual Result<OfficeStats> stats() = 0;
    // A cheap round trip to the database (the health check): ok while it answers.
    virtual Result<void> ping() = 0;
    virtual Result<QList<BlobReference>> blobReferences() = 0;
    virtual Result<QStringList> blobHashes() = 0; // every evidence file recorded as complete
    virtual Result<void> integrityCheck() = 0;
    // `verify`: every device's record chain and every stored record against it.
    virtual Result<ChainAudit> verifyRecordChains() = 0;

    // The office's picture of the jobs: review and billing queues, decisions, exports, progress
    // (same connection and transactions as this store).
    virtual OfficeJobStore &jobs() = 0;
    // The warehouse's stock: issues, returns, reconciliation (same connection).
    virtual OfficeStockStore &stock() = 0;
};

} // namespace ms::server
