#include "service/devicesettings.h"

#include "catalog/catalogloader.h"
#include "store/store.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>

namespace ms {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::DeviceSettings)
};

QString key(const char *k)
{
    return QString::fromLatin1(k);
}

Error badValue(const QString &message)
{
    return makeError(QStringLiteral("settings.bad_value"), message);
}

} // namespace

Result<QString> DeviceSettings::language()
{
    return m_store.settings().value(key(settingkeys::kLanguage), QStringLiteral("zh_CN"));
}

Result<int> DeviceSettings::photoLongEdge()
{
    auto edge = m_store.settings().intValue(key(settingkeys::kPhotoLongEdge), kDefaultLongEdge);
    if (!edge)
        return edge.error();
    return std::clamp(edge.value(), kMinLongEdge, kMaxLongEdge);
}

Result<QString> DeviceSettings::catalogDir()
{
    return m_store.settings().value(key(settingkeys::kCatalogDir));
}

Result<SyncSettings> DeviceSettings::sync()
{
    SyncSettings s;
    for (auto [k, field] :
         {std::pair{settingkeys::kSyncServer, &s.server},
          std::pair{settingkeys::kSyncToken, &s.token}, std::pair{settingkeys::kSyncPin, &s.pin}}) {
        auto v = m_store.settings().value(key(k));
        if (!v)
            return v.error();
        *field = v.value();
    }
    return s;
}

Result<QString> DeviceSettings::officeToken(const QString &userUuid)
{
    if (userUuid.isEmpty())
        return QString();
    return m_store.settings().value(QLatin1String(settingkeys::kOfficeTokenPrefix) + userUuid);
}

Result<SyncSettings> DeviceSettings::syncFor(const QString &userUuid)
{
    auto read = sync();
    if (!read)
        return read.error();
    SyncSettings s = read.value();
    auto own = officeToken(userUuid);
    if (!own)
        return own.error();
    if (!own->isEmpty())
        s.token = own.value();
    return s;
}

Result<void> DeviceSettings::setOfficeToken(const QString &userUuid, const QString &token)
{
    if (userUuid.isEmpty())
        return badValue(Tr::tr("没有指定办公令牌属于哪位用户。"));
    const QString t = token.trimmed();
    for (const QChar c : t) {
        if (c.isSpace())
            return badValue(Tr::tr("办公令牌中不能有空格或换行：请只粘贴令牌本身（meterswap-office "
                                   "token create 打印的那一行）。"));
    }
    return m_store.settings().setValue(QLatin1String(settingkeys::kOfficeTokenPrefix) + userUuid,
                                       t);
}

Result<MeterSettings> DeviceSettings::meter()
{
    MeterSettings m;
    for (auto [k, field] :
         {std::pair{meterkeys::kPort, &m.port}, std::pair{meterkeys::kLink, &m.link},
          std::pair{meterkeys::kAssetRule, &m.assetRule}}) {
        auto v = m_store.settings().value(key(k), *field);
        if (!v)
            return v.error();
        *field = v.value();
    }
    return m;
}

Result<void> DeviceSettings::setLanguage(const QString &language)
{
    static const QRegularExpression code(QStringLiteral("^[a-z]{2}(_[A-Z]{2})?$"));
    if (!code.match(language).hasMatch())
        return badValue(
            Tr::tr("“%1”不是界面语言的代码：请选 zh_CN（中文）或 en（English）。").arg(language));
    return set(settingkeys::kLanguage, language);
}

Result<void> DeviceSettings::setPhotoLongEdge(int px)
{
    if (px < kMinLongEdge || px > kMaxLongEdge)
        return badValue(Tr::tr("照片长边 %1 像素不在 %2–%3 之间：请选一个列出的尺寸。")
                            .arg(px)
                            .arg(kMinLongEdge)
                            .arg(kMaxLongEdge));
    return set(settingkeys::kPhotoLongEdge, QString::number(px));
}

Result<void> DeviceSettings::setCatalogDir(const QString &dir)
{
    if (!dir.isEmpty()) {
        const CatalogLoad load = CatalogLoader::load(dir);
        if (!load.ok()) {
            QStringList lines;
            for (qsizetype i = 0; i < std::min<qsizetype>(5, load.problems.size()); ++i)
                lines << load.problems[i].toString();
            return makeError(QStringLiteral("catalog.invalid"),
                             Tr::tr("这个文件夹里的卡片有 %n 处问题，未采用：\n%1", nullptr,
                                    int(load.problems.size()))
                                 .arg(lines.join(QLatin1Char('\n'))));
        }
    }
    return set(settingkeys::kCatalogDir, dir);
}

Result<void> DeviceSettings::setSync(const SyncSettingsChange &change)
{
    if (!change.server && !change.token && !change.pin)
        return {}; // nothing given on the command line: no write at all
    Transaction tx(m_store.database());
    if (!tx.ok())
        return tx.error();
    for (auto [k, value] : {std::pair{settingkeys::kSyncServer, &change.server},
                            std::pair{settingkeys::kSyncToken, &change.token},
                            std::pair{settingkeys::kSyncPin, &change.pin}}) {
        if (!*value)
            continue;
        if (auto r = set(k, **value); !r)
            return r;
    }
    return tx.commit();
}

Result<void> DeviceSettings::rememberMeterPort(const QString &port)
{
    if (port.isEmpty())
        return {};
    return set(meterkeys::kPort, port);
}

Result<void> DeviceSettings::set(const char *k, const QString &value)
{
    return m_store.settings().setValue(key(k), value);
}

} // namespace ms
