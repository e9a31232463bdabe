#pragma once
// DL/T 698.45 link frame: [FE×n] 68 L(2 LE) C AF SA CA HCS(2) APDU FCS(2) 16.
// L (14 bits) counts L..FCS; HCS covers L..CA, FCS covers L..APDU; both CRC-16/X-25, low byte first.
#include "meter/dlt645/common.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ms::dlt698 {

using meter::Bytes;
using meter::ByteView;

// CRC-16/X-25: reflected poly 0x8408, init 0xFFFF, xor-out 0xFFFF ("123456789" → 0x906E).
std::uint16_t crc16x25(ByteView bytes);

// Server address (SA) with the AF byte's type and logical address.
struct ServerAddress
{
    enum class Type : std::uint8_t { Single = 0, Wildcard = 1, Group = 2, Broadcast = 3 };
    Type type = Type::Single;
    std::uint8_t logical = 0; // AF bits 5..4
    Bytes wire;               // 1..16 bytes, low byte first (BCD; non-BCD kept)

    static ServerAddress single(std::string_view text); // see fromText; invalid → empty wire
    static ServerAddress wildcard(); // AF=45, SA = AA×6: the unknown meter on the bus answers
    // 2..32 hex digits MSD first (odd counts get a leading 0). nullopt for non-hex text.
    static std::optional<ServerAddress> fromText(std::string_view text,
                                                 Type type = Type::Single);
    std::string toText() const;  // hex digits MSD first, e.g. "201605190907"
    std::uint8_t af() const;     // type << 6 | logical << 4 | (len − 1)
    bool operator==(const ServerAddress &) const = default;
};

namespace control {
constexpr std::uint8_t DirBit = 0x80;       // D7: 1 = sent by the server (meter)
constexpr std::uint8_t PrmBit = 0x40;       // D6: 1 = initiated by this side
constexpr std::uint8_t SegmentedBit = 0x20; // D5: APDU fragment (not supported yet)
constexpr std::uint8_t ScrambleBit = 0x08;  // D3: scrambling code
constexpr std::uint8_t FunctionMask = 0x07; // 1 link management, 3 user data
constexpr std::uint8_t ClientRequest = 0x43;
constexpr std::uint8_t ServerReply = 0xC3;
} // namespace control

constexpr int WakePreambleBytes = 4;

struct Frame
{
    std::uint8_t control = control::ClientRequest;
    ServerAddress server;
    std::uint8_t client = 0; // CA
    Bytes apdu;

    bool fromServer() const { return control & control::DirBit; }
    bool segmented() const { return control & control::SegmentedBit; }
    bool operator==(const Frame &) const = default;
};

Bytes encodeFrame(const Frame &frame, int preambleBytes = WakePreambleBytes);

// Exactly one frame, leading FE allowed, nothing after 16.
// Faults: Empty, Garbage, Truncated, BadLength, BadHeaderCrc, BadFrameCrc, BadEnd, TrailingBytes.
// A segmented frame decodes here (so it can be recognised); decodeApdu refuses it.
meter::Outcome<Frame> decodeFrame(ByteView bytes);

// Candidate starting at bytes[0] == 0x68: frame length when complete and valid, 0 when more
// bytes are needed (the HCS is checked as soon as the header is in), or an error.
meter::Outcome<std::size_t> checkFrameAt(ByteView bytes);

// True when `bytes` (after any FE) look like a 698.45 header rather than 645 or 376.1:
// 8th byte of a 645 frame is 68, 376.1 repeats L and has 68 at offset 5.
bool looksLike698(ByteView bytes);

} // namespace ms::dlt698
