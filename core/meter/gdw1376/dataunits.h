#pragma once
// The data units of Q/GDW 1376.1 the app uses on site, decoded and encoded
// (Q/GDW 1376.1-2013 §5.1, §5.4, §5.10, §5.12, appendix A): AFN 00 confirm/deny, AFN 04 set and AFN 0A query of
// F1 (uplink comm port), F3 (master station), F10 (meter archive), F89 (terminal address), and
// AFN 0C F2 (clock) and F129 (current forward active energy per measuring point).
// The application layer is not self-delimiting: a unit's length depends on AFN, direction and Fn,
// so a unit this codec does not know ends the decoding (its bytes are kept as Raw).
#include "meter/gdw1376/frame.h"

#include <variant>

namespace ms::gdw1376 {

// F1 终端上行通信口通信参数 (6 bytes).
struct UplinkComm
{
    int rtsDelay20ms = 0;      // RTS, units of 20 ms
    int masterDelayMinutes = 0;
    int timeoutSeconds = 0;    // 0…4095
    int retries = 0;           // 0…3
    std::uint8_t confirmFlags = 0; // D0 class-1 auto report, D1 class-2, D2 class-3/events
    int heartbeatMinutes = 0;
    bool operator==(const UplinkComm &) const = default;
};

struct Endpoint
{
    std::array<std::uint8_t, 4> ip{}; // in dotted order
    std::uint16_t port = 0;
    std::string text() const; // "10.0.1.20:9001"
    static std::optional<Endpoint> fromText(std::string_view text); // "IP:PORT"
    bool operator==(const Endpoint &) const = default;
};

// F3 主站 IP 地址和端口 (28 bytes).
inline constexpr std::size_t ApnBytes = 16;
struct MasterStation
{
    Endpoint main;
    Endpoint backup;
    std::string apn; // ASCII, at most ApnBytes characters
    bool operator==(const MasterStation &) const = default;
};

// One F10 record (27 bytes): a meter in the concentrator's archive.
struct ArchiveEntry
{
    int seq = 0;        // 序号 1…2040, the record's key
    int point = 0;      // 测量点号 0…2040 (0 deletes the record); the pn of its data
    int baudCode = 0;   // 0 default, 1…7 = 600 1200 2400 4800 7200 9600 19200
    int port = 0;       // 1…31 (2 RS-485, 31 carrier)
    int protocol = 0;   // 0 none, 1 DL/T 645-1997, 2 AC sampling, 30 DL/T 645-2007, 31 carrier module
    std::string commAddress = "000000000000"; // 12 digits, most significant first
    std::array<std::uint8_t, 6> password{};
    int tariffs = 4;
    int integerDigits = 6; // 4…7
    int decimalDigits = 2; // 1…4
    std::string collector = "000000000000"; // all zero: wired straight to the concentrator
    int userMajor = 0;
    int userMinor = 0;
    bool operator==(const ArchiveEntry &) const = default;
};
inline constexpr std::size_t ArchiveEntryBytes = 27;
// The 1376.1 protocol number of a meter protocol name ("dlt645-2007" → 30, "dlt645-1997" → 1),
// and back ("" for a number without a meter protocol name).
int archiveProtocolOf(std::string_view meterProtocol);
std::string_view meterProtocolOf(int archiveProtocol);

struct MeterArchive // F10 set / query reply
{
    std::vector<ArchiveEntry> entries;
    bool operator==(const MeterArchive &) const = default;
};

struct ArchiveQuery // F10 query: which 序号
{
    std::vector<int> seqs;
    bool operator==(const ArchiveQuery &) const = default;
};

struct LogicalAddress // F89 终端逻辑地址
{
    std::uint16_t area = 0; // BCD as printed (0x1101)
    std::uint16_t terminal = 0;
    bool operator==(const LogicalAddress &) const = default;
};

struct Clock // AFN 0C F2
{
    meter::DateTime at;
    int weekday = 0; // 1 Monday … 7 Sunday, 0 not given
    bool operator==(const Clock &) const = default;
};

// AFN 0C F129: energy in 0.0001 kWh (A.14 keeps four decimals). A field the terminal filled with
// EE/EF (the meter was not read) is nullopt — never a number.
struct EnergyReading
{
    std::optional<meter::DateTime> readAt;
    std::optional<std::int64_t> total;
    std::vector<std::optional<std::int64_t>> tariffs; // tariff 1…M
    bool operator==(const EnergyReading &) const = default;
};

// AFN 00 F3: per unit confirm/deny of a request with AFN `afn`.
struct UnitVerdict
{
    int pn = 0;
    int fn = 0;
    int error = 0; // 0 correct, 1 other error, 2 meter address already registered (F10)
    bool operator==(const UnitVerdict &) const = default;
};
struct UnitVerdicts
{
    int afn = 0;
    std::vector<UnitVerdict> units;
    bool operator==(const UnitVerdicts &) const = default;
};

struct Raw // a unit this codec does not decode: its bytes up to the end of the frame
{
    Bytes data;
    bool operator==(const Raw &) const = default;
};

using UnitValue = std::variant<std::monostate, UplinkComm, MasterStation, MeterArchive,
                               ArchiveQuery, LogicalAddress, Clock, EnergyReading, UnitVerdicts,
                               Raw>;

struct DataUnit
{
    int pn = 0;
    int fn = 0;
    UnitValue value; // monostate: a unit without data (a query, AFN 00 F1/F2)
    bool operator==(const DataUnit &) const = default;
};

// Every unit of the frame, a DA/DT naming several points or functions expanded in the standard's
// order (pn ascending, then Fn ascending). Fault::BadData for a unit cut short or an invalid DA/DT.
meter::Outcome<std::vector<DataUnit>> decodeUnits(const Frame &frame);

// One DA DT data per unit (one point, one function each). Fault::InvalidArgument when a value does
// not fit its format (APN longer than 16, a comm address that is not 12 digits, …).
meter::Outcome<Bytes> encodeUnits(std::uint8_t afn, bool uplink, const std::vector<DataUnit> &units);

// Requests a local tool sends (PSEQ = `pseq` & 0x0F, single frame, no time label).
meter::Outcome<Frame> makeRequest(const Address &to, std::uint8_t afn, int pseq,
                                  const std::vector<DataUnit> &units,
                                  const std::array<std::uint8_t, PasswordBytes> &password = {});
// The terminal's answer to `request` (same address, RSEQ = PSEQ, FIR FIN): data units, or AFN 00.
meter::Outcome<Frame> makeReply(const Frame &request, std::uint8_t afn,
                                const std::vector<DataUnit> &units);
Frame makeConfirm(const Frame &request, bool confirmed); // AFN 00 F1 / F2, p0

} // namespace ms::gdw1376
