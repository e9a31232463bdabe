#include "workflow/mismatchconfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace ms {

namespace {
// lupdate files Tr::tr() under this context; a free tr() helper would land in the namespace.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::MismatchConfig)
};

Error configError(const QString &file, const QString &where, const QString &what)
{
    return makeError(QStringLiteral("mismatch.config"),
                     QStringLiteral("%1: %2: %3").arg(file, where, what));
}

Result<std::optional<double>> bound(const QJsonObject &o, const char *key, const QString &file,
                                    const QString &where)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isNull() || v.isUndefined())
        return std::optional<double>{};
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        return configError(file, where + QLatin1Char('.') + QLatin1String(key),
                           Tr::tr("应为数字（千瓦时）或 null（无界）"));
    return std::optional<double>{v.toDouble()};
}
} // namespace

bool MismatchTier::contains(double kwh) const
{
    return (!min || kwh >= *min) && (!max || kwh < *max);
}

Result<MismatchConfig> MismatchConfig::fromJson(const QByteArray &json, const QString &fileName)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return configError(fileName, QStringLiteral("offset %1").arg(parseError.offset),
                           Tr::tr("JSON 格式错误：%1").arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    const QJsonArray tiers = root.value(QLatin1String("tiers")).toArray();
    if (tiers.isEmpty())
        return configError(fileName, QStringLiteral("tiers"), Tr::tr("至少需要一个分档"));

    MismatchConfig config;
    config.title = root.value(QLatin1String("title")).toString();
    for (qsizetype i = 0; i < tiers.size(); ++i) {
        const QJsonObject o = tiers.at(i).toObject();
        const QString where = QStringLiteral("tiers[%1]").arg(i);
        MismatchTier tier;
        tier.id = o.value(QLatin1String("id")).toString();
        tier.name = o.value(QLatin1String("name")).toString();
        if (tier.id.isEmpty() || tier.name.isEmpty())
            return configError(fileName, where, Tr::tr("每个分档都需要 id 和 name"));
        auto lo = bound(o, "min", fileName, where);
        if (!lo)
            return lo.error();
        auto hi = bound(o, "max", fileName, where);
        if (!hi)
            return hi.error();
        tier.min = *lo;
        tier.max = *hi;
        tier.mismatch = o.value(QLatin1String("mismatch")).toBool(true);
        if (tier.min && tier.max && *tier.min >= *tier.max)
            return configError(fileName, where, Tr::tr("min 必须小于 max"));
        if (config.tier(tier.id))
            return configError(fileName, where, Tr::tr("分档 id“%1”重复").arg(tier.id));
        config.tiers.append(tier);
    }
    // Sorted, contiguous, covering the whole line: each difference falls in exactly one tier.
    if (config.tiers.first().min)
        return configError(fileName, QStringLiteral("tiers[0].min"),
                           Tr::tr("第一档的 min 必须为 null，否则更小的差额无档可归"));
    if (config.tiers.last().max)
        return configError(fileName, QStringLiteral("tiers[%1].max").arg(config.tiers.size() - 1),
                           Tr::tr("最后一档的 max 必须为 null，否则更大的差额无档可归"));
    for (qsizetype i = 1; i < config.tiers.size(); ++i) {
        const auto &prev = config.tiers.at(i - 1);
        const auto &cur = config.tiers.at(i);
        if (!prev.max || !cur.min || *prev.max != *cur.min)
            return configError(fileName, QStringLiteral("tiers[%1].min").arg(i),
                               Tr::tr("分档须按从小到大排列且首尾相接：本档 min 应等于上一档 max"));
    }
    return config;
}

Result<MismatchConfig> MismatchConfig::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("mismatch.config"),
                         Tr::tr("无法读取分档配置 %1：%2").arg(path, file.errorString()));
    return fromJson(file.readAll(), path);
}

const MismatchTier *MismatchConfig::tierFor(double kwh) const
{
    for (const auto &t : tiers)
        if (t.contains(kwh))
            return &t;
    return nullptr;
}

const MismatchTier *MismatchConfig::tier(const QString &id) const
{
    for (const auto &t : tiers)
        if (t.id == id)
            return &t;
    return nullptr;
}

} // namespace ms
