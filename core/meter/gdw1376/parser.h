#pragma once
// Streaming Q/GDW 1376.1 frame parser: feed bytes as the port delivers them, get complete frames.
// Skips FE preambles and noise; a broken candidate is reported as rejected and scanning resumes
// one byte after its 68 (the scan itself is meter::FrameScanner, shared with the meter codecs).
#include "meter/dlt645/framescanner.h"
#include "meter/gdw1376/frame.h"

namespace ms::gdw1376 {

struct StreamCodec
{
    using Frame = gdw1376::Frame;
    static meter::Outcome<std::size_t> checkFrameAt(ByteView bytes)
    {
        return gdw1376::checkFrameAt(bytes);
    }
    static meter::Outcome<Frame> decodeFrame(ByteView bytes) { return gdw1376::decodeFrame(bytes); }
    static std::optional<std::size_t> brokenLength(ByteView view, const meter::CodecError &error);
    static bool hadStarted(ByteView view);
};

using ParsedFrame = meter::ScannedFrame<Frame>;

class StreamParser : public meter::FrameScanner<StreamCodec>
{
public:
    explicit StreamParser(std::size_t maxBuffered = 1 << 15)
        : FrameScanner(std::max<std::size_t>(maxBuffered, MaxL1 + 8))
    {
    }
};

} // namespace ms::gdw1376
