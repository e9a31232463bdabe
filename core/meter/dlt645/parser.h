#pragma once
// Streaming DL/T 645 frame parser: feed bytes as the port delivers them, get complete frames.
// Skips FE preambles and noise; a candidate that fails (bad checksum, bad end byte) is reported
// as rejected and scanning resumes one byte after its 68, so a good frame right behind (or
// inside) a broken one is still found.
#include "meter/dlt645/frame.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace ms::dlt645 {

struct ParsedFrame
{
    Bytes raw;                             // the frame's bytes from 68 to 16 (no preamble)
    std::optional<Frame> frame;            // set for a good frame
    std::optional<meter::CodecError> rejected; // set for a broken frame (raw = its candidate bytes)
};

class StreamParser
{
public:
    explicit StreamParser(std::size_t maxBuffered = 4096);

    // Returns the frames (good and rejected) completed by these bytes, in order.
    std::vector<ParsedFrame> feed(ByteView bytes);

    // A frame has started (68 seen, structure plausible so far) but is not complete:
    // after a reply timeout this means "half a frame, then silence".
    bool hasPartialFrame() const;
    std::size_t bufferedBytes() const { return m_buffer.size(); }
    std::uint64_t discardedBytes() const { return m_discarded; } // noise + FE skipped so far
    void reset(); // drop the buffer (e.g. before a new request)

private:
    Bytes m_buffer;
    std::size_t m_maxBuffered;
    std::uint64_t m_discarded = 0;
    std::size_t m_settled = 0; // buffer positions [1, m_settled) hold no frame (see parser.cpp)
};

} // namespace ms::dlt645
