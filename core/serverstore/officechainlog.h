#pragma once
// The office's log of every device's record chain (docs/sync-protocol.md "Record chain"): the
// device key each token presented first (a different one later is refused), and for every record
// a device pushed, its position, link, signature and record hash, whatever became of the record
// itself. pushRecords admits a record only if it continues its device's chain; verify() walks
// every chain again and checks each stored record against the hash its device signed.
// Part of SqlOfficeStore: same connection, same transactions.
#include "model/recordchain.h"
#include "model/result.h"
#include "serverstore/officetypes.h"
#include "serverstore/sqlconnection.h"

#include <QHash>

#include <optional>

namespace ms::server {

class OfficeChainLog
{
public:
    explicit OfficeChainLog(SqlConnection &db);

    // Office migration 3: tokens.device_key, device_keys, record_chain, unsigned_records.
    static const char *const kMigrationSql;

    // Binds `publicKeyHex` (64 hex digits) to the token if it has none yet. Errors:
    // "sync.bad_device_key" (not an Ed25519 public key), "auth.device_key_mismatch" (the token
    // is bound to another key).
    Result<void> bindKey(const DeviceToken &token, const QString &publicKeyHex);

    struct BoundKey
    {
        qint64 id = 0;      // device_keys.id
        QString publicKey;  // hex
        QString device;
    };
    Result<std::optional<BoundKey>> boundKey(qint64 tokenId);

    // A device's chain as one pushed batch sees it: what the office holds at the batch's
    // positions and the chain's head, read once (read()), then admitted and noted record by
    // record in memory, exactly as if each were written before the next is checked, and
    // written at the end in three statements (write()). The caller holds the device's lock.
    struct Batch
    {
        std::optional<BoundKey> key;
        qint64 anchorN = 0, headN = 0;
        QString anchorPrev, headLink;
        bool headMoved = false;
        QHash<qint64, QString> links; // position -> link, held before or noted in this batch
        struct Row
        {
            qint64 n = 0;
            QString prev, link, signature, recordHash, uuid;
            int version = 0;
            QString status;
        };
        QList<Row> inserts;                // positions new to the office
        QHash<qint64, qsizetype> insertAt; // position -> index in inserts
        QHash<qint64, QString> updates;    // positions held before -> the newest outcome
    };
    Result<Batch> read(const std::optional<BoundKey> &key, const QList<OutboxEntry> &records);

    // Whether record `r` may be applied: its link is well formed, its content hashes to it, the
    // key signed it, and it is either already in the log (a record sent again) or the next
    // position. `refusal` is set when not (codes sync.unsigned_record, sync.no_device_key,
    // sync.bad_link, sync.bad_signature, sync.chain_broken).
    struct Admission
    {
        qint64 keyId = 0;
        bool known = false;                 // this very link is in the log already
        QByteArray recordHash;              // of the record's content, as its link signs it
        std::optional<wire::PushResult> refusal;
    };
    static Admission admit(const Batch &batch, const OutboxEntry &r);
    // Logs an admitted record (or updates the outcome of one sent again), moving the head on.
    static void note(Batch &batch, const Admission &admission, const OutboxEntry &r,
                     wire::PushStatus status);
    Result<void> write(const Batch &batch);

    // Every device's log walked from its first to its newest position; every stored record
    // checked against the hash its device signed; every acknowledged record still there.
    Result<ChainAudit> verify();

private:
    // verify()'s three passes (officechainverify.cpp)
    Result<void> walkChains(ChainAudit &audit);
    Result<void> checkRecords(ChainAudit &audit);
    Result<void> findDeletedRecords(ChainAudit &audit);

    SqlConnection &m_db;
};

} // namespace ms::server
