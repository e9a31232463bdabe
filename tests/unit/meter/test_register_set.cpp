#include "meter/sim/registerset.h"

#include <QTemporaryDir>
#include <QFile>
#include <gtest/gtest.h>

using namespace ms::meter;

TEST(RegisterSet, defaultsAreDocumentedValuesAndTariffsSumToTotal)
{
    const RegisterSet r = RegisterSet::defaults();
    const QStringList fwd = r.get(QStringLiteral("forward_active"));
    ASSERT_EQ(fwd.size(), 5);
    double sum = 0;
    for (int i = 1; i < 5; ++i)
        sum += fwd.at(i).toDouble();
    EXPECT_DOUBLE_EQ(sum, fwd.at(0).toDouble());
    // single-tariff DIs come out of the same register
    const auto t2 = r.textsFor(Protocol::Dlt645_2007, QStringLiteral("00010200"), QStringLiteral("000000000001"));
    ASSERT_TRUE(t2.has_value());
    EXPECT_EQ(t2->at(0), "500.00");
    // meter number defaults to the address
    const auto number = r.textsFor(Protocol::Dlt645_2007, QStringLiteral("04000402"), QStringLiteral("201000000012"));
    ASSERT_TRUE(number.has_value());
    EXPECT_EQ(number->at(0), "201000000012");
}

TEST(RegisterSet, jsonOverridesAbsentRefuseExtraAndFixedClock)
{
    const auto r = RegisterSet::fromJson(R"({
        "registers": {"forward_active": ["10.00","1.00","2.00","3.00","4.00"], "remaining_money": 12.5},
        "absent": ["remaining_energy"],
        "refuse": ["03300d00"],
        "extra": {"04000404": "220V"},
        "clock": "2025-06-01 08:30:00"})");
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    const QString addr = QStringLiteral("000000000001");
    EXPECT_EQ(r->textsFor(Protocol::Dlt645_2007, QStringLiteral("0001FF00"), addr)->at(0), "10.00");
    EXPECT_EQ(r->textsFor(Protocol::Dlt645_2007, QStringLiteral("00900200"), addr)->at(0), "12.50");
    EXPECT_FALSE(r->textsFor(Protocol::Dlt645_2007, QStringLiteral("00900100"), addr).has_value());
    EXPECT_TRUE(r->refused(QStringLiteral("03300D00")));
    EXPECT_EQ(r->textsFor(Protocol::Dlt645_2007, QStringLiteral("04000404"), addr)->at(0), "220V");
    EXPECT_EQ(r->textsFor(Protocol::Dlt698_45, QStringLiteral("40000200"), addr)->at(0), "2025-06-01 08:30:00");
    EXPECT_EQ(r->textsFor(Protocol::Dlt645_2007, QStringLiteral("04000101"), addr)->at(0), "2025-06-01");
}

TEST(RegisterSet, badFilesAreRejectedWithWhatToFix)
{
    const auto notJson = RegisterSet::fromJson("{ nope");
    ASSERT_FALSE(notJson.ok());
    EXPECT_TRUE(notJson.error().message.contains(QStringLiteral("simulator.md")));
    const auto unknown = RegisterSet::fromJson(R"({"registers": {"forward_totl": "1"}})");
    ASSERT_FALSE(unknown.ok());
    EXPECT_TRUE(unknown.error().message.contains(QStringLiteral("forward_totl")));
    const auto fourTariffs = RegisterSet::fromJson(R"({"registers": {"forward_active": ["1","1"]}})");
    ASSERT_FALSE(fourTariffs.ok());
    const auto clock = RegisterSet::fromJson(R"({"clock": "yesterday"})");
    ASSERT_FALSE(clock.ok());
    EXPECT_TRUE(clock.error().message.contains(QStringLiteral("yesterday")));
    const auto missing = RegisterSet::load(QStringLiteral("/nonexistent/registers.json"));
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("/nonexistent/registers.json")));
}
