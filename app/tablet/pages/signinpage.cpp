#include "pages/signinpage.h"

#include "offthread.h"
#include "service/accounts.h"
#include "store/store.h"
#include "widgets/numericpad.h"
#include "widgets/pinpanel.h"

#include <QButtonGroup>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace ms {

namespace {
QString clockText(qint64 seconds)
{
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

SignInPage::SignInPage(AppContext &ctx, QWidget *parent)
    : QWidget(parent)
    , m_ctx(ctx)
{
    auto *root = new QHBoxLayout(this);
    root->setContentsMargins(32, 24, 32, 24);
    root->setSpacing(40);

    m_userColumn = new QWidget(this);
    auto *left = new QVBoxLayout(m_userColumn);
    left->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("请选择您的名字"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    left->addWidget(title);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_userBox = new QWidget(scroll);
    new QGridLayout(m_userBox);
    scroll->setWidget(m_userBox);
    left->addWidget(scroll, 1);
    root->addWidget(m_userColumn, 3);

    auto *right = new QVBoxLayout;
    m_who = new QLabel(tr("未选择"), this);
    m_who->setObjectName(QStringLiteral("pageTitle"));
    right->addWidget(m_who);
    m_countdown = new QLabel(this);
    m_countdown->setObjectName(QStringLiteral("notice"));
    m_countdown->setWordWrap(true);
    m_countdown->hide();
    right->addWidget(m_countdown);
    m_challenge = new QLabel(this);
    m_challenge->setObjectName(QStringLiteral("hint"));
    m_challenge->setWordWrap(true);
    m_challenge->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_challenge->hide();
    right->addWidget(m_challenge);
    m_resetButton = new QPushButton(tr("输入办公室解锁码"), this);
    m_resetButton->setMinimumHeight(64);
    m_resetButton->hide();
    right->addWidget(m_resetButton);

    m_entry = new QWidget(this);
    auto *entry = new QVBoxLayout(m_entry);
    entry->setContentsMargins(0, 0, 0, 0);
    m_pin = new QLineEdit(m_entry);
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setPlaceholderText(tr("输入 PIN 码"));
    m_pin->setMaxLength(pin::kMaxDigits);
    m_pin->setAccessibleName(tr("PIN 码"));
    entry->addWidget(m_pin);
    auto *pad = new NumericPad(false, m_entry);
    pad->setTarget(m_pin);
    entry->addWidget(pad);
    m_ok = new QPushButton(tr("登录"), m_entry);
    m_ok->setObjectName(QStringLiteral("primary"));
    m_ok->setMinimumHeight(80);
    entry->addWidget(m_ok);
    right->addWidget(m_entry);
    m_panel = new PinPanel(this);
    m_panel->hide();
    right->addWidget(m_panel);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();
    right->addWidget(m_error);
    right->addStretch();
    root->addLayout(right, 2);

    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &SignInPage::showLock);
    m_group = new QButtonGroup(this);
    m_group->setExclusive(true);
    connect(m_ok, &QPushButton::clicked, this, &SignInPage::trySignIn);
    connect(m_pin, &QLineEdit::returnPressed, this, &SignInPage::trySignIn);
    connect(m_group, &QButtonGroup::idClicked, this, [this](int id) {
        m_who->setText(m_users.value(id).name);
        m_error->hide();
        m_pin->clear();
        m_pending.reset();
        showPanel(false);
        showLock();
    });
    connect(m_resetButton, &QPushButton::clicked, this, [this] {
        m_error->hide();
        m_panel->start(PinPanel::Mode::Reset,
                       tr("请把上面的挑战码报给办公室，输入办公室给的解锁码，再设置新的 PIN 码。"));
        showPanel(true);
    });
    connect(m_panel, &PinPanel::cancelled, this, [this] {
        showPanel(false);
        showLock();
    });
    connect(m_panel, &PinPanel::submitted, this, &SignInPage::newPinEntered);
    reload();
}

void SignInPage::reload()
{
    const auto users = Accounts(m_ctx.store).users();
    m_users = users ? users.value() : QList<User>();
    auto *grid = static_cast<QGridLayout *>(m_userBox->layout());
    for (QAbstractButton *b : m_group->buttons()) {
        m_group->removeButton(b);
        b->deleteLater();
    }
    for (int i = 0; i < m_users.size(); ++i) {
        auto *b = new QPushButton(m_users[i].name, m_userBox);
        b->setCheckable(true);
        b->setMinimumHeight(80);
        m_group->addButton(b, i);
        grid->addWidget(b, i / 3, i % 3);
    }
    grid->setRowStretch(int(m_users.size()) / 3 + 1, 1);
    m_pending.reset();
    showPanel(false);
    showLock();
    if (!users) // a damaged database is not "no users yet"
        showError(tr("读不出这台设备上的用户：%1").arg(users.error().message));
    else if (m_users.isEmpty())
        showError(tr("这台设备上还没有用户：请用 --demo 启动演示数据，或先与办公室同步。"));
}

bool SignInPage::selectUser(const QString &name)
{
    for (int i = 0; i < m_users.size(); ++i)
        if (m_users[i].name == name) {
            m_group->button(i)->click();
            return true;
        }
    return false;
}

void SignInPage::enterPin(const QString &pin)
{
    m_pin->setText(pin);
    trySignIn();
}

QString SignInPage::selectedUuid() const
{
    const int id = m_group->checkedId();
    return id >= 0 && id < m_users.size() ? m_users[id].uuid : QString();
}

void SignInPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SignInPage::showLock()
{
    const QString uuid = selectedUuid();
    auto lock = uuid.isEmpty() ? Result<PinLock>(PinLock{}) : Accounts(m_ctx.store).lockState(uuid);
    if (!lock) {
        m_tick->stop();
        showError(lock.error().message);
        return;
    }
    const bool locked = lock->locked();
    m_countdown->setText(tr("PIN 码已连续输错 %1 次，账户锁定中：%2 后可再试。")
                             .arg(lock->failures)
                             .arg(clockText(lock->secondsLeft)));
    // While locked, the count-down and the way out take the place of the keypad (a PIN typed now
    // would be refused anyway), so the page keeps to one 1280x800 screen.
    const bool inPanel = !m_panel->isHidden();
    m_countdown->setVisible(locked && !inPanel);
    m_entry->setVisible(!locked && !inPanel);
    const bool resettable = !lock->resetChallenge.isEmpty() && !m_pending;
    m_challenge->setText(tr("忘记 PIN 码？请把挑战码 %1 %2 报给办公室，领取解锁码。")
                             .arg(lock->resetChallenge.left(4), lock->resetChallenge.mid(4)));
    m_challenge->setVisible(resettable);
    m_resetButton->setVisible(resettable && m_panel->isHidden());
    m_ok->setEnabled(!locked && !m_checking);
    if (locked && !m_tick->isActive())
        m_tick->start();
    else if (!locked)
        m_tick->stop();
}

void SignInPage::showPanel(bool on)
{
    // Hide before showing: both at once, even for a moment, would grow the window past the
    // screen, and a top-level window does not shrink back.
    if (on) {
        m_entry->hide();
        m_resetButton->hide();
        m_countdown->hide();
    }
    m_userColumn->setVisible(!on); // the panel's fields and keypad need the whole width
    m_panel->setVisible(on);
    if (!on)
        showLock(); // the keypad, or the count-down while still locked
    m_resetButton->setVisible(!on && m_challenge->isVisible());
}

void SignInPage::setChecking(bool on)
{
    m_checking = on;
    m_ok->setText(on ? tr("正在核对…") : tr("登录"));
    m_panel->setBusy(on);
    showLock();
}

void SignInPage::trySignIn()
{
    if (m_checking)
        return;
    const QString uuid = selectedUuid();
    if (uuid.isEmpty()) {
        showError(tr("请先点您的名字，再输入 PIN 码。"));
        return;
    }
    const QString typed = m_pin->text();
    m_pin->clear();
    auto attempt = Accounts(m_ctx.store).beginSignIn(uuid);
    if (!attempt) {
        // A lock shows as its count-down and challenge, not as an error that would go stale.
        showError(attempt.error().code == QLatin1String("store.pin_locked")
                      ? QString()
                      : attempt.error().message);
        showLock();
        return;
    }
    showError({});
    setChecking(true);
    auto *watcher = new QFutureWatcher<pin::Verdict>(this);
    const PinAttempt a = attempt.value();
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, a] {
        watcher->deleteLater();
        setChecking(false);
        signInChecked(a, watcher->result());
    });
    watcher->setFuture(
        runOffThread([typed, stored = a.stored] { return pin::check(typed, stored); }));
}

