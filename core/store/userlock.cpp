// UserRepository, part two: the sign-in lock (its state, a wrong PIN counted) and the two ways
// out of it, the office reset code and the local reset (docs/decisions/0007-pin-sign-in.md).
#include "store/userrepository.h"

#include "store/database.h"
#include "store/recordjson.h"
#include "store/settingsrepository.h"
#include "store/store.h"
#include "store/storelog.h"
#include "store/storeutil.h"
#include "store/transaction.h"

namespace ms {

using namespace storeutil;

namespace {

// The device token the tablet syncs with (the same key as settingkeys::kSyncToken in the app).
constexpr QLatin1StringView kSyncTokenSetting("sync.token");

// 30 s for the kMaxTries-th miss, doubling with every further miss, at most an hour.
qint64 lockSeconds(int failures)
{
    qint64 s = UserRepository::kFirstLockSeconds;
    for (int i = UserRepository::kMaxTries; i < failures && s < UserRepository::kMaxLockSeconds;
         ++i)
        s *= 2;
    return std::min<qint64>(s, UserRepository::kMaxLockSeconds);
}

} // namespace

Result<PinLock> UserRepository::lockState(const QString &userUuid)
{
    auto st = m_db.prepare(QStringLiteral("SELECT pin_failures, pin_locked_at, pin_locked_until, "
                                          "pin_reset_challenge FROM users WHERE uuid = ?"));
    if (!st)
        return st.error();
    Statement &q = st.value();
    q.bindText(1, userUuid);
    if (!q.step())
        return q.failed()
                   ? Result<PinLock>(q.error())
                   : Result<PinLock>(notFound(Tr::tr("找不到该用户，可能已在其他设备上被移除。")));
    PinLock lock;
    lock.failures = int(q.integer(0));
    lock.triesLeft = std::max(1, kMaxTries - lock.failures);
    lock.resetChallenge = q.text(3);
    const QDateTime at = json::parseTime(q.text(1));
    const QDateTime until = json::parseTime(q.text(2));
    if (at.isValid() && until.isValid()) {
        const QDateTime t = now();
        // A clock turned back neither lifts the lock nor stretches it beyond its length.
        const qint64 length = std::max<qint64>(0, at.secsTo(until));
        lock.secondsLeft = t < at ? length : std::clamp<qint64>(t.secsTo(until), 0, length);
    }
    return lock;
}

Result<PinLock> UserRepository::recordFailure(const QString &userUuid)
{
    auto before = lockState(userUuid);
    if (!before)
        return before.error();
    const int failures = before->failures + 1;
    PinLock after;
    after.failures = failures;
    after.triesLeft = std::max(1, kMaxTries - failures);
    after.resetChallenge = before->resetChallenge;
    const QDateTime t = now();
    QDateTime until;
    if (failures >= kMaxTries) {
        after.secondsLeft = lockSeconds(failures);
        until = t.addSecs(after.secondsLeft);
        if (after.resetChallenge.isEmpty())
            after.resetChallenge = pin::newChallenge();
    }
    auto st = m_db.prepare(QStringLiteral(
        "UPDATE users SET pin_failures = ?, pin_locked_at = ?, pin_locked_until = ?, "
        "pin_reset_challenge = ? WHERE uuid = ?"));
    if (!st)
        return st.error();
    Statement &q = st.value();
    q.bindInt(1, failures);
    if (until.isValid())
        q.bindText(2, json::isoTime(t)).bindText(3, json::isoTime(until));
    else
        q.bindNull(2).bindNull(3);
    q.bindText(4, after.resetChallenge).bindText(5, userUuid);
    if (auto r = q.run(); !r)
        return r.error();
    if (after.locked())
        qCWarning(lcStore) << "user" << userUuid << "locked for" << after.secondsLeft << "s after"
                           << failures << "wrong PINs";
    return after;
}

Result<void> UserRepository::resetPin(const QString &userUuid, const QString &code,
                                      const pin::Hash &newPin)
{
    auto lock = lockState(userUuid);
    if (!lock)
        return lock.error();
    if (lock->resetChallenge.isEmpty())
        return makeError(QStringLiteral("store.no_reset"),
                         Tr::tr("该账户没有被锁定，不需要解锁码：请直接用 PIN 码登录。"));
    const auto read = m_store.settings().value(QString(kSyncTokenSetting));
    if (!read)
        return read.error();
    const QString token = read.value();
    if (token.isEmpty())
        return makeError(
            QStringLiteral("store.no_reset"),
            Tr::tr("这台设备还没有设置办公室的设备令牌，无法核对解锁码。请把设备交给办公室，"
                   "用 meterswapctl user reset-pin 重设 PIN 码。"));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const QString expected = pin::resetCode(pin::tokenSha256Hex(token), lock->resetChallenge);
    if (!pin::constantTimeEqual(code.trimmed().toLatin1(), expected.toLatin1())) {
        auto st = m_db.prepare(QStringLiteral(
            "UPDATE users SET pin_reset_failures = pin_reset_failures + 1 WHERE uuid = ? "
            "RETURNING pin_reset_failures"));
        if (!st)
            return st.error();
        st.value().bindText(1, userUuid);
        const int misses = st.value().step() ? int(st.value().integer(0)) : 0;
        if (st.value().failed())
            return st.value().error();
        st.value().reset();
        Error wrong =
            makeError(QStringLiteral("store.wrong_reset_code"),
                      Tr::tr("解锁码不正确，请核对办公室给的 %1 位数字。").arg(pin::kResetDigits));
        if (misses >= kMaxTries) {
            const QString challenge = pin::newChallenge();
            auto renew = m_db.prepare(QStringLiteral("UPDATE users SET pin_reset_challenge = ?, "
                                                     "pin_reset_failures = 0 WHERE uuid = ?"));
            if (!renew)
                return renew.error();
            renew.value().bindText(1, challenge).bindText(2, userUuid);
            if (auto r = renew.value().run(); !r)
                return r;
            wrong.message =
                Tr::tr("解锁码连续错误 %1 次，旧的挑战码已作废。请把新的挑战码 %2 报给办公室，"
                       "领取新的解锁码。")
                    .arg(misses)
                    .arg(challenge);
        }
        if (auto r = tx.commit(); !r)
            return r;
        return wrong;
    }
    if (auto r = storePin(userUuid, newPin, true); !r)
        return r;
    if (auto r = tx.commit(); !r)
        return r;
    qCInfo(lcStore) << "user" << userUuid << "unlocked with an office reset code";
    return {};
}

Result<void> UserRepository::resetPinLocally(const QString &userUuid, const pin::Hash &newPin)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (auto r = storePin(userUuid, newPin, true); !r)
        return r;
    if (auto r = tx.commit(); !r)
        return r;
    qCInfo(lcStore) << "user" << userUuid << "PIN reset from the command line";
    return {};
}

} // namespace ms
