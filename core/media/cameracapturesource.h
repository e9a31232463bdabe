#pragma once
// The device camera through Qt Multimedia: QCamera + QImageCapture in a QMediaCaptureSession.
// Nothing is created until start(), and only when QMediaDevices lists a camera: on machines
// without one (desktop, CI) isAvailable() is false and the UI offers the file source instead.
#include "media/capturesource.h"

#include <memory>

class QCamera;
class QImageCapture;
class QMediaCaptureSession;

namespace ms {

class CameraCaptureSource final : public CaptureSource
{
    Q_OBJECT
public:
    explicit CameraCaptureSource(QObject *parent = nullptr);
    ~CameraCaptureSource() override;

    QString description() const override;
    bool isAvailable() const override;
    void capture() override;

    // Starts the camera; `videoOutput` (a QVideoWidget or QVideoSink) shows the live preview.
    Result<void> start(QObject *videoOutput);
    void stop();

private:
    void onCaptured(int id, const QImage &image);

    std::unique_ptr<QMediaCaptureSession> m_session;
    std::unique_ptr<QCamera> m_camera;
    std::unique_ptr<QImageCapture> m_imageCapture;
    int m_pendingId = -1;
};

} // namespace ms
