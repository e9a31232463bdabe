#pragma once
// A big numeric keypad (digits, optional decimal point, backspace) that types into a QLineEdit.
// Used for PINs, readings and seal numbers; every key is at least 72 px high.
#include <QLineEdit>
#include <QPointer>
#include <QWidget>

class QLineEdit;

namespace ms {

class NumericPad : public QWidget
{
    Q_OBJECT
public:
    explicit NumericPad(bool withDecimalPoint, QWidget *parent = nullptr);
    void setTarget(QLineEdit *target) { m_target = target; }

signals:
    void typed(); // after every key

private:
    void press(const QString &key);
    QPointer<QLineEdit> m_target;
};

} // namespace ms
