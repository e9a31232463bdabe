#pragma once
// Pieces shared by every meter codec (DL/T 645-2007, DL/T 645-1997, DL/T 698.45): byte buffers,
// hex text, protocol names, decoded values, the protocol-neutral "message" a decoded frame becomes,
// and codec errors. Standard library only (no Qt): the codecs are pure functions over bytes.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace ms::meter {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

// "68 AA 16" / "68AA16" style text. toHex: upper case; `separator` between bytes ("" or " ").
std::string toHex(ByteView bytes, std::string_view separator = {});
// Accepts upper/lower case, optional spaces/colons/dashes between bytes, optional "0x" prefix.
// nullopt for an odd number of digits or a non-hex character.
std::optional<Bytes> fromHex(std::string_view text);

enum class Protocol { Dlt645_2007, Dlt645_1997, Dlt698_45 };
// "dlt645-2007" | "dlt645-1997" | "dlt698.45" (the meterswapctl contract).
std::string_view protocolName(Protocol protocol);
// Accepts the names above plus "dlt698", "645-2007", "2007", "645-1997", "1997", "698".
std::optional<Protocol> protocolFromName(std::string_view name);

enum class Direction { Request, Response };

// One decoded quantity: a number with a fixed number of decimals (exact, no float rounding),
// or text (dates "YYYY-MM-DD", times "hh:mm:ss", date-times "YYYY-MM-DD hh:mm[:ss]", ASCII,
// digit strings such as a meter number), or Missing when the meter filled the field with
// non-BCD bytes (e.g. FFFF for an absent phase): then `text` holds the raw bytes as hex digits.
struct Value
{
    enum class Kind { Number, Text, Missing };
    std::string name;          // Chinese name, e.g. "正向有功总电能" or "正向有功电能 费率1"
    Kind kind = Kind::Text;
    std::int64_t scaled = 0;   // Number: value × 10^decimals
    int decimals = 0;          // Number: digits after the decimal point
    std::string text;          // Text / Missing
    std::string unit;          // "kWh", "V", "元", ...; empty when the value has none

    static Value number(std::string name, std::int64_t scaled, int decimals, std::string unit);
    static Value textValue(std::string name, std::string text, std::string unit = {});
    static Value missing(std::string name, std::string rawHex, std::string unit = {});

    double toDouble() const;    // Number only (0 otherwise)
    std::string toString() const; // Number as "112280.26" (decimals kept), Text/Missing as is
    bool operator==(const Value &) const = default;
};

// An error answer from the meter (645 error byte with the 0x33 removed, or a 698 DAR).
struct MeterError
{
    int code = 0;
    std::string text;              // Chinese, bits named per protocol version
    bool noRequestedData = false;  // "this meter does not have it" — a normal answer, not a failure
    bool operator==(const MeterError &) const = default;
};

// What any frame means, independent of protocol: what `meterswapctl frame decode` prints.
struct Message
{
    Protocol protocol = Protocol::Dlt645_2007;
    Direction direction = Direction::Request;
    std::string address;            // MSD first as on the nameplate; wildcard "AAAAAAAAAAAA"
    int control = 0;
    std::string id;                 // DI (8 hex digits 2007, 4 for 1997) or OAD; empty when none
    std::vector<Value> values;
    std::optional<MeterError> error;
    bool moreFollows = false;       // 645 D5 / reply B1: send a read follow-up for the rest
};

// Why bytes could not be decoded. `detail` is technical English for logs and the command line;
// the UI maps `fault` to a translated sentence.
enum class Fault {
    Empty,          // no bytes at all
    Garbage,        // no frame start / not a frame of this protocol
    Truncated,      // frame shorter than its length field says
    BadLength,      // length field impossible or inconsistent
    BadChecksum,    // 645 CS
    BadHeaderCrc,   // 698 HCS
    BadFrameCrc,    // 698 FCS
    BadEnd,         // missing 0x16 end byte
    TrailingBytes,  // bytes after the end of the frame
    BadData,        // frame is intact but its contents are malformed
    Unsupported,    // recognised but not decoded yet (698 segmented / security-wrapped, ...)
    OtherProtocol,  // a frame of a protocol we do not decode (Q/GDW 376.1)
    InvalidArgument // an encode input was wrong (address text, DI, value text)
};
std::string_view faultName(Fault fault); // "bad checksum", "truncated frame", ...

struct CodecError
{
    Fault fault = Fault::Garbage;
    std::string detail;
};

// Value-or-error for the std-only codecs (ms::Result needs Qt). Convert at the Qt boundary.
template<typename T>
class [[nodiscard]] Outcome
{
public:
    Outcome(T value) : m_v(std::move(value)) {}
    Outcome(CodecError error) : m_v(std::move(error)) {}
    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    const CodecError &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, CodecError> m_v;
};

inline CodecError codecError(Fault fault, std::string detail)
{
    return CodecError{fault, std::move(detail)};
}

// Calendar fields shared by the date/time formats of both protocols.
struct DateTime
{
    int year = 2000; // full year
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    bool operator==(const DateTime &) const = default;
};

} // namespace ms::meter
