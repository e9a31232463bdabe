// MeterSimulator without a port: request bytes in, reply bytes out, decoded with the codecs.
#include "meter/dlt645/codec.h"
#include "meter/dlt698/apdu.h"
#include "meter/sim/metersimulator.h"

#include <gtest/gtest.h>

#include <bit>

using namespace ms::meter;

namespace {

QByteArray qt(const Bytes &b)
{
    return QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size()));
}

ByteView view(const QByteArray &b)
{
    return ByteView(reinterpret_cast<const std::uint8_t *>(b.constData()), std::size_t(b.size()));
}

SimulatorOptions options(Protocol p)
{
    SimulatorOptions o;
    o.protocol = p;
    o.address = QStringLiteral("201000000012");
    return o;
}

ms::dlt645::Reply reply645(const QByteArray &bytes)
{
    auto frame = ms::dlt645::decodeFrame(view(bytes));
    EXPECT_TRUE(frame.ok()) << bytes.toHex().constData();
    auto r = ms::dlt645::decodeReply(*frame);
    EXPECT_TRUE(r.ok());
    return *r;
}

const auto kAddr = *ms::dlt645::Address::fromText("201000000012");

} // namespace

TEST(MeterSimulator, blockPaddingEnds1997BlocksWithFillAndAnAaTerminatorOnly)
{
    // GIVEN a 1997 meter asked to pad its blocks with 3 fill bytes
    auto o = options(Protocol::Dlt645_1997);
    o.blockPadding = 3;
    MeterSimulator sim(o, RegisterSet::defaults());
    // WHEN the master reads the 901F block and the single item 9010
    const auto block =
        sim.feed(qt(ms::dlt645::encodeRead(ms::dlt645::Version::V1997, kAddr, 0x901F)));
    const auto single =
        sim.feed(qt(ms::dlt645::encodeRead(ms::dlt645::Version::V1997, kAddr, 0x9010)));
    // THEN the block's data is DI + 5 × 4 bytes + 00 00 00 AA (on the wire + 0x33) and decodes
    ASSERT_EQ(block.size(), 1);
    const auto r = reply645(block.first());
    EXPECT_EQ(r.payload.size(), 20u + 4u);
    EXPECT_TRUE(block.first().toHex().toUpper().contains("333333DD"));
    ASSERT_EQ(r.values.size(), 5u);
    EXPECT_EQ(r.values[0].toString(), "1234.56");
    // … a single item carries no tail
    ASSERT_EQ(single.size(), 1);
    EXPECT_EQ(reply645(single.first()).payload.size(), 4u);
}

TEST(MeterSimulator, answers2007ForwardActiveBlockFromRegisters)
{
    // GIVEN a 2007 meter with the default registers
    MeterSimulator sim(options(Protocol::Dlt645_2007), RegisterSet::defaults());
    // WHEN the master reads 0001FF00 from its address
    const auto replies = sim.feed(qt(ms::dlt645::encodeRead(ms::dlt645::Version::V2007, kAddr, 0x0001FF00)));
    // THEN one 91 reply carries total and T1..T4
    ASSERT_EQ(replies.size(), 1);
    const auto r = reply645(replies.first());
    EXPECT_EQ(r.kind, ms::dlt645::Reply::Kind::Data);
    EXPECT_EQ(r.address, kAddr);
    ASSERT_EQ(r.values.size(), 5u);
    EXPECT_EQ(r.values[0].toString(), "1234.56");
    EXPECT_EQ(r.values[3].toString(), "234.56");
}

TEST(MeterSimulator, answersReadAddressOnlyOnWildcardOrOwnAddress)
{
    MeterSimulator sim(options(Protocol::Dlt645_2007), RegisterSet::defaults());
    const auto replies = sim.feed(qt(ms::dlt645::encodeReadAddress()));
    ASSERT_EQ(replies.size(), 1);
    EXPECT_EQ(reply645(replies.first()).address.toText(), "201000000012");
    // another meter on the bus is addressed: silence
    const auto other = *ms::dlt645::Address::fromText("999999000001");
    EXPECT_TRUE(sim.feed(qt(ms::dlt645::encodeRead(ms::dlt645::Version::V2007, other, 0x00010000))).isEmpty());
}

TEST(MeterSimulator, missingRegisterIsNoRequestedDataAndRefusedIsUnauthorised)
{
    RegisterSet regs = RegisterSet::defaults();
    regs.remove(QStringLiteral("remaining_money"));
    regs.refuse(QStringLiteral("00900100"));
    MeterSimulator sim(options(Protocol::Dlt645_2007), regs);
    const auto money = sim.feed(qt(ms::dlt645::encodeRead(ms::dlt645::Version::V2007, kAddr, 0x00900200)));
    ASSERT_EQ(money.size(), 1);
    EXPECT_TRUE(reply645(money.first()).noRequestedData());
    const auto energy = sim.feed(qt(ms::dlt645::encodeRead(ms::dlt645::Version::V2007, kAddr, 0x00900100)));
    ASSERT_EQ(energy.size(), 1);
    const auto r = reply645(energy.first());
    EXPECT_EQ(r.kind, ms::dlt645::Reply::Kind::Error);
    EXPECT_FALSE(r.noRequestedData());
    EXPECT_TRUE(r.errorBits & ms::dlt645::errorbits::Unauthorised);
}

