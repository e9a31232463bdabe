// ConcentratorSimulator without a port: 1376.1 request frames in, reply frames out, decoded with
// the codec — as the field's terminals answer (Q/GDW 1376.1-2013 and issue 18's facts sheet).
#include "meter/gdw1376/dataunits.h"
#include "meter/sim/concentratorsimulator.h"

#include <gtest/gtest.h>

using namespace ms::meter;
namespace gdw = ms::gdw1376;

namespace {

const gdw::Address kAddress = *gdw::Address::fromText("1101-1234");

std::array<std::uint8_t, 16> pw(std::uint8_t first)
{
    std::array<std::uint8_t, 16> p{};
    p[0] = first;
    return p;
}

QByteArray bytesOf(const gdw::Frame &f)
{
    const Bytes b = gdw::encodeFrame(f);
    return QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size()));
}

gdw::Frame frameOf(const QByteArray &b)
{
    auto f = gdw::decodeFrame(
        ByteView(reinterpret_cast<const std::uint8_t *>(b.constData()), std::size_t(b.size())));
    EXPECT_TRUE(f.ok()) << b.toHex(' ').constData();
    return f.ok() ? f.value() : gdw::Frame{};
}

std::vector<gdw::DataUnit> unitsOf(const QByteArray &b)
{
    auto u = gdw::decodeUnits(frameOf(b));
    EXPECT_TRUE(u.ok());
    return u.ok() ? u.value() : std::vector<gdw::DataUnit>{};
}

QList<QByteArray> ask(ConcentratorSimulator &sim, std::uint8_t afn,
                      std::vector<gdw::DataUnit> units,
                      const std::array<std::uint8_t, 16> &password = {}, gdw::Address to = kAddress,
                      int pseq = 5)
{
    auto f = gdw::makeRequest(to, afn, pseq, units, password);
    EXPECT_TRUE(f.ok());
    return sim.feed(bytesOf(f.value()));
}

bool isDeny(const QByteArray &reply)
{
    const auto units = unitsOf(reply);
    return frameOf(reply).afn == gdw::afn::Confirm && units.size() == 1 && units[0].fn == 2;
}

ConcentratorState fiveMeters()
{
    ConcentratorState s = ConcentratorState::generated(5);
    s.password = pw(0xA5);
    return s;
}

} // namespace

TEST(ConcentratorSimulator, answersTheParameterQueryWithF3AndF89)
{
    ConcentratorSimulator sim(fiveMeters());
    const auto replies = ask(sim, gdw::afn::QueryParameters, {{0, 3, {}}, {0, 89, {}}});
    ASSERT_EQ(replies.size(), 1);
    const gdw::Frame f = frameOf(replies[0]);
    EXPECT_TRUE(f.isUplink());
    EXPECT_EQ(f.sequence(), 5); // RSEQ = PSEQ
    const auto units = unitsOf(replies[0]);
    ASSERT_EQ(units.size(), 2u);
    EXPECT_EQ(std::get<gdw::MasterStation>(units[0].value).main.text(), "10.0.1.20:9001");
    EXPECT_EQ(std::get<gdw::LogicalAddress>(units[1].value).terminal, 1234);
}

TEST(ConcentratorSimulator, aWrongPasswordIsDeniedAndChangesNothing)
{
    ConcentratorSimulator sim(fiveMeters());
    gdw::MasterStation m = sim.state().master;
    m.apn = "OTHER";
    auto replies = ask(sim, gdw::afn::SetParameters, {{0, 3, m}}, pw(0x00));
    ASSERT_EQ(replies.size(), 1);
    EXPECT_TRUE(isDeny(replies[0]));
    EXPECT_EQ(sim.state().master.apn, "DLCJ.BJ");
    // The right password: confirmed (AFN 00 F1) and applied.
    replies = ask(sim, gdw::afn::SetParameters, {{0, 3, m}}, pw(0xA5));
    ASSERT_EQ(replies.size(), 1);
    EXPECT_EQ(unitsOf(replies[0]).at(0).fn, 1);
    EXPECT_EQ(sim.state().master.apn, "OTHER");
}

TEST(ConcentratorSimulator, archiveQueryReturnsOnlyExistingRecordsAndSplitsLongReplies)
{
    ConcentratorSimOptions o;
    o.maxFrameBody = 100; // three records a frame
    ConcentratorSimulator sim(fiveMeters(), o);
    const auto replies = ask(sim, gdw::afn::QueryParameters,
                             {{0, 10, gdw::ArchiveQuery{{1, 2, 3, 4, 5, 6, 7}}}}, {}, kAddress, 15);
    ASSERT_EQ(replies.size(), 2); // 5 records: FIR then FIN
    const gdw::Frame first = frameOf(replies[0]);
    const gdw::Frame last = frameOf(replies[1]);
    EXPECT_TRUE(first.first());
    EXPECT_FALSE(first.last());
    EXPECT_FALSE(last.first());
    EXPECT_TRUE(last.last());
    EXPECT_EQ(first.sequence(), 15);
    EXPECT_EQ(last.sequence(), 0); // RSEQ counts up, modulo 16
    std::vector<int> seqs;
    for (const QByteArray &r : replies)
        for (const auto &u : unitsOf(r))
            for (const auto &e : std::get<gdw::MeterArchive>(u.value).entries)
                seqs.push_back(e.seq);
    EXPECT_EQ(seqs, (std::vector<int>{1, 2, 3, 4, 5}));
}

