#pragma once
// 用户: people who sign in on this device. PINs (6–12 digits) are stored only as a salted
// PBKDF2-HMAC-SHA256 key (pinhash.h). Five wrong PINs in a row lock the account for 30 s, and
// every further wrong PIN locks it again for twice as long (up to an hour); the lock is stored,
// so a restart does not lift it. An office reset code, or `meterswapctl user reset-pin`, unlocks
// it with a new PIN (docs/decisions/0007-pin-sign-in.md).
//
// Signing in from a screen, with the slow key derivation on a worker thread:
//   auto attempt = users.beginSignIn(uuid);           // fast; "store.pin_locked" while locked
//   pin::Verdict v = pin::check(typed, attempt->stored); // worker thread, ~0.3 s
//   auto outcome = users.finishSignIn(*attempt, v);   // fast; counts, locks, upgrades the hash
#include "model/result.h"
#include "model/types.h"
#include "store/pinhash.h"

#include <QDateTime>
#include <QList>
#include <functional>

namespace ms {

class Database;
class Store;
class OutboxRepository;

// The account's lock, as the sign-in page shows it.
struct PinLock
{
    int failures = 0;       // wrong PINs since the last good one
    int triesLeft = 0;      // before the next lock
    qint64 secondsLeft = 0; // > 0: locked for this long
    QString resetChallenge; // the digits to read to the office (set once the account locked)
    bool locked() const { return secondsLeft > 0; }
};

struct PinAttempt
{
    QString userUuid;
    pin::Hash stored;
};

struct SignIn
{
    User user;
    bool mustChangePin = false; // the PIN predates the 6-digit rule: ask for a new one first
};

class UserRepository
{
public:
    static constexpr int kMaxTries = 5;
    static constexpr int kFirstLockSeconds = 30;
    static constexpr int kMaxLockSeconds = 3600;
    static const char *const kMigrationSql; // migration 6: KDF name, lock and reset columns
    using Clock = std::function<QDateTime()>;

    UserRepository(Database &db, Store &store, OutboxRepository &outbox);

    // The time seam (tests move it instead of waiting out a lock). Default: UTC now.
    void setClock(Clock clock);

    // Errors: "store.bad_input" (empty name, PIN not 6–12 digits), "store.duplicate" (same name).
    Result<User> add(const QString &name, const QStringList &roles, const QString &pin);
    // The same with a PIN already derived (demo data ships one; a screen derives off-thread).
    Result<User> add(const QString &name, const QStringList &roles, const pin::Hash &pin);
    Result<QList<User>> list(); // by name; a failed read is an error, never "no users"
    Result<User> byUuid(const QString &uuid);
    Result<PinLock> lockState(const QString &userUuid);

    // "store.pin_locked" (message says for how long) / "store.not_found"; else what the KDF needs.
    Result<PinAttempt> beginSignIn(const QString &userUuid);
    // Records the verdict: a match clears the count and stores an upgraded hash; a miss counts
    // and may lock. Errors: "store.wrong_pin" (message says how many tries are left),
    // "store.pin_locked" (this miss locked it), or the store's own.
    Result<SignIn> finishSignIn(const PinAttempt &attempt, const pin::Verdict &verdict);
    // begin + pin::check + finish on the caller's thread (command line, tests).
    Result<User> verifyPin(const QString &userUuid, const QString &pin);

    // The signed-in user sets a new PIN. "store.bad_input" for a PIN outside the rule.
    Result<void> changePin(const QString &userUuid, const QString &newPin);
    Result<void> changePin(const QString &userUuid, const pin::Hash &newPin);

    // Office reset: `code` is what `meterswap-office pin-reset-code` made from this account's
    // challenge and this device's token (setting sync.token). Unlocks and sets the new PIN.
    // Errors: "store.no_reset" (not locked, or no device token here), "store.wrong_reset_code"
    // (after kMaxTries wrong codes the challenge changes: the message says so).
    Result<void> resetPin(const QString &userUuid, const QString &code, const pin::Hash &newPin);
    // Local reset by someone holding the data directory (meterswapctl user reset-pin).
    Result<void> resetPinLocally(const QString &userUuid, const pin::Hash &newPin);

private:
    Result<void> storePin(const QString &userUuid, const pin::Hash &h, bool clearLock);
    Result<PinLock> recordFailure(const QString &userUuid);
    QDateTime now() const;

    Database &m_db;
    Store &m_store;
    OutboxRepository &m_outbox;
    Clock m_clock;
};

} // namespace ms
