#include "widgets/signaturepad.h"

#include <QMouseEvent>
#include <QPainter>
#include <QTabletEvent>

namespace ms {

SignaturePad::SignaturePad(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_StaticContents);
    setAttribute(Qt::WA_AcceptTouchEvents, false); // touch arrives as synthesized mouse events
    setMinimumSize(600, 240);
    setCursor(Qt::CrossCursor);
    setAccessibleName(tr("签名区"));
}

void SignaturePad::undo()
{
    m_signature.undo();
    update();
    emit changed();
}

void SignaturePad::clear()
{
    m_signature.clear();
    update();
    emit changed();
}

void SignaturePad::begin(QPointF pos)
{
    if (m_signature.isEmpty())
        m_clock.start();
    m_drawing = true;
    m_signature.beginStroke(pos, m_clock.elapsed());
    update();
}

void SignaturePad::extend(QPointF pos)
{
    if (!m_drawing)
        return;
    m_signature.addPoint(pos, m_clock.elapsed());
    update();
}

void SignaturePad::end()
{
    if (!m_drawing)
        return;
    m_drawing = false;
    emit changed();
}

void SignaturePad::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        begin(event->position());
}

void SignaturePad::mouseMoveEvent(QMouseEvent *event)
{
    extend(event->position());
}

void SignaturePad::mouseReleaseEvent(QMouseEvent *event)
{
    extend(event->position());
    end();
}

void SignaturePad::tabletEvent(QTabletEvent *event)
{
    switch (event->type()) {
    case QEvent::TabletPress: begin(event->position()); break;
    case QEvent::TabletMove: extend(event->position()); break;
    case QEvent::TabletRelease: end(); break;
    default: break;
    }
    event->accept();
}

void SignaturePad::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_signature.setCanvas(size());
}

void SignaturePad::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    p.setPen(QPen(QColor(0x0b, 0x3d, 0x7a), 2));
    p.drawRect(rect().adjusted(1, 1, -2, -2));
    // the signing line
    p.setPen(QPen(QColor(0x9a, 0xa7, 0xb8), 2, Qt::DashLine));
    p.drawLine(30, height() * 3 / 4, width() - 30, height() * 3 / 4);
    if (m_signature.isEmpty()) {
        p.setPen(QColor(0x6a, 0x6a, 0x6a));
        p.drawText(rect(), Qt::AlignCenter, tr("请在此处签名"));
    }
    SignatureRenderer::paintStrokes(p, m_signature);
}

} // namespace ms
