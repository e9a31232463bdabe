#pragma once
// Device-local key/value settings (photo long edge, language, catalog folder, ...).
// Settings are preferences of this device, so they are not sent to the office (no outbox row).
#include "model/result.h"

#include <QString>
#include <QVariant>

namespace ms {

class Database;
class Store;

class SettingsRepository
{
public:
    SettingsRepository(Database &db, Store &store);

    // `defaultValue` when the key is not set; a failed read is an error, never the default.
    Result<QString> value(const QString &key, const QString &defaultValue = {});
    Result<int> intValue(const QString &key, int defaultValue); // default also when not a number
    Result<bool> contains(const QString &key);
    Result<void> setValue(const QString &key, const QString &value);
    Result<void> remove(const QString &key);

private:
    Database &m_db;
    Store &m_store;
};

} // namespace ms
