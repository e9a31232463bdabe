#include "sync/storesynclocal.h"

#include "store/store.h"
#include "store/transaction.h"

#include <QMap>

namespace ms::sync {

StoreSyncLocal::StoreSyncLocal(Store &store) : m_store(store) {}

Result<QList<OutboxEntry>> StoreSyncLocal::pending(int limit, qint64 afterSeq)
{
    return m_store.outbox().pending(limit, afterSeq);
}

Result<void> StoreSyncLocal::markConfirmed(const QList<qint64> &seqs)
{
    return m_store.outbox().markConfirmed(seqs);
}

Result<PendingCounts> StoreSyncLocal::counts() { return m_store.outbox().counts(); }

QString StoreSyncLocal::evidencePath(const QString &sha256) { return m_store.files().path(sha256); }

Result<bool> StoreSyncLocal::isBlobUploaded(const QString &sha256)
{
    return m_store.outbox().isBlobUploaded(sha256);
}

Result<void> StoreSyncLocal::markBlobsUploaded(const QStringList &sha256s)
{
    return m_store.outbox().markBlobsUploaded(sha256s);
}

Result<SyncState> StoreSyncLocal::syncState() { return m_store.outbox().syncState(); }

Result<void> StoreSyncLocal::setSyncCursor(const QString &cursor)
{
    return m_store.outbox().setSyncCursor(cursor);
}

Result<void> StoreSyncLocal::recordSyncSuccess(const QDateTime &at)
{
    return m_store.outbox().recordSyncSuccess(at);
}

Result<void> StoreSyncLocal::recordSyncError(const QString &message)
{
    return m_store.outbox().recordSyncError(message);
}

QString StoreSyncLocal::devicePublicKey() { return m_store.outboxChain().publicKeyHex(); }

Result<void> StoreSyncLocal::importAssignments(const PulledAssignments &page)
{
    // Customers grouped by task; a customer whose task came in an earlier page is imported
    // under the task already on the tablet.
    QMap<QString, QList<Customer>> byTask;
    for (const PulledCustomer &c : page.customers)
        byTask[c.taskUuid] << c.customer;
    Transaction tx(m_store.database());
    if (!tx.ok())
        return tx.error();
    for (const Task &task : page.tasks) {
        auto r = m_store.tasks().importTask(task, byTask.take(task.uuid), Origin::Office);
        if (!r)
            return r.error();
    }
    for (auto it = byTask.cbegin(); it != byTask.cend(); ++it) {
        auto task = m_store.tasks().byUuid(it.key());
        if (!task)
            return task.error();
        auto r = m_store.tasks().importTask(*task, it.value(), Origin::Office);
        if (!r)
            return r.error();
    }
    // The office's reviews of this tablet's jobs: kept, never pushed back (no outbox row).
    if (auto r = m_store.reviews().applyPulled(page.reviews); !r)
        return r.error();
    // What the warehouse issued to this tablet's crews (the office's records, not pushed back).
    if (auto r = m_store.stock().applyPulled(page.stock); !r)
        return r.error();
    for (const Withdrawal &w : page.withdrawn) {
        auto r = w.entity == QLatin1String("task") ? m_store.tasks().withdrawTask(w.uuid)
                                                   : m_store.tasks().withdrawCustomer(w.uuid);
        if (!r)
            return r.error();
    }
    return tx.commit();
}

Result<void> StoreSyncLocal::recordVerdicts(const QList<wire::PushResult> &results)
{
    QList<OutboxVerdict> verdicts;
    for (const wire::PushResult &r : results) {
        OutboxVerdict v;
        v.seq = r.seq;
        v.status = wire::pushStatusKey(r.status);
        v.code = r.code;
        v.reason = r.reason;
        v.fields = r.fields;
        verdicts << v;
    }
    return m_store.outbox().recordVerdicts(verdicts);
}

Result<QList<OutboxVerdict>> StoreSyncLocal::verdicts() { return m_store.outbox().verdicts(); }

} // namespace ms::sync
