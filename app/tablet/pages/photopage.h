#pragma once
// 拍照: the camera where one exists (live preview, one big shutter button), otherwise import a
// photo file. Every photo is shown with its watermark before it is kept.
#include "appcontext.h"
#include "media/capturesource.h"
#include "media/photopipeline.h"

#include <QWidget>
#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QVideoSink;

namespace ms {

class CameraCaptureSource;
class FileCaptureSource;
class JobSession;

class PhotoPage : public QWidget
{
    Q_OBJECT
public:
    PhotoPage(AppContext &ctx, JobSession &session, const QString &cardId,
              const EvidenceRequirement &requirement, QWidget *parent = nullptr);
    ~PhotoPage() override;

    // Imports `path` (the 导入 button asks for it with a file dialog).
    void importFile(const QString &path);
    bool hasPending() const { return m_pending.has_value() || !m_pendingVideo.isEmpty(); }
    bool keep(); // saves the pending photo/video as evidence

signals:
    void finished(bool saved);

private:
    void onCaptured(const CapturedMedia &media);
    void showError(const QString &text);
    void setPreviewMode(bool reviewing);

    AppContext &m_ctx;
    JobSession &m_session;
    QString m_cardId;
    EvidenceRequirement m_req;
    PhotoPipeline m_pipeline;
    std::unique_ptr<FileCaptureSource> m_file;
    std::unique_ptr<CameraCaptureSource> m_camera;
    QVideoSink *m_sink = nullptr;
    std::optional<ProcessedPhoto> m_pending;
    QByteArray m_pendingVideo;
    QString m_pendingVideoMime;
    QLabel *m_preview = nullptr;
    QLabel *m_info = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_shoot = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_keep = nullptr;
    QPushButton *m_retake = nullptr;
};

} // namespace ms
