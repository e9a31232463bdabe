#include "meter/reader/crosscheck.h"

#include <gtest/gtest.h>

using namespace ms::meter;

namespace {
SwapSetReading readingWith(const QString &address, QList<double> energy)
{
    SwapSetReading r;
    r.address = address;
    ItemReading item;
    item.key = QStringLiteral("forward_active");
    item.status = ItemReading::Status::Ok;
    for (double v : energy) {
        ReadValue value;
        value.number = v;
        value.text = QString::number(v, 'f', 2);
        item.values.append(value);
    }
    r.items.append(item);
    return r;
}

QStringList codes(const QList<CrossCheckWarning> &w)
{
    QStringList out;
    for (const auto &x : w)
        out << x.code;
    return out;
}
} // namespace

TEST(CrossCheck, cleanOldMeterReadingHasNoWarnings)
{
    CrossCheckInput in;
    in.meter = QStringLiteral("old");
    in.expectedAddress = QStringLiteral("201000000012");
    in.lastBilled = 1200.0;
    EXPECT_TRUE(crossCheck(readingWith(QStringLiteral("201000000012"), {1234.56, 400, 500, 234.56, 100}), in).isEmpty());
}

TEST(CrossCheck, eachRuleFiresWithItsCode)
{
    CrossCheckInput old;
    old.meter = QStringLiteral("old");
    old.expectedAddress = QStringLiteral("201000000099");
    old.lastBilled = 2000.0;
    const auto w = crossCheck(readingWith(QStringLiteral("201000000012"), {1234.56, 400, 500, 200, 100}), old);
    EXPECT_EQ(codes(w), (QStringList{QStringLiteral("address_mismatch"), QStringLiteral("below_last_billed"),
                                     QStringLiteral("tariff_sum")}));
    CrossCheckInput fresh;
    fresh.meter = QStringLiteral("new");
    EXPECT_EQ(codes(crossCheck(readingWith(QStringLiteral("1"), {1.5, 0.5, 0.5, 0.5, 0}), fresh)),
              QStringList{QStringLiteral("new_meter_not_zero")});
    EXPECT_TRUE(crossCheck(readingWith(QStringLiteral("1"), {0.8, 0.2, 0.2, 0.2, 0.2}), fresh).isEmpty());
}

TEST(CrossCheck, shortAddressOnTheJobIsLeftPadded)
{
    CrossCheckInput in;
    in.expectedAddress = QStringLiteral("12");
    EXPECT_TRUE(crossCheck(readingWith(QStringLiteral("000000000012"), {0, 0, 0, 0, 0}), in).isEmpty());
}
