#pragma once
// A video of a job, played inside the app (issue 14 §3): the file is read from the office
// (GET blobs/<sha>/content), checked against its SHA-256 — the evidence's fingerprint — kept in a
// private temporary folder while the viewer is open, and played with Qt Multimedia (play/pause on
// Space, a position slider). When this machine cannot decode it, the viewer says so and offers
// the system's player.
#include <QDialog>
#include <QTemporaryDir>

class QLabel;
class QMediaPlayer;
class QPushButton;
class QSlider;

namespace ms {

namespace sync {
class OfficeDesk;
}

class VideoViewer : public QDialog
{
    Q_OBJECT
public:
    VideoViewer(sync::OfficeDesk &desk, const QString &sha256, const QString &title,
                QWidget *parent = nullptr);
    ~VideoViewer() override;

    QString filePath() const { return m_file; } // "" until read and checked
    QString status() const;
    QMediaPlayer *player() const { return m_player; }
    QPushButton *playButton() const { return m_play; }

private:
    void received(const QByteArray &bytes);
    void setStatus(const QString &text, bool error = false);

    QString m_sha;
    QTemporaryDir m_dir;
    QString m_file;
    QMediaPlayer *m_player = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_play = nullptr;
    QPushButton *m_external = nullptr;
    QSlider *m_position = nullptr;
    QLabel *m_time = nullptr;
};

} // namespace ms
