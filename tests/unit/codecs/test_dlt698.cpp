// DL/T 698.45: CRC, frame header, GET-Request/Response-Normal both directions, A-XDR types,
// DAR errors, unsupported frames recognised.
#include "meter/dlt698/anyframe.h"
#include "meter/dlt698/apdu.h"
#include "meter/dlt698/axdr.h"
#include "meter/dlt698/frame.h"

#include <gtest/gtest.h>

using namespace ms;
using namespace ms::dlt698;

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

TEST(Dlt698Crc, X25CheckValue)
{
    const std::string check = "123456789";
    EXPECT_EQ(crc16x25(meter::ByteView(reinterpret_cast<const std::uint8_t *>(check.data()), check.size())),
              0x906E);
}

TEST(Dlt698Request, EncodesTheStandardsReadAddressExample)
{
    // GIVEN server 201605190907 (DL/T 698.45-2017 Annex D.3.1, vector 49)
    const auto server = ServerAddress::fromText("201605190907").value();
    // WHEN the reader asks for OAD 40010200 with PIID 01
    const auto bytes = encodeGetRequest(server, oad::Address, 0x01);
    // THEN the frame is byte for byte the published one, with the FE wake-up preamble
    EXPECT_EQ(meter::toHex(bytes), "FEFEFEFE68170043050709190516200015600501014001020000C60716");
    EXPECT_EQ(server.af(), 0x05);
}

TEST(Dlt698Request, WildcardAddressIsAf45WithAaBytes)
{
    const auto frame = decodeFrame(encodeGetRequest(ServerAddress::wildcard(), oad::Address, 7)).value();
    EXPECT_EQ(frame.server.af(), 0x45);
    EXPECT_EQ(frame.server.toText(), "AAAAAAAAAAAA");
    const auto request = decodeGetRequest(frame);
    ASSERT_TRUE(request.ok());
    EXPECT_EQ(request->piid, 7);
    EXPECT_EQ(request->oad, oad::Address);
}

TEST(Dlt698Response, EveryTableOadRoundTripsThroughTheSimulatorSide)
{
    const auto server = ServerAddress::fromText("000000000005").value();
    for (const OadItem &item : oadItems()) {
        // GIVEN register texts for the OAD
        std::vector<std::string> texts;
        switch (item.layout) {
        case OadItem::Layout::Tariffs: texts = {"1234.56", "100.00", "200.00", "300.00", "634.56"}; break;
        case OadItem::Layout::Phases: texts = item.scaler == -1 ? std::vector<std::string>{"231.4", "0.0", "229.9"}
                                                                : std::vector<std::string>{"1.250", "0.000", "5.001"}; break;
        case OadItem::Layout::Wallet: texts = {"198.56", "12"}; break;
        case OadItem::Layout::Scalar:
            texts = {item.type == tag::DateTimeS     ? "2026-10-07 14:16:26"
                     : item.type == tag::OctetString ? "123456789012"
                     : item.type == tag::VisibleString ? "ZJ-2024-0001"
                                                       : "50.01"};
            break;
        }
        if (item.type == tag::Array)
            continue; // status words: bit-strings, read-only
        const auto data = dataFromTexts(item.oad, texts);
        ASSERT_TRUE(data.ok()) << oadToText(item.oad) << ": " << data.error().detail;
        // WHEN the simulator answers and the reader decodes
        const auto frame = decodeFrame(encodeGetResponse(server, 0, 0x21, item.oad, *data));
        ASSERT_TRUE(frame.ok()) << frame.error().detail;
        const auto response = decodeGetResponse(*frame);
        ASSERT_TRUE(response.ok()) << response.error().detail;
        // THEN the values come back with the table's scaler and unit
        EXPECT_EQ(response->piid, 0x21);
        EXPECT_EQ(response->oad, item.oad);
        ASSERT_TRUE(response->data.has_value());
        EXPECT_EQ(*response->data, *data);
        const auto values = valuesOf(item.oad, *response->data);
        ASSERT_EQ(values.size(), texts.size()) << oadToText(item.oad);
        for (std::size_t i = 0; i < texts.size(); ++i) {
            EXPECT_EQ(values[i].toString(), texts[i]) << oadToText(item.oad) << " #" << i;
        }
        if (item.layout != OadItem::Layout::Scalar && std::string(item.unit) != "") {
            EXPECT_EQ(values[0].unit, item.unit);
        }
    }
}

TEST(Dlt698Response, ElementOfATariffArrayIsTheTotal)
{
    const auto data = dataFromTexts(oad::ForwardActiveTotal, {"1234.56"}).value();
    EXPECT_EQ(data.type, tag::DoubleLongUnsigned);
    EXPECT_EQ(data.integer, 123456);
    const auto values = valuesOf(oad::ForwardActiveTotal, data);
    ASSERT_EQ(values.size(), 1u);
    EXPECT_EQ(values[0].name, "正向有功电能 总");
    EXPECT_EQ(values[0].unit, "kWh");
}

TEST(Dlt698Response, DarIsAnErrorAndObjectUndefinedMeansNoData)
{
    const auto server = ServerAddress::fromText("000000000001").value();
    const auto m = meter::decodeAnyFrame(encodeGetResponseDar(server, 0, 1, 0x00900200, 6));
    ASSERT_TRUE(m.ok()) << m.error().detail;
    ASSERT_TRUE(m->error.has_value());
    EXPECT_EQ(m->error->code, 6);
    EXPECT_EQ(m->error->text, "对象不存在");
    EXPECT_TRUE(m->error->noRequestedData);
    EXPECT_TRUE(m->values.empty());
    EXPECT_FALSE(darMeansNoData(3));
}

