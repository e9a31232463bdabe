// The concentrator client on a real QSerialPort against the 1376.1 simulator on a real pty:
// set → read back, a wrong password refused, the archive over several reply frames, the read
// check with unreachable meters, and a silent concentrator.
#include "meter/concentrator/archivecheck.h"
#include "meter/concentrator/concentratorclient.h"
#include "meter/sim/concentratorsimulator.h"
#include "meter/sim/simrunner.h"

#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>
#include <gtest/gtest.h>

using namespace ms::meter;
namespace gdw = ms::gdw1376;

namespace {

std::array<std::uint8_t, 16> password(std::uint8_t first)
{
    std::array<std::uint8_t, 16> p{};
    p[0] = first;
    return p;
}

struct Rig
{
    QTemporaryDir dir;
    std::unique_ptr<SimulatorThread> sim;
    std::unique_ptr<SerialLink> link;
    std::unique_ptr<ConcentratorClient> client;

    bool start(ConcentratorState state, ConcentratorSimOptions options = {}, int timeoutMs = 500,
               int retries = 1)
    {
        sim = std::make_unique<SimulatorThread>(
            std::make_unique<ConcentratorSimulator>(std::move(state), options), 9600, 5);
        const auto started = sim->start(dir.filePath(QStringLiteral("concentrator")));
        EXPECT_TRUE(started.ok()) << (started.ok() ? "" : started.error().message.toStdString());
        if (!started)
            return false;
        LinkSettings s = ConcentratorClient::defaultSettings(sim->portPath());
        s.replyTimeoutMs = timeoutMs;
        s.retries = retries;
        link = std::make_unique<SerialLink>(s);
        const auto opened = link->open();
        EXPECT_TRUE(opened.ok());
        client =
            std::make_unique<ConcentratorClient>(link.get(), *gdw::Address::fromText("1101-1234"));
        return opened.ok();
    }

    template <typename T, typename Start> T run(Start start)
    {
        T result{};
        bool done = false;
        QEventLoop loop;
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        start([&](const T &r) {
            result = r;
            done = true;
            loop.quit();
        });
        if (!done)
            loop.exec();
        EXPECT_TRUE(done) << "the operation never finished";
        return result;
    }
};

ConcentratorState withPassword(int meters)
{
    ConcentratorState s = ConcentratorState::generated(meters);
    s.password = password(0x5A);
    return s;
}

} // namespace

TEST(ConcentratorPty, setThenReadBackIncludingANewTerminalAddress)
{
    Rig rig;
    ASSERT_TRUE(rig.start(withPassword(3)));
    rig.client->setPassword(password(0x5A));
    ConcentratorParameterSet set;
    set.master = gdw::MasterStation{*gdw::Endpoint::fromText("10.8.0.1:9100"),
                                    *gdw::Endpoint::fromText("10.8.0.2:9101"), "XXDL.BJ"};
    set.logical = gdw::LogicalAddress{0x1102, 77};
    const auto r =
        rig.run<ConcentratorSetResult>([&](auto done) { rig.client->setParameters(set, done); });
    ASSERT_TRUE(r.ok) << r.message.toStdString();
    ASSERT_TRUE(r.readBack.master.has_value());
    EXPECT_EQ(*r.readBack.master, *set.master);
    EXPECT_EQ(r.readBack.logical->terminal, 77);
    EXPECT_EQ(rig.client->address().displayText(), "1102-77"); // later requests go to the new one
    // Evidence: the set and the read-back frames, both directions.
    ASSERT_EQ(r.traffic.frames.size(), 4);
    EXPECT_EQ(r.traffic.frames[0].direction, RawFrame::Direction::Tx);
    EXPECT_EQ(r.traffic.frames[1].direction, RawFrame::Direction::Rx);
    // A fresh read agrees.
    const auto p =
        rig.run<ConcentratorParameters>([&](auto done) { rig.client->readParameters(done); });
    ASSERT_TRUE(p.ok) << p.message.toStdString();
    EXPECT_EQ(p.master->apn, "XXDL.BJ");
}

TEST(ConcentratorPty, aWrongPasswordIsRefusedWithAClearMessageAndNothingChanges)
{
    Rig rig;
    ASSERT_TRUE(rig.start(withPassword(3)));
    rig.client->setPassword(password(0x00));
    ConcentratorParameterSet set;
    set.master = gdw::MasterStation{*gdw::Endpoint::fromText("10.8.0.1:9100"), {}, "WRONG"};
    const auto r =
        rig.run<ConcentratorSetResult>([&](auto done) { rig.client->setParameters(set, done); });
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(r.denied);
    EXPECT_TRUE(r.message.contains(QStringLiteral("密码"))) << r.message.toStdString();
    EXPECT_TRUE(r.message.contains(QStringLiteral("未被修改"))) << r.message.toStdString();
    const auto p =
        rig.run<ConcentratorParameters>([&](auto done) { rig.client->readParameters(done); });
    ASSERT_TRUE(p.ok);
    EXPECT_EQ(p.master->apn, "DLCJ.BJ");
}

TEST(ConcentratorPty, theArchiveArrivesOverSeveralFramesAndBatches)
{
    Rig rig;
    ConcentratorSimOptions o;
    o.maxFrameBody = 200; // 7 records a frame: every batch of 16 is a multi-frame reply
    ConcentratorState s = withPassword(40);
    ASSERT_TRUE(s.omit(QStringLiteral("000000000020")).ok()); // a gap in the 序号
    ASSERT_TRUE(rig.start(s, o));
    const auto a = rig.run<ConcentratorArchive>([&](auto done) { rig.client->readArchive(done); });
    ASSERT_TRUE(a.ok) << a.message.toStdString();
    ASSERT_EQ(a.entries.size(), 39u);
    EXPECT_EQ(a.entries.front().seq, 1);
    EXPECT_EQ(a.entries.back().seq, 40);
    EXPECT_EQ(a.entries[19].commAddress, "000000000021");
    EXPECT_EQ(a.traffic.requests, 5); // 1–16, 17–32, 33–48, then two empty batches
}

