#include "service/accounts.h"

#include "store/store.h"

#include <QCoreApplication>

namespace ms {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::Accounts)
};
} // namespace

Result<QList<User>> Accounts::users()
{
    return m_store.users().list();
}

Result<User> Accounts::byName(const QString &name)
{
    auto all = users();
    if (!all)
        return all.error();
    for (const User &u : all.value())
        if (u.name == name)
            return u;
    return makeError(
        QStringLiteral("store.not_found"),
        Tr::tr("这台设备上没有名为“%1”的用户：请检查姓名，或请办公室下发该用户。").arg(name));
}

Result<PinLock> Accounts::lockState(const QString &userUuid)
{
    return m_store.users().lockState(userUuid);
}

Result<PinAttempt> Accounts::beginSignIn(const QString &userUuid)
{
    return m_store.users().beginSignIn(userUuid);
}

Result<SignIn> Accounts::finishSignIn(const PinAttempt &attempt, const pin::Verdict &verdict)
{
    return m_store.users().finishSignIn(attempt, verdict);
}

Result<SignIn> Accounts::signIn(const QString &userName, const QString &pin)
{
    auto user = byName(userName);
    if (!user)
        return user.error();
    auto attempt = beginSignIn(user->uuid);
    if (!attempt)
        return attempt.error();
    return finishSignIn(attempt.value(), pin::check(pin, attempt->stored));
}

Result<void> Accounts::changePin(const QString &userUuid, const pin::Hash &newPin)
{
    return m_store.users().changePin(userUuid, newPin);
}

Result<void> Accounts::resetPin(const QString &userUuid, const QString &code,
                                const pin::Hash &newPin)
{
    return m_store.users().resetPin(userUuid, code, newPin);
}

Result<void> Accounts::resetPinLocally(const QString &userUuid, const pin::Hash &newPin)
{
    return m_store.users().resetPinLocally(userUuid, newPin);
}

} // namespace ms
