// DL/T 645-2007 / -1997: encode/decode round trips for every DI in the table, both directions
// (reader → meter request, simulator → reader reply), error bits per version, traps.
#include "meter/dlt645/bcd.h"
#include "meter/dlt645/codec.h"
#include "meter/dlt645/ditable.h"
#include "meter/dlt698/anyframe.h"

#include <gtest/gtest.h>

using namespace ms;
using namespace ms::dlt645;

namespace {

meter::Bytes hex(std::string_view text)
{
    return meter::fromHex(text).value();
}

meter::Bytes withoutPreamble(meter::Bytes bytes)
{
    bytes.erase(bytes.begin(), std::find_if(bytes.begin(), bytes.end(),
                                            [](std::uint8_t b) { return b != 0xFE; }));
    return bytes;
}

// Plausible texts for one value of `item` (different per index so blocks are checked per part).
std::string sampleText(const DataItem &item, std::size_t index)
{
    switch (item.format) {
    case Format::Bcd:
    case Format::SignedBcd: {
        std::string digits;
        for (int i = 0; i < item.bytes * 2; ++i)
            digits.push_back(char('0' + (i + int(index) + 1) % 8)); // top digit < 8: sign bit free
        if (item.decimals > 0)
            digits.insert(digits.size() - std::size_t(item.decimals), 1, '.');
        const auto first = digits.find_first_not_of('0');
        digits = digits.substr(digits[first] == '.' ? first - 1 : first);
        return item.format == Format::SignedBcd && index % 2 ? "-" + digits : digits;
    }
    case Format::Date: return "2024-02-29";
    case Format::Time: return "23:59:58";
    case Format::DateTimeMinutes: return "2015-10-09 00:00";
    case Format::DateTime: return "2099-12-31 23:59:59";
    case Format::Digits: return std::string("012345678901234567890").substr(index, item.bytes * 2u);
    case Format::Word: return std::string("0004A1B2C3").substr(0, item.bytes * 2u);
    case Format::Ascii: return std::string("220V-5(60)A-2.0-DDZY1").substr(0, std::min<std::size_t>(item.bytes, 8));
    }
    return {};
}

class EveryDataItem : public testing::TestWithParam<std::pair<Version, DataItem>>
{
};

TEST_P(EveryDataItem, ReadRequestAndReplyRoundTrip)
{
    const auto [version, item] = GetParam();
    // GIVEN register texts for the item and a meter address with a non-BCD byte
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < item.count; ++i)
        texts.push_back(sampleText(item, i));
    const Address address = Address::fromText("3A2107000481").value();

    // WHEN the reader encodes a read and the simulator decodes it
    const auto request = decodeRequest(decodeFrame(encodeRead(version, address, item.id)).value());
    ASSERT_TRUE(request.ok()) << request.error().detail;
    EXPECT_EQ(request->kind, Request::Kind::Read);
    EXPECT_EQ(request->version, version);
    EXPECT_EQ(request->di, item.id);
    EXPECT_EQ(request->address, address);

    // … and the simulator answers with the item's data, which the reader decodes
    const auto data = encodeItemData(item, texts);
    ASSERT_TRUE(data.ok()) << data.error().detail;
    ASSERT_EQ(data->size(), item.dataBytes());
    const auto frame = decodeFrame(encodeReadReply(version, address, item.id, *data));
    ASSERT_TRUE(frame.ok()) << frame.error().detail;
    const auto reply = decodeReply(*frame);
    ASSERT_TRUE(reply.ok()) << reply.error().detail;

    // THEN the values, names and units come back exactly
    EXPECT_EQ(reply->kind, Reply::Kind::Data);
    EXPECT_EQ(reply->di, item.id);
    EXPECT_EQ(reply->address.toText(), "3A2107000481");
    EXPECT_EQ(textsOf(reply->values), texts);
    for (const meter::Value &v : reply->values) {
        EXPECT_NE(v.kind, meter::Value::Kind::Missing) << v.name;
        if (v.kind == meter::Value::Kind::Number && v.name != "星期") {
            EXPECT_EQ(v.unit, item.unit);
        }
    }
    EXPECT_EQ(reply->values.front().name.rfind(item.name, 0), 0u);
    // … and re-encoding the decoded texts gives the same bytes
    EXPECT_EQ(encodeItemData(item, textsOf(reply->values)).value(), *data);
}

std::vector<std::pair<Version, DataItem>> allItems()
{
    std::vector<std::pair<Version, DataItem>> out;
    for (Version v : {Version::V2007, Version::V1997})
        for (const DataItem &item : dataItems(v))
            out.emplace_back(v, item);
    return out;
}

