// Streaming parsers fed byte by byte (and in random chunks) with FE preambles, noise, broken
// frames and half frames between good ones: every good frame comes out, in order, exactly once.
#include "meter/dlt645/codec.h"
#include "meter/dlt645/parser.h"
#include "meter/dlt698/apdu.h"
#include "meter/dlt698/parser.h"

#include <gtest/gtest.h>

#include <random>

using namespace ms;

namespace {

meter::Bytes hex(std::string_view text)
{
    return meter::fromHex(text).value();
}

void append(meter::Bytes &to, const meter::Bytes &bytes)
{
    to.insert(to.end(), bytes.begin(), bytes.end());
}

template<typename Parser>
auto feedInChunks(Parser &parser, const meter::Bytes &stream, std::mt19937 &rng, bool byteByByte)
{
    std::vector<decltype(parser.feed({}))> batches;
    std::uniform_int_distribution<std::size_t> chunk(1, 17);
    for (std::size_t pos = 0; pos < stream.size();) {
        const std::size_t n = byteByByte ? 1 : std::min(chunk(rng), stream.size() - pos);
        batches.push_back(parser.feed(meter::ByteView(stream).subspan(pos, n)));
        pos += n;
    }
    return batches;
}

meter::Bytes noise(std::mt19937 &rng, std::size_t n)
{
    std::uniform_int_distribution<int> byte(0, 255);
    meter::Bytes out;
    for (std::size_t i = 0; i < n; ++i)
        out.push_back(std::uint8_t(byte(rng)));
    return out;
}

TEST(Dlt645StreamParser, FindsEveryGoodFrameAmongNoiseAndBrokenFrames)
{
    using namespace ms::dlt645;
    const Address a = Address::fromText("201000000012").value();
    const auto energy = findDataItem(Version::V2007, 0x0001FF00);
    const meter::Bytes good1 = encodeReadReply(Version::V2007, a, energy->id,
                                               encodeItemData(*energy, {"1.29", "0.62", "0.60", "0.03", "0.02"}).value());
    const meter::Bytes good2 = encodeErrorReply(a, control::Read, 0x02);
    const meter::Bytes good3 = encodeAddressReply(a);
    meter::Bytes broken = good1; // checksum off by one
    broken[broken.size() - 2] ^= 0x01;
    const meter::Bytes half(good1.begin(), good1.begin() + 14); // cut off mid-data

    for (unsigned seed = 1; seed <= 40; ++seed) {
        std::mt19937 rng(seed);
        // GIVEN noise, a good frame, a broken one, noise with stray 68s, a half frame directly
        // followed by a good frame, 698-looking bytes, and a last good frame
        meter::Bytes stream = noise(rng, 9);
        append(stream, good1);
        append(stream, broken);
        append(stream, {0x68, 0x68, 0x16, 0x00, 0x68});
        append(stream, noise(rng, 5));
        append(stream, half);
        append(stream, good2);
        append(stream, hex("68170043050709190516200015600501014001020000C60716"));
        append(stream, good3);
        // WHEN it arrives byte by byte (odd seeds) or in random chunks (even seeds)
        StreamParser parser;
        std::vector<meter::Bytes> frames;
        int rejected = 0;
        for (const auto &batch : feedInChunks(parser, stream, rng, seed % 2))
            for (const ParsedFrame &p : batch) {
                if (p.frame)
                    frames.push_back(encodeFrame(*p.frame, 4));
                else
                    ++rejected;
            }
        // THEN exactly the three good frames come out, in order, and the broken one is reported
        ASSERT_EQ(frames.size(), 3u) << "seed " << seed;
        EXPECT_EQ(frames[0], good1);
        EXPECT_EQ(frames[1], good2);
        EXPECT_EQ(frames[2], good3);
        EXPECT_GE(rejected, 2) << "the bad checksum and the half frame are reported";
        EXPECT_FALSE(parser.hasPartialFrame());
        EXPECT_GT(parser.discardedBytes(), 0u);
    }
}

TEST(Dlt645StreamParser, HalfFrameThenSilenceIsVisibleAsPartial)
{
    using namespace ms::dlt645;
    const meter::Bytes frame = encodeAddressReply(Address::fromText("1").value());
    StreamParser parser;
    EXPECT_TRUE(parser.feed(meter::ByteView(frame).first(10)).empty());
    EXPECT_TRUE(parser.hasPartialFrame());
    parser.reset();
    EXPECT_FALSE(parser.hasPartialFrame());
    // the rest alone is not a frame
    EXPECT_TRUE(parser.feed(meter::ByteView(frame).subspan(10)).empty());
}

TEST(Dlt645StreamParser, EndlessNoiseNeverGrowsTheBufferBeyondItsLimit)
{
    dlt645::StreamParser parser(512);
    std::mt19937 rng(7);
    for (int i = 0; i < 200; ++i)
        parser.feed(noise(rng, 64));
    EXPECT_LE(parser.bufferedBytes(), 512u);
}

TEST(Dlt698StreamParser, FindsEveryGoodFrameAmongNoiseAndBrokenFrames)
{
    using namespace ms::dlt698;
    const auto server = ServerAddress::fromText("000000000001").value();
    const meter::Bytes good1 = encodeGetResponse(server, 0, 1, oad::ForwardActive,
                                                 dataFromTexts(oad::ForwardActive, {"1234.56", "100.00", "200.00", "300.00", "634.56"}).value());
    const meter::Bytes good2 = encodeGetResponseDar(server, 0, 2, 0x00900200, 6);
    const meter::Bytes good3 = encodeGetRequest(ServerAddress::wildcard(), oad::Address);
    meter::Bytes broken = good1;
    broken[broken.size() - 5] ^= 0x40; // inside the APDU: FCS fails, header fine
    const meter::Bytes half(good2.begin(), good2.begin() + 20);

    for (unsigned seed = 1; seed <= 40; ++seed) {
        std::mt19937 rng(seed);
        meter::Bytes stream = noise(rng, 11);
        append(stream, good1);
        append(stream, broken);
        append(stream, {0x68, 0xFF, 0x3F, 0x68}); // header with an absurd length
        append(stream, noise(rng, 6));
        append(stream, half);
        append(stream, good2);
        append(stream, hex("6801000000000068110433333433B316")); // a 645 frame is not ours
        append(stream, good3);
        StreamParser parser;
        std::vector<meter::Bytes> frames;
        int rejected = 0;
        for (const auto &batch : feedInChunks(parser, stream, rng, seed % 2))
            for (const ParsedFrame &p : batch) {
                if (p.frame)
                    frames.push_back(encodeFrame(*p.frame, 4));
                else
                    ++rejected;
            }
        ASSERT_EQ(frames.size(), 3u) << "seed " << seed;
        EXPECT_EQ(frames[0], good1);
        EXPECT_EQ(frames[1], good2);
        EXPECT_EQ(frames[2], good3);
        EXPECT_GE(rejected, 2);
    }
}

} // namespace
