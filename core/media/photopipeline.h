#pragma once
// Every photo goes through one pipeline before it becomes evidence: decode, turn upright from its
// EXIF orientation, shrink so the long edge is at most `longEdge` px, burn in the watermark
// (job / 户号, card, time, installer), encode as JPEG, hash (SHA-256) and make a thumbnail.
#include "model/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>

namespace ms {

struct PhotoOptions
{
    int longEdge = 2048;      // px; settings "photo long edge"
    int thumbnailEdge = 320;  // px, long edge of the thumbnail
    int jpegQuality = 88;
    int thumbnailQuality = 80;
};

// What is burned into the picture. Empty fields are left out.
struct Watermark
{
    QString accountNo;    // 户号
    QString customerName; // 户名
    QString jobLabel;     // e.g. task code or address
    QString cardId;       // "21.4"
    QString cardTitle;
    QDateTime at;
    QString installer;

    QStringList lines() const; // the text lines as burned in (also stored in the evidence meta)
};

struct ProcessedPhoto
{
    QByteArray jpeg;          // the evidence file
    QString sha256;           // lower-case hex of `jpeg`
    QSize size;               // of the stored photo
    QSize originalSize;       // upright size before resizing
    QByteArray thumbnailJpeg; // small JPEG for lists
    QImage thumbnail;
    QStringList watermark;    // Watermark::lines() as burned in
};

class PhotoPipeline
{
public:
    explicit PhotoPipeline(PhotoOptions options = {}) : m_options(options) {}

    const PhotoOptions &options() const { return m_options; }
    void setOptions(const PhotoOptions &options) { m_options = options; }

    // From encoded bytes (a camera file or an imported JPEG/PNG): EXIF orientation is applied.
    Result<ProcessedPhoto> process(const QByteArray &encoded, const Watermark &mark) const;
    // From a decoded frame (a camera's QImage): already upright.
    Result<ProcessedPhoto> process(const QImage &image, const Watermark &mark) const;

    static QString sha256Hex(const QByteArray &bytes);
    // Draws the watermark band along the bottom edge of `image` (in place).
    static void burnWatermark(QImage &image, const QStringList &lines);

private:
    Result<ProcessedPhoto> finish(QImage image, QSize originalSize, const Watermark &mark) const;

    PhotoOptions m_options;
};

} // namespace ms
