// Q/GDW 1376.1 codec: the frames of the team's concentrator fact sheet (built there with an
// independent encoder) and real library frames from
// tests/data/meter-frames.json, byte for byte both ways; DA/DT for every pn and Fn; AUX (PW, EC, Tp)
// split off and put back; EE/EF-filled energy as "not read"; the stream parser across noise.
#include "meter/gdw1376/dataunits.h"
#include "meter/gdw1376/parser.h"

#include <gtest/gtest.h>

#include <random>

using namespace ms;
using namespace ms::gdw1376;

namespace {

meter::Bytes hex(std::string_view text)
{
    return meter::fromHex(text).value();
}

const Address kTerminal{0x1101, 1234, 0x02};

Frame decoded(std::string_view text)
{
    auto f = decodeFrame(hex(text));
    EXPECT_TRUE(f.ok()) << (f.ok() ? "" : f.error().detail);
    return f.ok() ? f.value() : Frame{};
}

std::vector<DataUnit> unitsOf(const Frame &f)
{
    auto units = decodeUnits(f);
    EXPECT_TRUE(units.ok()) << (units.ok() ? "" : units.error().detail);
    return units.ok() ? units.value() : std::vector<DataUnit>{};
}

constexpr std::string_view kSetF3 =
    "68 E2 00 E2 00 68 4A 01 11 D2 04 02 04 73 00 00 04 00 0A 00 01 14 29 23 0A 00 01 15 29 23 "
    "44 4C 43 4A 2E 42 4A 00 00 00 00 00 00 00 00 00 "
    "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 5D 16";
constexpr std::string_view kQueryF10 =
    "68 4A 00 4A 00 68 4B 01 11 D2 04 02 0A 64 00 00 02 01 02 00 01 00 02 00 AB 16";
constexpr std::string_view kReadF129 = "68 32 00 32 00 68 4B 01 11 D2 04 02 0C 65 03 02 01 10 BC 16";
constexpr std::string_view kReplyF129 =
    "68 AE 00 AE 00 68 88 01 11 D2 04 02 0C 65 01 02 01 10 00 08 05 12 26 04 78 56 34 12 00 "
    "00 00 00 03 00 00 50 00 04 00 78 06 00 05 00 00 00 34 00 00 62 16";
constexpr std::string_view kDeny = "68 32 00 32 00 68 89 01 11 D2 04 02 00 65 00 00 02 00 DA 16";

} // namespace

TEST(Gdw1376Address, TakesAreaTerminalAndTheLogicalFormAndPrintsBoth)
{
    const auto a = Address::fromText("1101-1234");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->area, 0x1101);
    EXPECT_EQ(a->terminal, 1234);
    EXPECT_EQ(a->logicalText(), "110104D2");
    EXPECT_EQ(a->displayText(), "1101-1234");
    EXPECT_EQ(Address::fromText("110104D2"), a);
    for (const char *bad : {"", "1101", "1101-0", "1101-65536", "11A1-5", "1101-12x", "110100001"})
        EXPECT_FALSE(Address::fromText(bad)) << bad;
}

TEST(Gdw1376DaDt, EncodesTheSheetsExamplesAndRoundTripsEveryPointAndFunction)
{
    using Pair = std::array<std::uint8_t, 2>;
    EXPECT_EQ(encodePoint(0), (Pair{0x00, 0x00}));
    EXPECT_EQ(encodePoint(1), (Pair{0x01, 0x01}));
    EXPECT_EQ(encodePoint(8), (Pair{0x80, 0x01}));
    EXPECT_EQ(encodePoint(9), (Pair{0x01, 0x02}));
    EXPECT_EQ(encodePoint(2040), (Pair{0x80, 0xFF}));
    EXPECT_EQ(encodeFunction(1), (Pair{0x01, 0x00}));
    EXPECT_EQ(encodeFunction(3), (Pair{0x04, 0x00}));
    EXPECT_EQ(encodeFunction(8), (Pair{0x80, 0x00})); // every 8th Fn: a known trap
    EXPECT_EQ(encodeFunction(10), (Pair{0x02, 0x01}));
    EXPECT_EQ(encodeFunction(16), (Pair{0x80, 0x01}));
    EXPECT_EQ(encodeFunction(89), (Pair{0x01, 0x0B}));
    EXPECT_EQ(encodeFunction(129), (Pair{0x01, 0x10}));
    for (int pn = 1; pn <= 2040; ++pn) {
        const auto da = encodePoint(pn);
        ASSERT_EQ(pointsOf(da[0], da[1]), std::vector<int>{pn}) << pn;
    }
    for (int fn = 1; fn <= 248; ++fn) {
        const auto dt = encodeFunction(fn);
        ASSERT_EQ(functionsOf(dt[0], dt[1]), std::vector<int>{fn}) << fn;
    }
    EXPECT_EQ(pointsOf(0x03, 0x02), (std::vector<int>{9, 10}));
    EXPECT_EQ(pointsOf(0xFF, 0x00), std::vector<int>{AllPoints});
    EXPECT_TRUE(pointsOf(0x05, 0x00).empty());
    EXPECT_TRUE(functionsOf(0x00, 0x01).empty());
}

