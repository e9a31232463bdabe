#include "media/cameracapturesource.h"

#include <QCamera>
#include <QCameraDevice>
#include <QCoreApplication>
#include <QImageCapture>
#include <QLoggingCategory>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QTimer>

Q_LOGGING_CATEGORY(lcMedia, "meterswap.media", QtWarningMsg)

namespace ms {

CameraCaptureSource::CameraCaptureSource(QObject *parent) : CaptureSource(parent) {}

CameraCaptureSource::~CameraCaptureSource() = default;

QString CameraCaptureSource::description() const
{
    const auto inputs = QMediaDevices::videoInputs();
    return inputs.isEmpty() ? tr("相机") : inputs.constFirst().description();
}

bool CameraCaptureSource::isAvailable() const
{
    return !QMediaDevices::videoInputs().isEmpty();
}

Result<void> CameraCaptureSource::start(QObject *videoOutput)
{
    if (!isAvailable())
        return makeError(QStringLiteral("media.no_camera"),
                         tr("本机没有可用的相机：请用“导入照片”选择已拍好的照片。"));
    if (!m_camera) {
        m_session = std::make_unique<QMediaCaptureSession>();
        m_camera = std::make_unique<QCamera>(QMediaDevices::defaultVideoInput());
        m_imageCapture = std::make_unique<QImageCapture>();
        m_imageCapture->setQuality(QImageCapture::VeryHighQuality);
        m_session->setCamera(m_camera.get());
        m_session->setImageCapture(m_imageCapture.get());
        connect(m_imageCapture.get(), &QImageCapture::imageCaptured, this,
                &CameraCaptureSource::onCaptured);
        connect(m_imageCapture.get(), &QImageCapture::errorOccurred, this,
                [this](int id, QImageCapture::Error, const QString &text) {
                    if (id != m_pendingId)
                        return;
                    m_pendingId = -1;
                    qCWarning(lcMedia) << "capture failed:" << text;
                    emit failed(makeError(QStringLiteral("media.capture_failed"),
                                          tr("拍照失败（%1）：请重试，或改用导入照片。").arg(text)));
                });
    }
    m_session->setVideoOutput(videoOutput);
    m_camera->start();
    return {};
}

void CameraCaptureSource::stop()
{
    if (m_camera)
        m_camera->stop();
}

void CameraCaptureSource::capture()
{
    if (!m_imageCapture || !m_imageCapture->isReadyForCapture()) {
        QTimer::singleShot(0, this, [this] {
            emit failed(makeError(QStringLiteral("media.camera_not_ready"),
                                  tr("相机还没准备好：请稍等一秒再拍，或改用导入照片。")));
        });
        return;
    }
    m_pendingId = m_imageCapture->capture();
    if (m_pendingId < 0) {
        QTimer::singleShot(0, this, [this] {
            emit failed(makeError(QStringLiteral("media.capture_failed"),
                                  tr("相机拒绝拍照：请改用导入照片。")));
        });
    }
}

void CameraCaptureSource::onCaptured(int id, const QImage &image)
{
    if (id != m_pendingId)
        return;
    m_pendingId = -1;
    CapturedMedia media;
    media.kind = CapturedMedia::Kind::Image;
    media.image = image;
    media.mime = QStringLiteral("image/x-qimage");
    media.origin = description();
    emit captured(media);
}

} // namespace ms
