#pragma once
// SyncLocal over the tablet Store (core/store).
#include "sync/synclocal.h"

namespace ms {
class Store;
}

namespace ms::sync {

class StoreSyncLocal final : public SyncLocal
{
public:
    explicit StoreSyncLocal(Store &store);

    Result<QList<OutboxEntry>> pending(int limit, qint64 afterSeq) override;
    Result<void> markConfirmed(const QList<qint64> &seqs) override;
    Result<PendingCounts> counts() override;
    QString evidencePath(const QString &sha256) override;
    Result<bool> isBlobUploaded(const QString &sha256) override;
    Result<void> markBlobsUploaded(const QStringList &sha256s) override;
    Result<SyncState> syncState() override;
    Result<void> setSyncCursor(const QString &cursor) override;
    Result<void> recordSyncSuccess(const QDateTime &at) override;
    Result<void> recordSyncError(const QString &message) override;
    Result<void> importAssignments(const PulledAssignments &page) override;
    QString devicePublicKey() override;
    Result<void> recordVerdicts(const QList<wire::PushResult> &results) override;
    Result<QList<OutboxVerdict>> verdicts() override;

private:
    Store &m_store;
};

} // namespace ms::sync