TEST(ConcentratorSimulator, anUnreachableMetersUnitIsLeftOutAndNothingReadIsDenied)
{
    ConcentratorState s = fiveMeters();
    s.setUnreachable(QStringLiteral("000000000002"));
    ConcentratorSimulator sim(s);
    auto replies = ask(sim, gdw::afn::Class1Data, {{1, 129, {}}, {2, 129, {}}, {3, 129, {}}});
    ASSERT_EQ(replies.size(), 1);
    const auto units = unitsOf(replies[0]);
    ASSERT_EQ(units.size(), 2u);
    EXPECT_EQ(units[0].pn, 1);
    EXPECT_EQ(units[1].pn, 3);
    EXPECT_EQ(std::get<gdw::EnergyReading>(units[0].value).total, 10000000 + 12345);
    replies = ask(sim, gdw::afn::Class1Data, {{2, 129, {}}});
    ASSERT_EQ(replies.size(), 1);
    EXPECT_TRUE(isDeny(replies[0]));
}

TEST(ConcentratorSimulator, anotherTerminalIsIgnoredAndABroadcastOnlyGetsF89)
{
    ConcentratorSimulator sim(fiveMeters());
    EXPECT_TRUE(
        ask(sim, gdw::afn::QueryParameters, {{0, 3, {}}}, {}, *gdw::Address::fromText("1101-1235"))
            .isEmpty());
    EXPECT_TRUE(
        ask(sim, gdw::afn::QueryParameters, {{0, 3, {}}}, {}, gdw::Address::broadcast()).isEmpty());
    const auto replies =
        ask(sim, gdw::afn::QueryParameters, {{0, 89, {}}}, {}, gdw::Address::broadcast());
    ASSERT_EQ(replies.size(), 1);
    EXPECT_EQ(frameOf(replies[0]).address.terminal, 1234); // the real address
}

TEST(ConcentratorSimulator, archiveWriteRefusesAnAddressAlreadyRegistered)
{
    ConcentratorSimulator sim(fiveMeters());
    gdw::ArchiveEntry fresh;
    fresh.seq = 6;
    fresh.point = 6;
    fresh.protocol = 30;
    fresh.commAddress = "000000000099";
    gdw::ArchiveEntry clash = fresh;
    clash.seq = 7;
    clash.point = 7;
    clash.commAddress = "000000000003"; // already 序号 3
    const auto replies =
        ask(sim, gdw::afn::SetParameters,
            {{0, 10, gdw::MeterArchive{{fresh}}}, {0, 10, gdw::MeterArchive{{clash}}}}, pw(0xA5));
    ASSERT_EQ(replies.size(), 1);
    const auto units = unitsOf(replies[0]);
    ASSERT_EQ(units.size(), 1u);
    const auto &v = std::get<gdw::UnitVerdicts>(units[0].value);
    ASSERT_EQ(v.units.size(), 2u);
    EXPECT_EQ(v.units[0].error, 0);
    EXPECT_EQ(v.units[1].error, 2);
    EXPECT_EQ(sim.state().archive.count(6), 1u);
    EXPECT_EQ(sim.state().archive.count(7), 0u);
}

TEST(ConcentratorState, loadsJsonAndPlantsDifferences)
{
    auto s = ConcentratorState::fromJson(R"({"address": "1101-0042", "master": "10.1.1.1:9000",
        "apn": "A.B", "password": "000102030405060708090a0b0c0d0e0f",
        "meters": [{"seq": 1, "point": 1, "comm_address": "201000000001", "protocol": "dlt645-2007",
                    "reading": 12.5},
                   {"comm_address": "201000000002", "protocol": 1, "reachable": false}]})");
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    ConcentratorState st = s.value();
    EXPECT_EQ(st.address.terminal, 42);
    ASSERT_EQ(st.archive.size(), 2u);
    EXPECT_EQ(st.archive.at(2).point, 2);
    EXPECT_EQ(st.archive.at(2).protocol, 1);
    EXPECT_EQ(st.readings.at("201000000001"), 125000);
    EXPECT_TRUE(st.unreachable.contains(QStringLiteral("201000000002")));
    ASSERT_TRUE(st.flipProtocol(QStringLiteral("201000000001")).ok());
    EXPECT_EQ(st.archive.at(1).protocol, 1);
    ASSERT_TRUE(st.duplicate(QStringLiteral("201000000001")).ok());
    EXPECT_EQ(st.archive.at(3).commAddress, "201000000001");
    EXPECT_EQ(st.archive.at(3).point, 3);
    st.addExtra(QStringLiteral("209999999999"));
    EXPECT_EQ(st.archive.at(4).commAddress, "209999999999");
    ASSERT_TRUE(st.omit(QStringLiteral("201000000002")).ok());
    EXPECT_EQ(st.archive.count(2), 0u);
    const auto missing = st.omit(QStringLiteral("201000000002"));
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("201000000002")));
}

TEST(ConcentratorState, refusesABadFileSayingWhatIsWrong)
{
    const auto bad = ConcentratorState::fromJson(R"({"meters": [{"comm_address": "12AB"}]})");
    ASSERT_FALSE(bad.ok());
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("12AB")));
    EXPECT_FALSE(ConcentratorState::fromJson("not json").ok());
    EXPECT_FALSE(ConcentratorState::fromJson(R"({"password": "00"})").ok());
}
