#include "widgets/illustrationview.h"

#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>
#include <QVBoxLayout>

namespace ms {

namespace {
constexpr int kWidth = 560; // fits the steps column of a 1280-wide tablet screen
}

IllustrationView::IllustrationView(const QString &path, const QString &caption, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("illustration"));
    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(0, 4, 0, 8);
    QSvgRenderer svg(path);
    auto *picture = new QLabel(this);
    picture->setObjectName(QStringLiteral("illustrationPicture"));
    m_valid = svg.isValid() && !svg.defaultSize().isEmpty();
    if (m_valid) {
        const QSize size = svg.defaultSize().scaled(kWidth, kWidth * 2, Qt::KeepAspectRatio);
        const qreal dpr = devicePixelRatioF();
        QPixmap pixmap(size * dpr);
        pixmap.setDevicePixelRatio(dpr);
        pixmap.fill(Qt::white);
        QPainter painter(&pixmap);
        svg.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
        painter.end();
        picture->setPixmap(pixmap);
    } else {
        picture->setText(tr("示意图无法显示（%1）：请检查作业卡目录中的示意图文件").arg(path));
        picture->setWordWrap(true);
    }
    l->addWidget(picture);
    auto *text = new QLabel(caption, this);
    text->setObjectName(QStringLiteral("hint"));
    text->setWordWrap(true);
    l->addWidget(text);
}

} // namespace ms
