// MeterReader against meters as they are in the field (issue 16 §8), on a real pty with the
// project's simulator: 1997 block replies with fill and an AA terminator.
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
