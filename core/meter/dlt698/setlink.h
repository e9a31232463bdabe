#pragma once
// DL/T 698.45 services for commissioning and terminals:
//   SET-Request-Normal (06 01) / SET-Response-Normal (86 01): e.g. setting the clock 40000200;
//   LINK-Request (01) / LINK-Response (81): a terminal's login, heartbeat and logout on the
//   link-management frames (C = 81 from the terminal, 01 back from the master station).
// Only the Normal forms; SET-RequestNormalList, SET-ThenGet and security wrapping are refused
// as Fault::Unsupported.
#include "meter/dlt698/apdu.h"

namespace ms::dlt698 {

namespace control {
constexpr std::uint8_t LinkRequestFromServer = 0x81; // DIR 1, PRM 0, function 1 (link management)
constexpr std::uint8_t LinkResponseToServer = 0x01;  // DIR 0, PRM 0, function 1
} // namespace control

// date_time (10 bytes): year(2) month day weekday hour minute second milliseconds(2).
// Weekday 0 = Sunday.
struct DateTimeMs
{
    meter::DateTime time;
    std::uint8_t weekday = 0;
    std::uint16_t milliseconds = 0;
    std::string toText() const; // "YYYY-MM-DD hh:mm:ss.mmm"
    bool operator==(const DateTimeMs &) const = default;
};

struct SetRequest
{
    std::uint8_t piid = 0;
    Oad oad = 0;
    Data data;
};

struct SetResponse
{
    std::uint8_t piid = 0;
    Oad oad = 0;
    std::uint8_t dar = 0; // 0 = success; else darText(dar)
    bool ok() const { return dar == 0; }
};

enum class LinkType : std::uint8_t { Login = 0, Heartbeat = 1, Logout = 2 };
std::string linkTypeText(LinkType type); // 登录 / 心跳 / 退出登录

struct LinkRequestApdu
{
    std::uint8_t piidAcd = 0;
    LinkType type = LinkType::Login;
    std::uint16_t heartbeatSeconds = 0;
    DateTimeMs requestTime;
};

struct LinkResponseApdu
{
    std::uint8_t piid = 0;
    std::uint8_t result = 0; // bit 7: clock trusted; bits 2..0: 0 ok, 1 address taken, 2 illegal
                             // device, 3 no capacity
    DateTimeMs requestTime;  // echoed from the request
    DateTimeMs receivedTime; // when the master station got it
    DateTimeMs responseTime; // when it answered
    bool clockTrusted() const { return result & 0x80; }
    bool accepted() const { return (result & 0x07) == 0; }
};
std::string
linkResultText(std::uint8_t result); // 成功 / 地址重复 / 非法设备 / 容量不足 / 未知结果N

// ---- SET: master side ---------------------------------------------------------------------
Bytes encodeSetRequest(const ServerAddress &server, Oad oad, const Data &data,
                       std::uint8_t piid = 1, std::uint8_t client = 0);
// Faults: Garbage (not a SET-Response), Unsupported (other forms, segmented, security),
// Truncated (shorter than PIID + OAD + DAR).
meter::Outcome<SetResponse> decodeSetResponse(const Frame &frame);
// ---- SET: server side (simulator) ---------------------------------------------------------
meter::Outcome<SetRequest> decodeSetRequest(const Frame &frame);
Bytes encodeSetResponse(const ServerAddress &server, std::uint8_t client, std::uint8_t piid,
                        Oad oad, std::uint8_t dar);

// ---- LINK ----------------------------------------------------------------------------------
// Faults: Garbage (another service), Unsupported (segmented, security), Truncated, BadData
// (a request type other than 0..2).
meter::Outcome<LinkRequestApdu> decodeLinkRequest(const Frame &frame);
meter::Outcome<LinkResponseApdu> decodeLinkResponse(const Frame &frame);
Bytes encodeLinkRequest(const ServerAddress &terminal, const LinkRequestApdu &request);
Bytes encodeLinkResponse(const ServerAddress &terminal, std::uint8_t client,
                         const LinkResponseApdu &response);

// describe() for these four services (called by dlt698::describe).
meter::Outcome<meter::Message> describeSetOrLink(const Frame &frame);

} // namespace ms::dlt698