TEST(Gdw1376Frame, SetMasterStationEncodesToTheSheetsFrameWithThePassword)
{
    const MasterStation station{*Endpoint::fromText("10.0.1.20:9001"),
                                *Endpoint::fromText("10.0.1.21:9001"), "DLCJ.BJ"};
    const auto request = makeRequest(kTerminal, afn::SetParameters, 3, {{0, 3, station}});
    ASSERT_TRUE(request.ok());
    EXPECT_EQ(meter::toHex(encodeFrame(*request), " "), kSetF3);

    const Frame back = decoded(kSetF3);
    EXPECT_EQ(back, request.value());
    ASSERT_TRUE(back.password);
    EXPECT_EQ(back.sequence(), 3);
    const auto units = unitsOf(back);
    ASSERT_EQ(units.size(), 1u);
    EXPECT_EQ(units[0], (DataUnit{0, 3, station}));
    EXPECT_EQ(std::get<MasterStation>(units[0].value).main.text(), "10.0.1.20:9001");
}

TEST(Gdw1376Frame, ArchiveQueryAndEnergyReadDecodeAsTheSheetSays)
{
    const auto query = makeRequest(kTerminal, afn::QueryParameters, 4, {{0, 10, ArchiveQuery{{1, 2}}}});
    ASSERT_TRUE(query.ok());
    EXPECT_EQ(meter::toHex(encodeFrame(*query), " "), kQueryF10);
    EXPECT_FALSE(query->password) << "AFN 0A carries no password";

    // One DA naming p9 and p10 is two units.
    const auto read = unitsOf(decoded(kReadF129));
    ASSERT_EQ(read.size(), 2u);
    EXPECT_EQ(read[0].pn, 9);
    EXPECT_EQ(read[1].pn, 10);
    EXPECT_EQ(read[1].fn, 129);
}

TEST(Gdw1376Frame, EnergyReplyGivesTotalAndTariffsInTenThousandthsOfAKilowattHour)
{
    const Frame reply = decoded(kReplyF129);
    EXPECT_TRUE(reply.isUplink());
    EXPECT_EQ(reply.sequence(), 5);
    const auto units = unitsOf(reply);
    ASSERT_EQ(units.size(), 1u) << "p10 was not read: its unit is left out";
    EXPECT_EQ(units[0].pn, 9);
    const auto &r = std::get<EnergyReading>(units[0].value);
    EXPECT_EQ(r.readAt, (meter::DateTime{2026, 12, 5, 8, 0, 0}));
    EXPECT_EQ(r.total, 12345678);
    ASSERT_EQ(r.tariffs.size(), 4u);
    EXPECT_EQ(r.tariffs[0], 3000000);
    EXPECT_EQ(r.tariffs[1], 4005000);
    EXPECT_EQ(r.tariffs[2], 5000678);
    EXPECT_EQ(r.tariffs[3], 340000);
    // and the same reply made by the codec is the same bytes
    const auto request = decodeFrame(hex(kReadF129));
    const auto made = makeReply(*request, afn::Class1Data, {{9, 129, r}});
    ASSERT_TRUE(made.ok());
    EXPECT_EQ(meter::toHex(encodeFrame(*made), " "), kReplyF129);
}

TEST(Gdw1376Frame, EnergyFilledWithEeOrEfIsNotAReading)
{
    for (std::uint8_t fill : {0xEE, 0xEF}) {
        EnergyReading r{meter::DateTime{2026, 12, 5, 8, 0, 0}, 12345678, {3000000, std::nullopt}};
        const auto request = decodeFrame(hex(kReadF129));
        auto reply = makeReply(*request, afn::Class1Data, {{9, 129, r}});
        ASSERT_TRUE(reply.ok());
        // total and tariff 2 filled by the terminal
        std::fill_n(reply.value().units.begin() + 4 + 6, 5, fill);
        std::fill_n(reply.value().units.begin() + 4 + 6 + 10, 5, fill);
        const auto units = unitsOf(decoded(meter::toHex(encodeFrame(*reply))));
        ASSERT_EQ(units.size(), 1u);
        const auto &back = std::get<EnergyReading>(units[0].value);
        EXPECT_FALSE(back.total);
        EXPECT_EQ(back.tariffs[0], 3000000);
        EXPECT_FALSE(back.tariffs[1]);
    }
}

