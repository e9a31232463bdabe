// libFuzzer target: DL/T 698.45 frame decoder, APDU/A-XDR decoding, the streaming parser and
// the protocol-neutral decoder. Invariants (trap when broken):
//  - a frame that decodes re-encodes to exactly the input bytes;
//  - A-XDR data that decodes survives encode → decode unchanged;
//  - every good frame the streaming parser returns also decodes on its own;
//  - a SET-Response / LINK-Request / LINK-Response that decodes, re-encoded, decodes the same.
#include "meter/dlt698/anyframe.h"
#include "meter/dlt698/apdu.h"
#include "meter/dlt698/axdr.h"
#include "meter/dlt698/parser.h"
#include "meter/dlt698/setlink.h"

#include <cstddef>
#include <cstdint>

using namespace ms;

namespace {

bool sameTime(const dlt698::DateTimeMs &a, const dlt698::DateTimeMs &b)
{
    return a == b;
}

void checkSetAndLink(const dlt698::Frame &frame)
{
    if (const auto r = dlt698::decodeSetResponse(frame)) {
        const auto again = dlt698::decodeFrame(
            dlt698::encodeSetResponse(frame.server, frame.client, r->piid, r->oad, r->dar));
        const auto back = again ? dlt698::decodeSetResponse(*again) : r;
        if (!again || !back || back->piid != r->piid || back->oad != r->oad || back->dar != r->dar)
            __builtin_trap();
    }
    if (const auto r = dlt698::decodeLinkRequest(frame)) {
        const auto again = dlt698::decodeFrame(dlt698::encodeLinkRequest(frame.server, *r));
        const auto back = again ? dlt698::decodeLinkRequest(*again) : r;
        if (!again || !back || back->piidAcd != r->piidAcd || back->type != r->type
            || back->heartbeatSeconds != r->heartbeatSeconds
            || !sameTime(back->requestTime, r->requestTime))
            __builtin_trap();
        (void)r->requestTime.toText();
    }
    if (const auto r = dlt698::decodeLinkResponse(frame)) {
        const auto again =
            dlt698::decodeFrame(dlt698::encodeLinkResponse(frame.server, frame.client, *r));
        const auto back = again ? dlt698::decodeLinkResponse(*again) : r;
        if (!again || !back || back->piid != r->piid || back->result != r->result
            || !sameTime(back->requestTime, r->requestTime)
            || !sameTime(back->receivedTime, r->receivedTime)
            || !sameTime(back->responseTime, r->responseTime))
            __builtin_trap();
        (void)dlt698::linkResultText(r->result);
    }
}

} // namespace

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
        (void)dlt698::decodeSetRequest(*frame);
        checkSetAndLink(*frame);
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
