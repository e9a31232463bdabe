#include "workflow/mismatch.h"

#include <QCoreApplication>

#include <cmath>

namespace ms {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ms::MismatchCalculator", text);
}

double round2(double v)
{
    const double r = std::round(v * 100.0) / 100.0;
    return r == 0.0 ? 0.0 : r; // no "-0.00"
}

QString num(double v)
{
    return QString::number(v, 'f', 2);
}
} // namespace

MismatchCalculator::MismatchCalculator(MismatchConfig config) : m_config(std::move(config)) {}

Result<MismatchResult> MismatchCalculator::compute(const MismatchInput &in) const
{
    const QString who = in.accountNo.isEmpty() ? tr("该客户") : tr("户号 %1").arg(in.accountNo);
    if (!in.cumulativePurchased)
        return makeError(kMismatchNoPurchaseRecord,
                         tr("%1 没有累计购电记录，无法计算差额电量。请内勤按流程 5.1 导入该户的购电记录"
                            "（附录 4）后重新计算；在此之前不登记分档。")
                             .arg(who));
    if (!in.mechanicalRegister)
        return makeError(kMismatchNoReading,
                         tr("%1 尚未抄录旧表机械计度器示数，请按流程 6.1 现场抄录后再计算。").arg(who));
    if (!in.remainingEnergy)
        return makeError(kMismatchNoReading,
                         tr("%1 尚未抄录旧表剩余电量，请按流程 6.1 现场抄录后再计算。").arg(who));

    const double purchased = *in.cumulativePurchased;
    const double remaining = *in.remainingEnergy;
    const double reg = *in.mechanicalRegister;
    if (purchased < 0 || remaining < 0 || reg < 0
        || (in.registerBaseline && *in.registerBaseline < 0))
        return makeError(kMismatchBadInput,
                         tr("%1 的购电量、剩余电量和计度器示数都不能为负数，请核对后重新录入。").arg(who));
    if (remaining > purchased)
        return makeError(kMismatchBadInput,
                         tr("%1 的剩余电量 %2 kWh 大于累计购电量 %3 kWh，数据不可能成立。"
                            "请核对现场抄录的剩余电量或重新导入购电记录。")
                             .arg(who, num(remaining), num(purchased)));
    if (in.registerBaseline && *in.registerBaseline > reg)
        return makeError(kMismatchBadInput,
                         tr("%1 的机械计度器示数 %2 kWh 小于开户时示数 %3 kWh，请核对抄录的示数。")
                             .arg(who, num(reg), num(*in.registerBaseline)));

    MismatchResult r;
    r.baselineKnown = in.registerBaseline.has_value();
    r.electronicConsumption = round2(purchased - remaining);
    r.registerAdvance = round2(reg - in.registerBaseline.value_or(0.0));
    r.difference = round2(r.registerAdvance - r.electronicConsumption);
    const MismatchTier *tier = m_config.tierFor(r.difference);
    if (!tier) // a validated config covers every value; an unvalidated one may not
        return makeError(QStringLiteral("mismatch.config"),
                         tr("差额电量 %1 kWh 不属于任何分档，请检查分档配置是否首尾相接。")
                             .arg(num(r.difference)));
    r.tier = *tier;
    return r;
}

} // namespace ms
