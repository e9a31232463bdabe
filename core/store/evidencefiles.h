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

struct SweepReport
{
    int temporariesRemoved = 0;
    int orphansRemoved = 0;
    qint64 bytesFreed = 0;
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

    // Start-up sweep: removes every temporary and every file whose hash is not in `referenced`.
    SweepReport sweep(const QSet<QString> &referenced);

    static QString sha256Hex(const QByteArray &data);
    static bool isSha256Hex(const QString &s);

private:
    Result<BlobInfo> writeStream(const std::function<qint64(char *, qint64)> &read,
                                 qint64 expectedSize);
    QString m_root;
    WriteFault m_fault;
};

} // namespace ms
