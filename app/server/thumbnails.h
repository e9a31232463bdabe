#pragma once
// Thumbnails of evidence photos, made at the office on first request with QImage (JPEG, at most
// 320 px on the long side) and kept in their own directory beside the evidence (never inside
// the evidence volumes, which hold only what the devices sent).
#include "serverstore/blobstore.h"

#include <QString>

namespace ms::server {

class Thumbnails
{
public:
    static constexpr int kMaxSide = 320;

    Thumbnails(BlobStore &blobs, QString dir);
    // The thumbnail's JPEG bytes, made now if it was not made before. Errors: "blob.not_found"
    // (the office does not hold the file), "thumb.not_image" (not a picture QImage reads),
    // "thumb.io".
    Result<QByteArray> get(const QString &sha256);

private:
    QString pathOf(const QString &sha256) const;

    BlobStore &m_blobs;
    QString m_dir;
};

} // namespace ms::server