INSTANTIATE_TEST_SUITE_P(Dlt645, EveryDataItem, testing::ValuesIn(allItems()),
                         [](const auto &param) {
                             return std::string(param.param.first == Version::V1997 ? "v1997_" : "v2007_")
                                    + diToText(param.param.first, param.param.second.id);
                         });

TEST(Dlt645Table, CoversEverySwapDiInTheProtocolNotes)
{
    for (std::uint32_t di : {0x00000000u, 0x00000100u, 0x00000400u, 0x0000FF00u, 0x00010000u,
                             0x00010400u, 0x0001FF00u, 0x00020000u, 0x04000101u, 0x04000102u,
                             0x04000401u, 0x04000402u, 0x04000403u, 0x04000404u, 0x04000405u,
                             0x04000407u, 0x04000409u, 0x04000501u, 0x04000507u, 0x02010100u,
                             0x0201FF00u, 0x02020100u, 0x02030000u, 0x02800002u, 0x00900100u,
                             0x00900200u, 0x00900101u, 0x00900201u, 0x03300D00u, 0x03110000u,
                             0x05060001u})
        EXPECT_NE(findDataItem(Version::V2007, di), nullptr) << diToText(Version::V2007, di);
    for (std::uint32_t di : {0x9010u, 0x901Fu, 0x9020u, 0xB611u, 0xB613u, 0xB621u, 0xC010u,
                             0xC011u, 0xC030u, 0xC032u, 0xC033u})
        EXPECT_NE(findDataItem(Version::V1997, di), nullptr) << diToText(Version::V1997, di);
}

TEST(Dlt645Frame, DiGoesLsbFirstPlus33AndAddressIsReversed)
{
    // 201000000012 is 12 00 00 00 10 20 on the wire; DI 0001FF00 is 33 32 34 33 (vector 28)
    const auto bytes = encodeRead(Version::V2007, Address::fromText("201000000012").value(), 0x0001FF00);
    EXPECT_EQ(meter::toHex(bytes), "FEFEFEFE6812000000102068110433323433F316");
    // 1997: 9010 is 43 C3
    const auto r97 = encodeRead(Version::V1997, Address::fromText("63295").value(), 0x9010);
    EXPECT_EQ(meter::toHex(withoutPreamble(r97)), "6895320600000068010243C3A616");
    EXPECT_EQ(decodeFrame(r97)->data, hex("1090"));
}

TEST(Dlt645Frame, ReadAddressIsTheDocumentedProbe)
{
    EXPECT_EQ(meter::toHex(encodeReadAddress()), "FEFEFEFE68AAAAAAAAAAAA681300DF16");
}

TEST(Dlt645Frame, RejectsBrokenFramesWithTheRightFault)
{
    const meter::Bytes good = hex("680100000000006891083333343359B35544DC16");
    ASSERT_TRUE(decodeFrame(good).ok());
    auto cs = good;
    cs[cs.size() - 2] ^= 0x01;
    EXPECT_EQ(decodeFrame(cs).error().fault, meter::Fault::BadChecksum);
    auto end = good;
    end.back() = 0x17;
    EXPECT_EQ(decodeFrame(end).error().fault, meter::Fault::BadEnd);
    EXPECT_EQ(decodeFrame(meter::ByteView(good).first(15)).error().fault, meter::Fault::Truncated);
    auto trailing = good;
    trailing.push_back(0x00);
    EXPECT_EQ(decodeFrame(trailing).error().fault, meter::Fault::TrailingBytes);
    EXPECT_EQ(decodeFrame(hex("0102")).error().fault, meter::Fault::Garbage);
    EXPECT_EQ(decodeFrame({}).error().fault, meter::Fault::Empty);
}

TEST(Dlt645Reply, ErrorBitsAreNamedPerVersionAndOffsetRemoved)
{
    // GIVEN error replies whose wire byte is 0x35 (= 0x02 after removing 0x33)
    const Address a = Address::fromText("201000000012").value();
    const auto r07 = decodeReply(decodeFrame(encodeErrorReply(a, control::Read, 0x02)).value());
    const auto r97 = decodeReply(decodeFrame(encodeErrorReply(a, control::Read1997, 0x02)).value());
    ASSERT_TRUE(r07.ok());
    ASSERT_TRUE(r97.ok());
    // THEN both are "no requested data" answers, named per version
    EXPECT_EQ(r07->control, 0xD1);
    EXPECT_EQ(r97->control, 0xC1);
    EXPECT_TRUE(r07->noRequestedData());
    EXPECT_TRUE(r97->noRequestedData());
    EXPECT_EQ(errorText(Version::V2007, 0x02), "无请求数据");
    EXPECT_EQ(errorText(Version::V1997, 0x02), "数据标识错");
    EXPECT_EQ(errorText(Version::V2007, 0x05), "其他错误、密码错/未授权");
    EXPECT_FALSE(meansNoRequestedData(0x04));
}

