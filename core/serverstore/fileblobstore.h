#pragma once
// BlobStore on a local directory:
// - a file that arrives whole in one request (a photo, a signature) is hashed from memory and
//   appended to the evidence volumes in ROOT/packs (EvidencePack: one fdatasync per file);
// - a file sent in several chunks (a video, or a photo whose upload was cut) collects in
//   ROOT/partial/<sha>.part; on completion it is hashed, fsynced and renamed to ROOT/ab/abcdef…,
//   followed by an fsync of the directory.
// Thread-safe: the office serves on several threads; calls on the same file are serialised
// (striped locks by hash), calls on different files run in parallel.
// Several servers (an office on PostgreSQL, docs/scaling.md) share one ROOT: each writes volumes
// of its own in ROOT/packs/<writer> and reads everyone's (ROOT/packs and every other writer's,
// picked up as they grow); a chunked upload's ROOT/partial/<sha>.part may be continued on any
// server (appends to partials take the flock ROOT/partial.lock across processes).
#include "serverstore/blobstore.h"
#include "serverstore/evidencepack.h"

#include <QMutex>

#include <array>
#include <optional>

#include <map>
#include <memory>

namespace ms::server {

class FileBlobStore final : public BlobStore
{
public:
    // `writer` "": volumes in ROOT/packs (one server); else ROOT/packs/<writer>.
    explicit FileBlobStore(QString rootDir, QString writer = {});
    ~FileBlobStore() override;

    // Creates the directories and indexes the volumes. Only the serving process writes
    // (EvidencePack::Mode::Writer, one per directory); commands such as verify read.
    Result<void> init(EvidencePack::Mode mode = EvidencePack::Mode::Writer);
    Result<wire::BlobState> state(const QString &sha256) override;
    Result<wire::BlobState> append(const QString &sha256, qint64 offset, qint64 totalSize,
                             const QByteArray &bytes, const UploadOwner &owner = {}) override;
    Result<void> verify(const QString &sha256) override;
    Result<QStringList> list() override;
    Result<qint64> size(const QString &sha256) override;
    Result<QByteArray> read(const QString &sha256) override;

    QString finalPath(const QString &sha256) const;
    QString partialPath(const QString &sha256) const;

    // Unfinished uploads (ROOT/partial/<sha>.part, with <sha>.meta naming the owner and the
    // declared total): at most `quotaBytes` of declared totals per device; removed by
    // expirePartials() when untouched for `expiryDays`.
    void setPartialLimits(qint64 quotaBytes, int expiryDays);
    int expirePartials(); // how many were removed

private:
    struct PartialMeta
    {
        UploadOwner owner;
        qint64 total = 0;
    };
    QString metaPath(const QString &sha256) const;
    std::optional<PartialMeta> readMeta(const QString &sha256) const;
    // Checks who may continue this partial, or starts one for `owner` (quota permitting).
    Result<void> claimPartial(const QString &sha256, qint64 totalSize, const UploadOwner &owner);
    void dropPartial(const QString &sha256);

    Result<wire::BlobState> stateLocked(const QString &sha256);
    Result<wire::BlobState> complete(const QString &sha256); // a multi-chunk file's last chunk is in
    QMutex &lockFor(const QString &sha256);
    // The volumes holding a whole file: this store's own, else another writer's (looked for
    // again, as they grow, when not found).
    const EvidencePack *holder(const QString &sha256);
    Result<void> refreshOthers();
    QString m_root;
    EvidencePack m_pack;
    QString m_ownDir;
    QMutex m_othersMutex;
    std::map<QString, std::unique_ptr<EvidencePack>> m_others; // dir -> read-only volumes
    int m_partialLockFd = -1;
    std::array<QMutex, 64> m_stripes;
    QMutex m_partials; // starting a partial: the quota counts every partial of the device
    qint64 m_partialQuota = qint64(8) << 30;
    int m_partialExpiryDays = 7;
};

} // namespace ms::server
