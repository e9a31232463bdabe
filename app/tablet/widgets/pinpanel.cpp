#include "widgets/pinpanel.h"

#include "store/pinhash.h"
#include "widgets/numericpad.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ms {

namespace {
QLineEdit *digitsField(const QString &placeholder, int maxLength, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setPlaceholderText(placeholder);
    edit->setAccessibleName(placeholder);
    edit->setMaxLength(maxLength);
    return edit;
}
} // namespace

PinPanel::PinPanel(QWidget *parent)
    : QWidget(parent)
{
    // Fields on the left, the keypad beside them: the panel takes the page's whole width (the
    // sign-in page hides its list of names meanwhile) and keeps to one 1280x800 screen.
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(32);
    auto *box = new QVBoxLayout;
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("hint"));
    m_intro->setWordWrap(true);
    box->addWidget(m_intro);
    m_code = digitsField(tr("办公室给的解锁码（%n 位）", nullptr, pin::kResetDigits),
                         pin::kResetDigits, this);
    m_new =
        digitsField(tr("新 PIN 码（%1 到 %2 位数字）").arg(pin::kMinDigits).arg(pin::kMaxDigits),
                    pin::kMaxDigits, this);
    m_new->setEchoMode(QLineEdit::Password);
    m_again = digitsField(tr("再输一次新 PIN 码"), pin::kMaxDigits, this);
    m_again->setEchoMode(QLineEdit::Password);
    m_pad = new NumericPad(false, this);
    for (QLineEdit *edit : {m_code, m_new, m_again}) {
        box->addWidget(edit);
        edit->installEventFilter(this);
        connect(edit, &QLineEdit::returnPressed, this, &PinPanel::submit);
    }
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();
    box->addWidget(m_error);
    box->addStretch(1);
    auto *buttons = new QHBoxLayout;
    m_cancel = new QPushButton(tr("取消"), this);
    m_ok = new QPushButton(tr("确定"), this);
    m_ok->setObjectName(QStringLiteral("primary"));
    for (QPushButton *b : {m_cancel, m_ok}) {
        b->setMinimumHeight(72);
        buttons->addWidget(b);
    }
    box->addLayout(buttons);
    row->addLayout(box, 1);
    row->addWidget(m_pad, 1, Qt::AlignTop);
    connect(m_ok, &QPushButton::clicked, this, &PinPanel::submit);
    connect(m_cancel, &QPushButton::clicked, this, &PinPanel::cancelled);
}

void PinPanel::start(Mode mode, const QString &intro)
{
    m_mode = mode;
    m_intro->setText(intro);
    m_code->setVisible(mode == Mode::Reset);
    // A PIN that predates the rule must be replaced before the user goes on: no way round it.
    m_cancel->setVisible(mode == Mode::Reset);
    for (QLineEdit *edit : {m_code, m_new, m_again})
        edit->clear();
    m_error->hide();
    setBusy(false);
    QLineEdit *first = mode == Mode::Reset ? m_code : m_new;
    m_pad->setTarget(first);
    first->setFocus();
}

void PinPanel::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void PinPanel::setBusy(bool busy)
{
    m_ok->setEnabled(!busy);
    m_pad->setEnabled(!busy);
    if (busy)
        showError({});
}

void PinPanel::enter(const QString &code, const QString &newPin, const QString &again)
{
    m_code->setText(code);
    m_new->setText(newPin);
    m_again->setText(again);
    submit();
}

bool PinPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn)
        if (auto *edit = qobject_cast<QLineEdit *>(watched))
            m_pad->setTarget(edit); // the pad types into the field last touched
    return QWidget::eventFilter(watched, event);
}

void PinPanel::submit()
{
    if (!m_ok->isEnabled())
        return;
    const QString code = m_code->text().trimmed();
    if (m_mode == Mode::Reset && code.size() != pin::kResetDigits) {
        showError(tr("请输入办公室给的 %n 位解锁码。", nullptr, pin::kResetDigits));
        return;
    }
    if (auto ok = pin::checkFormat(m_new->text()); !ok) {
        showError(ok.error().message);
        return;
    }
    if (m_new->text() != m_again->text()) {
        m_again->clear();
        showError(tr("两次输入的新 PIN 码不一样，请再输一次。"));
        return;
    }
    emit submitted(m_mode == Mode::Reset ? code : QString(), m_new->text());
}

} // namespace ms
