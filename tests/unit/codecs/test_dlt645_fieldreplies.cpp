// DL/T 645-1997 replies as field meters send them: a block read (901F) answered with fill bytes
// and an AA terminator after the five values (issue 16 §8). The frames are the real 901F capture
// from a DTSD22 (shared vectors: KTS-Intek/DLT645 test-exchange-dlt645-97.log) with such a tail
// added and L/CS recomputed.
#include "meter/dlt645/codec.h"
#include "meter/dlt645/ditable.h"

#include <gtest/gtest.h>

using namespace ms;
using namespace ms::dlt645;

namespace {

meter::Bytes hex(std::string_view text)
{
    return meter::fromHex(text).value();
}

meter::Outcome<Reply> replyOf(std::string_view wire)
{
    const auto frame = decodeFrame(hex(wire));
    EXPECT_TRUE(frame.ok()) << (frame.ok() ? "" : frame.error().detail);
    if (!frame)
        return frame.error();
    return decodeReply(*frame);
}

std::vector<std::string> textsOf(const Reply &r)
{
    std::vector<std::string> out;
    for (const auto &v : r.values)
        out.push_back(v.toString());
    return out;
}

const std::vector<std::string> kCaptured{"0.39", "0.00", "0.03", "0.24", "0.12"};

} // namespace

TEST(Dlt645FieldReplies, BlockWithFillAndAaTerminatorDecodesTheFiveValues)
{
    // GIVEN the captured 901F reply, and the same reply with 00 00 00 fill and an AA terminator
    const auto plain =
        replyOf("6895320600000068811652C36C33333333333333363333335733333345333333B716");
    const auto padded =
        replyOf("6895320600000068811A52C36C33333333333333363333335733333345333333333333DD3116");
    // THEN both decode to the same five values (total, T1..T4) and the padded one keeps its tail
    ASSERT_TRUE(plain.ok());
    ASSERT_TRUE(padded.ok()) << padded.error().detail;
    EXPECT_EQ(padded->version, Version::V1997);
    EXPECT_EQ(padded->di, 0x901Fu);
    EXPECT_EQ(textsOf(*plain), kCaptured);
    EXPECT_EQ(textsOf(*padded), kCaptured);
    EXPECT_EQ(padded->payload.size(), 20u + 4u);
}

TEST(Dlt645FieldReplies, TerminatorSentWithoutTheOffsetIsAcceptedToo)
{
    // GIVEN fill 00 and terminator AA that the meter put on the wire without adding 0x33
    const auto r =
        replyOf("6895320600000068811852C36C3333333333333336333333573333334533333300AA6316");
    ASSERT_TRUE(r.ok()) << r.error().detail;
    EXPECT_EQ(textsOf(*r), kCaptured);
}

TEST(Dlt645FieldReplies, ExtraBytesThatAreNotFillAndTerminatorAreStillRefused)
{
    // GIVEN a tail with data-looking bytes before the AA, and a tail of fill with no terminator
    for (const char *wire :
         {"6895320600000068811952C36C333333333333333633333357333333453333334567DD4316",
          "6895320600000068811852C36C3333333333333336333333573333334533333333331F16"}) {
        const auto r = replyOf(wire);
        // THEN the reply is refused as bad data, naming the item and what is wrong
        ASSERT_FALSE(r.ok()) << wire;
        EXPECT_EQ(r.error().fault, meter::Fault::BadData);
        EXPECT_NE(r.error().detail.find("901F"), std::string::npos) << r.error().detail;
        EXPECT_NE(r.error().detail.find("AA terminator"), std::string::npos) << r.error().detail;
    }
    // … and a single item (not a block) takes no tail at all
    const auto single = decodeItemData(findDataItem(Version::V1997, 0x9010), hex("39000000AA"));
    EXPECT_FALSE(single.ok());
}
