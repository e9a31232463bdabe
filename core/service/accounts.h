#pragma once
// The people who sign in on this device, and every change to their sign-in state (a wrong PIN
// counted, a lock, a new PIN, an office reset code): the sign-in page, `meterswap --user/--pin`
// and `meterswapctl user` go through this class, so nothing in app/ writes the users table.
// Each call that writes is one transaction of the store (UserRepository). The slow PIN key
// derivation stays with the caller (a screen runs it on a worker thread between beginSignIn and
// finishSignIn; see store/userrepository.h).
//
//   ms::Accounts accounts(store);
//   auto attempt = accounts.beginSignIn(uuid);               // "store.pin_locked" while locked
//   auto outcome = accounts.finishSignIn(*attempt, pin::check(typed, attempt->stored));
#include "model/result.h"
#include "model/types.h"
#include "store/userrepository.h"

namespace ms {

class Store;

class Accounts
{
public:
    explicit Accounts(Store &store)
        : m_store(store)
    {}

    Result<QList<User>> users(); // by name; a failed read is an error, never "nobody"
    // "store.not_found" naming the user when nobody of that name is on this device.
    Result<User> byName(const QString &name);
    Result<PinLock> lockState(const QString &userUuid);

    Result<PinAttempt> beginSignIn(const QString &userUuid);
    Result<SignIn> finishSignIn(const PinAttempt &attempt, const pin::Verdict &verdict);
    // Both at once, on the calling thread (~0.3 s): for the command line and tests.
    Result<SignIn> signIn(const QString &userName, const QString &pin);

    Result<void> changePin(const QString &userUuid, const pin::Hash &newPin);
    // With the office's reset code for the challenge the locked account shows.
    Result<void> resetPin(const QString &userUuid, const QString &code, const pin::Hash &newPin);
    // Support, with the device at hand (meterswapctl user reset-pin without --code).
    Result<void> resetPinLocally(const QString &userUuid, const pin::Hash &newPin);

private:
    Store &m_store;
};

} // namespace ms