TEST(Dlt645Reply, AddressReplyFollowUpAndAck)
{
    const Address a = Address::fromText("000332316420").value();
    const auto address = decodeReply(decodeFrame(encodeAddressReply(a)).value());
    ASSERT_TRUE(address.ok());
    EXPECT_EQ(address->kind, Reply::Kind::Address);
    EXPECT_EQ(address->values.at(0).text, "000332316420");

    const auto data = encodeItemData(*findDataItem(Version::V2007, 0x00010000), {"12.34"}).value();
    const auto more = decodeReply(decodeFrame(encodeReadReply(Version::V2007, a, 0x00010000, data, true)).value());
    ASSERT_TRUE(more.ok());
    EXPECT_EQ(more->control, 0xB1);
    EXPECT_TRUE(more->moreFollows);
    const auto follow = decodeReply(decodeFrame(encodeReadReply(Version::V2007, a, 0x00010000, data, false, 2)).value());
    ASSERT_TRUE(follow.ok()) << follow.error().detail;
    EXPECT_EQ(follow->control, 0x92);
    EXPECT_EQ(follow->seq, 2);
    EXPECT_EQ(follow->values.at(0).toString(), "12.34");

    const auto ack = decodeReply(decodeFrame(encodeAck(a, control::Write)).value());
    ASSERT_TRUE(ack.ok());
    EXPECT_EQ(ack->kind, Reply::Kind::Ack);
    EXPECT_EQ(ack->control, 0x94);
}

TEST(Dlt645Request, FollowUpWriteAndBroadcastTimeDecodeOnTheMeterSide)
{
    const Address a = Address::fromText("201000000012").value();
    const auto follow = decodeRequest(decodeFrame(encodeReadFollowUp(Version::V2007, a, 0x0001FF00, 3)).value());
    ASSERT_TRUE(follow.ok());
    EXPECT_EQ(follow->kind, Request::Kind::ReadFollowUp);
    EXPECT_EQ(follow->seq, 3);

    const DataItem &voltage = *findDataItem(Version::V2007, 0x04000404);
    const auto value = encodeItemData(voltage, {"220V"}).value();
    const auto write = decodeRequest(decodeFrame(encodeWrite(Version::V2007, a, voltage.id, value,
                                                             Credentials{0x02, 0x123456, 0xCAFE})).value());
    ASSERT_TRUE(write.ok());
    EXPECT_EQ(write->kind, Request::Kind::Write);
    EXPECT_EQ(write->credentials->password, 0x123456u);
    EXPECT_EQ(write->credentials->operatorCode, 0xCAFEu);
    EXPECT_EQ(write->payload, value);
    // ASCII goes byte-reversed: "220V" → 'V' first
    EXPECT_EQ(value.at(0), 'V');

    // Broadcast time: 99…99, ss mm hh DD MM YY on the wire (firmware order, not YY first)
    const meter::DateTime t{2024, 5, 6, 7, 8, 9};
    const meter::Bytes bytes = withoutPreamble(encodeBroadcastTime(t));
    EXPECT_EQ(meter::toHex(meter::ByteView(bytes).first(10)), "68999999999999680806");
    EXPECT_EQ(bytes.at(10), 0x09 + 0x33); // seconds first
    const auto time = decodeRequest(decodeFrame(bytes).value());
    ASSERT_TRUE(time.ok());
    EXPECT_EQ(time->kind, Request::Kind::BroadcastTime);
    EXPECT_EQ(*time->time, t);
}