void SignInPage::signInChecked(const PinAttempt &attempt, const pin::Verdict &verdict)
{
    auto done = Accounts(m_ctx.store).finishSignIn(attempt, verdict);
    showLock();
    if (!done) {
        const QString &code = done.error().code;
        showError(code == QLatin1String("store.wrong_pin")
                      ? done.error().message + tr("忘记 PIN 码请联系施工负责人。")
                  : code == QLatin1String("store.pin_locked") ? QString()
                                                              : done.error().message);
        return;
    }
    if (done->mustChangePin) {
        m_pending = done->user;
        showLock();
        m_panel->start(
            PinPanel::Mode::Change,
            tr("PIN 码至少要 %1 位数字了。请先设置新的 PIN 码，再开始工作。").arg(pin::kMinDigits));
        showPanel(true);
        return;
    }
    emit signedIn(done->user);
}

void SignInPage::newPinEntered(const QString &code, const QString &newPin)
{
    if (m_checking)
        return;
    setChecking(true);
    auto *watcher = new QFutureWatcher<pin::Hash>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, code] {
        watcher->deleteLater();
        setChecking(false);
        newPinMade(code, watcher->result());
    });
    watcher->setFuture(runOffThread([newPin] { return pin::make(newPin); }));
}

void SignInPage::newPinMade(const QString &code, const pin::Hash &hash)
{
    Accounts users(m_ctx.store);
    if (m_pending) {
        if (auto r = users.changePin(m_pending->uuid, hash); !r) {
            m_panel->showError(r.error().message);
            return;
        }
        const User user = *m_pending;
        m_pending.reset();
        showPanel(false);
        emit signedIn(user);
        return;
    }
    if (auto r = users.resetPin(selectedUuid(), code, hash); !r) {
        m_panel->showError(r.error().message);
        showLock(); // a fifth wrong code renews the challenge
        return;
    }
    showPanel(false);
    showLock();
    showError(tr("PIN 码已重设，账户已解锁。请用新的 PIN 码登录。"));
}

} // namespace ms
