#pragma once
// 登录: pick your name from big buttons, type the PIN on a big pad. The PIN's key derivation
// (~0.3 s) runs off the UI thread; five wrong PINs lock the account, shown here as a count-down
// with the challenge to read to the office; its reset code and a new PIN unlock it. A PIN from
// before the 6-digit rule must be replaced right after signing in.
#include "appcontext.h"
#include "store/userrepository.h" // User, PinAttempt, pin::Verdict

#include <QWidget>

class QLabel;
class QLineEdit;
class QButtonGroup;
class QPushButton;
class QTimer;

namespace ms {

class NumericPad;
class PinPanel;

class SignInPage : public QWidget
{
    Q_OBJECT
public:
    explicit SignInPage(AppContext &ctx, QWidget *parent = nullptr);

    void reload();                         // user list from the store
    bool selectUser(const QString &name);  // as if tapped (tests, last user)
    void enterPin(const QString &pin);     // as if typed on the pad, then 登录
    bool isChecking() const { return m_checking; } // a PIN is being derived off the UI thread
    PinPanel *pinPanel() const { return m_panel; }

signals:
    void signedIn(const ms::User &user);

private:
    void trySignIn();
    void signInChecked(const PinAttempt &attempt, const pin::Verdict &verdict);
    void newPinEntered(const QString &code, const QString &newPin);
    void newPinMade(const QString &code, const pin::Hash &hash);
    void showLock();      // the selected user's lock: count-down, challenge, reset button
    void showPanel(bool on);
    void setChecking(bool on);
    void showError(const QString &message);
    QString selectedUuid() const;

    AppContext &m_ctx;
    QList<User> m_users;
    QWidget *m_userBox = nullptr;
    QButtonGroup *m_group = nullptr;
    QWidget *m_entry = nullptr;     // PIN field, pad and 登录
    QLineEdit *m_pin = nullptr;
    QPushButton *m_ok = nullptr;
    QLabel *m_who = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_countdown = nullptr;  // "账户锁定中，0:27 后可再试"
    QLabel *m_challenge = nullptr;  // "挑战码 1234 5678 …"
    QPushButton *m_resetButton = nullptr;
    QWidget *m_userColumn = nullptr; // the names to choose from (hidden while the panel shows)
    PinPanel *m_panel = nullptr;
    QTimer *m_tick = nullptr;
    bool m_checking = false;
    std::optional<User> m_pending;  // signed in, but must replace a short PIN first
};

} // namespace ms
