#pragma once
// Imports an image or video file as if a camera had taken it. The UI asks the person for a path
// (QFileDialog) and hands it over with setFile(); tests do the same without a dialog.
#include "media/capturesource.h"

namespace ms {

class FileCaptureSource final : public CaptureSource
{
    Q_OBJECT
public:
    explicit FileCaptureSource(QObject *parent = nullptr);

    void setFile(const QString &path) { m_path = path; }
    QString file() const { return m_path; }

    QString description() const override;
    bool isAvailable() const override { return true; }
    void capture() override;

    // Synchronous form of capture(): the bytes of `path` with their kind and mime type, or a clear
    // error (missing, unreadable, empty, not an image or video, larger than `maxBytes`).
    static Result<CapturedMedia> load(const QString &path, qint64 maxBytes = 512LL * 1024 * 1024);

private:
    QString m_path;
};

} // namespace ms
