#pragma once
// 用户: people who sign in on this device. PINs are stored only as PBKDF2-SHA256 with a salt.
#include "model/result.h"
#include "model/types.h"

#include <QList>

namespace ms {

class Database;
class Store;
class OutboxRepository;

class UserRepository
{
public:
    UserRepository(Database &db, Store &store, OutboxRepository &outbox);

    // Errors: "store.bad_input" (empty name, PIN not 4–8 digits), "store.duplicate" (same name).
    Result<User> add(const QString &name, const QStringList &roles, const QString &pin);
    QList<User> list();
    Result<User> byUuid(const QString &uuid);
    // ok() with the user when the PIN matches; "store.wrong_pin" / "store.not_found" otherwise.
    Result<User> verifyPin(const QString &userUuid, const QString &pin);
    Result<void> changePin(const QString &userUuid, const QString &newPin);

private:
    Database &m_db;
    Store &m_store;
    OutboxRepository &m_outbox;
};

} // namespace ms
