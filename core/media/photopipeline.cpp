#include "media/photopipeline.h"

#include "model/sha256.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFont>
#include <QFontMetrics>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>

namespace ms {

namespace {

QSize boundedSize(QSize size, int longEdge)
{
    if (longEdge <= 0 || std::max(size.width(), size.height()) <= longEdge)
        return size;
    return size.scaled(longEdge, longEdge, Qt::KeepAspectRatio);
}

Result<QByteArray> encodeJpeg(const QImage &image, int quality)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    writer.setOptimizedWrite(true);
    if (!writer.write(image))
        return makeError(QStringLiteral("media.encode_failed"),
                         QCoreApplication::translate("ms::PhotoPipeline", "照片无法保存为 JPEG（%1）：请重拍。").arg(writer.errorString()));
    return out;
}

} // namespace

QStringList Watermark::lines() const
{
    QStringList out;
    QStringList first;
    if (!accountNo.isEmpty())
        first << QCoreApplication::translate("ms::PhotoPipeline", "户号 %1").arg(accountNo);
    if (!customerName.isEmpty())
        first << customerName;
    if (!jobLabel.isEmpty())
        first << jobLabel;
    if (!first.isEmpty())
        out << first.join(QStringLiteral("  "));
    if (!cardId.isEmpty())
        out << (cardTitle.isEmpty() ? QCoreApplication::translate("ms::PhotoPipeline", "卡片 %1").arg(cardId)
                                    : QCoreApplication::translate("ms::PhotoPipeline", "卡片 %1 %2").arg(cardId, cardTitle));
    QStringList last;
    if (at.isValid())
        last << at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!installer.isEmpty())
        last << QCoreApplication::translate("ms::PhotoPipeline", "施工人员 %1").arg(installer);
    if (!last.isEmpty())
        out << last.join(QStringLiteral("  "));
    return out;
}

QString PhotoPipeline::sha256Hex(const QByteArray &bytes)
{
    return Sha256::hexOf(bytes);
}

void PhotoPipeline::burnWatermark(QImage &image, const QStringList &lines)
{
    if (lines.isEmpty() || image.isNull())
        return;
    // Legible on a phone-sized view of the photo: text height ~1/28 of the short edge,
    // never below 14 px; white on a dark translucent band with a thin dark outline.
    const int shortEdge = std::min(image.width(), image.height());
    const int pixelSize = std::max(14, shortEdge / 28);
    QFont font;
    font.setPixelSize(pixelSize);
    font.setBold(true);
    const QFontMetrics fm(font);
    const int pad = pixelSize / 2;
    const int lineHeight = fm.height();
    const int bandHeight = lineHeight * int(lines.size()) + 2 * pad;

    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(QRect(0, image.height() - bandHeight, image.width(), bandHeight),
               QColor(0, 0, 0, 170));
    p.setFont(font);
    int y = image.height() - bandHeight + pad + fm.ascent();
    for (const QString &line : lines) {
        const QString text = fm.elidedText(line, Qt::ElideRight, image.width() - 2 * pad);
        p.setPen(QColor(0, 0, 0));
        p.drawText(pad + 1, y + 1, text);
        p.setPen(QColor(255, 255, 255));
        p.drawText(pad, y, text);
        y += lineHeight;
    }
}

Result<ProcessedPhoto> PhotoPipeline::process(const QByteArray &encoded, const Watermark &mark) const
{
    QByteArray copy = encoded; // QBuffer needs a non-const array; this is an implicit share
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true); // EXIF orientation → upright
    const QSize raw = reader.size();
    if (!raw.isValid())
        return makeError(QStringLiteral("media.not_image"),
                         QCoreApplication::translate("ms::PhotoPipeline", "无法识别这张照片（%1）：请重拍或选择 JPEG/PNG 文件。")
                             .arg(reader.errorString()));
    // Let the decoder shrink while decoding (JPEG DCT scaling): a 12 MP photo never has to be
    // decoded at full size. The scaled size is in stored orientation; the long edge is the same.
    const QSize target = boundedSize(raw, m_options.longEdge);
    if (target != raw)
        reader.setScaledSize(target);
    QImage image = reader.read();
    if (image.isNull())
        return makeError(QStringLiteral("media.decode_failed"),
                         QCoreApplication::translate("ms::PhotoPipeline", "照片已损坏，无法解码（%1）：请重拍。").arg(reader.errorString()));
    const bool turned = reader.transformation() & QImageIOHandler::TransformationRotate90;
    return finish(std::move(image), turned ? raw.transposed() : raw, mark);
}

Result<ProcessedPhoto> PhotoPipeline::process(const QImage &image, const Watermark &mark) const
{
    if (image.isNull())
        return makeError(QStringLiteral("media.not_image"), QCoreApplication::translate("ms::PhotoPipeline", "没有拍到照片：请重拍。"));
    const QSize target = boundedSize(image.size(), m_options.longEdge);
    QImage scaled = target == image.size()
                        ? image
                        : image.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return finish(std::move(scaled), image.size(), mark);
}

Result<ProcessedPhoto> PhotoPipeline::finish(QImage image, QSize originalSize,
                                             const Watermark &mark) const
{
    // Exact long edge even if the decoder rounded (DCT scaling goes in steps of 1/8).
    const QSize target = boundedSize(image.size(), m_options.longEdge);
    if (target != image.size())
        image = image.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    if (image.format() != QImage::Format_RGB32)
        image = image.convertToFormat(QImage::Format_RGB32);

    ProcessedPhoto out;
    out.originalSize = originalSize;
    out.watermark = mark.lines();
    burnWatermark(image, out.watermark);
    out.size = image.size();

    auto jpeg = encodeJpeg(image, m_options.jpegQuality);
    if (!jpeg)
        return jpeg.error();
    out.jpeg = std::move(jpeg).value();
    out.sha256 = sha256Hex(out.jpeg);

    const QSize thumbSize = boundedSize(image.size(), m_options.thumbnailEdge);
    out.thumbnail = image.scaled(thumbSize, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    auto thumb = encodeJpeg(out.thumbnail, m_options.thumbnailQuality);
    if (!thumb)
        return thumb.error();
    out.thumbnailJpeg = std::move(thumb).value();
    return out;
}

} // namespace ms
