#pragma once
// 串口选择: the serial ports the system lists (USB optical probes, RS-485 adapters) plus any typed
// path — pseudo-terminals and symlinks (the simulator's --link) are never listed by Qt.
#include <QWidget>

class QComboBox;
class QPushButton;

namespace ms {

class PortPicker : public QWidget
{
    Q_OBJECT
public:
    explicit PortPicker(QWidget *parent = nullptr);

    QString portName() const;           // device path or typed path, trimmed
    void setPortName(const QString &name);
    QComboBox *combo() const { return m_combo; }

public slots:
    void refresh();

signals:
    void portChanged(const QString &name);

private:
    QComboBox *m_combo = nullptr;
    QPushButton *m_refresh = nullptr;
};

} // namespace ms
