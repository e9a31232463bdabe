// libFuzzer target: DL/T 698.45 frame decoder, APDU/A-XDR decoding, the streaming parser and
// the protocol-neutral decoder. Invariants (trap when broken):
//  - a frame that decodes re-encodes to exactly the input bytes;
//  - A-XDR data that decodes survives encode → decode unchanged;
//  - every good frame the streaming parser returns also decodes on its own.
#include "meter/dlt698/anyframe.h"
#include "meter/dlt698/apdu.h"
#include "meter/dlt698/axdr.h"
#include "meter/dlt698/parser.h"

#include <cstddef>
#include <cstdint>

using namespace ms;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const meter::ByteView in(data, size);

    if (const auto frame = dlt698::decodeFrame(in)) {
        std::size_t preamble = 0;
        while (preamble < size && data[preamble] == 0xFE)
            ++preamble;
        if (dlt698::encodeFrame(*frame, int(preamble)) != meter::Bytes(in.begin(), in.end()))
            __builtin_trap();
        (void)dlt698::describe(*frame);
        if (const auto response = dlt698::decodeGetResponse(*frame); response && response->data)
            (void)dlt698::valuesOf(response->oad, *response->data);
        (void)dlt698::decodeGetRequest(*frame);
    }
    (void)meter::decodeAnyFrame(in);

    // The input as bare A-XDR data.
    std::size_t pos = 0;
    if (const auto d = dlt698::decodeData(in, pos)) {
        meter::Bytes again;
        dlt698::encodeData(*d, again);
        std::size_t pos2 = 0;
        const auto back = dlt698::decodeData(again, pos2);
        if (!back || !(*back == *d) || pos2 != again.size())
            __builtin_trap();
        (void)dlt698::dataToText(*d);
        if (size >= 4) {
            const dlt698::Oad oad = dlt698::Oad(data[0]) << 24 | dlt698::Oad(data[1]) << 16
                                    | dlt698::Oad(data[2]) << 8 | data[3];
            (void)dlt698::valuesOf(oad, *d);
            (void)dlt698::valuesOf(dlt698::oad::ForwardActive, *d);
        }
    }

    dlt698::StreamParser parser(4200);
    pos = 0;
    while (pos < size) {
        const std::size_t n = std::min<std::size_t>(size - pos, 1 + data[pos] % 29);
        for (const dlt698::ParsedFrame &p : parser.feed(in.subspan(pos, n))) {
            if (p.frame && !dlt698::decodeFrame(p.raw))
                __builtin_trap();
        }
        pos += n;
    }
    return 0;
}
