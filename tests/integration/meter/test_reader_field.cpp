// MeterReader against meters as they are in the field (issue 16 §8), on a real pty with the
// project's simulator: 1997 block replies with fill and an AA terminator; protocol detection with
// a quick first round (one quick probe per protocol, late answers still heard).
#include "sim_fixture.h"

using namespace ms::meter;
using ms::meter::test::SimRig;

TEST(ReaderField, blockReplyWithFillAndAaTerminatorIsRead)
{
    // GIVEN a DL/T 645-1997 meter that ends its 901F block with 00 00 00 fill and an AA terminator
    SimRig rig;
    auto regs = RegisterSet::fromJson(
        R"({"registers": {"forward_active": ["5678.90","1000.00","2000.00","1678.90","1000.00"]}})");
    ASSERT_TRUE(regs.ok());
    auto o = SimRig::fast(Protocol::Dlt645_1997);
    o.blockPadding = 3;
    ASSERT_TRUE(rig.start(o, *regs));
    // WHEN the swap set is read with protocol "auto"
    const SwapSetReading r = rig.read();
    // THEN the block is read as five values, not refused, and the read is complete
    ASSERT_EQ(r.failure, LinkFailure::None) << r.message.toStdString();
    ASSERT_EQ(r.protocol, Protocol::Dlt645_1997);
    const ItemReading *block = r.item(QStringLiteral("forward_active"));
    ASSERT_NE(block, nullptr);
    EXPECT_EQ(block->status, ItemReading::Status::Ok) << block->message.toStdString();
    ASSERT_EQ(block->values.size(), 5);
    EXPECT_EQ(r.text(QStringLiteral("forward_active"), 0), QStringLiteral("5678.90"));
    EXPECT_EQ(r.number(QStringLiteral("forward_active"), 4), 1000.00);
    // … the reply on record is the padded one, as the meter sent it
    ASSERT_FALSE(block->frames.isEmpty());
    EXPECT_TRUE(block->frames.last().bytes.toHex().toUpper().contains("333333DD"));
    EXPECT_TRUE(r.complete());
}

namespace {

// Probes that went unanswered before the meter was found: exchanges beyond one per item.
int unansweredProbes(const SwapSetReading &r)
{
    return r.exchanges - int(r.items.size());
}

} // namespace

class QuickDetection : public ::testing::TestWithParam<Protocol>
{
};

TEST_P(QuickDetection, eachProtocolIsFoundAfterAtMostOneQuickProbePerOtherProtocol)
{
    // GIVEN a meter of this protocol on a pty, nothing remembered
    SimRig rig;
    ASSERT_TRUE(rig.start(SimRig::fast(GetParam())));
    // WHEN it is read with protocol "auto"
    const SwapSetReading r = rig.read();
    // THEN it is found, and only the quick probes of the protocols tried before it went
    // unanswered: 2007 first, then 1997 (one probe), then 698.45 (two)
    ASSERT_EQ(r.failure, LinkFailure::None) << r.message.toStdString();
    ASSERT_EQ(r.protocol, GetParam());
    EXPECT_EQ(r.address, QStringLiteral("201000000012"));
    const int expected = GetParam() == Protocol::Dlt645_2007   ? 0
                         : GetParam() == Protocol::Dlt645_1997 ? 1
                                                               : 2;
    EXPECT_EQ(unansweredProbes(r), expected);
    EXPECT_TRUE(r.complete());
    // … and the next read of the same port asks the remembered protocol first
    const SwapSetReading again = rig.read();
    ASSERT_EQ(again.failure, LinkFailure::None);
    EXPECT_EQ(again.protocol, GetParam());
    EXPECT_EQ(unansweredProbes(again), 0);
}

TEST_P(QuickDetection, aMeterSlowerThanTheQuickWindowIsStillFoundByItsLateAnswer)
{
    // GIVEN a meter that answers 250 ms after a request, longer than the 120 ms quick window
    SimRig rig;
    auto o = SimRig::fast(GetParam());
    o.replyDelayMs = 250;
    ASSERT_TRUE(rig.start(o, RegisterSet::defaults(), 1000, 2));
    ReadOptions options;
    options.quickProbeMs = 120;
    options.probeTimeoutMs = 600;
    // WHEN it is read with protocol "auto"
    const SwapSetReading r = rig.read(options);
    // THEN its own protocol is found (the answer may arrive while a later probe of another
    // protocol waits: the reply, not the probe, decides) and the whole swap set is read
    ASSERT_EQ(r.failure, LinkFailure::None) << r.message.toStdString();
    EXPECT_EQ(r.protocol, GetParam());
    EXPECT_EQ(r.address, QStringLiteral("201000000012"));
    EXPECT_TRUE(r.complete());
    EXPECT_EQ(rig.memory.forPort(rig.sim->portPath())->protocol, GetParam());
}

INSTANTIATE_TEST_SUITE_P(AllProtocols, QuickDetection,
                         ::testing::Values(Protocol::Dlt645_2007, Protocol::Dlt645_1997,
                                           Protocol::Dlt698_45),
                         [](const ::testing::TestParamInfo<Protocol> &param) {
                             return protocolText(param.param)
                                 .replace(QLatin1Char('-'), QLatin1Char('_'))
                                 .replace(QLatin1Char('.'), QLatin1Char('_'))
                                 .toStdString();
                         });
