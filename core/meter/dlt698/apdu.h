#pragma once
// DL/T 698.45 application layer: GET-Request-Normal (05 01), GET-Response-Normal (85 01) with
// data or DAR, ACTION-Response-Normal (87 01) recognised; SECURITY (10/90) and segmented frames
// reported as not supported yet. Plus the OAD table (name, unit, scaler) for the swap set.
// SET (clock setting) and LINK (terminal login / heartbeat): setlink.h.
#include "meter/dlt698/axdr.h"
#include "meter/dlt698/frame.h"

#include <optional>
#include <span>
#include <vector>

namespace ms::dlt698 {

using Oad = std::uint32_t; // OI(2) attribute(1) index(1), e.g. 0x00100200

namespace oad {
constexpr Oad Address = 0x40010200;          // 通信地址 octet-string
constexpr Oad ForwardActive = 0x00100200;    // 正向有功电能 array: total, T1..T4
constexpr Oad ForwardActiveTotal = 0x00100201;
constexpr Oad ReverseActive = 0x00200200;
constexpr Oad ReverseActiveTotal = 0x00200201;
constexpr Oad DateTime = 0x40000200;         // 日期时间 date_time_s
} // namespace oad

struct OadItem
{
    enum class Layout {
        Scalar,  // one value of `type`
        Tariffs, // array of `type`: total, T1..T4
        Phases,  // array of `type`: A, B, C
        Wallet,  // 202C0200 structure: remaining money (scaler −2, 元), purchase count
    };
    Oad oad = 0;
    const char *name = "";  // Chinese
    const char *unit = "";  // "" = none
    int scaler = 0;         // value × 10^scaler (−2 for kWh registers)
    Layout layout = Layout::Scalar;
    std::uint8_t type = tag::DoubleLongUnsigned; // element type (octet-string for the address)
};
std::span<const OadItem> oadItems();
const OadItem *findOad(Oad oad); // also finds "index ≠ 0" forms of a table entry with index 0
std::string oadToText(Oad oad);  // 8 hex digits
std::optional<Oad> oadFromText(std::string_view text);

// DAR (data access result) Chinese text, e.g. 6 → "对象未定义".
std::string darText(std::uint8_t dar);
// DAR codes that mean "this meter does not have it" (object undefined / not present / …).
bool darMeansNoData(std::uint8_t dar);

struct GetRequest
{
    std::uint8_t piid = 0;
    Oad oad = 0;
};

struct GetResponse
{
    std::uint8_t piid = 0;
    Oad oad = 0;
    std::optional<Data> data;      // 01 <Data>
    std::optional<std::uint8_t> dar; // 00 <DAR>
};

struct ActionResponse
{
    std::uint8_t piid = 0;
    Oad omd = 0;
    std::uint8_t dar = 0;
    std::optional<Data> data;
};

// ---- master side -------------------------------------------------------------------------
// 68 … 05 01 PIID OAD 00 … 16 to `server` (ServerAddress::wildcard() when unknown).
Bytes encodeGetRequest(const ServerAddress &server, Oad oad, std::uint8_t piid = 1,
                       std::uint8_t client = 0);
// Faults: Garbage (not a GET-Response), Unsupported (segmented, security, other services),
// Truncated / BadData (malformed).
meter::Outcome<GetResponse> decodeGetResponse(const Frame &frame);
// Named values for an answer: scaler and unit from the OAD table; arrays of a tariff OAD become
// total, T1..T4; octet-string address as digits; date_time_s as "YYYY-MM-DD hh:mm:ss".
std::vector<meter::Value> valuesOf(Oad oad, const Data &data);

// ---- server side (simulator) -------------------------------------------------------------
// Faults: Garbage (not a GET-Request-Normal), Unsupported (segmented, security, other).
meter::Outcome<GetRequest> decodeGetRequest(const Frame &frame);
Bytes encodeGetResponse(const ServerAddress &server, std::uint8_t client, std::uint8_t piid,
                        Oad oad, const Data &data);
Bytes encodeGetResponseDar(const ServerAddress &server, std::uint8_t client, std::uint8_t piid,
                           Oad oad, std::uint8_t dar);
// Register text → Data for a table OAD: "1234.56" (scaled by the OAD's scaler), a tariff OAD
// takes 5 texts, the address one digit string, date-time "YYYY-MM-DD hh:mm:ss".
meter::Outcome<Data> dataFromTexts(Oad oad, const std::vector<std::string> &texts);

// ---- protocol-neutral view ---------------------------------------------------------------
// Any frame as a Message. Segmented / security-wrapped frames: Fault::Unsupported.
meter::Outcome<meter::Message> describe(const Frame &frame);

} // namespace ms::dlt698
