#pragma once
// A photo of a job at full size (GET blobs/<sha>/content), with zoom: Ctrl+wheel, +/-, 0 = fit.
#include <QDialog>
#include <QImage>

class QLabel;
class QScrollArea;

namespace ms {

namespace sync {
class OfficeDesk;
}

class PhotoViewer : public QDialog
{
    Q_OBJECT
public:
    PhotoViewer(sync::OfficeDesk &desk, const QString &sha256, const QString &title,
                QWidget *parent = nullptr);

    double zoom() const { return m_zoom; }
    bool hasImage() const { return !m_image.isNull(); }
    void setZoom(double zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;

private:
    QImage m_image;
    double m_zoom = 1.0;
    QLabel *m_picture = nullptr;
    QLabel *m_status = nullptr;
    QScrollArea *m_scroll = nullptr;
};

} // namespace ms