TEST(ConcentratorPty, readCheckReportsUnreachableMetersPerHousehold)
{
    Rig rig;
    ConcentratorState s = withPassword(10);
    s.setUnreachable(QStringLiteral("000000000003"));
    s.setUnreachable(QStringLiteral("000000000008"));
    ASSERT_TRUE(rig.start(s));
    const auto a = rig.run<ConcentratorArchive>([&](auto done) { rig.client->readArchive(done); });
    ASSERT_TRUE(a.ok);
    QList<InstalledMeter> installed;
    QList<int> points;
    for (const auto &e : a.entries) {
        InstalledMeter m;
        m.accountNo = QStringLiteral("A%1").arg(e.point);
        m.commAddress = QString::fromStdString(e.commAddress);
        m.protocol = QStringLiteral("dlt645-2007");
        m.startReading = 1000.0;
        m.startReadAt = QDateTime::currentDateTimeUtc().addDays(-1);
        installed << m;
        points << e.point;
    }
    const auto energy =
        rig.run<ConcentratorEnergy>([&](auto done) { rig.client->readEnergy(points, done); });
    ASSERT_TRUE(energy.ok) << energy.message.toStdString();
    const ReadCheck check = checkReadings(a.entries, installed, energy.readings);
    EXPECT_EQ(check.readCount, 8);
    EXPECT_DOUBLE_EQ(check.successRate, 0.8);
    const auto failures = check.failures();
    ASSERT_EQ(failures.size(), 2);
    EXPECT_EQ(failures[0].commAddress, QStringLiteral("000000000003"));
    EXPECT_EQ(failures[0].verdict, PointCheck::Verdict::NotRead);
    EXPECT_EQ(failures[1].point, 8);
    EXPECT_DOUBLE_EQ(*check.points[0].reading, 1001.2345);
}

TEST(ConcentratorPty, aSilentConcentratorIsReportedAfterItsRetriesWithWhatToCheck)
{
    Rig rig;
    ConcentratorSimOptions o;
    o.silent = true;
    ASSERT_TRUE(rig.start(withPassword(3), o, 200, 1));
    const auto p =
        rig.run<ConcentratorParameters>([&](auto done) { rig.client->readParameters(done); });
    EXPECT_FALSE(p.ok);
    EXPECT_TRUE(p.message.contains(QStringLiteral("集中器没有应答"))) << p.message.toStdString();
    EXPECT_TRUE(p.message.contains(QStringLiteral("1101-1234"))) << p.message.toStdString();
    EXPECT_TRUE(p.message.contains(QStringLiteral("9600 8E1"))) << p.message.toStdString();
    EXPECT_EQ(p.traffic.requests, 1);
    EXPECT_EQ(p.traffic.frames.size(), 2); // the request and its one retry, no reply
}

TEST(ConcentratorPty, anUnknownAddressIsFoundByTheBroadcastF89QueryAndThenUsed)
{
    Rig rig;
    ConcentratorState s = withPassword(2);
    s.address = *gdw::Address::fromText("3201-77");
    ASSERT_TRUE(rig.start(s));
    rig.client->setAddress(*gdw::Address::fromText("1101-1234")); // what the crew guessed
    const auto found =
        rig.run<ConcentratorParameters>([&](auto done) { rig.client->discover(done); });
    ASSERT_TRUE(found.ok) << found.message.toStdString();
    EXPECT_EQ(rig.client->address().displayText(), "3201-77");
    EXPECT_EQ(rig.client->address().logicalText(), "3201004D");
    const auto p =
        rig.run<ConcentratorParameters>([&](auto done) { rig.client->readParameters(done); });
    ASSERT_TRUE(p.ok) << p.message.toStdString();
}

TEST(ConcentratorPty, aTerminalSilentToBroadcastsLeavesTheAddressToThePerson)
{
    Rig rig;
    ConcentratorSimOptions o;
    o.silent = true;
    ASSERT_TRUE(rig.start(withPassword(1), o, 200, 0));
    const auto found =
        rig.run<ConcentratorParameters>([&](auto done) { rig.client->discover(done); });
    EXPECT_FALSE(found.ok);
    EXPECT_TRUE(found.message.contains(QStringLiteral("铭牌"))) << found.message.toStdString();
    EXPECT_EQ(rig.client->address().displayText(), "1101-1234"); // unchanged
}

TEST(ConcentratorPty, aTerminalWithoutF89StillHasItsMasterStationRead)
{
    Rig rig;
    ConcentratorSimOptions o;
    o.withoutF89 = true; // 376.1-2009: F89 unknown, the F3 + F89 query is denied whole
    ASSERT_TRUE(rig.start(withPassword(1), o));
    const auto p =
        rig.run<ConcentratorParameters>([&](auto done) { rig.client->readParameters(done); });
    ASSERT_TRUE(p.ok) << p.message.toStdString();
    EXPECT_EQ(p.master->apn, "DLCJ.BJ");
    EXPECT_FALSE(p.logical.has_value());
    EXPECT_EQ(p.traffic.requests, 2); // the combined query, then F3 alone
}
