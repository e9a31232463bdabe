#include "workflow/valuevalidator.h"

#include <gtest/gtest.h>

using namespace ms;
using Verdict = ValueCheck::Verdict;

namespace {

EvidenceRequirement startReading()
{
    EvidenceRequirement r;
    r.key = QStringLiteral("new_start_total");
    r.kind = EvidenceKind::MeterReading;
    r.label = QStringLiteral("新表起码（总）");
    r.unit = QStringLiteral("kWh");
    r.decimals = 2;
    r.min = 0;
    r.max = 999999.99;
    r.plausibleLow = 0;
    r.plausibleHigh = 1;
    return r;
}

EvidenceRequirement phone()
{
    EvidenceRequirement r;
    r.key = QStringLiteral("customer_phone");
    r.kind = EvidenceKind::Text;
    r.label = QStringLiteral("客户手机号");
    r.pattern = QStringLiteral("^1[3-9][0-9]{9}$");
    r.patternHint = QStringLiteral("11 位手机号，以 1 开头");
    return r;
}

} // namespace

TEST(ValueValidator, StartReadingNearZeroIsAccepted)
{
    const ValueCheck c = ValueValidator::check(startReading(), QStringLiteral(" 0.35 "));
    EXPECT_EQ(c.verdict, Verdict::Ok);
    EXPECT_EQ(c.normalized, "0.35");
    EXPECT_DOUBLE_EQ(*c.number, 0.35);
}

TEST(ValueValidator, StartReadingAboveOneAsksToConfirm)
{
    const ValueCheck c = ValueValidator::check(startReading(), QStringLiteral("12.5"));
    EXPECT_EQ(c.verdict, Verdict::Implausible);
    EXPECT_TRUE(c.acceptable());
    EXPECT_TRUE(c.message.contains(QStringLiteral("新表起码（总）")));
    EXPECT_TRUE(c.message.contains(QStringLiteral("0–1")));
}

TEST(ValueValidator, TooManyDecimalsIsRejectedWithTheLimit)
{
    const ValueCheck c = ValueValidator::check(startReading(), QStringLiteral("0.123"));
    EXPECT_EQ(c.verdict, Verdict::Invalid);
    EXPECT_TRUE(c.message.contains(QStringLiteral("最多 2 位小数")));
}

TEST(ValueValidator, HardLimitsReject)
{
    EXPECT_EQ(ValueValidator::check(startReading(), QStringLiteral("-1")).verdict, Verdict::Invalid);
    const ValueCheck c = ValueValidator::check(startReading(), QStringLiteral("1000000"));
    EXPECT_EQ(c.verdict, Verdict::Invalid);
    EXPECT_TRUE(c.message.contains(QStringLiteral("不能大于 999999.99")));
}

TEST(ValueValidator, NotANumberOrEmptyIsRejected)
{
    EXPECT_EQ(ValueValidator::check(startReading(), QStringLiteral("1.2.3")).verdict, Verdict::Invalid);
    EXPECT_EQ(ValueValidator::check(startReading(), QStringLiteral("abc")).verdict, Verdict::Invalid);
    const ValueCheck empty = ValueValidator::check(startReading(), QStringLiteral("  "));
    EXPECT_EQ(empty.verdict, Verdict::Invalid);
    EXPECT_TRUE(empty.message.contains(QStringLiteral("请填写")));
}

TEST(ValueValidator, IntegerOnlyRequirement)
{
    EvidenceRequirement r = startReading();
    r.decimals = 0;
    r.plausibleLow.reset();
    r.plausibleHigh.reset();
    EXPECT_EQ(ValueValidator::check(r, QStringLiteral("12")).verdict, Verdict::Ok);
    EXPECT_TRUE(ValueValidator::check(r, QStringLiteral("12.0")).message.contains(QStringLiteral("整数")));
}

TEST(ValueValidator, PatternFailureShowsTheHint)
{
    EXPECT_EQ(ValueValidator::check(phone(), QStringLiteral("13812345678")).verdict, Verdict::Ok);
    const ValueCheck c = ValueValidator::check(phone(), QStringLiteral("1381234567"));
    EXPECT_EQ(c.verdict, Verdict::Invalid);
    EXPECT_TRUE(c.message.contains(QStringLiteral("11 位手机号，以 1 开头")));
}

TEST(ValueValidator, PatternMustMatchTheWholeValue)
{
    EvidenceRequirement r = phone();
    r.pattern = QStringLiteral("1[3-9][0-9]{9}"); // no anchors in the catalog
    EXPECT_EQ(ValueValidator::check(r, QStringLiteral("x13812345678y")).verdict, Verdict::Invalid);
}

TEST(ValueValidator, CheckAcceptsOnlyYesOrNo)
{
    EvidenceRequirement r;
    r.kind = EvidenceKind::Check;
    r.label = QStringLiteral("已验电");
    EXPECT_TRUE(ValueValidator::check(r, QStringLiteral("yes")).ok());
    EXPECT_TRUE(ValueValidator::check(r, QStringLiteral("no")).ok());
    EXPECT_FALSE(ValueValidator::check(r, QStringLiteral("maybe")).acceptable());
}
