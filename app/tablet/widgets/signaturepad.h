#pragma once
// The signing surface: finger, pen or mouse strokes into an ms::Signature, drawn as they come.
#include "media/signature.h"

#include <QElapsedTimer>
#include <QWidget>

namespace ms {

class SignaturePad : public QWidget
{
    Q_OBJECT
public:
    explicit SignaturePad(QWidget *parent = nullptr);

    const Signature &signature() const { return m_signature; }
    void undo();
    void clear();

signals:
    void changed();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void tabletEvent(QTabletEvent *event) override;

private:
    void begin(QPointF pos);
    void extend(QPointF pos);
    void end();

    Signature m_signature;
    QElapsedTimer m_clock;
    bool m_drawing = false;
};

} // namespace ms
