// MeterReader against the simulator on a real pty: every protocol, auto-detection, memory.
#include "sim_fixture.h"

#include <QSignalSpy>

using namespace ms::meter;
using ms::meter::test::SimRig;

class ReaderPerProtocol : public ::testing::TestWithParam<Protocol>
{
};

TEST_P(ReaderPerProtocol, autoDetectsAndReadsTheSwapSet)
{
    // GIVEN a meter of this protocol on a pty with custom registers
    SimRig rig;
    auto regs = RegisterSet::fromJson(R"({"registers": {"forward_active": ["5678.90","1000.00","2000.00","1678.90","1000.00"],
                                          "reverse_active": "1.25"}, "clock": "2025-06-01 08:30:00"})");
    ASSERT_TRUE(regs.ok());
    ASSERT_TRUE(rig.start(SimRig::fast(GetParam()), *regs));
    QSignalSpy items(rig.reader.get(), &MeterReader::itemFinished);
    // WHEN the swap set is read with protocol "auto"
    const SwapSetReading r = rig.read();
    // THEN protocol and address were found and the registers come back exactly
    ASSERT_EQ(r.failure, LinkFailure::None) << r.message.toStdString();
    ASSERT_TRUE(r.protocol.has_value());
    EXPECT_EQ(*r.protocol, GetParam());
    EXPECT_TRUE(r.autoDetected);
    EXPECT_EQ(r.address, QStringLiteral("201000000012"));
    EXPECT_EQ(r.text(QStringLiteral("forward_active"), 0), QStringLiteral("5678.90"));
    EXPECT_EQ(r.number(QStringLiteral("forward_active"), 3), 1678.90);
    EXPECT_EQ(r.number(QStringLiteral("reverse_active")), 1.25);
    EXPECT_EQ(items.count(), r.items.size());
    EXPECT_EQ(r.items.size(), swapSet(GetParam()).size());
    // every item keeps its request and reply frames with timestamps
    for (const ItemReading &i : r.items) {
        ASSERT_GE(i.frames.size(), 2) << i.key.toStdString();
        EXPECT_EQ(i.frames.first().direction, RawFrame::Direction::Tx);
        EXPECT_EQ(i.frames.last().direction, RawFrame::Direction::Rx);
        EXPECT_TRUE(i.frames.last().at.isValid());
    }
    EXPECT_TRUE(r.complete());
    EXPECT_GT(r.wireMs, 0);
    EXPECT_GE(double(r.totalMs), r.wireMs * 0.9); // the simulator paces: no faster than the wire
    // the meter was remembered for this port
    const auto remembered = rig.memory.forPort(rig.sim->portPath());
    ASSERT_TRUE(remembered.has_value());
    EXPECT_EQ(remembered->protocol, GetParam());
}

INSTANTIATE_TEST_SUITE_P(AllProtocols, ReaderPerProtocol,
                         ::testing::Values(Protocol::Dlt645_2007, Protocol::Dlt645_1997,
                                           Protocol::Dlt698_45),
                         [](const ::testing::TestParamInfo<Protocol> &param) {
                             return protocolText(param.param).replace(QLatin1Char('-'), QLatin1Char('_'))
                                 .replace(QLatin1Char('.'), QLatin1Char('_')).toStdString();
                         });

TEST(Reader, rememberedProtocolIsTriedFirstOnTheNextRead)
{
    // GIVEN a 698.45 meter, detected once (after silent 645 probes)
    SimRig rig;
    ASSERT_TRUE(rig.start(SimRig::fast(Protocol::Dlt698_45)));
    const SwapSetReading first = rig.read();
    ASSERT_EQ(first.failure, LinkFailure::None) << first.message.toStdString();
    // WHEN it is read again through the same reader memory
    const SwapSetReading second = rig.read();
    // THEN the second read needs no failed probes and is quicker
    ASSERT_EQ(second.failure, LinkFailure::None);
    EXPECT_EQ(second.exchanges, int(second.items.size()));
    EXPECT_LT(second.exchanges, first.exchanges);
    EXPECT_LT(second.totalMs, first.totalMs);
}

TEST(Reader, missingPrepaidRegistersAreNotPresentNotFailures)
{
    SimRig rig;
    auto regs = RegisterSet::defaults();
    regs.remove(QStringLiteral("remaining_money"));
    regs.remove(QStringLiteral("remaining_energy"));
    ASSERT_TRUE(rig.start(SimRig::fast(Protocol::Dlt645_2007), regs));
    const SwapSetReading r = rig.read();
    ASSERT_EQ(r.failure, LinkFailure::None) << r.message.toStdString();
    const ItemReading *money = r.item(QStringLiteral("remaining_money"));
    ASSERT_NE(money, nullptr);
    EXPECT_EQ(money->status, ItemReading::Status::NotPresent);
    EXPECT_TRUE(r.complete());
}

TEST(Reader, explicitItemsAreReadByIdWithAFixedProtocol)
{
    SimRig rig;
    ASSERT_TRUE(rig.start(SimRig::fast(Protocol::Dlt645_2007)));
    ReadOptions o;
    o.protocol = Protocol::Dlt645_2007;
    o.ids = QStringList{QStringLiteral("00010000"), QStringLiteral("00010200")};
    const SwapSetReading r = rig.read(o);
    ASSERT_EQ(r.failure, LinkFailure::None) << r.message.toStdString();
    EXPECT_FALSE(r.autoDetected);
    ASSERT_EQ(r.items.size(), 3);
    EXPECT_EQ(r.items.at(1).values.first().text, QStringLiteral("1234.56"));
    EXPECT_EQ(r.items.at(2).values.first().text, QStringLiteral("500.00"));
}

TEST(Reader, cancelStopsAtOnceAndKeepsWhatWasRead)
{
    SimRig rig;
    auto o = SimRig::fast(Protocol::Dlt645_2007);
    o.replyDelayMs = 100;
    ASSERT_TRUE(rig.start(o));
    QObject::connect(rig.reader.get(), &MeterReader::itemFinished, rig.reader.get(),
                     [&](const ItemReading &item) {
                         if (item.key == QLatin1String("address"))
                             rig.reader->cancel();
                     });
    QElapsedTimer t;
    t.start();
    const SwapSetReading r = rig.read();
    EXPECT_EQ(r.failure, LinkFailure::Cancelled);
    EXPECT_LT(t.elapsed(), 1500);
    ASSERT_FALSE(r.items.isEmpty());
    EXPECT_EQ(r.items.first().key, QStringLiteral("address"));
    EXPECT_FALSE(rig.reader->running());
}
