#pragma once
// DL/T 645-2007 / -1997 requests and replies, in both directions:
//   master (MeterReader): encodeRead… → decodeReply
//   meter (simulator):    decodeRequest → encodeReadReply / encodeErrorReply / …
// All encoders return the complete wire bytes including the 4 × FE wake-up preamble.
#include "meter/dlt645/ditable.h"
#include "meter/dlt645/frame.h"

#include <optional>
#include <vector>

namespace ms::dlt645 {

// Error byte bits (after −0x33). 2007: see errorText; 1997 differs in bits 0–2.
namespace errorbits {
constexpr std::uint8_t Other = 0x01;           // 2007 其他错误 / 1997 非法数据
constexpr std::uint8_t NoRequestedData = 0x02; // 2007 无请求数据 / 1997 数据标识错
constexpr std::uint8_t Unauthorised = 0x04;    // 2007 密码错/未授权 / 1997 密码错
constexpr std::uint8_t BaudUnchangeable = 0x08;
constexpr std::uint8_t YearZonesExceeded = 0x10;
constexpr std::uint8_t DayPeriodsExceeded = 0x20;
constexpr std::uint8_t TariffsExceeded = 0x40;
} // namespace errorbits

// Chinese names of the set bits joined with "、", e.g. "无请求数据"; "无错误" for 0.
std::string errorText(Version version, std::uint8_t bits);
// 2007 bit1 and 1997 bit1 (DI unknown) both mean "this meter does not have that item".
bool meansNoRequestedData(std::uint8_t bits);

// 645 password level + password + operator code (2007 write/control); 1997 uses level+password.
struct Credentials
{
    std::uint8_t level = 0x02;       // PA
    std::uint32_t password = 0;      // P0..P2 (low 24 bits)
    std::uint32_t operatorCode = 0;  // C0..C3
};

// ---- master side -------------------------------------------------------------------------
Bytes encodeRead(Version version, const Address &address, std::uint32_t di);
// 2007 sends DI + SEQ (frame number of the follow-up, starting at 1); 1997 sends DI only.
Bytes encodeReadFollowUp(Version version, const Address &address, std::uint32_t di,
                         std::uint8_t seq = 1);
Bytes encodeReadAddress(); // 2007: 68 AA×6 68 13 00 DF 16 — the only meter on the bus answers
// Broadcast time to 99…99 (no reply). Data is ss mm hh DD MM YY on the wire (meter firmware).
Bytes encodeBroadcastTime(const meter::DateTime &time);
// Write `value` (already in the item's wire format without +0x33; see encodeItemData).
Bytes encodeWrite(Version version, const Address &address, std::uint32_t di, ByteView value,
                  const Credentials &credentials = {});

struct Reply
{
    enum class Kind {
        Data,    // 91/B1 (2007), 81/A1 (1997): DI + values
        Address, // 93: the meter's address
        Error,   // D1/C1/C4/…: error byte
        Ack,     // normal reply without data (write 94, control 9C, 84, …)
        Other,   // a normal reply to another function: payload kept raw
    };
    Version version = Version::V2007;
    Address address;
    std::uint8_t control = 0;
    Kind kind = Kind::Other;
    std::optional<std::uint32_t> di;     // Data
    std::uint8_t seq = 0;                // 2007 follow-up reply frame number (0 if absent)
    Bytes payload;                       // data after the DI (Data) or the whole data (Other)
    std::vector<meter::Value> values;    // Data: named values; Address: the address as text
    std::uint8_t errorBits = 0;          // Error
    bool moreFollows = false;

    bool noRequestedData() const { return kind == Kind::Error && meansNoRequestedData(errorBits); }
};

// Decode a reply frame (control D7 set). Version comes from the function code.
// Faults: Garbage (not a reply / unknown function), BadData (data too short for the DI / item).
meter::Outcome<Reply> decodeReply(const Frame &frame);

// ---- meter side (simulator) --------------------------------------------------------------
struct Request
{
    enum class Kind { Read, ReadFollowUp, ReadAddress, BroadcastTime, Write, WriteAddress,
                      RemoteControl, Other };
    Version version = Version::V2007;
    Address address;
    std::uint8_t control = 0;
    Kind kind = Kind::Other;
    std::optional<std::uint32_t> di;     // Read, ReadFollowUp, Write
    std::uint8_t seq = 0;                // 2007 ReadFollowUp
    std::optional<Credentials> credentials; // Write, RemoteControl
    std::optional<meter::DateTime> time; // BroadcastTime; RemoteControl expiry
    std::uint8_t command = 0;            // RemoteControl N1 (1A trip, 1B allow close, …)
    Bytes payload;                       // Write value / WriteAddress new address / Other data
};

// Decode a request frame (control D7 clear). Faults: Garbage, BadData.
meter::Outcome<Request> decodeRequest(const Frame &frame);

// Normal read reply: 91 (2007) or 81 (1997); B1/A1 when `moreFollows`. `itemData` is the item's
// bytes without +0x33 (see encodeItemData). 2007 follow-up replies append `seq` when non-zero.
Bytes encodeReadReply(Version version, const Address &address, std::uint32_t di,
                      ByteView itemData, bool moreFollows = false, std::uint8_t seq = 0);
// Error reply to `requestControl` (D1 for 11, C1 for 01, …) with the error byte.
Bytes encodeErrorReply(const Address &address, std::uint8_t requestControl, std::uint8_t bits);
Bytes encodeAddressReply(const Address &address);               // 93 06 <address>
Bytes encodeAck(const Address &address, std::uint8_t requestControl); // e.g. 94 00, 9C 00

// ---- protocol-neutral view (meterswapctl frame decode, evidence display) -----------------
// Any valid frame (request or reply) as a Message; DI / values / error filled where defined.
meter::Outcome<meter::Message> describe(const Frame &frame);

} // namespace ms::dlt645
