#pragma once
// BlobStore on a local directory: ROOT/ab/abcdef… for complete files, ROOT/partial/<sha>.part for
// uploads in progress. Completion: hash the partial file, fsync, rename into place, fsync the dir.
// Thread-safe: the office serves on several threads; calls on the same file are serialised
// (striped locks by hash), calls on different files run in parallel.
#include "store/office/blobstore.h"

#include <QMutex>

#include <array>

namespace ms::office {

class FileBlobStore final : public BlobStore
{
public:
    explicit FileBlobStore(QString rootDir);

    Result<void> init(); // creates the directories
    Result<BlobState> state(const QString &sha256) override;
    Result<BlobState> append(const QString &sha256, qint64 offset, qint64 totalSize,
                             const QByteArray &bytes) override;
    Result<void> verify(const QString &sha256) override;
    Result<QStringList> list() override;
    Result<qint64> size(const QString &sha256) override;

    QString finalPath(const QString &sha256) const;
    QString partialPath(const QString &sha256) const;

private:
    Result<BlobState> stateLocked(const QString &sha256) const;
    Result<BlobState> complete(const QString &sha256, const QByteArray *wholeFile);
    QMutex &lockFor(const QString &sha256);
    QString m_root;
    std::array<QMutex, 64> m_stripes;
};

} // namespace ms::office
