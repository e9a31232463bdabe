#pragma once
// What the sync client needs from the tablet side: the outbox, the evidence files, the sync
// bookkeeping and a way to store pulled assignments. StoreSyncLocal implements it over ms::Store.
#include "model/result.h"
#include "model/types.h"
#include "store/storetypes.h"
#include "sync/wire.h"

namespace ms::sync {

class SyncLocal
{
public:
    virtual ~SyncLocal() = default;

    // Unconfirmed rows in seq order. A read that fails is an error: a locked database must never
    // look like "nothing to sync" (so are the other reads).
    virtual Result<QList<OutboxEntry>> pending(int limit, qint64 afterSeq) = 0;
    virtual Result<void> markConfirmed(const QList<qint64> &seqs) = 0;
    virtual Result<PendingCounts> counts() = 0;

    virtual QString evidencePath(const QString &sha256) = 0;  // the local file (never deleted here)
    virtual Result<bool> isBlobUploaded(const QString &sha256) = 0;
    // Files the office has confirmed it holds, in one transaction.
    virtual Result<void> markBlobsUploaded(const QStringList &sha256s) = 0;

    virtual Result<SyncState> syncState() = 0;
    virtual Result<void> setSyncCursor(const QString &cursor) = 0;
    virtual Result<void> recordSyncSuccess(const QDateTime &at) = 0;
    virtual Result<void> recordSyncError(const QString &message) = 0;

    // Stores pulled tasks and customers (creating jobs) and the office's reviews of this
    // tablet's jobs, without outbox rows (no echo), and applies the page's tombstones
    // (withdrawn customers), in one transaction.
    virtual Result<void> importAssignments(const PulledAssignments &page) = 0;

    // This device's public signing key (hex), which the office binds to the token on first use
    // and checks every record's chain signature with (docs/sync-protocol.md "Record chain").
    virtual QString devicePublicKey() = 0;
    // The office's answers for rows it did not confirm (refused, conflict), kept until the row
    // is confirmed so the sync page can list them; and those answers. Default: not kept.
    virtual Result<void> recordVerdicts(const QList<wire::PushResult> &results)
    {
        Q_UNUSED(results);
        return {};
    }
    virtual Result<QList<OutboxVerdict>> verdicts() { return QList<OutboxVerdict>(); }
};

} // namespace ms::sync
