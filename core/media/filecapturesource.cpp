#include "media/filecapturesource.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QMimeDatabase>
#include <QTimer>

namespace ms {

FileCaptureSource::FileCaptureSource(QObject *parent) : CaptureSource(parent) {}

QString FileCaptureSource::description() const
{
    return tr("从文件导入");
}

void FileCaptureSource::capture()
{
    // Deliver asynchronously, like a camera, so callers write one code path.
    QTimer::singleShot(0, this, [this] {
        auto loaded = load(m_path);
        if (loaded)
            emit captured(loaded.value());
        else
            emit failed(loaded.error());
    });
}

Result<CapturedMedia> FileCaptureSource::load(const QString &path, qint64 maxBytes)
{
    if (path.isEmpty())
        return makeError(QStringLiteral("media.no_file"), tr("没有选择文件：请选择一张照片或一段视频。"));
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
        return makeError(QStringLiteral("media.missing"),
                         tr("找不到文件 %1：请检查存储卡或重新选择。").arg(path));
    if (info.size() == 0)
        return makeError(QStringLiteral("media.empty"),
                         tr("文件 %1 是空的：请重新拍摄或选择其他文件。").arg(path));
    if (info.size() > maxBytes)
        return makeError(QStringLiteral("media.too_large"),
                         tr("文件 %1 太大（%2 MB）：请选择小于 %3 MB 的文件。")
                             .arg(path)
                             .arg(info.size() / (1024 * 1024))
                             .arg(maxBytes / (1024 * 1024)));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("media.unreadable"),
                         tr("无法读取文件 %1（%2）：请检查权限后重试。").arg(path, f.errorString()));
    CapturedMedia media;
    media.encoded = f.readAll();
    media.origin = info.absoluteFilePath();
    const QMimeType mime = QMimeDatabase().mimeTypeForFileNameAndData(path, media.encoded);
    media.mime = mime.name();
    if (media.mime.startsWith(QLatin1String("video/"))) {
        media.kind = CapturedMedia::Kind::Video;
        return media;
    }
    const QByteArray format = QImageReader::imageFormat(path);
    if (!media.mime.startsWith(QLatin1String("image/")) || format.isEmpty())
        return makeError(QStringLiteral("media.not_media"),
                         tr("文件 %1 不是照片或视频（类型 %2）：请选择 JPEG/PNG 照片或视频文件。")
                             .arg(path, media.mime));
    media.kind = CapturedMedia::Kind::Image;
    return media;
}

} // namespace ms
