#pragma once
// Q/GDW 1376.1 (and 376.1-2009) link frame, the concentrator's protocol on its maintenance port:
//   68 L L 68 | C | A1 A1 A2 A2 A3 | AFN | SEQ | {DA DT data}… | AUX | CS | 16
// L = L1·4 + 2 (protocol id 2), L1 counts C … end of AUX, CS sums the same bytes.
// Facts: Q/GDW 1376.1-2013 §4.3–§4.5 and what terminals in the field answer (a terminal
// identifies a reply by AFN and Fn, never by C). Standard library only.
// Frame::units holds the data units with AUX (PW / EC / Tp) already split off; encodeFrame adds
// them back, so a decoded frame re-encodes to the same bytes.
#include "meter/dlt645/common.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ms::gdw1376 {

using meter::Bytes;
using meter::ByteView;

// The terminal address: A1 行政区划码 (BCD, kept as the raw 16-bit value so 0x1101 prints
// "1101"), A2 终端地址 (binary 1…65535) and A3 (D0 group flag, D7–D1 master station address).
struct Address
{
    std::uint16_t area = 0;
    std::uint16_t terminal = 0;
    std::uint8_t a3 = 0x02; // MSA 1, not a group address: what a local tool sends

    // "AREA-TERMINAL" as the command line takes it ("1101-1234", terminal in decimal) or the
    // 8-character logical address ("110104D2", terminal as 4 hex digits). nullopt otherwise.
    static std::optional<Address> fromText(std::string_view text);
    // A1 = A2 = FFFF with the group flag: every terminal on the port (F89 discovery only).
    static Address broadcast();
    std::string areaText() const;    // "1101"
    std::string logicalText() const; // "110104D2"
    std::string displayText() const; // "1101-1234"
    bool isBroadcast() const { return terminal == 0xFFFF; }
    bool operator==(const Address &) const = default;
};

namespace control {
constexpr std::uint8_t Dir = 0x80;  // D7: 1 = uplink (sent by the terminal)
constexpr std::uint8_t Prm = 0x40;  // D6: 1 = from the initiating station
constexpr std::uint8_t Acd = 0x20;  // D5 uplink: an event is waiting (EC in AUX)
constexpr std::uint8_t Fcb = 0x20;  // D5 downlink
constexpr std::uint8_t Fcv = 0x10;  // D4 downlink
constexpr std::uint8_t FunctionMask = 0x0F;
constexpr std::uint8_t Reset = 0x41;       // PRM=1 function 1
constexpr std::uint8_t SetRequest = 0x4A;  // PRM=1 function 10: set, control (CON=1)
constexpr std::uint8_t DataRequest = 0x4B; // PRM=1 function 11: queries and data
constexpr std::uint8_t DataReply = 0x88;   // DIR=1 PRM=0 function 8
constexpr std::uint8_t ConfirmReply = 0x80;
constexpr std::uint8_t DenyReply = 0x89;
} // namespace control

namespace seqbits {
constexpr std::uint8_t TpV = 0x80; // a time label (Tp) closes AUX
constexpr std::uint8_t Fir = 0x40; // first frame of a reply
constexpr std::uint8_t Fin = 0x20; // last frame of a reply
constexpr std::uint8_t Con = 0x10; // the sender wants a confirmation
constexpr std::uint8_t SeqMask = 0x0F;
} // namespace seqbits

namespace afn {
constexpr std::uint8_t Confirm = 0x00;  // AFN 00: F1 confirmed, F2 denied, F3 per unit
constexpr std::uint8_t Reset = 0x01;
constexpr std::uint8_t LinkTest = 0x02; // login / logout / heartbeat from the terminal
constexpr std::uint8_t SetParameters = 0x04;
constexpr std::uint8_t QueryParameters = 0x0A;
constexpr std::uint8_t Class1Data = 0x0C;
constexpr std::uint8_t Class2Data = 0x0D;
} // namespace afn

constexpr int ProtocolId = 2;        // L's D1–D0 for this protocol (1 = Q/GDW 130-2005)
constexpr std::size_t MaxL1 = 16383; // L1 is 14 bits
constexpr std::size_t PasswordBytes = 16;
constexpr int InfraredPreambleBytes = 4; // FE before a frame on the infrared port

struct Frame
{
    std::uint8_t control = control::DataRequest;
    Address address;
    std::uint8_t afn = 0;
    std::uint8_t seq = seqbits::Fir | seqbits::Fin;
    Bytes units; // DA DT data … (AUX split off)
    std::optional<std::array<std::uint8_t, PasswordBytes>> password; // PW, downlink AFN 01/04/05/06/0F/10
    std::optional<std::array<std::uint8_t, 2>> eventCounter; // EC1 EC2, uplink with ACD=1
    std::optional<std::array<std::uint8_t, 6>> timeLabel;    // Tp: PFC, ss mm hh DD, delay (TpV=1)

    bool isUplink() const { return control & control::Dir; }
    std::uint8_t function() const { return control & control::FunctionMask; }
    int sequence() const { return seq & seqbits::SeqMask; } // PSEQ (request) / RSEQ (reply)
    bool first() const { return seq & seqbits::Fir; }
    bool last() const { return seq & seqbits::Fin; }
    bool operator==(const Frame &) const = default;
};

// Downlink AFNs whose AUX carries the 16-byte password.
bool carriesPassword(std::uint8_t afn);

// Whole frame on the wire: `preambleBytes` × FE, then 68 … 16. The AUX parts present in `frame`
// are written in the standard's order (PW or EC, then Tp); the control and SEQ bits are written
// as given (the caller keeps ACD/TpV consistent with eventCounter/timeLabel).
Bytes encodeFrame(const Frame &frame, int preambleBytes = 0);

// Exactly one frame: leading FE bytes allowed, nothing after the 16 end byte. A frame whose
// protocol id is not 2 is refused (Fault::OtherProtocol: Q/GDW 130-2005 frames exist).
// Faults: Empty, Garbage, OtherProtocol, BadLength, Truncated, BadChecksum, BadEnd,
// TrailingBytes, BadData (AUX longer than the application layer).
meter::Outcome<Frame> decodeFrame(ByteView bytes);

// Checks a candidate starting at bytes[0] == 0x68: the frame length when complete and valid,
// 0 when more bytes are needed, or an error. For the stream parser, tests and fuzzing.
meter::Outcome<std::size_t> checkFrameAt(ByteView bytes);

// DA (pn) and DT (Fn) as two bytes each (Q/GDW 1376.1 §4.3.4.4).
constexpr int AllPoints = 0xFFFF; // DA FF 00: every valid measuring point (2013)
std::array<std::uint8_t, 2> encodePoint(int pn); // 0 → 00 00; 1…2040
std::array<std::uint8_t, 2> encodeFunction(int fn); // 1…248
// The points / functions a DA / DT names, ascending. Empty when the bytes name none or are
// invalid (DA2 = 0 with DA1 other than 00 or FF, DT1 = 0).
std::vector<int> pointsOf(std::uint8_t da1, std::uint8_t da2);
std::vector<int> functionsOf(std::uint8_t dt1, std::uint8_t dt2);

} // namespace ms::gdw1376
