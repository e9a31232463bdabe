#include "meter/reader/crosscheck.h"

#include <QCoreApplication>

#include <cmath>

namespace ms::meter {

namespace {
// lupdate files Tr::tr() under this context; a free tr() helper would land in the namespace.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::meter::CrossCheck)
};
} // namespace

QList<CrossCheckWarning> crossCheck(const SwapSetReading &reading, const CrossCheckInput &input)
{
    QList<CrossCheckWarning> warnings;
    const QString expected = input.expectedAddress.trimmed().toUpper();
    if (!expected.isEmpty() && !reading.address.isEmpty()
        && expected.rightJustified(12, QLatin1Char('0')) != reading.address.toUpper()) {
        warnings.append({QStringLiteral("address_mismatch"),
                         Tr::tr("读到的通信地址 %1 与工单上的表号 %2 不一致：探头可能对准了邻近的表。请核对表位后重新读表。")
                             .arg(reading.address, expected)});
    }
    const std::optional<double> total = reading.number(QStringLiteral("forward_active"), 0);
    if (total && input.meter == QLatin1String("new") && *total > input.newMeterMaxStart) {
        warnings.append({QStringLiteral("new_meter_not_zero"),
                         Tr::tr("新表起码为 %1 kWh，超过 %2 kWh：新表可能已被使用过或装错。请核对表号并拍照留证。")
                             .arg(*total, 0, 'f', 2)
                             .arg(input.newMeterMaxStart, 0, 'f', 0)});
    }
    if (total && input.meter == QLatin1String("old") && input.lastBilled && *total < *input.lastBilled) {
        warnings.append({QStringLiteral("below_last_billed"),
                         Tr::tr("旧表止码 %1 kWh 小于上次结算示数 %2 kWh：可能读错了表或表计异常。请核对表号，拍摄表盘照片留证。")
                             .arg(*total, 0, 'f', 2)
                             .arg(*input.lastBilled, 0, 'f', 2)});
    }
    const ItemReading *energy = reading.item(QStringLiteral("forward_active"));
    if (total && energy && energy->values.size() >= 5) {
        double sum = 0;
        bool all = true;
        for (int i = 1; i < 5; ++i) {
            const auto v = reading.number(QStringLiteral("forward_active"), i);
            all = all && v.has_value();
            sum += v.value_or(0);
        }
        if (all && std::abs(sum - *total) > input.tariffTolerance) {
            warnings.append({QStringLiteral("tariff_sum"),
                             Tr::tr("各费率之和 %1 kWh 与总电能 %2 kWh 不相等：请重新读表；若仍不一致，照实记录并拍摄表盘。")
                                 .arg(sum, 0, 'f', 2)
                                 .arg(*total, 0, 'f', 2)});
        }
    }
    return warnings;
}

} // namespace ms::meter
