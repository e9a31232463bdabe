#include "roles/videoviewer.h"

#include "sync/officedesk.h"

#include <QAudioOutput>
#include <QCryptographicHash>
#include <QDesktopServices>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaPlayer>
#include <QPushButton>
#include <QShortcut>
#include <QSlider>
#include <QUrl>
#include <QVBoxLayout>
#include <QVideoWidget>

namespace ms {

namespace {
QString clock(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

VideoViewer::VideoViewer(sync::OfficeDesk &desk, const QString &sha256, const QString &title,
                         QWidget *parent)
    : QDialog(parent), m_sha(sha256)
{
    setObjectName(QStringLiteral("VideoViewer"));
    setWindowTitle(title);
    resize(1280, 860);
    auto *col = new QVBoxLayout(this);
    m_status = new QLabel(tr("正在从办公室服务器读取视频…"), this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    col->addWidget(m_status);
    auto *video = new QVideoWidget(this);
    video->setMinimumSize(640, 360);
    col->addWidget(video, 1);
    auto *row = new QHBoxLayout;
    m_play = new QPushButton(tr("播放 (空格)"), this);
    m_play->setObjectName(QStringLiteral("play"));
    m_play->setEnabled(false);
    m_position = new QSlider(Qt::Horizontal, this);
    m_position->setEnabled(false);
    m_time = new QLabel(QStringLiteral("0:00 / 0:00"), this);
    m_external = new QPushButton(tr("用系统播放器打开"), this);
    m_external->hide();
    auto *close = new QPushButton(tr("关闭 (Esc)"), this);
    row->addWidget(m_play);
    row->addWidget(m_position, 1);
    row->addWidget(m_time);
    row->addWidget(m_external);
    row->addWidget(close);
    col->addLayout(row);

    m_player = new QMediaPlayer(this);
    m_player->setAudioOutput(new QAudioOutput(this));
    m_player->setVideoOutput(video);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_play, &QPushButton::clicked, this, [this] {
        if (m_player->playbackState() == QMediaPlayer::PlayingState)
            m_player->pause();
        else
            m_player->play();
    });
    new QShortcut(QKeySequence(Qt::Key_Space), this, [this] { m_play->click(); });
    connect(m_player, &QMediaPlayer::playbackStateChanged, this,
            [this](QMediaPlayer::PlaybackState s) {
                m_play->setText(s == QMediaPlayer::PlayingState ? tr("暂停 (空格)")
                                                                : tr("播放 (空格)"));
            });
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 ms) {
        m_position->setRange(0, int(ms));
        m_position->setEnabled(ms > 0);
    });
    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 ms) {
        if (!m_position->isSliderDown())
            m_position->setValue(int(ms));
        m_time->setText(QStringLiteral("%1 / %2").arg(clock(ms), clock(m_player->duration())));
    });
    connect(m_position, &QSlider::sliderMoved, m_player, &QMediaPlayer::setPosition);
    connect(
        m_player, &QMediaPlayer::errorOccurred, this,
        [this](QMediaPlayer::Error, const QString &message) {
            setStatus(
                tr("本机无法播放这个视频：%1。文件已核对无误，可以用系统播放器打开。").arg(message),
                true);
            m_external->show();
        });
    connect(m_external, &QPushButton::clicked, this, [this] {
        if (!m_file.isEmpty())
            QDesktopServices::openUrl(QUrl::fromLocalFile(m_file));
    });

    desk.fetchBytes(QStringLiteral("blobs/%1/content").arg(sha256), this,
                    [this](Result<QByteArray> bytes) {
                        if (!bytes)
                            return setStatus(tr("视频读不到：%1").arg(bytes.error().message), true);
                        received(bytes.value());
                    });
}

VideoViewer::~VideoViewer()
{
    m_player->stop(); // the file goes with the temporary folder
}

QString VideoViewer::status() const
{
    return m_status->text();
}

void VideoViewer::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color:#b00020; font-weight:bold;") : QString());
}

void VideoViewer::received(const QByteArray &bytes)
{
    const QString got =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    if (got.compare(m_sha, Qt::CaseInsensitive) != 0)
        return setStatus(tr("办公室发来的视频与证据指纹不符（应为 %1…，收到 "
                            "%2…），没有播放：请联系系统管理员核查。")
                             .arg(m_sha.left(12), got.left(12)),
                         true);
    if (!m_dir.isValid())
        return setStatus(tr("视频无法保存到临时文件夹：%1").arg(m_dir.errorString()), true);
    QFile f(m_dir.filePath(m_sha.left(16) + QStringLiteral(".mp4")));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.flush())
        return setStatus(tr("视频无法保存到临时文件夹：%1").arg(f.errorString()), true);
    f.close();
    m_file = f.fileName();
    setStatus(tr("视频 %1 KB，指纹已核对。空格键播放或暂停，拖动滑块跳转。")
                  .arg((bytes.size() + 1023) / 1024));
    m_play->setEnabled(true);
    m_player->setSource(QUrl::fromLocalFile(m_file));
}

} // namespace ms
