#include "pages/photopage.h"

#include "service/jobsession.h"
#include "media/cameracapturesource.h"
#include "media/filecapturesource.h"
#include "uilog.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QVideoFrame>
#include <QVideoSink>

namespace ms {

PhotoPage::PhotoPage(AppContext &ctx, JobSession &session, const QString &cardId,
                     const EvidenceRequirement &requirement, QWidget *parent)
    : QWidget(parent), m_ctx(ctx), m_session(session), m_cardId(cardId), m_req(requirement),
      m_pipeline(ctx.photoOptions()), m_file(std::make_unique<FileCaptureSource>())
{
    const bool video = requirement.kind == EvidenceKind::Video;
    auto *root = new QHBoxLayout(this);
    root->setContentsMargins(20, 12, 20, 12);
    root->setSpacing(20);

    m_preview = new QLabel(this);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setMinimumSize(820, 560);
    m_preview->setStyleSheet(QStringLiteral("background:#1a1a1a; color:#ffffff; border-radius:8px"));
    root->addWidget(m_preview, 3);

    auto *side = new QVBoxLayout;
    auto *title = new QLabel(requirement.label, this);
    title->setObjectName(QStringLiteral("pageTitle"));
    title->setWordWrap(true);
    side->addWidget(title);
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("hint"));
    m_info->setWordWrap(true);
    side->addWidget(m_info);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();
    side->addWidget(m_error);
    side->addStretch();
    m_shoot = new QPushButton(video ? tr("● 录像") : tr("● 拍照"), this);
    m_shoot->setObjectName(QStringLiteral("primary"));
    m_shoot->setMinimumHeight(96);
    side->addWidget(m_shoot);
    m_import = new QPushButton(video ? tr("导入视频文件") : tr("导入照片文件"), this);
    side->addWidget(m_import);
    m_keep = new QPushButton(tr("✓ 保存"), this);
    m_keep->setObjectName(QStringLiteral("primary"));
    m_keep->setMinimumHeight(96);
    side->addWidget(m_keep);
    m_retake = new QPushButton(tr("重拍"), this);
    side->addWidget(m_retake);
    auto *cancel = new QPushButton(tr("取消"), this);
    side->addWidget(cancel);
    root->addLayout(side, 1);

    connect(m_file.get(), &CaptureSource::captured, this, &PhotoPage::onCaptured);
    connect(m_file.get(), &CaptureSource::failed, this,
            [this](const Error &e) { showError(e.message); });
    connect(m_import, &QPushButton::clicked, this, [this, video] {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        const QString path = QFileDialog::getOpenFileName(
            this, tr("选择文件"), dir,
            video ? tr("视频 (*.mp4 *.ogv *.ogg *.webm *.mkv *.mov)")
                  : tr("照片 (*.jpg *.jpeg *.png *.heic *.webp)"));
        if (!path.isEmpty())
            importFile(path);
    });
    connect(m_keep, &QPushButton::clicked, this, [this] { keep(); });
    connect(m_retake, &QPushButton::clicked, this, [this] {
        m_pending.reset();
        m_pendingVideo.clear();
        setPreviewMode(false);
    });
    connect(cancel, &QPushButton::clicked, this, [this] { emit finished(false); });

    // The camera, where there is one (never for video: recording is imported here).
    if (ctx.cameraEnabled && !video) {
        m_camera = std::make_unique<CameraCaptureSource>();
        if (m_camera->isAvailable()) {
            m_sink = new QVideoSink(this);
            connect(m_sink, &QVideoSink::videoFrameChanged, this, [this](const QVideoFrame &f) {
                if (hasPending())
                    return;
                const QImage img = f.toImage();
                if (!img.isNull())
                    m_preview->setPixmap(QPixmap::fromImage(img).scaled(
                        m_preview->size(), Qt::KeepAspectRatio, Qt::FastTransformation));
            });
            connect(m_camera.get(), &CaptureSource::captured, this, &PhotoPage::onCaptured);
            connect(m_camera.get(), &CaptureSource::failed, this,
                    [this](const Error &e) { showError(e.message); });
            connect(m_shoot, &QPushButton::clicked, m_camera.get(), &CameraCaptureSource::capture);
            if (auto started = m_camera->start(m_sink); !started)
                showError(started.error().message);
        } else {
            m_camera.reset();
        }
    }
    setPreviewMode(false);
}

