#pragma once
// DL/T 645-2007 / -1997 link frame: [FE×n] 68 A0..A5 68 C L DATA CS 16.
// Frame::data holds the data field with the +0x33 offset already removed; encodeFrame adds it.
#include "meter/dlt645/common.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ms::dlt645 {

using meter::Bytes;
using meter::ByteView;

enum class Version { V2007, V1997 };
meter::Protocol protocolOf(Version version);

// 6-byte meter address. `wire` is in wire order (least significant byte first); text is most
// significant digit first as printed on the nameplate. Non-BCD bytes are kept as they are
// (a real meter answers 3A2107000481): text shows them as hex digits.
struct Address
{
    std::array<std::uint8_t, 6> wire{};

    static Address wildcard();  // AA AA AA AA AA AA: the only meter on the bus answers
    static Address broadcast(); // 99 99 99 99 99 99: broadcast time / freeze, no reply
    // 1..12 hex digits, MSD first; fewer than 12 are left-padded with 0. nullopt otherwise.
    static std::optional<Address> fromText(std::string_view text);
    std::string toText() const; // 12 upper-case hex digits, MSD first
    bool isWildcard() const;
    bool isBroadcast() const;
    bool operator==(const Address &) const = default;
};

namespace control {
constexpr std::uint8_t ReplyBit = 0x80;  // D7: sent by the meter
constexpr std::uint8_t ErrorBit = 0x40;  // D6: error reply
constexpr std::uint8_t FollowBit = 0x20; // D5: more frames follow
constexpr std::uint8_t FunctionMask = 0x1F;
// DL/T 645-2007 functions
constexpr std::uint8_t BroadcastTime = 0x08;
constexpr std::uint8_t Read = 0x11;
constexpr std::uint8_t ReadFollowUp = 0x12;
constexpr std::uint8_t ReadAddress = 0x13;
constexpr std::uint8_t Write = 0x14;
constexpr std::uint8_t WriteAddress = 0x15;
constexpr std::uint8_t Freeze = 0x16;
constexpr std::uint8_t ChangeBaud = 0x17;
constexpr std::uint8_t ChangePassword = 0x18;
constexpr std::uint8_t ClearDemand = 0x19;
constexpr std::uint8_t ClearMeter = 0x1A;
constexpr std::uint8_t ClearEvents = 0x1B;
constexpr std::uint8_t RemoteControl = 0x1C;
// DL/T 645-1997 functions (0x08 broadcast time is shared)
constexpr std::uint8_t Read1997 = 0x01;
constexpr std::uint8_t ReadFollowUp1997 = 0x02;
constexpr std::uint8_t Write1997 = 0x04;
constexpr std::uint8_t WriteAddress1997 = 0x0A;
constexpr std::uint8_t ChangeBaud1997 = 0x0C;
} // namespace control

constexpr int WakePreambleBytes = 4; // masters send FE FE FE FE before every frame
constexpr std::size_t MaxDataLength = 255;

struct Frame
{
    Address address;
    std::uint8_t control = 0;
    Bytes data; // 0x33 removed

    bool isReply() const { return control & control::ReplyBit; }
    bool isErrorReply() const { return isReply() && (control & control::ErrorBit); }
    bool moreFollows() const { return isReply() && (control & control::FollowBit); }
    std::uint8_t function() const { return control & control::FunctionMask; }
    bool operator==(const Frame &) const = default;
};

// Which version a frame belongs to, from its function code (0x01..0x0C → 1997, 0x08 and
// 0x11..0x1F → 2007). nullopt for a function neither version defines.
std::optional<Version> versionOf(const Frame &frame);

// Whole frame on the wire: `preambleBytes` × FE, then 68 … 16. Data longer than 255 bytes is a
// programming error and is truncated to 255.
Bytes encodeFrame(const Frame &frame, int preambleBytes = WakePreambleBytes);

// Exactly one frame: leading FE bytes allowed, nothing after the 16 end byte.
// Faults: Empty, Garbage, Truncated, BadChecksum, BadEnd, TrailingBytes.
meter::Outcome<Frame> decodeFrame(ByteView bytes);

// Checks a candidate that starts at bytes[0] == 0x68. Returns the frame length in bytes when the
// structure is complete and valid, 0 when more bytes are needed, or an error.
// Used by StreamParser; exposed for tests and fuzzing.
meter::Outcome<std::size_t> checkFrameAt(ByteView bytes);

} // namespace ms::dlt645
