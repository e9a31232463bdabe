#pragma once
// Content-addressed evidence files under DIR/evidence/ab/abcdef…(64 hex).
// write(): temporary name → write → fsync → rename to the SHA-256 name → fsync the directory.
// Only then may the row that names the file be committed (EvidenceRepository does this).
#include "model/result.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <functional>

namespace ms {

struct BlobInfo
{
    QString sha256;     // lower-case hex
    qint64 size = 0;
    bool existed = false; // the same bytes were already stored (nothing was written)
};

// What the start-up sweep may do. Evidence is never deleted by a guess: a file no record names
// is moved to the quarantine folder (never deleted), and only while the database can account for
// the files; a file is deleted only when the store says every record naming it was superseded
// and the office confirmed both the records and the file.
struct SweepPlan
{
    QSet<QString> referenced;  // files some record or pending outbox row names: kept in place
    QSet<QString> reclaimable; // only superseded rows name them, all confirmed: may be deleted
    bool touchOrphans = true;  // false (database new, moved aside, or on hold): leave all as found
};

struct SweepReport
{
    int temporariesRemoved = 0;  // interrupted writes (never named by a record)
    int orphansQuarantined = 0;  // evidence files no record names, moved to quarantineDir
    int supersededRemoved = 0;   // retaken and confirmed by the office
    int unaccounted = 0;         // files no record names, left in place (database can't account)
    bool leftAsFound = false;    // the sweep changed nothing on purpose (see SweepPlan)
    qint64 bytesFreed = 0;
    QString quarantineDir;
};

class EvidenceFiles
{
public:
    // Test seam: called before each chunk is written with the bytes written so far; returning
    // an errno value (e.g. ENOSPC) makes that write fail as the OS would. Empty = no injection.
    using WriteFault = std::function<int(qint64 bytesSoFar)>;

    explicit EvidenceFiles(QString rootDir, WriteFault fault = {});

    QString rootDir() const { return m_root; }
    // Where the file for `sha256` lives (whether or not it exists).
    QString path(const QString &sha256) const;
    bool exists(const QString &sha256) const;
    qint64 size(const QString &sha256) const; // -1 when missing

    // Stores bytes / a copy of a file. Errors: "store.disk_full" (ENOSPC, EDQUOT, EFBIG: nothing
    // is left behind), "store.io" (anything else, with the OS message), "store.bad_input"
    // (source file unreadable). Writing bytes that already exist is a no-op (existed = true).
    Result<BlobInfo> write(const QByteArray &data);
    Result<BlobInfo> writeFile(const QString &sourcePath);

    // Re-hashes the stored file. Errors: "store.evidence_missing", "store.evidence_mismatch".
    Result<void> verify(const QString &sha256) const;

    // Removes an unreferenced file (used when a transaction that would have named it fails).
    void discard(const QString &sha256);

    // Start-up sweep (see SweepPlan). Orphans go to quarantineDir() unless there are more than
    // a crash can leave (kMaxQuarantine) or the database names none of the files: then it
    // cannot account for them, and nothing at all is touched.
    SweepReport sweep(const SweepPlan &plan);
    // DIR/evidence-quarantine, beside the evidence folder (outside it, so never swept).
    QString quarantineDir() const;
    static constexpr int kMaxQuarantine = 8;

    static QString sha256Hex(const QByteArray &data);

private:
    Result<BlobInfo> writeStream(const std::function<qint64(char *, qint64)> &read,
                                 qint64 expectedSize);
    QString m_root;
    WriteFault m_fault;
};

} // namespace ms