PhotoPage::~PhotoPage()
{
    if (m_camera)
        m_camera->stop();
}

void PhotoPage::setPreviewMode(bool reviewing)
{
    const bool video = m_req.kind == EvidenceKind::Video;
    m_shoot->setVisible(!reviewing && m_camera);
    m_import->setVisible(!reviewing);
    m_keep->setVisible(reviewing);
    m_retake->setVisible(reviewing);
    if (!reviewing) {
        m_preview->setPixmap({});
        m_preview->setText(m_camera ? tr("正在打开相机…")
                                    : (video ? tr("本机不能直接录像：请用“导入视频文件”。")
                                             : tr("本机没有相机：请用“导入照片文件”\n选择已拍好的照片。")));
        m_info->setText(tr("照片会自动缩小到长边 %1 像素，并打上户号、卡片、时间和施工人员水印。")
                            .arg(m_pipeline.options().longEdge));
    }
}

void PhotoPage::importFile(const QString &path)
{
    m_error->hide();
    m_file->setFile(path);
    m_file->capture();
}

void PhotoPage::onCaptured(const CapturedMedia &media)
{
    m_error->hide();
    if (m_req.kind == EvidenceKind::Video) {
        if (media.kind != CapturedMedia::Kind::Video) {
            showError(tr("这不是视频文件：请选择一段视频。"));
            return;
        }
        m_pendingVideo = media.encoded;
        m_pendingVideoMime = media.mime;
        m_preview->setText(tr("视频 %1\n%2 MB").arg(media.origin).arg(double(media.encoded.size()) / 1048576.0, 0, 'f', 1));
        setPreviewMode(true);
        return;
    }
    if (media.kind != CapturedMedia::Kind::Image) {
        showError(tr("这不是照片：请选择 JPEG 或 PNG 照片。"));
        return;
    }
    const Watermark mark = m_session.watermark(m_cardId);
    auto processed = media.image.isNull() ? m_pipeline.process(media.encoded, mark)
                                          : m_pipeline.process(media.image, mark);
    if (!processed) {
        showError(processed.error().message);
        return;
    }
    m_pending = std::move(processed).value();
    QPixmap pm;
    pm.loadFromData(m_pending->jpeg, "JPEG");
    m_preview->setPixmap(pm.scaled(m_preview->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
    m_info->setText(tr("%1 × %2 像素，%3 KB。看清楚示数和封印后点“保存”。")
                        .arg(m_pending->size.width())
                        .arg(m_pending->size.height())
                        .arg(m_pending->jpeg.size() / 1024));
    setPreviewMode(true);
}

bool PhotoPage::keep()
{
    Result<Evidence> saved = makeError(QStringLiteral("ui.nothing"), tr("还没有照片：请先拍照或导入。"));
    if (m_pending)
        saved = m_session.addPhoto(m_cardId, m_req.key, *m_pending);
    else if (!m_pendingVideo.isEmpty())
        saved = m_session.addVideo(m_cardId, m_req.key, m_pendingVideo, m_pendingVideoMime);
    if (!saved) {
        showError(saved.error().message);
        return false;
    }
    m_pending.reset();
    m_pendingVideo.clear();
    emit finished(true);
    return true;
}

void PhotoPage::showError(const QString &text)
{
    qCWarning(lcUi) << "photo:" << text;
    m_error->setText(text);
    m_error->show();
}

} // namespace ms
