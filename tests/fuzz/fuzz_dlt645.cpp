// libFuzzer target: DL/T 645 frame decoder, request/reply decoding, DI value decoding, the
// streaming parser and the protocol-neutral decoder. Besides "no crash, no sanitizer report"
// it checks invariants and traps when one breaks:
//  - a frame that decodes re-encodes to exactly the input bytes;
//  - every good frame the streaming parser returns also decodes on its own.
// Build and run: tests/fuzz/run.sh (short, CI) or tests/fuzz/fuzz-long.sh (hours).
#include "meter/dlt645/codec.h"
#include "meter/dlt645/parser.h"
#include "meter/dlt698/anyframe.h"

#include <cstddef>
#include <cstdint>

using namespace ms;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const meter::ByteView in(data, size);

    if (const auto frame = dlt645::decodeFrame(in)) {
        std::size_t preamble = 0;
        while (preamble < size && data[preamble] == 0xFE)
            ++preamble;
        if (dlt645::encodeFrame(*frame, int(preamble)) != meter::Bytes(in.begin(), in.end()))
            __builtin_trap();
        (void)dlt645::describe(*frame);
        if (frame->isReply())
            (void)dlt645::decodeReply(*frame);
        else
            (void)dlt645::decodeRequest(*frame);
    }
    (void)meter::decodeAnyFrame(in);

    // The rest of the input as the data of one table item, chosen by the first byte.
    if (size > 1) {
        const auto version = data[0] & 0x80 ? dlt645::Version::V1997 : dlt645::Version::V2007;
        const auto items = dlt645::dataItems(version);
        const dlt645::DataItem &item = items[(data[0] & 0x7F) % items.size()];
        const auto values = dlt645::decodeItemData(&item, in.subspan(1));
        if (values) {
            // what decodes to real values must encode to bytes that decode to the same texts
            bool exact = true;
            for (const meter::Value &v : *values)
                exact = exact && v.kind != meter::Value::Kind::Missing;
            const auto texts = dlt645::textsOf(*values);
            const auto again = dlt645::encodeItemData(item, texts);
            if (exact) {
                if (!again)
                    __builtin_trap();
                const auto back = dlt645::decodeItemData(&item, *again);
                if (!back || dlt645::textsOf(*back) != texts)
                    __builtin_trap();
            }
        }
    }

    // Streaming: chunk sizes taken from the data itself.
    dlt645::StreamParser parser(512);
    std::size_t pos = 0;
    while (pos < size) {
        const std::size_t n = std::min<std::size_t>(size - pos, 1 + data[pos] % 23);
        for (const dlt645::ParsedFrame &p : parser.feed(in.subspan(pos, n))) {
            if (p.frame && !dlt645::decodeFrame(p.raw))
                __builtin_trap();
        }
        pos += n;
    }
    return 0;
}
