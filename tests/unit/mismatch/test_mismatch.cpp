// 机电不符 difference energy (7.1) and tiering (7.2) against worked cases, with the office's
// shipped tier file and with broken tier files.
#include "common/testenv.h"
#include "workflow/mismatch.h"

#include <QFile>
#include <gtest/gtest.h>

#include <optional>

using namespace ms;

namespace {
MismatchConfig shippedConfig()
{
    auto config = MismatchConfig::load(test::formsDir() + QStringLiteral("/config/mismatch-tiers.json"));
    EXPECT_TRUE(config.ok()) << (config.ok() ? "" : config.error().message.toStdString());
    return config.value();
}

struct WorkedCase
{
    const char *name;
    std::optional<double> purchased, remaining, reg, baseline;
    double consumption, advance, difference;
    const char *tier;
};

// Figures a clerk can check by hand: difference = (register − baseline) − (purchased − remaining).
const WorkedCase kCases[] = {
    {"exact match", 1000, 100, 900, std::nullopt, 900, 900, 0, "consistent"},
    {"small drift inside tolerance", 1000, 100, 909.99, std::nullopt, 900, 909.99, 9.99, "consistent"},
    {"lower bound of the consistent band", 1000, 0, 990, std::nullopt, 1000, 990, -10, "consistent"},
    {"just below the consistent band", 1000, 0, 989.99, std::nullopt, 1000, 989.99, -10.01, "negative_minor"},
    {"positive, lower bound of tier 2", 1000, 50, 1000, std::nullopt, 950, 1000, 50, "positive_medium"},
    {"positive, large", 300.5, 0.5, 812.25, std::nullopt, 300, 812.25, 512.25, "positive_major"},
    {"negative: purse debited more than register ran", 2000, 200, 1500, std::nullopt, 1800, 1500, -300, "negative_major"},
    {"negative medium", 800, 0, 700, std::nullopt, 800, 700, -100, "negative_medium"},
    {"baseline known at account opening", 500, 20, 1600, 1100, 480, 500, 20, "positive_minor"},
    {"baseline known, negative", 500, 20, 1400, 1100, 480, 300, -180, "negative_medium"},
};
} // namespace

TEST(MismatchCalculator, WorkedCasesGiveTheDocumentedDifferenceAndTier)
{
    // GIVEN the tier thresholds the office ships
    const MismatchCalculator calc(shippedConfig());
    for (const auto &c : kCases) {
        SCOPED_TRACE(c.name);
        // WHEN the difference is computed from the purchase record and the on-site readings
        const auto r = calc.compute({QStringLiteral("0101"), c.purchased, c.remaining, c.reg, c.baseline});
        // THEN consumption, advance, difference and tier are as worked out by hand
        ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
        EXPECT_DOUBLE_EQ(r->electronicConsumption, c.consumption);
        EXPECT_DOUBLE_EQ(r->registerAdvance, c.advance);
        EXPECT_DOUBLE_EQ(r->difference, c.difference);
        EXPECT_EQ(r->tier.id.toStdString(), c.tier);
        EXPECT_EQ(r->baselineKnown, c.baseline.has_value());
        EXPECT_EQ(r->flagged(), std::string(c.tier) != "consistent");
    }
}

TEST(MismatchCalculator, MissingPurchaseRecordIsAClearErrorAndNothingIsGuessed)
{
    const MismatchCalculator calc(shippedConfig());
    // GIVEN readings from site but no purchase record for the account
    const auto r = calc.compute({QStringLiteral("3100012345"), std::nullopt, 12.5, 4321.0, std::nullopt});
    // THEN the error names the account and what to do (import 5.1 / appendix 4)
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QLatin1String(kMismatchNoPurchaseRecord));
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("3100012345")));
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("5.1")));
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("附录 4")));
}

