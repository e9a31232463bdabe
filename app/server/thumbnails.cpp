#include "thumbnails.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSaveFile>

namespace ms::server {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::server::Thumbnails)
};
} // namespace

Thumbnails::Thumbnails(BlobStore &blobs, QString dir) : m_blobs(blobs), m_dir(std::move(dir)) {}

QString Thumbnails::pathOf(const QString &sha256) const
{
    return m_dir + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256
        + QStringLiteral(".jpg");
}

Result<QByteArray> Thumbnails::get(const QString &sha256)
{
    const QString path = pathOf(sha256);
    if (QFile cached(path); cached.open(QIODevice::ReadOnly))
        return cached.readAll();
    auto state = m_blobs.state(sha256);
    if (!state)
        return state.error();
    if (!state->complete)
        return makeError(QStringLiteral("blob.not_found"),
                         Tr::tr("办公室没有证据文件 %1（尚未上传完）").arg(sha256));
    auto bytes = m_blobs.read(sha256);
    if (!bytes)
        return bytes.error();
    QImage image;
    if (!image.loadFromData(*bytes))
        return makeError(QStringLiteral("thumb.not_image"),
                         Tr::tr("证据文件 %1 不是可以缩略的图片").arg(sha256));
    if (image.width() > kMaxSide || image.height() > kMaxSide)
        image = image.scaled(kMaxSide, kMaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "JPEG", 80))
        return makeError(QStringLiteral("thumb.io"), Tr::tr("无法生成 %1 的缩略图").arg(sha256));
    // Kept for the next request; several workers making the same one write the same bytes.
    QDir().mkpath(path.section(QLatin1Char('/'), 0, -2));
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(jpeg) == jpeg.size())
        file.commit();
    return jpeg;
}

} // namespace ms::server
