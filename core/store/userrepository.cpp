#include "store/userrepository.h"

#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/recordjson.h"
#include "store/store.h"
#include "store/storelog.h"
#include "store/storeutil.h"
#include "store/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ms {

using namespace storeutil;

// Migration 6. Rows from before keep their hash and read as the old KDF until the next good
// sign-in re-derives them. Lock state is device-local like the PIN: it never reaches the outbox.
const char *const UserRepository::kMigrationSql = R"SQL(
ALTER TABLE users ADD COLUMN pin_kdf TEXT NOT NULL DEFAULT 'pbkdf2-sha256$20000';
ALTER TABLE users ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN pin_locked_at TEXT;
ALTER TABLE users ADD COLUMN pin_locked_until TEXT;
ALTER TABLE users ADD COLUMN pin_reset_challenge TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN pin_reset_failures INTEGER NOT NULL DEFAULT 0;
)SQL";

namespace {

constexpr const char *kSelect =
    "SELECT id, uuid, name, roles, pin_salt, pin_hash, pin_kdf FROM users ";

User userFrom(const Statement &q)
{
    User u;
    u.id = q.integer(0);
    u.uuid = q.text(1);
    u.name = q.text(2);
    for (const QJsonValue &v : QJsonDocument::fromJson(q.text(3).toUtf8()).array())
        u.roles << v.toString();
    u.pinSalt = q.blob(4);
    u.pinHash = q.blob(5);
    u.pinKdf = q.text(6);
    return u;
}

pin::Hash hashOf(const User &u)
{
    return {u.pinKdf, u.pinSalt, u.pinHash};
}

// "m:ss", as the sign-in page counts down.
QString clockText(qint64 seconds)
{
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

Error lockedError(const PinLock &lock)
{
    return makeError(QStringLiteral("store.pin_locked"),
                     Tr::tr("PIN 码已连续输错 %1 次，账户锁定中，%2 后可再试。"
                            "忘记 PIN 码请把挑战码 %3 报给办公室，领取解锁码。")
                         .arg(lock.failures)
                         .arg(clockText(lock.secondsLeft), lock.resetChallenge));
}

} // namespace

UserRepository::UserRepository(Database &db, Store &store, OutboxRepository &outbox)
    : m_db(db)
    , m_store(store)
    , m_outbox(outbox)
{}

void UserRepository::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

QDateTime UserRepository::now() const
{
    return m_clock ? m_clock() : storeutil::now();
}

Result<User> UserRepository::add(const QString &name, const QStringList &roles, const QString &pin)
{
    if (name.trimmed().isEmpty())
        return badInput(Tr::tr("请填写用户姓名。"));
    if (auto r = pin::checkFormat(pin); !r)
        return r.error();
    return add(name, roles, pin::make(pin));
}

Result<User> UserRepository::add(const QString &name, const QStringList &roles,
                                 const pin::Hash &pin)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return badInput(Tr::tr("请填写用户姓名。"));
    if (pin::iterations(pin.kdf) <= 0 || pin.key.isEmpty())
        return badInput(Tr::tr("PIN 码的存储格式不正确，请重新设置 PIN 码。"));
    User u;
    u.uuid = newUuid();
    u.name = trimmed;
    u.roles = roles;
    u.pinSalt = pin.salt;
    u.pinHash = pin.key;
    u.pinKdf = pin.kdf;

    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto st =
        m_db.prepare(QStringLiteral("INSERT INTO users(uuid, name, roles, pin_salt, pin_hash, "
                                    "pin_kdf, updated_at) VALUES (?,?,?,?,?,?,?)"));
    if (!st)
        return st.error();
    st.value().bindText(1, u.uuid).bindText(2, u.name);
    st.value().bindText(
        3, QString::fromUtf8(
               QJsonDocument(QJsonArray::fromStringList(roles)).toJson(QJsonDocument::Compact)));
    st.value().bindBlob(4, u.pinSalt).bindBlob(5, u.pinHash).bindText(6, u.pinKdf);
    st.value().bindText(7, json::isoTime(storeutil::now()));
    if (auto r = st.value().run(); !r) {
        if (r.error().code == QLatin1String("store.constraint"))
            return makeError(
                QStringLiteral("store.duplicate"),
                Tr::tr("已有名为“%1”的用户，请换一个姓名（例如加上工号）。").arg(u.name));
        return r.error();
    }
    u.id = m_db.lastInsertId();
    if (auto r = m_outbox.append(QStringLiteral("user"), u.uuid, 1, QStringLiteral("upsert"),
                                 json::fromUser(u));
        !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    m_db.afterCommit([this] { emit m_store.usersChanged(); });
    return u;
}

Result<QList<User>> UserRepository::list()
{
    QList<User> out;
    auto st = m_db.prepare(QLatin1String(kSelect) + QStringLiteral("ORDER BY name"));
    if (!st)
        return st.error();
    while (st.value().step())
        out << userFrom(st.value());
    if (st.value().failed())
        return st.value().error();
    return out;
}

Result<User> UserRepository::byUuid(const QString &uuid)
{
    auto st = m_db.prepare(QLatin1String(kSelect) + QStringLiteral("WHERE uuid = ?"));
    if (!st)
        return st.error();
    st.value().bindText(1, uuid);
    if (!st.value().step())
        return st.value().failed()
                   ? Result<User>(st.value().error())
                   : Result<User>(notFound(Tr::tr("找不到该用户，可能已在其他设备上被移除。")));
    return userFrom(st.value());
}

Result<PinAttempt> UserRepository::beginSignIn(const QString &userUuid)
{
    auto lock = lockState(userUuid);
    if (!lock)
        return lock.error();
    if (lock->locked())
        return lockedError(*lock);
    auto user = byUuid(userUuid);
    if (!user)
        return user.error();
    return PinAttempt{userUuid, hashOf(*user)};
}

Result<SignIn> UserRepository::finishSignIn(const PinAttempt &attempt, const pin::Verdict &verdict)
{
    if (!verdict.matched) {
        auto lock = recordFailure(attempt.userUuid);
        if (!lock)
            return lock.error();
        if (lock->locked())
            return lockedError(*lock);
        return makeError(
            QStringLiteral("store.wrong_pin"),
            Tr::tr("PIN 码不正确，请重新输入（再错 %1 次账户将锁定）。").arg(lock->triesLeft));
    }
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (verdict.upgrade) {
        if (auto r = storePin(attempt.userUuid, *verdict.upgrade, true); !r)
            return r.error();
        qCInfo(lcStore) << "PIN hash of user" << attempt.userUuid << "upgraded to"
                        << pin::currentKdf();
    } else {
        auto st = m_db.prepare(QStringLiteral(
            "UPDATE users SET pin_failures = 0, pin_locked_at = NULL, pin_locked_until = NULL, "
            "pin_reset_challenge = '', pin_reset_failures = 0 WHERE uuid = ? AND pin_failures > "
            "0"));
        if (!st)
            return st.error();
        st.value().bindText(1, attempt.userUuid);
        if (auto r = st.value().run(); !r)
            return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    auto user = byUuid(attempt.userUuid);
    if (!user)
        return user.error();
    return SignIn{user.value(), verdict.tooShort};
}

Result<User> UserRepository::verifyPin(const QString &userUuid, const QString &pin)
{
    auto attempt = beginSignIn(userUuid);
    if (!attempt)
        return attempt.error();
    auto done = finishSignIn(*attempt, pin::check(pin, attempt->stored));
    if (!done)
        return done.error();
    return done->user;
}

Result<void> UserRepository::storePin(const QString &userUuid, const pin::Hash &h, bool clearLock)
{
    if (pin::iterations(h.kdf) <= 0 || h.key.isEmpty())
        return badInput(Tr::tr("PIN 码的存储格式不正确，请重新设置 PIN 码。"));
    QString sql = QStringLiteral("UPDATE users SET pin_salt = ?, pin_hash = ?, pin_kdf = ?");
    if (clearLock)
        sql += QStringLiteral(", pin_failures = 0, pin_locked_at = NULL, pin_locked_until = NULL, "
                              "pin_reset_challenge = '', pin_reset_failures = 0");
    auto st = m_db.prepare(sql + QStringLiteral(" WHERE uuid = ?"));
    if (!st)
        return st.error();
    st.value().bindBlob(1, h.salt).bindBlob(2, h.key).bindText(3, h.kdf).bindText(4, userUuid);
    if (auto r = st.value().run(); !r)
        return r;
    if (m_db.changes() == 0)
        return notFound(Tr::tr("找不到该用户，可能已在其他设备上被移除。"));
    // The PIN is device-local: nothing goes to the outbox.
    return {};
}

Result<void> UserRepository::changePin(const QString &userUuid, const QString &newPin)
{
    if (auto r = pin::checkFormat(newPin); !r)
        return r;
    return changePin(userUuid, pin::make(newPin));
}

Result<void> UserRepository::changePin(const QString &userUuid, const pin::Hash &newPin)
{
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    if (auto r = storePin(userUuid, newPin, false); !r)
        return r;
    return tx.commit();
}

} // namespace ms
