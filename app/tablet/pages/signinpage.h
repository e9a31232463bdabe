#pragma once
// 登录: pick your name from big buttons, type the PIN on a big pad.
#include "appcontext.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QButtonGroup;

namespace ms {

class SignInPage : public QWidget
{
    Q_OBJECT
public:
    explicit SignInPage(AppContext &ctx, QWidget *parent = nullptr);

    void reload();                         // user list from the store
    bool selectUser(const QString &name);  // as if tapped (tests, last user)
    void enterPin(const QString &pin);     // as if typed on the pad, then 确定

signals:
    void signedIn(const ms::User &user);

private:
    void trySignIn();

    AppContext &m_ctx;
    QList<User> m_users;
    QWidget *m_userBox = nullptr;
    QButtonGroup *m_group = nullptr;
    QLineEdit *m_pin = nullptr;
    QLabel *m_who = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ms
