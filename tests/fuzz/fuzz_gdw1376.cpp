// libFuzzer target: the Q/GDW 1376.1 frame decoder, its data units and the streaming parser.
// Besides "no crash, no sanitizer report" it traps when an invariant breaks:
//  - a frame that decodes re-encodes to exactly the input bytes (preamble included);
//  - decoded units, encoded again (one DA/DT each), decode to the same units;
//  - every good frame the streaming parser returns also decodes on its own.
// Build and run: tests/fuzz/run.sh (short, CI) or tests/fuzz/fuzz-long.sh (hours).
#include "meter/gdw1376/dataunits.h"
#include "meter/gdw1376/parser.h"

#include <cstddef>
#include <cstdint>

using namespace ms;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const meter::ByteView in(data, size);

    if (const auto frame = gdw1376::decodeFrame(in)) {
        std::size_t preamble = 0;
        while (preamble < size && data[preamble] == 0xFE)
            ++preamble;
        if (gdw1376::encodeFrame(*frame, int(preamble)) != meter::Bytes(in.begin(), in.end()))
            __builtin_trap();
        if (const auto units = gdw1376::decodeUnits(*frame)) {
            // Re-encoding the decoded units (one DA/DT per unit) decodes to the same units.
            if (const auto again = gdw1376::encodeUnits(frame->afn, frame->isUplink(), *units)) {
                gdw1376::Frame copy = *frame;
                copy.units = *again;
                const auto twice = gdw1376::decodeUnits(copy);
                if (!twice || *twice != *units)
                    __builtin_trap();
            }
        }
    }

    // The bytes as the data units of a frame of any AFN, either direction.
    if (size > 1) {
        gdw1376::Frame f;
        f.afn = data[0] & 0x0F;
        f.control = (data[0] & 0x80) ? gdw1376::control::DataReply : gdw1376::control::DataRequest;
        f.units.assign(in.begin() + 1, in.end());
        (void)gdw1376::decodeUnits(f);
    }

    gdw1376::StreamParser parser(4096);
    for (std::size_t at = 0; at < size; at += 7) {
        for (const auto &parsed : parser.feed(in.subspan(at, std::min<std::size_t>(7, size - at)))) {
            if (parsed.frame && !gdw1376::decodeFrame(parsed.raw))
                __builtin_trap();
        }
    }
    return 0;
}