TEST(Dlt645Values, NonBcdFieldsAreMissingNotMisread)
{
    // GIVEN a voltage block where phases B and C read FFFF
    const DataItem &block = *findDataItem(Version::V2007, 0x0201FF00);
    const auto values = decodeItemData(&block, hex("5622FFFFFFFF")).value();
    ASSERT_EQ(values.size(), 3u);
    EXPECT_EQ(values[0].toString(), "225.6");
    EXPECT_EQ(values[1].kind, meter::Value::Kind::Missing);
    EXPECT_EQ(values[1].text, "FFFF");
    // … 0x36 is 0.36 kWh, never 0.54
    EXPECT_EQ(decodeItemData(findDataItem(Version::V2007, 0x00010000), hex("36000000")).value()[0].toString(), "0.36");
    // … an unknown DI is raw bytes, not an error
    const auto unknown = decodeItemData(nullptr, hex("010203")).value();
    EXPECT_EQ(unknown.at(0).text, "030201");
    // … a 1997 901F block with an extra terminator byte still decodes
    const auto block97 = decodeItemData(findDataItem(Version::V1997, 0x901F),
                                        hex("39000000000000000300000024000000120000" "00AA"));
    ASSERT_TRUE(block97.ok());
    EXPECT_EQ(block97->size(), 5u);
    // … data too short for the item is an error naming the item
    const auto shortData = decodeItemData(findDataItem(Version::V2007, 0x00010000), hex("3600"));
    ASSERT_FALSE(shortData.ok());
    EXPECT_EQ(shortData.error().fault, meter::Fault::BadData);
}

TEST(Dlt645Values, EncodeRejectsValuesThatDoNotFit)
{
    const DataItem &energy = *findDataItem(Version::V2007, 0x00010000);
    EXPECT_FALSE(encodeItemData(energy, {"1000000.00"}).ok()); // 8 digits max
    EXPECT_FALSE(encodeItemData(energy, {"1.234"}).ok());      // 2 decimals max
    EXPECT_FALSE(encodeItemData(energy, {"-1"}).ok());         // unsigned
    EXPECT_FALSE(encodeItemData(energy, {"abc"}).ok());
    EXPECT_FALSE(encodeItemData(*findDataItem(Version::V2007, 0x04000101), {"2023-02-29"}).ok());
    EXPECT_FALSE(encodeItemData(*findDataItem(Version::V2007, 0x0001FF00), {"1", "2"}).ok());
    EXPECT_EQ(encodeItemData(energy, {"999999.99"}).value(), hex("99999999"));
}

TEST(Dlt645Address, TextKeepsNonBcdBytesAndPadsShortNumbers)
{
    EXPECT_EQ(Address::fromText("3A2107000481")->wire, (std::array<std::uint8_t, 6>{0x81, 0x04, 0x00, 0x07, 0x21, 0x3A}));
    EXPECT_EQ(Address::fromText("1")->toText(), "000000000001");
    EXPECT_FALSE(Address::fromText("1234567890123").has_value());
    EXPECT_FALSE(Address::fromText("12345G").has_value());
    EXPECT_TRUE(Address::wildcard().isWildcard());
    EXPECT_TRUE(Address::broadcast().isBroadcast());
}

TEST(Dlt645Describe, WorkedExampleFromTheIssue)
{
    const auto m = meter::decodeAnyFrame(hex("68 01 00 00 00 00 00 68 11 04 33 33 33 33 B2 16"));
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->protocol, meter::Protocol::Dlt645_2007);
    EXPECT_EQ(m->direction, meter::Direction::Request);
    EXPECT_EQ(m->address, "000000000001");
    EXPECT_EQ(m->control, 0x11);
    EXPECT_EQ(m->id, "00000000");
    EXPECT_TRUE(m->values.empty());
    EXPECT_FALSE(m->error.has_value());
    EXPECT_EQ(meter::encodeReadRequest(meter::Protocol::Dlt645_2007, "000000000001", "00000000").value(),
              hex("FEFEFEFE 68 01 00 00 00 00 00 68 11 04 33 33 33 33 B2 16"));
}

TEST(Bcd, CalendarAndNumberHelpers)
{
    EXPECT_EQ(bcd::weekday({2016, 1, 11}), 1);
    EXPECT_EQ(bcd::weekday({2019, 7, 6}), 6);
    EXPECT_FALSE(bcd::parseDate("2023-13-01").has_value());
    EXPECT_EQ(bcd::decodeNumber(hex("12345678"), false), 78563412);
    EXPECT_EQ(bcd::decodeNumber(hex("0180"), true), -1);
    EXPECT_FALSE(bcd::decodeNumber(hex("1A"), false).has_value());
    EXPECT_EQ(bcd::encodeNumber("-0.5", 2, 1, true).value(), hex("0580"));
    EXPECT_EQ(meter::Value::number("x", 5, 2, "").toString(), "0.05");
    EXPECT_EQ(meter::Value::number("x", -123, 1, "").toString(), "-12.3");
}

} // namespace
