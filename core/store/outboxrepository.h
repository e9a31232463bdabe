#pragma once
// 发件箱: every local change appends one row in the same transaction; sync sends them in seq
// order and marks them confirmed when the office acknowledges. Confirmed rows are kept.
#include "model/result.h"
#include "model/types.h"
#include "store/storetypes.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace ms {

class Database;
class Store;

class OutboxRepository
{
public:
    OutboxRepository(Database &db, Store &store);

    // Appends a row; call inside the caller's Transaction. Repositories do this for you.
    Result<qint64> append(const QString &entity, const QString &uuid, int version,
                          const QString &op, const QJsonObject &payload,
                          const QStringList &blobs = {});

    // Unconfirmed rows in seq order, at most `limit`, starting after `afterSeq`. A read that fails
    // (a locked or damaged database) is an error, never "nothing to sync"; so are the reads below.
    Result<QList<OutboxEntry>> pending(int limit = 500, qint64 afterSeq = 0);
    Result<QList<OutboxEntry>> all(int limit = 1000);       // newest last (tests, diagnostics)
    Result<void> markConfirmed(const QList<qint64> &seqs);  // one transaction
    // Remembers the office's answer for rows it did not confirm (seq, status, code, reason,
    // fields of each verdict; the rest is read from the row), replacing an earlier one.
    Result<void> recordVerdicts(const QList<OutboxVerdict> &verdicts); // one transaction
    Result<QList<OutboxVerdict>> verdicts(); // of the rows still unconfirmed, in seq order
    Result<PendingCounts> counts();

    // Evidence blobs that sync has uploaded (office confirmed it holds them).
    Result<void> markBlobsUploaded(const QStringList &sha256s); // one transaction
    Result<bool> isBlobUploaded(const QString &sha256);
    // Pending blobs (named by unconfirmed rows, not yet uploaded), in outbox order.
    Result<QStringList> pendingBlobs();

    Result<SyncState> syncState(); // an empty state before the first sync
    Result<void> setSyncCursor(const QString &cursor);
    Result<void> recordSyncSuccess(const QDateTime &at);
    Result<void> recordSyncError(const QString &message);

private:
    Database &m_db;
    Store &m_store;
};

} // namespace ms
