#pragma once
// Streaming DL/T 645 frame parser: feed bytes as the port delivers them, get complete frames.
// Skips FE preambles and noise; a candidate that fails (bad checksum, bad end byte) is reported
// as rejected and scanning resumes one byte after its 68, so a good frame right behind (or
// inside) a broken one is still found. The scan itself is meter::FrameScanner.
#include "meter/dlt645/frame.h"
#include "meter/dlt645/framescanner.h"

namespace ms::dlt645 {

// What the scanner needs to know about 645 frames.
struct StreamCodec
{
    using Frame = dlt645::Frame;
    static meter::Outcome<std::size_t> checkFrameAt(ByteView bytes) { return dlt645::checkFrameAt(bytes); }
    static meter::Outcome<Frame> decodeFrame(ByteView bytes) { return dlt645::decodeFrame(bytes); }
    static std::optional<std::size_t> brokenLength(ByteView view, const meter::CodecError &error);
    static bool hadStarted(ByteView view);
};

using ParsedFrame = meter::ScannedFrame<Frame>;

class StreamParser : public meter::FrameScanner<StreamCodec>
{
public:
    // feed() returns the frames (good and rejected) completed by the bytes, in order;
    // hasPartialFrame(): a frame has started (68 seen, structure plausible so far) but is not
    // complete — after a reply timeout this means "half a frame, then silence".
    explicit StreamParser(std::size_t maxBuffered = 4096)
        : FrameScanner(std::max<std::size_t>(maxBuffered, 300))
    {
    }
};

} // namespace ms::dlt645