TEST(MeterSimulator, meter1997IgnoresThe2007ProbeAndAnswers9010)
{
    MeterSimulator sim(options(Protocol::Dlt645_1997), RegisterSet::defaults());
    EXPECT_TRUE(sim.feed(qt(ms::dlt645::encodeReadAddress())).isEmpty());
    const auto replies = sim.feed(qt(ms::dlt645::encodeRead(ms::dlt645::Version::V1997,
                                                            ms::dlt645::Address::wildcard(), 0x9010)));
    ASSERT_EQ(replies.size(), 1);
    const auto r = reply645(replies.first());
    EXPECT_EQ(r.version, ms::dlt645::Version::V1997);
    ASSERT_FALSE(r.values.empty());
    EXPECT_EQ(r.values[0].toString(), "1234.56");
}

TEST(MeterSimulator, answers698GetForwardActiveArray)
{
    MeterSimulator sim(options(Protocol::Dlt698_45), RegisterSet::defaults());
    const auto request = ms::dlt698::encodeGetRequest(ms::dlt698::ServerAddress::wildcard(),
                                                      ms::dlt698::oad::ForwardActive, 7);
    const auto replies = sim.feed(qt(request));
    ASSERT_EQ(replies.size(), 1);
    const auto frame = ms::dlt698::decodeFrame(view(replies.first()));
    ASSERT_TRUE(frame.ok());
    EXPECT_EQ(frame->server.toText(), "201000000012");
    const auto response = ms::dlt698::decodeGetResponse(*frame);
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->piid, 7);
    ASSERT_TRUE(response->data.has_value());
    const auto values = ms::dlt698::valuesOf(response->oad, *response->data);
    ASSERT_EQ(values.size(), 5u);
    EXPECT_EQ(values[0].toString(), "1234.56");
    EXPECT_EQ(values[4].toString(), "100.00");
}

TEST(MeterSimulator, requestSplitAcrossFeedsWithNoiseIsStillAnswered)
{
    MeterSimulator sim(options(Protocol::Dlt645_2007), RegisterSet::defaults());
    const QByteArray request = QByteArray::fromHex("00FF13") + qt(ms::dlt645::encodeReadAddress());
    QList<QByteArray> replies;
    for (char c : request)
        replies += sim.feed(QByteArray(1, c));
    EXPECT_EQ(replies.size(), 1);
}

TEST(MeterSimulator, faultsDamageRepliesAsConfigured)
{
    const QByteArray probe = qt(ms::dlt645::encodeReadAddress());
    {
        auto o = options(Protocol::Dlt645_2007);
        o.silent = true;
        MeterSimulator sim(o, RegisterSet::defaults());
        EXPECT_TRUE(sim.feed(probe).isEmpty());
        EXPECT_EQ(sim.requestsSeen(), 1);
    }
    {
        auto o = options(Protocol::Dlt645_2007);
        o.corruptRate = 1.0;
        MeterSimulator sim(o, RegisterSet::defaults());
        const auto replies = sim.feed(probe);
        ASSERT_EQ(replies.size(), 1);
        const auto decoded = ms::dlt645::decodeFrame(view(replies.first()));
        ASSERT_FALSE(decoded.ok());
        EXPECT_EQ(decoded.error().fault, Fault::BadChecksum);
    }
    {
        auto o = options(Protocol::Dlt645_2007);
        o.dropRate = 1.0;
        MeterSimulator sim(o, RegisterSet::defaults());
        EXPECT_TRUE(sim.feed(probe).isEmpty());
        EXPECT_EQ(sim.repliesDropped(), 1);
    }
    {
        auto o = options(Protocol::Dlt645_2007);
        o.halfFrame = true;
        MeterSimulator sim(o, RegisterSet::defaults());
        const auto replies = sim.feed(probe);
        ASSERT_EQ(replies.size(), 1);
        EXPECT_EQ(ms::dlt645::decodeFrame(view(replies.first())).error().fault, Fault::Truncated);
    }
    {
        auto o = options(Protocol::Dlt645_2007);
        o.wrongParity = true;
        MeterSimulator sim(o, RegisterSet::defaults());
        const auto replies = sim.feed(probe);
        ASSERT_EQ(replies.size(), 1);
        for (char c : replies.first())
            EXPECT_TRUE(c == 0 || std::popcount(std::uint8_t(c)) % 2 == 1);
        EXPECT_FALSE(ms::dlt645::decodeFrame(view(replies.first())).ok());
    }
}

TEST(MeterSimulator, dropRateIsReproducibleForASeed)
{
    auto o = options(Protocol::Dlt645_2007);
    o.dropRate = 0.5;
    o.seed = 42;
    MeterSimulator a(o, RegisterSet::defaults());
    MeterSimulator b(o, RegisterSet::defaults());
    const QByteArray probe = qt(ms::dlt645::encodeReadAddress());
    int answeredA = 0;
    int answeredB = 0;
    for (int i = 0; i < 200; ++i) {
        answeredA += int(a.feed(probe).size());
        answeredB += int(b.feed(probe).size());
    }
    EXPECT_EQ(answeredA, answeredB);
    EXPECT_GT(answeredA, 60);
    EXPECT_LT(answeredA, 140);
}
