// MeterReader against a misbehaving simulated meter: every failure ends with the right kind and
// a message that says what to try, within reply timeout × (retries + 1) (plus request wire time).
#include "sim_fixture.h"

#include <QElapsedTimer>

using namespace ms::meter;
using ms::meter::test::SimRig;

TEST(ReaderFaults, droppedRepliesAreRetriedAndTheReadCompletes)
{
    SimRig rig;
    auto o = SimRig::fast(Protocol::Dlt645_2007);
    o.dropRate = 0.25;
    o.seed = 7;
    ASSERT_TRUE(rig.start(o, RegisterSet::defaults(), 300, 4));
    ReadOptions fixed;
    fixed.protocol = Protocol::Dlt645_2007;
    const SwapSetReading r = rig.read(fixed);
    ASSERT_EQ(r.failure, LinkFailure::None) << r.message.toStdString();
    EXPECT_EQ(r.text(QStringLiteral("forward_active")), QStringLiteral("1234.56"));
    EXPECT_GT(rig.sim->runner().requests(), rig.sim->runner().replies()); // some were dropped
}

TEST(ReaderFaults, corruptedRepliesAreRejectedAndRetried)
{
    for (Protocol p : {Protocol::Dlt645_2007, Protocol::Dlt698_45}) {
        SimRig rig;
        auto o = SimRig::fast(p);
        o.corruptRate = 0.25;
        o.seed = 3;
        ASSERT_TRUE(rig.start(o, RegisterSet::defaults(), 300, 4)); // 0.25^5: an item fails 1 in 1000
        ReadOptions fixed;
        fixed.protocol = p;
        const SwapSetReading r = rig.read(fixed);
        ASSERT_EQ(r.failure, LinkFailure::None) << r.message.toStdString();
        EXPECT_EQ(r.text(QStringLiteral("forward_active")), QStringLiteral("1234.56"));
        // the rejected replies are kept as evidence too: more rx frames than items
        int rx = 0;
        for (const RawFrame &f : r.frames)
            rx += f.direction == RawFrame::Direction::Rx;
        EXPECT_GT(rx, int(r.items.size())) << protocolText(p).toStdString();
    }
}

TEST(ReaderFaults, silentMeterFailsWithinTimeoutTimesAttempts)
{
    // GIVEN a meter that never answers, reply timeout 300 ms, 2 retries
    SimRig rig;
    auto o = SimRig::fast(Protocol::Dlt645_2007);
    o.silent = true;
    ASSERT_TRUE(rig.start(o, RegisterSet::defaults(), 300, 2));
    for (bool autoDetect : {false, true}) {
        ReadOptions options;
        if (!autoDetect)
            options.protocol = Protocol::Dlt645_2007;
        options.probeTimeoutMs = 200; // 4 probes fit into 300 × 3 ms
        QElapsedTimer t;
        t.start();
        const SwapSetReading r = rig.read(options);
        // THEN it fails as "silent", saying what to check, within 300 × 3 ms (+ request wire time;
        // auto-detection first spends its quick round: three probes of quickProbeMs each)
        EXPECT_EQ(r.failure, LinkFailure::Silent);
        EXPECT_TRUE(r.message.contains(QStringLiteral("没有应答"))) << r.message.toStdString();
        EXPECT_TRUE(r.message.contains(QStringLiteral("探头"))) << r.message.toStdString();
        const double wire = rig.link->settings().wireMs(20) * 4;
        const double quickRound =
            autoDetect ? 3 * (options.quickProbeMs + rig.link->settings().wireMs(29) + 5) : 0;
        // three attempts, not four: a fourth would add at least another 300 ms (slack for a busy
        // machine stays below that)
        EXPECT_LE(t.elapsed(), 300 * 3 + quickRound + wire + 280)
            << (autoDetect ? "auto" : "fixed");
        EXPECT_GE(t.elapsed(), 300 * 2);
    }
}

TEST(ReaderFaults, wrongParityIsReportedAsALineSettingsMismatch)
{
    SimRig rig;
    auto o = SimRig::fast(Protocol::Dlt645_2007);
    o.wrongParity = true;
    ASSERT_TRUE(rig.start(o));
    ReadOptions fixed;
    fixed.protocol = Protocol::Dlt645_2007;
    const SwapSetReading r = rig.read(fixed);
    EXPECT_EQ(r.failure, LinkFailure::Garbled);
    EXPECT_TRUE(r.message.contains(QStringLiteral("8N1"))) << r.message.toStdString();
}

TEST(ReaderFaults, halfAFrameThenSilenceIsReportedAsPartial)
{
    SimRig rig;
    auto o = SimRig::fast(Protocol::Dlt645_2007);
    o.halfFrame = true;
    ASSERT_TRUE(rig.start(o));
    ReadOptions fixed;
    fixed.protocol = Protocol::Dlt645_2007;
    QElapsedTimer t;
    t.start();
    const SwapSetReading r = rig.read(fixed);
    EXPECT_EQ(r.failure, LinkFailure::Partial);
    EXPECT_TRUE(r.message.contains(QStringLiteral("一部分"))) << r.message.toStdString();
    EXPECT_LE(t.elapsed(), 300 * 3 + rig.link->settings().wireMs(20) * 3 + 280); // not a 4th try
}

TEST(ReaderFaults, refusedItemIsNamedAndTheRestIsRead)
{
    SimRig rig;
    auto regs = RegisterSet::defaults();
    regs.refuse(QStringLiteral("00900200"));
    ASSERT_TRUE(rig.start(SimRig::fast(Protocol::Dlt645_2007), regs));
    const SwapSetReading r = rig.read();
    EXPECT_EQ(r.failure, LinkFailure::None);
    const ItemReading *money = r.item(QStringLiteral("remaining_money"));
    ASSERT_NE(money, nullptr);
    EXPECT_EQ(money->status, ItemReading::Status::Refused);
    EXPECT_TRUE(money->message.contains(money->name)) << money->message.toStdString();
    EXPECT_FALSE(r.complete());
    EXPECT_EQ(r.item(QStringLiteral("cover_open_count"))->status, ItemReading::Status::Ok);
}

TEST(ReaderFaults, missingPortFailsAtOnceWithTheFix)
{
    SerialLink link(LinkSettings::rs485(QStringLiteral("/dev/does-not-exist-meter")));
    MeterReader reader(&link, nullptr);
    SwapSetReading result;
    QObject::connect(&reader, &MeterReader::finished, &reader, [&](const SwapSetReading &r) { result = r; });
    reader.readSwapSet();
    EXPECT_FALSE(reader.running());
    EXPECT_EQ(result.failure, LinkFailure::NotOpen);
    EXPECT_TRUE(result.message.contains(QStringLiteral("/dev/does-not-exist-meter")));
}

TEST(ReaderFaults, anotherMeterAddressOnTheBusDoesNotAnswerButTheWildcardFindsIt)
{
    SimRig rig;
    ASSERT_TRUE(rig.start(SimRig::fast(Protocol::Dlt645_2007, QStringLiteral("3A2107000481"))));
    const SwapSetReading r = rig.read();
    ASSERT_EQ(r.failure, LinkFailure::None) << r.message.toStdString();
    EXPECT_EQ(r.address, QStringLiteral("3A2107000481")); // non-BCD byte kept as hex digits
}
