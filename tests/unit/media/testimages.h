#pragma once
// Real JPEGs for the media tests, made with QImageWriter; EXIF orientation is added as a genuine
// APP1 segment (a TIFF IFD with tag 0x0112), as a phone camera writes it.
#include <QBuffer>
#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QImageWriter>
#include <QPainter>

namespace ms::test {

inline QByteArray encodeJpeg(const QImage &image, int quality = 90)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    writer.write(image);
    return out;
}

// Inserts an EXIF APP1 segment with the given orientation (1..8) right after SOI.
inline QByteArray withExifOrientation(const QByteArray &jpeg, quint16 orientation)
{
    QByteArray tiff;
    tiff.append("MM\x00\x2A", 4);                 // big-endian TIFF
    tiff.append("\x00\x00\x00\x08", 4);           // IFD0 at offset 8
    tiff.append("\x00\x01", 2);                   // one entry
    tiff.append("\x01\x12\x00\x03", 4);           // tag Orientation, type SHORT
    tiff.append("\x00\x00\x00\x01", 4);           // count 1
    tiff.append(char(orientation >> 8)).append(char(orientation & 0xff)).append("\x00\x00", 2);
    tiff.append("\x00\x00\x00\x00", 4);           // no next IFD
    QByteArray payload = QByteArray("Exif\x00\x00", 6) + tiff;
    const int len = int(payload.size()) + 2;
    QByteArray app1("\xFF\xE1", 2);
    app1.append(char(len >> 8)).append(char(len & 0xff)).append(payload);
    return jpeg.left(2) + app1 + jpeg.mid(2);
}

// Left half red, right half blue: orientation is visible in the result.
inline QImage twoColourImage(int w, int h)
{
    QImage img(w, h, QImage::Format_RGB32);
    QPainter p(&img);
    p.fillRect(0, 0, w / 2, h, QColor(220, 20, 20));
    p.fillRect(w / 2, 0, w - w / 2, h, QColor(20, 20, 220));
    return img;
}

// A busy photo-like picture (gradients and shapes), so JPEG sizes and timings are realistic.
inline QImage photoLikeImage(int w, int h)
{
    QImage img(w, h, QImage::Format_RGB32);
    QPainter p(&img);
    QLinearGradient g(0, 0, w, h);
    g.setColorAt(0, QColor(90, 110, 130));
    g.setColorAt(1, QColor(200, 190, 160));
    p.fillRect(img.rect(), g);
    for (int i = 0; i < 60; ++i) {
        p.setBrush(QColor::fromHsv((i * 37) % 360, 120, 200));
        p.drawEllipse(QRect((i * 131) % w, (i * 197) % h, w / 10, h / 12));
    }
    return img;
}

} // namespace ms::test
