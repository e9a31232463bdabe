#include "store/settingsrepository.h"

#include "store/database.h"
#include "store/store.h"

namespace ms {

SettingsRepository::SettingsRepository(Database &db, Store &store) : m_db(db), m_store(store) {}

Result<QString> SettingsRepository::value(const QString &key, const QString &defaultValue)
{
    auto st = m_db.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    if (!st)
        return st.error();
    st.value().bindText(1, key);
    if (st.value().step())
        return st.value().text(0);
    if (st.value().failed())
        return st.value().error();
    return defaultValue;
}

Result<int> SettingsRepository::intValue(const QString &key, int defaultValue)
{
    auto text = value(key);
    if (!text)
        return text.error();
    bool ok = false;
    const int v = text.value().toInt(&ok);
    return ok ? v : defaultValue;
}

Result<bool> SettingsRepository::contains(const QString &key)
{
    auto st = m_db.prepare(QStringLiteral("SELECT 1 FROM settings WHERE key = ?"));
    if (!st)
        return st.error();
    st.value().bindText(1, key);
    if (st.value().step())
        return true;
    if (st.value().failed())
        return st.value().error();
    return false;
}

Result<void> SettingsRepository::setValue(const QString &key, const QString &value)
{
    auto st = m_db.prepare(QStringLiteral(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    if (!st)
        return st.error();
    st.value().bindText(1, key).bindText(2, value.isNull() ? QStringLiteral("") : value);
    if (auto r = st.value().run(); !r)
        return r;
    m_db.afterCommit([this, key] { emit m_store.settingChanged(key); });
    return {};
}

Result<void> SettingsRepository::remove(const QString &key)
{
    auto st = m_db.prepare(QStringLiteral("DELETE FROM settings WHERE key = ?"));
    if (!st)
        return st.error();
    st.value().bindText(1, key);
    if (auto r = st.value().run(); !r)
        return r;
    m_db.afterCommit([this, key] { emit m_store.settingChanged(key); });
    return {};
}

} // namespace ms
