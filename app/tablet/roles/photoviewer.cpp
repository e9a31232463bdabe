#include "roles/photoviewer.h"

#include "sync/officedesk.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace ms {

PhotoViewer::PhotoViewer(sync::OfficeDesk &desk, const QString &sha256, const QString &title,
                         QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("PhotoViewer"));
    setWindowTitle(title);
    resize(1280, 900);
    auto *col = new QVBoxLayout(this);
    m_status = new QLabel(tr("正在从办公室服务器读取照片原图…"), this);
    m_status->setObjectName(QStringLiteral("status"));
    col->addWidget(m_status);
    m_scroll = new QScrollArea(this);
    m_picture = new QLabel(m_scroll);
    m_picture->setAlignment(Qt::AlignCenter);
    m_scroll->setWidget(m_picture);
    m_scroll->setAlignment(Qt::AlignCenter);
    col->addWidget(m_scroll, 1);
    auto *row = new QHBoxLayout;
    auto *out = new QPushButton(tr("缩小 (-)"), this);
    auto *fit = new QPushButton(tr("原始大小 (0)"), this);
    auto *in = new QPushButton(tr("放大 (+)"), this);
    auto *close = new QPushButton(tr("关闭 (Esc)"), this);
    row->addWidget(out);
    row->addWidget(fit);
    row->addWidget(in);
    row->addStretch(1);
    row->addWidget(close);
    col->addLayout(row);
    connect(out, &QPushButton::clicked, this, [this] { setZoom(m_zoom / 1.25); });
    connect(in, &QPushButton::clicked, this, [this] { setZoom(m_zoom * 1.25); });
    connect(fit, &QPushButton::clicked, this, [this] { setZoom(1.0); });
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    new QShortcut(QKeySequence(Qt::Key_Plus), this, [this] { setZoom(m_zoom * 1.25); });
    new QShortcut(QKeySequence(Qt::Key_Equal), this, [this] { setZoom(m_zoom * 1.25); });
    new QShortcut(QKeySequence(Qt::Key_Minus), this, [this] { setZoom(m_zoom / 1.25); });
    new QShortcut(QKeySequence(Qt::Key_0), this, [this] { setZoom(1.0); });

    desk.fetchBytes(QStringLiteral("blobs/%1/content").arg(sha256), this,
                    [this](Result<QByteArray> bytes) {
                        if (!bytes) {
                            m_status->setText(tr("照片读不到：%1").arg(bytes.error().message));
                            return;
                        }
                        if (!m_image.loadFromData(bytes.value())) {
                            m_status->setText(tr("办公室发来的文件不是能显示的图片（%n 字节）。",
                                                 nullptr, int(bytes->size())));
                            return;
                        }
                        m_status->setText(tr("%1 × %2 像素。Ctrl+滚轮或 +/- 缩放。")
                                              .arg(m_image.width())
                                              .arg(m_image.height()));
                        setZoom(1.0);
                    });
}

void PhotoViewer::setZoom(double zoom)
{
    m_zoom = qBound(0.05, zoom, 8.0);
    if (m_image.isNull())
        return;
    const QSize size = (QSizeF(m_image.size()) * m_zoom).toSize();
    m_picture->setPixmap(QPixmap::fromImage(
        m_image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    m_picture->resize(size);
}

void PhotoViewer::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        setZoom(event->angleDelta().y() > 0 ? m_zoom * 1.25 : m_zoom / 1.25);
        event->accept();
        return;
    }
    QDialog::wheelEvent(event);
}

} // namespace ms