TEST(Dlt698Frame, RejectsBrokenFramesWithTheRightFault)
{
    const meter::Bytes good = hex("681E00C305000000000000009E548501000010020101060001E24000005AD416");
    ASSERT_TRUE(decodeFrame(good).ok());
    auto fcs = good;
    fcs[20] ^= 0x10; // inside the APDU
    EXPECT_EQ(decodeFrame(fcs).error().fault, meter::Fault::BadFrameCrc);
    auto hcs = good;
    hcs[5] ^= 0x01; // inside the server address
    EXPECT_EQ(decodeFrame(hcs).error().fault, meter::Fault::BadHeaderCrc);
    EXPECT_EQ(decodeFrame(meter::ByteView(good).first(20)).error().fault, meter::Fault::Truncated);
    auto end = good;
    end.back() = 0x00;
    EXPECT_EQ(decodeFrame(end).error().fault, meter::Fault::BadEnd);
    // and the neutral decoder blames 698, not 645, for a broken 698 frame
    EXPECT_EQ(meter::decodeAnyFrame(fcs).error().fault, meter::Fault::BadFrameCrc);
}

TEST(Dlt698Frame, SegmentedAndSecurityFramesAreReportedUnsupported)
{
    // GIVEN a well-formed frame with the segmentation bit and one with a SECURITY APDU
    Frame segmented{control::ServerReply | control::SegmentedBit, ServerAddress::single("000000000001"), 0, hex("0001850100")};
    Frame security{control::ServerReply, ServerAddress::single("000000000001"), 0, hex("9000020102")};
    for (const Frame &f : {segmented, security}) {
        const auto decoded = decodeFrame(encodeFrame(f));
        ASSERT_TRUE(decoded.ok());
        // THEN neither is misread as data
        EXPECT_EQ(decodeGetResponse(*decoded).error().fault, meter::Fault::Unsupported);
        EXPECT_EQ(describe(*decoded).error().fault, meter::Fault::Unsupported);
    }
}

TEST(Axdr, AllListedTypesRoundTrip)
{
    const Data all = Data::structure({
        Data::null(), Data::signedValue(tag::Integer, -5), Data::signedValue(tag::Long, -300),
        Data::unsignedValue(tag::Unsigned, 200), Data::unsignedValue(tag::LongUnsigned, 65000),
        Data::signedValue(tag::DoubleLong, -123456), Data::unsignedValue(tag::DoubleLongUnsigned, 4000000000u),
        Data::unsignedValue(tag::Enum, 3), Data::octets(hex("0102030405060708090A0B0C0D0E0F10111213141516171819")),
        Data::visible(std::string(200, 'x')), Data::dateTimeS({2026, 10, 7, 14, 16, 26}),
        Data::array({Data::unsignedValue(tag::DoubleLongUnsigned, 1), Data::unsignedValue(tag::DoubleLongUnsigned, 2)}),
    });
    meter::Bytes bytes;
    encodeData(all, bytes);
    std::size_t pos = 0;
    const auto decoded = decodeData(bytes, pos);
    ASSERT_TRUE(decoded.ok()) << decoded.error().detail;
    EXPECT_EQ(*decoded, all);
    EXPECT_EQ(pos, bytes.size());
    EXPECT_EQ(decoded->items[1].integer, -5);
    EXPECT_EQ(decoded->items[5].integer, -123456);
    EXPECT_EQ(dataToText(decoded->items[10]), "2026-10-07 14:16:26");
    // a string longer than 127 bytes uses the 0x81 length form
    const meter::Bytes longForm{0x0A, 0x81, 0xC8};
    EXPECT_NE(std::search(bytes.begin(), bytes.end(), longForm.begin(), longForm.end()), bytes.end());
}

TEST(Axdr, TruncatedAndUnknownDataAreErrors)
{
    std::size_t pos = 0;
    EXPECT_EQ(decodeData(hex("0600"), pos).error().fault, meter::Fault::Truncated);
    pos = 0;
    EXPECT_EQ(decodeData(hex("0105060000"), pos).error().fault, meter::Fault::BadData);
    pos = 0;
    EXPECT_EQ(decodeData(hex("5B00"), pos).error().fault, meter::Fault::Unsupported);
    meter::Bytes deep(40, 0x01); // 01 01 01 01 …: array(1) of array(1) of … 20 levels deep
    deep.push_back(0x00);
    pos = 0;
    EXPECT_FALSE(decodeData(deep, pos).ok());
}

TEST(Dlt698Describe, ReadRequestFromTheCommandLineEncoder)
{
    const auto bytes = meter::encodeReadRequest(meter::Protocol::Dlt698_45, "", "00100200");
    ASSERT_TRUE(bytes.ok());
    const auto m = meter::decodeAnyFrame(*bytes);
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->protocol, meter::Protocol::Dlt698_45);
    EXPECT_EQ(m->direction, meter::Direction::Request);
    EXPECT_EQ(m->address, "AAAAAAAAAAAA");
    EXPECT_EQ(m->control, 0x43);
    EXPECT_EQ(m->id, "00100200");
    EXPECT_EQ(withoutPreamble(*bytes).size(), bytes->size() - 4);
    EXPECT_FALSE(meter::encodeReadRequest(meter::Protocol::Dlt698_45, "", "0010020").ok());
    EXPECT_FALSE(meter::encodeReadRequest(meter::Protocol::Dlt698_45, "XYZ", "00100200").ok());
}

} // namespace
