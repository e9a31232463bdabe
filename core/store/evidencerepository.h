#pragma once
// 证据: rows naming content-addressed files. Never updated in place: a retake is a new row that
// supersedes the old one. A row belongs to a job, or (task-level cards, record.taskId set and
// jobId 0) to a task. Each job's (task's) rows form a hash chain: chain_hash = sha256(previous chain
// hash of the job ("" for the first) + canonical JSON of the row), checked by verifyChain().
#include "model/result.h"
#include "model/types.h"
#include "store/storetypes.h"

#include <QList>
#include <QSet>
#include <optional>

namespace ms {

class Database;
class EvidenceFiles;
class Statement;
class Store;
class OutboxRepository;

class EvidenceRepository
{
public:
    EvidenceRepository(Database &db, EvidenceFiles &files, Store &store, OutboxRepository &outbox);

    // Writes the files (temp → fsync → rename → fsync dir), then commits all rows and their
    // outbox rows in ONE transaction: all or nothing. On failure files written by this call
    // that nothing else names are removed. Errors: "store.disk_full", "store.bad_input"
    // (unknown job, missing file, superseding an unknown uuid), "store.io".
    Result<QList<Evidence>> add(const QList<NewEvidence> &items);
    Result<Evidence> add(const NewEvidence &item);

    QList<Evidence> forJob(RowId jobId, bool includeSuperseded = false);
    QList<Evidence> forCard(RowId jobId, const QString &cardId, bool includeSuperseded = false);
    // A task's own evidence (task-level cards, Evidence::taskId set, jobId 0); its own chain.
    QList<Evidence> forTask(RowId taskId, bool includeSuperseded = false);
    Result<Evidence> byUuid(const QString &uuid);
    QString supersededBy(const QString &uuid);     // empty when current
    QString chainHash(const QString &uuid);

    ChainReport verifyChain(RowId jobId);
    ChainReport verifyTaskChain(RowId taskId);
    // Every row's file exists and matches its hash (crash test, `meterswapctl` diagnostics).
    Result<void> verifyFiles(RowId jobId = 0);    // 0 = all jobs
    // Files some record or pending outbox row names (the start-up sweep keeps them in place).
    Result<QSet<QString>> referencedBlobs();
    // Files only superseded rows name, with the rows and the file confirmed by the office.
    Result<QSet<QString>> reclaimableBlobs();

    // Canonical JSON of a row as hashed into the chain (sorted keys, no chain fields).
    static QByteArray canonicalJson(const Evidence &e, const QString &supersedes);

private:
    Result<QSet<QString>> shaSet(const QString &sql);
    // The rows of one owner (ownerColumn "job_id" or "task_id"), optionally of one card, oldest
    // first; without includeSuperseded only rows no retake has replaced.
    Result<Statement> selectOf(const QString &ownerColumn, RowId ownerId,
                               const std::optional<QString> &cardId, bool includeSuperseded);
    QList<Evidence> listOf(const QString &ownerColumn, RowId ownerId,
                           const std::optional<QString> &cardId, bool includeSuperseded);
    ChainReport verifyChainOf(const QString &ownerColumn, RowId ownerId);

    Database &m_db;
    EvidenceFiles &m_files;
    Store &m_store;
    OutboxRepository &m_outbox;
};

} // namespace ms
