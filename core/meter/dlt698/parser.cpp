#include "meter/dlt698/parser.h"

#include <algorithm>

namespace ms::dlt698 {

namespace {
constexpr std::uint8_t Start = 0x68;

std::size_t declaredLength(ByteView b)
{
    return b.size() < 3 ? b.size() : std::size_t((b[1] | b[2] << 8) & 0x3FFF) + 2;
}

// The header (through HCS) is in and its CRC is right: a real frame has started.
bool headerComplete(ByteView b)
{
    if (b.size() < 5)
        return false;
    const std::size_t headerEnd = 6 + std::size_t(b[4] & 0x0F) + 1 + 2;
    if (b.size() < headerEnd)
        return false;
    const std::uint16_t hcs = crc16x25(b.subspan(1, headerEnd - 3));
    return hcs == std::uint16_t(b[headerEnd - 2] | b[headerEnd - 1] << 8);
}

// A complete, valid frame starting at some 68 at or after `from`; returns its offset and length.
// `settled`: positions below it already had a final "no frame" verdict in an earlier scan (their
// bytes cannot change), so each byte is checked a bounded number of times however it arrives.
std::optional<std::pair<std::size_t, std::size_t>> findCompleteFrame(ByteView buffer,
                                                                     std::size_t from,
                                                                     std::size_t &settled)
{
    std::optional<std::size_t> firstIncomplete;
    for (std::size_t i = std::max(from, settled); i < buffer.size(); ++i) {
        if (buffer[i] != Start)
            continue;
        const auto checked = checkFrameAt(buffer.subspan(i));
        if (checked && *checked > 0)
            return std::pair{i, *checked};
        if (checked && !firstIncomplete)
            firstIncomplete = i;
    }
    settled = firstIncomplete.value_or(buffer.size());
    return std::nullopt;
}
} // namespace

StreamParser::StreamParser(std::size_t maxBuffered) : m_maxBuffered(std::max<std::size_t>(maxBuffered, 4200))
{
}

std::vector<ParsedFrame> StreamParser::feed(ByteView bytes)
{
    std::vector<ParsedFrame> out;
    m_buffer.insert(m_buffer.end(), bytes.begin(), bytes.end());
    const auto drop = [this](std::size_t n) {
        m_buffer.erase(m_buffer.begin(), m_buffer.begin() + std::ptrdiff_t(n));
        m_settled = m_settled > n ? m_settled - n : 0;
    };
    while (!m_buffer.empty()) {
        const auto start = std::find(m_buffer.begin(), m_buffer.end(), Start);
        const auto skipped = std::size_t(start - m_buffer.begin());
        m_discarded += skipped;
        drop(skipped);
        if (m_buffer.empty())
            break;
        const ByteView view(m_buffer);
        const auto checked = checkFrameAt(view);
        if (!checked) {
            const meter::Fault fault = checked.error().fault;
            if (fault == meter::Fault::BadFrameCrc || fault == meter::Fault::BadEnd) {
                // header CRC was right: a broken frame, not noise
                const std::size_t length = std::min<std::size_t>(view.size(), declaredLength(view));
                out.push_back(ParsedFrame{Bytes(view.begin(), view.begin() + std::ptrdiff_t(length)),
                                          std::nullopt, checked.error()});
            }
            ++m_discarded;
            drop(1); // noise or broken: resync one byte after this 68
            continue;
        }
        if (*checked > 0) {
            Bytes raw(view.begin(), view.begin() + std::ptrdiff_t(*checked));
            auto frame = decodeFrame(raw);
            out.push_back(ParsedFrame{std::move(raw), std::move(frame).value(), std::nullopt});
            drop(*checked);
            continue;
        }
        // Incomplete. If a complete good frame already sits behind it, this candidate was a
        // half frame (or noise that looked like a header): report it and move on.
        if (const auto later = findCompleteFrame(view, 1, m_settled)) {
            const std::size_t head = later->first;
            if (headerComplete(view)) {
                out.push_back(ParsedFrame{Bytes(view.begin(), view.begin() + std::ptrdiff_t(head)),
                                          std::nullopt,
                                          meter::codecError(meter::Fault::Truncated,
                                                            "frame cut off by the next frame")});
            }
            m_discarded += head;
            drop(head);
            continue;
        }
        break; // wait for more bytes
    }
    if (m_buffer.size() > m_maxBuffered) {
        const std::size_t excess = m_buffer.size() - m_maxBuffered;
        m_discarded += excess;
        drop(excess);
    }
    return out;
}

bool StreamParser::hasPartialFrame() const
{
    return !m_buffer.empty() && m_buffer.front() == Start;
}

void StreamParser::reset()
{
    m_buffer.clear();
    m_settled = 0;
}

} // namespace ms::dlt698
