#pragma once
// Streaming DL/T 698.45 frame parser (same contract as dlt645::StreamParser): skips FE and
// noise, checks HCS as soon as the header is in (so garbage with a huge L is dropped at once),
// reports broken frames and resynchronises one byte after their 68.
#include "meter/dlt698/frame.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace ms::dlt698 {

struct ParsedFrame
{
    Bytes raw;                                 // from 68 to 16
    std::optional<Frame> frame;                // good frame
    std::optional<meter::CodecError> rejected; // broken frame
};

class StreamParser
{
public:
    explicit StreamParser(std::size_t maxBuffered = 8192);

    std::vector<ParsedFrame> feed(ByteView bytes);
    bool hasPartialFrame() const;
    std::size_t bufferedBytes() const { return m_buffer.size(); }
    std::uint64_t discardedBytes() const { return m_discarded; }
    void reset();

private:
    Bytes m_buffer;
    std::size_t m_maxBuffered;
    std::uint64_t m_discarded = 0;
    std::size_t m_settled = 0; // buffer positions [1, m_settled) hold no frame (see parser.cpp)
};

} // namespace ms::dlt698
