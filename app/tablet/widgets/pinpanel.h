#pragma once
// 设置新 PIN 码: the part of the sign-in page that takes a new PIN twice, and in reset mode the
// office's unlock code first. It checks what it can alone (the code's length, the PIN rule, both
// PINs equal) and then emits submitted(); the page does the rest.
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace ms {

class NumericPad;

class PinPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Change, Reset };
    explicit PinPanel(QWidget *parent = nullptr);

    void start(Mode mode, const QString &intro);
    void showError(const QString &message);
    void setBusy(bool busy);

    // As if typed on the pad, then 确定 (tests).
    void enter(const QString &code, const QString &newPin, const QString &again);

signals:
    void submitted(const QString &code, const QString &newPin);
    void cancelled();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void submit();

    Mode m_mode = Mode::Change;
    QLabel *m_intro = nullptr;
    QLineEdit *m_code = nullptr;
    QLineEdit *m_new = nullptr;
    QLineEdit *m_again = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_ok = nullptr;
    QPushButton *m_cancel = nullptr;
    NumericPad *m_pad = nullptr;
};

} // namespace ms
