#pragma once
// The stream scan shared by the DL/T 645 and DL/T 698.45 parsers: bytes arrive in any split,
// noise and preambles are skipped, a candidate that fails its checks is reported as rejected and
// scanning resumes one byte after its 68, so a good frame right behind (or inside) a broken one
// is still found. What differs per protocol comes from the Codec:
//
//   struct Codec {
//       using Frame = ...;
//       static Outcome<std::size_t> checkFrameAt(ByteView);   // 0 = incomplete so far
//       static Outcome<Frame> decodeFrame(ByteView);
//       // Length to report for a candidate that failed with `e`, or nullopt when it was noise.
//       static std::optional<std::size_t> brokenLength(ByteView, const CodecError &e);
//       // An incomplete candidate had really started (cut off by the next frame, not noise).
//       static bool hadStarted(ByteView);
//   };
#include "meter/dlt645/common.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace ms::meter {

template<typename Frame>
struct ScannedFrame
{
    Bytes raw;                      // the frame's bytes from 68 to 16 (no preamble)
    std::optional<Frame> frame;     // set for a good frame
    std::optional<CodecError> rejected; // set for a broken frame (raw = its candidate bytes)
};

template<typename Codec>
class FrameScanner
{
public:
    using Parsed = ScannedFrame<typename Codec::Frame>;
    static constexpr std::uint8_t Start = 0x68;

    explicit FrameScanner(std::size_t maxBuffered) : m_maxBuffered(maxBuffered) {}

    std::vector<Parsed> feed(ByteView bytes)
    {
        std::vector<Parsed> out;
        m_buffer.insert(m_buffer.end(), bytes.begin(), bytes.end());
        while (!m_buffer.empty()) {
            const auto start = std::find(m_buffer.begin(), m_buffer.end(), Start);
            const auto skipped = std::size_t(start - m_buffer.begin());
            m_discarded += skipped;
            drop(skipped);
            if (m_buffer.empty())
                break;
            const ByteView view(m_buffer);
            const auto checked = Codec::checkFrameAt(view);
            if (!checked) {
                if (const auto length = Codec::brokenLength(view, checked.error()))
                    out.push_back(Parsed{head(view, std::min(view.size(), *length)), std::nullopt,
                                         checked.error()});
                ++m_discarded;
                drop(1); // noise or broken: resync one byte after this 68
                continue;
            }
            if (*checked > 0) {
                Bytes raw = head(view, *checked);
                auto frame = Codec::decodeFrame(raw);
                out.push_back(Parsed{std::move(raw), std::move(frame).value(), std::nullopt});
                drop(*checked);
                continue;
            }
            // Incomplete. If a complete good frame already sits behind it, this candidate was a
            // half frame (or noise that looked like a header): report it and move on.
            if (const auto later = findCompleteFrame(view, 1)) {
                const std::size_t at = later->first;
                if (Codec::hadStarted(view))
                    out.push_back(Parsed{head(view, at), std::nullopt,
                                         codecError(Fault::Truncated, "frame cut off by the next frame")});
                m_discarded += at;
                drop(at);
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

    bool hasPartialFrame() const { return !m_buffer.empty() && m_buffer.front() == Start; }
    std::size_t bufferedBytes() const { return m_buffer.size(); }
    std::uint64_t discardedBytes() const { return m_discarded; }
    void reset()
    {
        m_buffer.clear();
        m_settled = 0;
    }

private:
    static Bytes head(ByteView view, std::size_t n)
    {
        return Bytes(view.begin(), view.begin() + std::ptrdiff_t(n));
    }

    void drop(std::size_t n)
    {
        m_buffer.erase(m_buffer.begin(), m_buffer.begin() + std::ptrdiff_t(n));
        m_settled = m_settled > n ? m_settled - n : 0;
    }

    // A complete, valid frame starting at some 68 at or after `from`: its offset and length.
    // Positions below m_settled already had a final "no frame" verdict in an earlier scan (their
    // bytes cannot change), so each byte is checked a bounded number of times however it arrives.
    std::optional<std::pair<std::size_t, std::size_t>> findCompleteFrame(ByteView buffer,
                                                                         std::size_t from)
    {
        std::optional<std::size_t> firstIncomplete;
        for (std::size_t i = std::max(from, m_settled); i < buffer.size(); ++i) {
            if (buffer[i] != Start)
                continue;
            const auto checked = Codec::checkFrameAt(buffer.subspan(i));
            if (checked && *checked > 0)
                return std::pair{i, *checked};
            if (checked && !firstIncomplete)
                firstIncomplete = i;
        }
        m_settled = firstIncomplete.value_or(buffer.size());
        return std::nullopt;
    }

    Bytes m_buffer;
    std::size_t m_maxBuffered;
    std::uint64_t m_discarded = 0;
    std::size_t m_settled = 0; // buffer positions [1, m_settled) hold no frame
};

} // namespace ms::meter
