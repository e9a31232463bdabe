#pragma once
// Streaming DL/T 698.45 frame parser (same contract as dlt645::StreamParser): skips FE and
// noise, checks HCS as soon as the header is in (so garbage with a huge L is dropped at once),
// reports broken frames and resynchronises one byte after their 68 (meter::FrameScanner).
#include "meter/dlt645/framescanner.h"
#include "meter/dlt698/frame.h"

namespace ms::dlt698 {

// What the scanner needs to know about 698.45 frames.
struct StreamCodec
{
    using Frame = dlt698::Frame;
    static meter::Outcome<std::size_t> checkFrameAt(ByteView bytes) { return dlt698::checkFrameAt(bytes); }
    static meter::Outcome<Frame> decodeFrame(ByteView bytes) { return dlt698::decodeFrame(bytes); }
    static std::optional<std::size_t> brokenLength(ByteView view, const meter::CodecError &error);
    static bool hadStarted(ByteView view);
};

using ParsedFrame = meter::ScannedFrame<Frame>;

class StreamParser : public meter::FrameScanner<StreamCodec>
{
public:
    explicit StreamParser(std::size_t maxBuffered = 8192)
        : FrameScanner(std::max<std::size_t>(maxBuffered, 4200))
    {
    }
};

} // namespace ms::dlt698
