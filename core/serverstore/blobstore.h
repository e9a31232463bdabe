#pragma once
// Evidence files on the office side, addressed by SHA-256 and written resumably: the bytes a
// client has sent so far are kept (also across server restarts) and the next chunk must start
// exactly there. A file becomes visible only after its hash was verified. Behind an interface so
// an object store (S3 multipart upload) can replace the directory (docs/scaling.md).
#include "model/result.h"
#include "model/sha256.h"
#include "model/wiretypes.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace ms::server {



// Who sends a file in several chunks. A partial upload belongs to the token that started it (or
// another token of the same device, which the office may have re-issued); {} for tools and tests.
struct UploadOwner
{
    qint64 tokenId = 0;
    QString device;
};

class BlobStore
{
public:
    virtual ~BlobStore() = default;

    virtual Result<wire::BlobState> state(const QString &sha256) = 0;
    // Appends `bytes` at `offset` of a file of `totalSize` bytes. Errors: "blob.offset_mismatch"
    // (offset != bytes held; the message names the held offset), "blob.too_large" (past
    // totalSize), "blob.hash_mismatch" (all bytes arrived but they do not hash to sha256: the
    // partial file is discarded), "blob.partial_foreign" (another device's unfinished upload),
    // "blob.total_mismatch" (not the total the upload started with), "blob.partial_quota" (the
    // device's unfinished uploads would pass its quota), "blob.disk_full", "blob.io".
    // A whole file in one request is always taken (its hash proves it), whoever sends it.
    virtual Result<wire::BlobState> append(const QString &sha256, qint64 offset, qint64 totalSize,
                                     const QByteArray &bytes, const UploadOwner &owner = {}) = 0;
    // Re-hashes a stored file: ok() when it exists and matches its name.
    virtual Result<void> verify(const QString &sha256) = 0;
    virtual Result<QStringList> list() = 0; // complete files
    virtual Result<qint64> size(const QString &sha256) = 0;
    virtual Result<QByteArray> read(const QString &sha256) = 0; // a complete file's bytes
};


} // namespace ms::server
