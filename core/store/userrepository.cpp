#include "store/userrepository.h"

#include "store/database.h"
#include "store/outboxrepository.h"
#include "store/recordjson.h"
#include "store/store.h"
#include "store/storeutil.h"
#include "store/transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace ms {

using namespace storeutil;

namespace {

constexpr int kIterations = 20000;
constexpr int kKeyLength = 32;

QByteArray derive(const QString &pin, const QByteArray &salt)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin.toUtf8(), salt,
                                              kIterations, kKeyLength);
}

QByteArray newSalt()
{
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()),
                                          salt.size() / int(sizeof(quint32)));
    return salt;
}

bool constantTimeEqual(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

Result<void> checkPin(const QString &pin)
{
    static const QRegularExpression digits(QStringLiteral("^\\d{4,8}$"));
    if (!digits.match(pin).hasMatch())
        return badInput(Tr::tr("PIN 码须为 4 到 8 位数字。"));
    return {};
}

constexpr const char *kSelect =
    "SELECT id, uuid, name, roles, pin_salt, pin_hash FROM users ";

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
    return u;
}

} // namespace

UserRepository::UserRepository(Database &db, Store &store, OutboxRepository &outbox)
    : m_db(db), m_store(store), m_outbox(outbox)
{
}

Result<User> UserRepository::add(const QString &name, const QStringList &roles, const QString &pin)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return badInput(Tr::tr("请填写用户姓名。"));
    if (auto r = checkPin(pin); !r)
        return r.error();
    User u;
    u.uuid = newUuid();
    u.name = trimmed;
    u.roles = roles;
    u.pinSalt = newSalt();
    u.pinHash = derive(pin, u.pinSalt);

    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto st = m_db.prepare(QStringLiteral(
        "INSERT INTO users(uuid, name, roles, pin_salt, pin_hash, updated_at) VALUES (?,?,?,?,?,?)"));
    if (!st)
        return st.error();
    st.value().bindText(1, u.uuid).bindText(2, u.name);
    st.value().bindText(3, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(roles))
                                                 .toJson(QJsonDocument::Compact)));
    st.value().bindBlob(4, u.pinSalt).bindBlob(5, u.pinHash).bindText(6, json::isoTime(now()));
    if (auto r = st.value().run(); !r) {
        if (r.error().code == QLatin1String("store.constraint"))
            return makeError(QStringLiteral("store.duplicate"),
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

QList<User> UserRepository::list()
{
    QList<User> out;
    auto st = m_db.prepare(QLatin1String(kSelect) + QStringLiteral("ORDER BY name"));
    if (!st)
        return out;
    while (st.value().step())
        out << userFrom(st.value());
    return out;
}

Result<User> UserRepository::byUuid(const QString &uuid)
{
    auto st = m_db.prepare(QLatin1String(kSelect) + QStringLiteral("WHERE uuid = ?"));
    if (!st)
        return st.error();
    st.value().bindText(1, uuid);
    if (!st.value().step())
        return notFound(Tr::tr("找不到该用户，可能已在其他设备上被移除。"));
    return userFrom(st.value());
}

Result<User> UserRepository::verifyPin(const QString &userUuid, const QString &pin)
{
    auto user = byUuid(userUuid);
    if (!user)
        return user.error();
    if (!constantTimeEqual(derive(pin, user->pinSalt), user->pinHash))
        return makeError(QStringLiteral("store.wrong_pin"), Tr::tr("PIN 码不正确，请重新输入。"));
    return user;
}

Result<void> UserRepository::changePin(const QString &userUuid, const QString &newPin)
{
    if (auto r = checkPin(newPin); !r)
        return r;
    auto user = byUuid(userUuid);
    if (!user)
        return user.error();
    const QByteArray salt = newSalt();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto st = m_db.prepare(QStringLiteral(
        "UPDATE users SET pin_salt = ?, pin_hash = ?, updated_at = ? WHERE uuid = ?"));
    if (!st)
        return st.error();
    st.value().bindBlob(1, salt).bindBlob(2, derive(newPin, salt));
    st.value().bindText(3, json::isoTime(now())).bindText(4, userUuid);
    if (auto r = st.value().run(); !r)
        return r;
    // The PIN is device-local: nothing goes to the outbox.
    return tx.commit();
}

} // namespace ms