TEST(MismatchCalculator, MissingReadingsAndImpossibleFiguresAreRefused)
{
    const MismatchCalculator calc(shippedConfig());
    auto noRegister = calc.compute({QStringLiteral("1"), 100.0, 10.0, std::nullopt, std::nullopt});
    ASSERT_FALSE(noRegister.ok());
    EXPECT_EQ(noRegister.error().code, QLatin1String(kMismatchNoReading));
    EXPECT_TRUE(noRegister.error().message.contains(QStringLiteral("机械计度器")));

    auto noRemaining = calc.compute({QStringLiteral("1"), 100.0, std::nullopt, 90.0, std::nullopt});
    ASSERT_FALSE(noRemaining.ok());
    EXPECT_TRUE(noRemaining.error().message.contains(QStringLiteral("剩余电量")));

    auto tooMuchLeft = calc.compute({QStringLiteral("1"), 100.0, 150.0, 90.0, std::nullopt});
    ASSERT_FALSE(tooMuchLeft.ok());
    EXPECT_EQ(tooMuchLeft.error().code, QLatin1String(kMismatchBadInput));

    auto negative = calc.compute({QStringLiteral("1"), -1.0, 0.0, 90.0, std::nullopt});
    ASSERT_FALSE(negative.ok());
    EXPECT_EQ(negative.error().code, QLatin1String(kMismatchBadInput));

    auto belowBaseline = calc.compute({QStringLiteral("1"), 100.0, 0.0, 90.0, 95.0});
    ASSERT_FALSE(belowBaseline.ok());
    EXPECT_EQ(belowBaseline.error().code, QLatin1String(kMismatchBadInput));
}

TEST(MismatchConfig, ThresholdsComeFromTheFileNotFromCode)
{
    // GIVEN an office that only distinguishes "over 100 kWh either way"
    const QByteArray json = R"({"tiers":[
        {"id":"under","name":"少","min":null,"max":-100},
        {"id":"ok","name":"相符","min":-100,"max":100,"mismatch":false},
        {"id":"over","name":"多","min":100,"max":null}]})";
    auto config = MismatchConfig::fromJson(json, QStringLiteral("office.json"));
    ASSERT_TRUE(config.ok()) << config.error().message.toStdString();
    const MismatchCalculator calc(config.value());
    // WHEN a +50 kWh difference is computed
    auto r = calc.compute({QStringLiteral("1"), 1000.0, 0.0, 1050.0, std::nullopt});
    // THEN it is in the office's "ok" tier (the shipped file would call it positive_medium)
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->tier.id, QStringLiteral("ok"));
    EXPECT_FALSE(r->flagged());
}

TEST(MismatchConfig, BrokenTierFilesNameTheFileTheTierAndTheFault)
{
    struct Bad { const char *json; const char *mentions; };
    const Bad cases[] = {
        {R"({"tiers":[]})", "tiers"},
        {R"({"tiers":[{"id":"a","name":"A","min":0,"max":null}]})", "tiers[0].min"},
        {R"({"tiers":[{"id":"a","name":"A","min":null,"max":5}]})", "tiers[0].max"},
        {R"({"tiers":[{"id":"a","name":"A","min":null,"max":0},{"id":"b","name":"B","min":1,"max":null}]})", "tiers[1].min"},
        {R"({"tiers":[{"id":"a","name":"A","min":null,"max":0},{"id":"a","name":"B","min":0,"max":null}]})", "tiers[1]"},
        {R"({"tiers":[{"id":"a","name":"A","min":null,"max":"x"}]})", "tiers[0].max"},
        {R"({"tiers":[{"id":"a","name":"A","min":5,"max":1}]})", "tiers[0]"},
        {R"({"tiers":[)", "bad.json"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.json);
        auto config = MismatchConfig::fromJson(QByteArray(c.json), QStringLiteral("bad.json"));
        ASSERT_FALSE(config.ok());
        EXPECT_EQ(config.error().code, QStringLiteral("mismatch.config"));
        EXPECT_TRUE(config.error().message.contains(QLatin1String(c.mentions)))
            << config.error().message.toStdString();
        EXPECT_TRUE(config.error().message.startsWith(QStringLiteral("bad.json")));
    }
}

TEST(MismatchConfig, TheBuiltInResourceMatchesTheSourceFile)
{
    QFile source(test::formsDir() + QStringLiteral("/config/mismatch-tiers.json"));
    QFile builtIn(MismatchConfig::builtInPath());
    ASSERT_TRUE(source.open(QIODevice::ReadOnly));
    ASSERT_TRUE(builtIn.open(QIODevice::ReadOnly)) << "forms resources not linked";
    EXPECT_EQ(source.readAll(), builtIn.readAll());
    auto config = MismatchConfig::load(MismatchConfig::builtInPath());
    ASSERT_TRUE(config.ok());
    EXPECT_EQ(config->tiers.size(), 7);
}
