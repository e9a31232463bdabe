#pragma once
// This device's preferences (language, photo size, catalog folder, the office to sync with, the
// meter port), read and written through one class so nothing in app/ writes the settings table.
// Each write is one statement (one commit); setSync() writes its three keys in one transaction.
// Settings are the device's own: they are never sent to the office. A read that fails is an
// error, never the default (a damaged database must not look like "no office configured").
//
//   ms::DeviceSettings settings(store);
//   if (auto r = settings.setPhotoLongEdge(1600); !r) show(r.error().message);
//   auto sync = settings.sync();   // Result<SyncSettings>
#include "model/result.h"

#include <QString>
#include <optional>

namespace ms {

class Store;

namespace settingkeys {
inline constexpr const char *kLanguage = "ui.language";          // "zh_CN" | "en"
inline constexpr const char *kPhotoLongEdge = "photo.long_edge"; // px, default 2048
inline constexpr const char *kCatalogDir = "catalog.dir";        // "" = built-in
inline constexpr const char *kSyncServer = "sync.server";        // e.g. https://office.example:8443
inline constexpr const char *kSyncToken = "sync.token";          // device token (never shown)
inline constexpr const char *kSyncPin = "sync.pin"; // hex SHA-256 of the server certificate
// + user uuid: an office user's own office token on a shared office PC (never shown)
inline constexpr const char *kOfficeTokenPrefix = "office.token.";
} // namespace settingkeys

namespace meterkeys {
inline constexpr const char *kPort = "meter.port";            // last port that answered
inline constexpr const char *kLink = "meter.link";            // "infrared" | "rs485"
inline constexpr const char *kAssetRule = "meter.asset_rule"; // "tail" | "tail-1" | "contains"
} // namespace meterkeys

struct SyncSettings
{
    QString server; // "" = not configured
    QString token;
    QString pin;
    bool configured() const { return !server.isEmpty() && !token.isEmpty(); }
};

// What setSync() changes: a field left empty (nullopt) keeps its saved value.
struct SyncSettingsChange
{
    std::optional<QString> server;
    std::optional<QString> token;
    std::optional<QString> pin;
};

struct MeterSettings
{
    QString port; // "" = none remembered
    QString link = QStringLiteral("infrared");
    QString assetRule = QStringLiteral("tail");
};

class DeviceSettings
{
public:
    static constexpr int kDefaultLongEdge = 2048;
    static constexpr int kMinLongEdge = 640;
    static constexpr int kMaxLongEdge = 8192;

    explicit DeviceSettings(Store &store)
        : m_store(store)
    {}

    Result<QString> language(); // "zh_CN" when not set
    // The photo's long edge in px, kept within kMinLongEdge..kMaxLongEdge (2048 when not set).
    Result<int> photoLongEdge();
    Result<QString> catalogDir(); // "" = the built-in catalog
    Result<SyncSettings> sync();
    Result<MeterSettings> meter();
    // The office token saved for `userUuid` ("" = none: the device token is used for them).
    Result<QString> officeToken(const QString &userUuid);
    // The office to use for `userUuid`: the device's sync settings with the user's own office
    // token in place of the device token when one is saved.
    Result<SyncSettings> syncFor(const QString &userUuid);

    // "settings.bad_value" for a language code that is not one (e.g. "zh_CN", "en").
    Result<void> setLanguage(const QString &language);
    // "settings.bad_value" outside kMinLongEdge..kMaxLongEdge.
    Result<void> setPhotoLongEdge(int px);
    // "" = built-in. A folder is used only when its catalog loads without problems:
    // "catalog.invalid" names the first few, and nothing is saved.
    Result<void> setCatalogDir(const QString &dir);
    // The office to sync with, from the command line: one transaction.
    Result<void> setSync(const SyncSettingsChange &change);
    // Saves (or, with "", forgets) `userUuid`'s own office token. "settings.bad_value" for an
    // empty user or a token with spaces or line breaks.
    Result<void> setOfficeToken(const QString &userUuid, const QString &token);
    // The port a meter answered on, offered first next time. "" is ignored.
    Result<void> rememberMeterPort(const QString &port);

private:
    Result<void> set(const char *key, const QString &value);

    Store &m_store;
};

} // namespace ms
