#include "meter/dlt645/frame.h"

#include <algorithm>

namespace ms::dlt645 {

using meter::codecError;
using meter::Fault;

namespace {
constexpr std::uint8_t Start = 0x68;
constexpr std::uint8_t End = 0x16;
constexpr std::uint8_t Preamble = 0xFE;
constexpr std::uint8_t Offset = 0x33;
constexpr std::size_t Overhead = 12; // 68 A×6 68 C L CS 16

std::string hexByte(std::uint8_t b)
{
    return meter::toHex(ByteView(&b, 1));
}
} // namespace

meter::Protocol protocolOf(Version version)
{
    return version == Version::V1997 ? meter::Protocol::Dlt645_1997 : meter::Protocol::Dlt645_2007;
}

Address Address::wildcard()
{
    Address a;
    a.wire.fill(0xAA);
    return a;
}

Address Address::broadcast()
{
    Address a;
    a.wire.fill(0x99);
    return a;
}

std::optional<Address> Address::fromText(std::string_view text)
{
    if (text.empty() || text.size() > 12)
        return std::nullopt;
    std::string padded(12 - text.size(), '0');
    padded.append(text);
    const auto bytes = meter::fromHex(padded);
    if (!bytes || bytes->size() != 6)
        return std::nullopt;
    Address a;
    std::reverse_copy(bytes->begin(), bytes->end(), a.wire.begin());
    return a;
}

std::string Address::toText() const
{
    std::array<std::uint8_t, 6> msdFirst{};
    std::reverse_copy(wire.begin(), wire.end(), msdFirst.begin());
    return meter::toHex(msdFirst);
}

bool Address::isWildcard() const
{
    return std::all_of(wire.begin(), wire.end(), [](std::uint8_t b) { return b == 0xAA; });
}

bool Address::isBroadcast() const
{
    return std::all_of(wire.begin(), wire.end(), [](std::uint8_t b) { return b == 0x99; });
}

std::optional<Version> versionOf(const Frame &frame)
{
    const std::uint8_t f = frame.function();
    if (f == control::BroadcastTime || (f >= control::Read && f <= control::RemoteControl))
        return Version::V2007;
    switch (f) {
    case control::Read1997:
    case control::ReadFollowUp1997:
    case 0x03: // 1997 "re-read" (重读数据)
    case control::Write1997:
    case control::WriteAddress1997:
    case control::ChangeBaud1997:
    case 0x0F: // 1997 change password
    case 0x10: // 1997 clear max demand
        return Version::V1997;
    default:
        return std::nullopt;
    }
}

Bytes encodeFrame(const Frame &frame, int preambleBytes)
{
    const std::size_t length = std::min(frame.data.size(), MaxDataLength);
    Bytes out;
    out.reserve(std::size_t(std::max(preambleBytes, 0)) + Overhead + length);
    out.insert(out.end(), std::size_t(std::max(preambleBytes, 0)), Preamble);
    const std::size_t start = out.size();
    out.push_back(Start);
    out.insert(out.end(), frame.address.wire.begin(), frame.address.wire.end());
    out.push_back(Start);
    out.push_back(frame.control);
    out.push_back(std::uint8_t(length));
    for (std::size_t i = 0; i < length; ++i)
        out.push_back(std::uint8_t(frame.data[i] + Offset));
    std::uint8_t cs = 0;
    for (std::size_t i = start; i < out.size(); ++i)
        cs = std::uint8_t(cs + out[i]);
    out.push_back(cs);
    out.push_back(End);
    return out;
}

meter::Outcome<std::size_t> checkFrameAt(ByteView bytes)
{
    if (bytes.empty() || bytes[0] != Start)
        return codecError(Fault::Garbage, "frame does not start with 68");
    if (bytes.size() < 8)
        return std::size_t(0);
    if (bytes[7] != Start)
        return codecError(Fault::Garbage,
                          "byte 8 is " + hexByte(bytes[7]) + ", a DL/T 645 frame has 68 there");
    if (bytes.size() < 10)
        return std::size_t(0);
    const std::size_t length = Overhead + bytes[9];
    if (bytes.size() < length)
        return std::size_t(0);
    std::uint8_t cs = 0;
    for (std::size_t i = 0; i < length - 2; ++i)
        cs = std::uint8_t(cs + bytes[i]);
    if (cs != bytes[length - 2])
        return codecError(Fault::BadChecksum, "checksum byte is " + hexByte(bytes[length - 2])
                                                  + " but the frame sums to " + hexByte(cs));
    if (bytes[length - 1] != End)
        return codecError(Fault::BadEnd, "end byte is " + hexByte(bytes[length - 1])
                                             + ", expected 16");
    return length;
}

meter::Outcome<Frame> decodeFrame(ByteView bytes)
{
    std::size_t pos = 0;
    while (pos < bytes.size() && bytes[pos] == Preamble)
        ++pos;
    if (bytes.empty())
        return codecError(Fault::Empty, "no bytes");
    if (pos == bytes.size())
        return codecError(Fault::Truncated, "only FE preamble bytes, no frame");
    const ByteView rest = bytes.subspan(pos);
    auto checked = checkFrameAt(rest);
    if (!checked)
        return checked.error();
    if (*checked == 0) {
        const std::size_t need = rest.size() >= 10 ? Overhead + rest[9] : Overhead;
        return codecError(Fault::Truncated, "frame has " + std::to_string(rest.size())
                                                + " bytes, needs " + std::to_string(need));
    }
    if (*checked != rest.size())
        return codecError(Fault::TrailingBytes,
                          std::to_string(rest.size() - *checked) + " bytes after the end byte 16");
    Frame frame;
    std::copy(rest.begin() + 1, rest.begin() + 7, frame.address.wire.begin());
    frame.control = rest[8];
    const std::size_t length = rest[9];
    frame.data.reserve(length);
    for (std::size_t i = 0; i < length; ++i)
        frame.data.push_back(std::uint8_t(rest[10 + i] - Offset));
    return frame;
}

} // namespace ms::dlt645
