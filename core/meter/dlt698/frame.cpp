#include "meter/dlt698/frame.h"

#include <algorithm>

namespace ms::dlt698 {

using meter::codecError;
using meter::Fault;

namespace {
constexpr std::uint8_t Start = 0x68;
constexpr std::uint8_t End = 0x16;
constexpr std::uint8_t Preamble = 0xFE;
constexpr std::size_t MaxFrame = 4096; // L counts bytes when bit 14 is clear; keep it sane

std::string hex16(std::uint16_t v)
{
    const std::uint8_t b[2] = {std::uint8_t(v >> 8), std::uint8_t(v)};
    return meter::toHex(b);
}

struct Header
{
    std::size_t saLength = 0;
    std::size_t headerEnd = 0; // index of the first APDU byte
    std::size_t total = 0;     // 68 … 16
};

// Validates what is there; 0 total means "need more bytes".
meter::Outcome<Header> checkHeader(ByteView b)
{
    Header h;
    if (b.size() < 5)
        return h;
    const std::uint16_t l = std::uint16_t(b[1] | b[2] << 8);
    if (l & 0x8000)
        return codecError(Fault::BadLength, "reserved bit 15 of the length field is set");
    if (l & 0x4000)
        return codecError(Fault::Unsupported, "length unit is kilobytes (L bit 14 set)");
    const std::size_t length = l & 0x3FFF;
    h.saLength = std::size_t(b[4] & 0x0F) + 1;
    h.headerEnd = 6 + h.saLength + 2; // 68 L L C AF SA… CA HCS HCS
    if (length + 2 > MaxFrame)
        return codecError(Fault::BadLength, "length field " + std::to_string(length)
                                                + " is larger than any meter frame");
    if (length + 2 < h.headerEnd + 3)
        return codecError(Fault::BadLength, "length field " + std::to_string(length)
                                                + " is shorter than the frame header");
    if (b.size() < h.headerEnd)
        return h;
    const std::uint16_t hcs = crc16x25(b.subspan(1, h.headerEnd - 3));
    const std::uint16_t got = std::uint16_t(b[h.headerEnd - 2] | b[h.headerEnd - 1] << 8);
    if (hcs != got)
        return codecError(Fault::BadHeaderCrc,
                          "header CRC is " + hex16(got) + " but the header gives " + hex16(hcs));
    h.total = length + 2;
    return h;
}
} // namespace

std::uint16_t crc16x25(ByteView bytes)
{
    std::uint16_t crc = 0xFFFF;
    for (std::uint8_t b : bytes) {
        crc ^= b;
        for (int i = 0; i < 8; ++i)
            crc = (crc & 1) ? std::uint16_t((crc >> 1) ^ 0x8408) : std::uint16_t(crc >> 1);
    }
    return std::uint16_t(crc ^ 0xFFFF);
}

ServerAddress ServerAddress::single(std::string_view text)
{
    return fromText(text).value_or(ServerAddress{});
}

ServerAddress ServerAddress::wildcard()
{
    ServerAddress a;
    a.type = Type::Wildcard;
    a.wire.assign(6, 0xAA);
    return a;
}

std::optional<ServerAddress> ServerAddress::fromText(std::string_view text, Type type)
{
    if (text.empty() || text.size() > 32)
        return std::nullopt;
    std::string padded = text.size() % 2 ? "0" + std::string(text) : std::string(text);
    auto bytes = meter::fromHex(padded);
    if (!bytes || bytes->size() * 2 != padded.size())
        return std::nullopt;
    ServerAddress a;
    a.type = type;
    a.wire.assign(bytes->rbegin(), bytes->rend());
    return a;
}

std::string ServerAddress::toText() const
{
    Bytes msdFirst(wire.rbegin(), wire.rend());
    return meter::toHex(msdFirst);
}

std::uint8_t ServerAddress::af() const
{
    const std::size_t len = std::clamp<std::size_t>(wire.size(), 1, 16);
    return std::uint8_t(std::uint8_t(type) << 6 | (logical & 0x03) << 4 | (len - 1));
}

Bytes encodeFrame(const Frame &frame, int preambleBytes)
{
    Bytes sa = frame.server.wire;
    if (sa.empty())
        sa.push_back(0);
    if (sa.size() > 16)
        sa.resize(16);
    const std::size_t length = 2 + 1 + 1 + sa.size() + 1 + 2 + frame.apdu.size() + 2;
    Bytes out(std::size_t(std::max(preambleBytes, 0)), Preamble);
    const std::size_t start = out.size();
    out.push_back(Start);
    out.push_back(std::uint8_t(length));
    out.push_back(std::uint8_t((length >> 8) & 0x3F));
    out.push_back(frame.control);
    ServerAddress server = frame.server;
    server.wire = sa;
    out.push_back(server.af());
    out.insert(out.end(), sa.begin(), sa.end());
    out.push_back(frame.client);
    const std::uint16_t hcs = crc16x25(ByteView(out).subspan(start + 1));
    out.push_back(std::uint8_t(hcs));
    out.push_back(std::uint8_t(hcs >> 8));
    out.insert(out.end(), frame.apdu.begin(), frame.apdu.end());
    const std::uint16_t fcs = crc16x25(ByteView(out).subspan(start + 1));
    out.push_back(std::uint8_t(fcs));
    out.push_back(std::uint8_t(fcs >> 8));
    out.push_back(End);
    return out;
}

meter::Outcome<std::size_t> checkFrameAt(ByteView bytes)
{
    if (bytes.empty() || bytes[0] != Start)
        return codecError(Fault::Garbage, "frame does not start with 68");
    auto header = checkHeader(bytes);
    if (!header)
        return header.error();
    if (header->total == 0 || bytes.size() < header->total)
        return std::size_t(0);
    const std::size_t total = header->total;
    const std::uint16_t fcs = crc16x25(bytes.subspan(1, total - 4));
    const std::uint16_t got = std::uint16_t(bytes[total - 3] | bytes[total - 2] << 8);
    if (fcs != got)
        return codecError(Fault::BadFrameCrc,
                          "frame CRC is " + hex16(got) + " but the frame gives " + hex16(fcs));
    if (bytes[total - 1] != End)
        return codecError(Fault::BadEnd, "end byte is "
                                             + meter::toHex(bytes.subspan(total - 1, 1))
                                             + ", expected 16");
    return total;
}

meter::Outcome<Frame> decodeFrame(ByteView bytes)
{
    if (bytes.empty())
        return codecError(Fault::Empty, "no bytes");
    std::size_t pos = 0;
    while (pos < bytes.size() && bytes[pos] == Preamble)
        ++pos;
    if (pos == bytes.size())
        return codecError(Fault::Truncated, "only FE preamble bytes, no frame");
    const ByteView rest = bytes.subspan(pos);
    auto checked = checkFrameAt(rest);
    if (!checked)
        return checked.error();
    if (*checked == 0) {
        const std::size_t need = rest.size() >= 3 ? std::size_t((rest[1] | rest[2] << 8) & 0x3FFF) + 2
                                                  : std::size_t(12);
        return codecError(Fault::Truncated, "frame has " + std::to_string(rest.size())
                                                + " bytes, its length field says "
                                                + std::to_string(need));
    }
    if (*checked != rest.size())
        return codecError(Fault::TrailingBytes,
                          std::to_string(rest.size() - *checked) + " bytes after the end byte 16");
    Frame f;
    f.control = rest[3];
    const std::uint8_t af = rest[4];
    const std::size_t saLength = std::size_t(af & 0x0F) + 1;
    f.server.type = ServerAddress::Type(af >> 6);
    f.server.logical = (af >> 4) & 0x03;
    f.server.wire.assign(rest.begin() + 5, rest.begin() + 5 + std::ptrdiff_t(saLength));
    f.client = rest[5 + saLength];
    const std::size_t apduStart = 5 + saLength + 3;
    f.apdu.assign(rest.begin() + std::ptrdiff_t(apduStart), rest.end() - 3);
    return f;
}

bool looksLike698(ByteView bytes)
{
    std::size_t pos = 0;
    while (pos < bytes.size() && bytes[pos] == Preamble)
        ++pos;
    const ByteView b = bytes.subspan(pos);
    if (b.size() < 8 || b[0] != Start)
        return false;
    if (b[5] == Start && b[1] == b[3] && b[2] == b[4])
        return false; // Q/GDW 376.1: 68 L L 68
    const auto header = checkHeader(b);
    if (header && header->total > 0)
        return true; // header CRC right: certainly 698
    if (b[7] == Start)
        return false; // DL/T 645: 68 A0..A5 68
    return header.ok() || header.error().fault == Fault::BadHeaderCrc;
}

} // namespace ms::dlt698