TEST(Gdw1376Frame, DenyAndPerUnitVerdicts)
{
    const auto request = decodeFrame(hex(kReadF129));
    EXPECT_EQ(meter::toHex(encodeFrame(makeConfirm(*request, false)), " "), kDeny);
    const auto deny = unitsOf(decoded(kDeny));
    ASSERT_EQ(deny.size(), 1u);
    EXPECT_EQ(deny[0].fn, 2);
    EXPECT_TRUE(std::holds_alternative<std::monostate>(deny[0].value));

    const UnitVerdicts verdicts{0x04, {{0, 10, 2}, {0, 3, 0}}};
    auto f3 = makeReply(*request, afn::Confirm, {{0, 3, verdicts}});
    ASSERT_TRUE(f3.ok());
    const auto units = unitsOf(decoded(meter::toHex(encodeFrame(*f3))));
    ASSERT_EQ(units.size(), 1u);
    EXPECT_EQ(std::get<UnitVerdicts>(units[0].value), verdicts);
}

TEST(Gdw1376Frame, PerUnitVerdictsMustBeTheLastUnitOfTheFrame)
{
    // Found by fuzz_gdw1376: one DA/DT naming F3 and F4 of AFN 00. F3 takes the rest of the frame,
    // so F4 would have no data; decoding it as an empty unit could not be encoded back.
    const auto frame = decodeFrame(hex("684a004a0068880000010002006049020c000048111552151716"));
    ASSERT_TRUE(frame.ok());
    const auto units = decodeUnits(*frame);
    ASSERT_FALSE(units.ok());
    EXPECT_NE(units.error().detail.find("AFN 00 F3"), std::string::npos) << units.error().detail;
}

TEST(Gdw1376Frame, ArchiveEntriesRoundTripWith27BytesEach)
{
    ArchiveEntry a;
    a.seq = 1;
    a.point = 1;
    a.baudCode = 3;
    a.port = 2;
    a.protocol = archiveProtocolOf("dlt645-2007");
    a.commAddress = "000012345601";
    ArchiveEntry b = a;
    b.seq = 2;
    b.point = 2;
    b.protocol = archiveProtocolOf("dlt645-1997");
    b.commAddress = "000012345602";
    b.tariffs = 1;
    b.integerDigits = 6;
    b.decimalDigits = 2;
    const MeterArchive archive{{a, b}};
    const auto query = decodeFrame(hex(kQueryF10));
    const auto reply = makeReply(*query, afn::QueryParameters, {{0, 10, archive}});
    ASSERT_TRUE(reply.ok());
    EXPECT_EQ(reply->units.size(), 4u + 2 + 2 * ArchiveEntryBytes);
    // A.12 lowest pair first; 6+2 digits → 09
    EXPECT_EQ(meter::toHex(meter::ByteView(reply->units).subspan(4 + 2 + 6, 6)), "015634120000");
    EXPECT_EQ(reply->units[4 + 2 + 19], 0x09);
    const auto units = unitsOf(decoded(meter::toHex(encodeFrame(*reply))));
    ASSERT_EQ(units.size(), 1u);
    EXPECT_EQ(std::get<MeterArchive>(units[0].value), archive);
    EXPECT_EQ(meterProtocolOf(30), "dlt645-2007");

    ArchiveEntry wrong = a;
    wrong.commAddress = "12345";
    EXPECT_EQ(makeRequest(kTerminal, afn::SetParameters, 1, {{0, 10, MeterArchive{{wrong}}}}).error().fault,
              meter::Fault::InvalidArgument);
}

TEST(Gdw1376Frame, RealLibraryFramesDecode)
{
    // vectors/meter-frames.json: a terminal's clock reply (AFN 0C F2) and its login (AFN 02 F1)
    const Frame clockReply = decoded("684A004A00688800000100020C60000002004948111552151716");
    const auto clock = unitsOf(clockReply);
    ASSERT_EQ(clock.size(), 1u);
    const auto &c = std::get<Clock>(clock[0].value);
    EXPECT_EQ(c.at, (meter::DateTime{2015, 12, 15, 11, 48, 49}));
    EXPECT_EQ(c.weekday, 2);
    EXPECT_EQ(clockReply.address.area, 0x0000);
    EXPECT_EQ(clockReply.address.terminal, 1);

    const Frame login = decoded("683200320068C97101220800027800000100E016");
    EXPECT_EQ(login.afn, afn::LinkTest);
    EXPECT_EQ(login.address.logicalText(), "01710822");
    const auto units = unitsOf(login);
    ASSERT_EQ(units.size(), 1u);
    EXPECT_EQ(units[0].fn, 1);
    EXPECT_EQ(units[0].pn, 0);

    // AFN 0D (class 2) is not decoded: its unit keeps the bytes
    const auto class2 = unitsOf(decoded(
        "68C201C201688871012208020DE5010101002708185923270818040001000000EEEEEEEEEEEEEEEEEEEEEEEE"
        "EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE"
        "EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE0505341628000616"));

    ASSERT_EQ(class2.size(), 1u);
    EXPECT_TRUE(std::holds_alternative<Raw>(class2[0].value));
}

