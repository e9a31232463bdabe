#pragma once
// Whole evidence files in append-only volumes, the office's home for every file that arrives in
// one request (photos, signatures, short clips). DIR/pack-000001.msp, pack-000002.msp, … each
// hold entries of a 48-byte header ("MSPK", format 1, size, SHA-256) followed by the file's
// bytes. Storing a file costs one write and one fdatasync, not a new inode, an fsync, a rename
// and a directory fsync as a file of its own does (the reason photo stores such as Haystack keep
// volumes). Evidence is never deleted, so volumes need no compaction.
//
// Durability: add() returns after fdatasync. Writes are serialised, and so are syncs (one at a
// time: Linux reports a writeback error to only one of several concurrent syncs). A sync covers
// every write before it, so concurrent uploads share them, and an entry can only be torn by a
// crash if no entry after it was ever acknowledged. open() therefore re-hashes the entries a
// crash may have torn (those after the last clean close), skips a damaged entry to the next
// intact one and cuts only a torn tail (docs/decisions/0012-evidence-volumes.md).
//
// One writer per directory (the `serve` process, an flock on DIR/lock); other processes
// (verify, stats, and the other servers of an office on PostgreSQL, each writing volumes of its
// own) open it read-only and pick up what the writer adds with refresh(). Thread-safe.
#include "model/result.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace ms::server {

class EvidencePack
{
public:
    enum class Mode { ReadOnly, Writer };
    static constexpr qint64 kDefaultVolumeBytes = qint64(256) << 20;
    static constexpr int kHeaderBytes = 48;

    explicit EvidencePack(QString dir, qint64 volumeBytes = kDefaultVolumeBytes);
    ~EvidencePack(); // a writer records how far its volumes are known good (a clean close)
    EvidencePack(const EvidencePack &) = delete;
    EvidencePack &operator=(const EvidencePack &) = delete;

    // Indexes the volumes. Errors: "pack.busy" (another process writes here), "pack.io".
    Result<void> open(Mode mode);

    // Appends a whole file whose bytes the caller has already checked against sha256; durable
    // on return. A file already held is not written again. Errors: "blob.disk_full", "blob.io",
    // "pack.read_only".
    Result<qint64> add(const QString &sha256, const QByteArray &bytes);

    // Read-only: indexes what the writer appended since open() or the last refresh (new volumes,
    // entries added at their ends); an entry still being written is left for the next refresh.
    Result<void> refresh();

    std::optional<qint64> size(const QString &sha256) const;
    Result<QByteArray> read(const QString &sha256) const;
    QStringList list() const;
    // Bytes open() cut off the newest volume because a crash had torn them (0 after a clean close).
    qint64 cutBytes() const { return m_cutBytes; }
    // Bytes open() skipped inside volumes to reach the next intact entry (damage, not a crash).
    qint64 skippedBytes() const { return m_skippedBytes; }
    QString volumePath(int number) const;

    // The data sync (fdatasync). Tests replace it to make a sync fail, which real disks do too
    // rarely to wait for; after a failed sync the volume is left and a new one started.
    using SyncFunction = int (*)(int fd);
    void setSyncFunction(SyncFunction sync) { m_sync = sync; }

private:
    struct Location
    {
        int volume = 0; // number in the file name
        qint64 offset = 0; // of the file's first byte
        qint64 size = 0;
    };
    struct Fd; // closes on destruction; shared so a volume roll never closes a descriptor in use

    Result<void> scanVolume(int number, bool last, qint64 verifiedFrom, qint64 startAt = 0);
    Result<void> startVolume(int number);
    void abandonVolume(const std::shared_ptr<Fd> &writer, int volume, qint64 from);
    QString unsyncedMarkPath(int number) const;
    void writeCleanMark();
    std::optional<Location> find(const QString &sha256) const;

    QString m_dir;
    qint64 m_volumeBytes;
    Mode m_mode = Mode::ReadOnly;
    int m_lockFd = -1;
    mutable QMutex m_mutex;
    QHash<QByteArray, Location> m_index; // raw 32-byte hash → where
    std::vector<int> m_volumes;          // numbers, ascending
    QHash<int, qint64> m_scanned;        // read-only: how far each volume is indexed
    int m_finishedBelow = 0;             // read-only: volumes below this are indexed to their end
    std::shared_ptr<Fd> m_writer;        // the newest volume, open for writing
    int m_writerVolume = 0;
    qint64 m_end = 0;                    // bytes in the newest volume
    qint64 m_cutBytes = 0;
    qint64 m_skippedBytes = 0;
    Mode m_openingMode = Mode::ReadOnly;
    SyncFunction m_sync;
    QMutex m_syncMutex;
};

} // namespace ms::server
