#pragma once
// 证据: rows naming content-addressed files. Never updated in place: a retake is a new row that
// supersedes the old one. A row belongs to one owner (model/recordowner.h): a job, or (task-level
// cards, record.taskId set and jobId 0) a task. Each owner's rows form a hash chain: chain_hash =
// sha256(previous chain hash of the owner ("" for the first) + canonical JSON of the row),
// checked by verifyChain().
#include "model/recordowner.h"
#include "model/result.h"
#include "model/types.h"
#include "store/storetypes.h"

#include <QList>
#include <QSet>

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

    // The owner's rows (a job's, or a task's for its task-level cards), of one card when cardId is
    // not empty, oldest first; without includeSuperseded only rows no retake has replaced. A read
    // that fails is an error ("store.busy", "store.corrupt"), never an empty list.
    Result<QList<Evidence>> list(const RecordOwner &owner, const QString &cardId = {},
                                 bool includeSuperseded = false);
    Result<Evidence> byUuid(const QString &uuid);
    Result<QString> supersededBy(const QString &uuid); // "" when current
    Result<QString> chainHash(const QString &uuid);    // "" when there is no such evidence

    // The owner's chain (a job's rows, or a task's: each owner has its own).
    ChainReport verifyChain(const RecordOwner &owner);
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
    // The first column of the first row of `sql` bound to `arg` ("" when there is none).
    Result<QString> firstText(const QString &sql, const QString &arg);
    // The statement behind list() and verifyChain().
    Result<Statement> selectOf(const RecordOwner &owner, const QString &cardId,
                               bool includeSuperseded);

    Database &m_db;
    EvidenceFiles &m_files;
    Store &m_store;
    OutboxRepository &m_outbox;
};

} // namespace ms
