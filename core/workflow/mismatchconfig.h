#pragma once
// The office's tier thresholds for 机电不符 (7.2), read from forms/config/mismatch-tiers.json.
// Tiers are half-open ranges [min, max) of the difference energy in kWh; a missing bound is
// unbounded. They must be sorted, contiguous and cover every value, so each difference falls in
// exactly one tier.
#include "model/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace ms {

struct MismatchTier
{
    QString id;                // "positive_minor"
    QString name;              // 正差一档（少计费 10–50 kWh）
    std::optional<double> min; // inclusive; none = −∞
    std::optional<double> max; // exclusive; none = +∞
    bool mismatch = true;      // customers in this tier are registered as 机电不符
    bool contains(double kwh) const;
};

class MismatchConfig
{
public:
    static QString builtInPath() { return QStringLiteral(":/forms/config/mismatch-tiers.json"); }
    // Errors "mismatch.config" naming the file, the tier and what is wrong.
    static Result<MismatchConfig> fromJson(const QByteArray &json, const QString &fileName);
    static Result<MismatchConfig> load(const QString &path);

    QList<MismatchTier> tiers;
    QString title;
    const MismatchTier *tierFor(double kwh) const;
    const MismatchTier *tier(const QString &id) const;
};

} // namespace ms