TEST(Gdw1376Frame, AuxEventCounterAndTimeLabelAreSplitOffAndPutBack)
{
    const auto request = decodeFrame(hex(kReadF129));
    auto reply = makeReply(*request, afn::Class1Data,
                           {{9, 129, EnergyReading{std::nullopt, 10000, {}}}});
    ASSERT_TRUE(reply.ok());
    Frame f = reply.value();
    f.control |= control::Acd;
    f.eventCounter = std::array<std::uint8_t, 2>{0x03, 0x11};
    f.seq |= seqbits::TpV;
    f.timeLabel = std::array<std::uint8_t, 6>{0x05, 0x00, 0x30, 0x08, 0x05, 0x00};
    const auto bytes = encodeFrame(f, InfraredPreambleBytes);
    const auto back = decodeFrame(bytes);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value(), f);
    EXPECT_EQ(unitsOf(*back).size(), 1u);
    EXPECT_EQ(encodeFrame(*back, InfraredPreambleBytes), bytes);
}

TEST(Gdw1376Frame, RefusesOtherProtocolsAndBrokenFramesWithTheRightFault)
{
    auto bytes = hex(kReadF129);
    auto otherId = bytes; // protocol id 1: Q/GDW 130-2005
    otherId[1] = otherId[3] = 0x31;
    EXPECT_EQ(decodeFrame(otherId).error().fault, meter::Fault::OtherProtocol);
    auto badCs = bytes;
    badCs[badCs.size() - 2] ^= 0x01;
    EXPECT_EQ(decodeFrame(badCs).error().fault, meter::Fault::BadChecksum);
    auto badEnd = bytes;
    badEnd.back() = 0x17;
    EXPECT_EQ(decodeFrame(badEnd).error().fault, meter::Fault::BadEnd);
    EXPECT_EQ(decodeFrame(meter::ByteView(bytes).first(bytes.size() - 1)).error().fault,
              meter::Fault::Truncated);
    auto trailing = bytes;
    trailing.push_back(0x00);
    EXPECT_EQ(decodeFrame(trailing).error().fault, meter::Fault::TrailingBytes);
    EXPECT_EQ(decodeFrame({}).error().fault, meter::Fault::Empty);
    // a set without room for its password
    const auto shortSet = encodeFrame(Frame{control::SetRequest, kTerminal, afn::SetParameters,
                                            0x70, {0, 0, 1, 0}, std::nullopt, std::nullopt,
                                            std::nullopt});
    EXPECT_EQ(decodeFrame(shortSet).error().fault, meter::Fault::BadData);
    // a unit cut short
    Frame cut = decoded(kReplyF129);
    cut.units.resize(cut.units.size() - 3);
    EXPECT_EQ(decodeUnits(cut).error().fault, meter::Fault::BadData);
}

TEST(Gdw1376Parser, FindsEveryGoodFrameInOrderAcrossNoiseAndSplits)
{
    const std::vector<std::string_view> good{kSetF3, kQueryF10, kReadF129, kReplyF129, kDeny};
    for (unsigned seed = 1; seed <= 40; ++seed) {
        std::mt19937 rng(seed);
        std::uniform_int_distribution<int> byte(0, 255);
        meter::Bytes stream;
        for (std::string_view frame : good) {
            for (int i = std::uniform_int_distribution<int>(0, 9)(rng); i > 0; --i)
                stream.push_back(std::uint8_t(byte(rng) == 0x68 ? 0x00 : byte(rng)));
            stream.insert(stream.end(), 4, 0xFE);
            const auto bytes = hex(frame);
            if (seed % 5 == 0) { // a broken copy first
                auto broken = bytes;
                broken[broken.size() - 2] ^= 0x5A;
                stream.insert(stream.end(), broken.begin(), broken.end());
            }
            stream.insert(stream.end(), bytes.begin(), bytes.end());
        }
        StreamParser parser;
        std::vector<std::string> found;
        std::uniform_int_distribution<std::size_t> chunk(1, 23);
        for (std::size_t at = 0; at < stream.size();) {
            const std::size_t n = std::min(chunk(rng), stream.size() - at);
            for (const auto &p : parser.feed(meter::ByteView(stream).subspan(at, n)))
                if (p.frame)
                    found.push_back(meter::toHex(p.raw, " "));
            at += n;
        }
        ASSERT_EQ(found.size(), good.size()) << "seed " << seed;
        for (std::size_t i = 0; i < good.size(); ++i)
            EXPECT_EQ(found[i], good[i]) << "seed " << seed;
    }
}
