#pragma once
// Where photos and videos come from. One interface, two sources: the device camera
// (CameraCaptureSource, Qt Multimedia) and imported files (FileCaptureSource) for desktops,
// CI and any tablet whose camera is missing or broken.
#include "model/result.h"

#include <QByteArray>
#include <QImage>
#include <QObject>
#include <QString>

namespace ms {

// One captured item, still as the source produced it (the photo pipeline does the rest).
struct CapturedMedia
{
    enum class Kind { Image, Video };
    Kind kind = Kind::Image;
    QByteArray encoded; // file bytes as read/produced (JPEG, PNG, Ogg, MP4...), may be empty
    QImage image;       // decoded frame when the source already has one (camera), else null
    QString mime;       // e.g. "image/jpeg", "video/ogg"
    QString origin;     // file path or camera description, for the log and the evidence meta
};

class CaptureSource : public QObject
{
    Q_OBJECT
public:
    explicit CaptureSource(QObject *parent = nullptr) : QObject(parent) {}
    ~CaptureSource() override = default;

    virtual QString description() const = 0; // human name shown in the UI
    virtual bool isAvailable() const = 0;      // false: do not offer this source
    // Asynchronous: ends with exactly one captured() or failed().
    virtual void capture() = 0;

signals:
    void captured(const ms::CapturedMedia &media);
    void failed(const ms::Error &error);
};

} // namespace ms
