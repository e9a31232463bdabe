#include "meter/dlt698/setlink.h"

#include <array>
#include <cstdio>

namespace ms::dlt698 {

using meter::codecError;
using meter::Fault;

namespace {

namespace service {
constexpr std::uint8_t LinkRequest = 0x01;
constexpr std::uint8_t SetRequest = 0x06;
constexpr std::uint8_t LinkResponse = 0x81;
constexpr std::uint8_t SetResponse = 0x86;
constexpr std::uint8_t Normal = 0x01;
} // namespace service

constexpr std::size_t DateTimeBytes = 10;

void appendOad(Bytes &out, Oad oad)
{
    for (int shift : {24, 16, 8, 0})
        out.push_back(std::uint8_t(oad >> shift));
}

Oad readOad(ByteView b, std::size_t pos)
{
    return Oad(b[pos]) << 24 | Oad(b[pos + 1]) << 16 | Oad(b[pos + 2]) << 8 | b[pos + 3];
}

// The APDU of `frame` when it is `wanted`; segmented / security-wrapped / other services fail.
meter::Outcome<ByteView> apduOf(const Frame &frame, std::uint8_t wanted, const char *name)
{
    if (frame.segmented())
        return codecError(Fault::Unsupported,
                          "DL/T 698.45 segmented frame (APDU fragment): not supported yet");
    if (frame.apdu.empty())
        return codecError(Fault::BadData, "frame without an APDU");
    const ByteView a(frame.apdu);
    if (a[0] == 0x10 || a[0] == 0x90)
        return codecError(Fault::Unsupported, "DL/T 698.45 security-wrapped APDU "
                                              "(SECURITY-Request/Response): not supported yet");
    if (a[0] != wanted)
        return codecError(Fault::Garbage, "APDU " + meter::toHex(a.first(1)) + " is not a " + name);
    return a;
}

DateTimeMs readDateTime(ByteView b, std::size_t pos)
{
    DateTimeMs d;
    d.time.year = b[pos] << 8 | b[pos + 1];
    d.time.month = b[pos + 2];
    d.time.day = b[pos + 3];
    d.weekday = b[pos + 4];
    d.time.hour = b[pos + 5];
    d.time.minute = b[pos + 6];
    d.time.second = b[pos + 7];
    d.milliseconds = std::uint16_t(b[pos + 8] << 8 | b[pos + 9]);
    return d;
}

void appendDateTime(Bytes &out, const DateTimeMs &d)
{
    out.push_back(std::uint8_t(d.time.year >> 8));
    out.push_back(std::uint8_t(d.time.year));
    for (int v :
         {d.time.month, d.time.day, int(d.weekday), d.time.hour, d.time.minute, d.time.second})
        out.push_back(std::uint8_t(v));
    out.push_back(std::uint8_t(d.milliseconds >> 8));
    out.push_back(std::uint8_t(d.milliseconds));
}

} // namespace

std::string DateTimeMs::toText() const
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d.%03u", time.year, time.month,
                  time.day, time.hour, time.minute, time.second, unsigned(milliseconds));
    return buf;
}

std::string linkTypeText(LinkType type)
{
    switch (type) {
    case LinkType::Login: return "登录";
    case LinkType::Heartbeat: return "心跳";
    case LinkType::Logout: return "退出登录";
    }
    return "未知";
}

std::string linkResultText(std::uint8_t result)
{
    static constexpr std::array texts{"成功", "地址重复", "非法设备", "容量不足"};
    const std::uint8_t code = result & 0x07;
    return code < texts.size() ? texts[code] : "未知结果" + std::to_string(code);
}

Bytes encodeSetRequest(const ServerAddress &server, Oad oad, const Data &data, std::uint8_t piid,
                       std::uint8_t client)
{
    Frame f{control::ClientRequest, server, client, {service::SetRequest, service::Normal, piid}};
    appendOad(f.apdu, oad);
    encodeData(data, f.apdu);
    f.apdu.push_back(0x00); // no time tag
    return encodeFrame(f);
}

meter::Outcome<SetResponse> decodeSetResponse(const Frame &frame)
{
    const auto apdu = apduOf(frame, service::SetResponse, "SET-Response");
    if (!apdu)
        return apdu.error();
    const ByteView a = *apdu;
    if (a.size() < 2 || a[1] != service::Normal)
        return codecError(Fault::Unsupported, "SET-Response other than Normal: not supported yet");
    if (a.size() < 8)
        return codecError(Fault::Truncated, "SET-Response-Normal shorter than PIID + OAD + DAR");
    return SetResponse{a[2], readOad(a, 3), a[7]};
}

meter::Outcome<SetRequest> decodeSetRequest(const Frame &frame)
{
    const auto apdu = apduOf(frame, service::SetRequest, "SET-Request");
    if (!apdu)
        return apdu.error();
    const ByteView a = *apdu;
    if (a.size() < 2 || a[1] != service::Normal)
        return codecError(Fault::Unsupported, "SET-Request other than Normal: not supported yet");
    if (a.size() < 8)
        return codecError(Fault::Truncated, "SET-Request-Normal shorter than PIID + OAD + data");
    std::size_t pos = 7;
    auto data = decodeData(a, pos);
    if (!data)
        return data.error();
    return SetRequest{a[2], readOad(a, 3), std::move(data).value()};
}

Bytes encodeSetResponse(const ServerAddress &server, std::uint8_t client, std::uint8_t piid,
                        Oad oad, std::uint8_t dar)
{
    Frame f{control::ServerReply, server, client, {service::SetResponse, service::Normal, piid}};
    appendOad(f.apdu, oad);
    f.apdu.push_back(dar);
    f.apdu.push_back(0x00); // no follow report
    f.apdu.push_back(0x00); // no time tag
    return encodeFrame(f);
}

meter::Outcome<LinkRequestApdu> decodeLinkRequest(const Frame &frame)
{
    const auto apdu = apduOf(frame, service::LinkRequest, "LINK-Request");
    if (!apdu)
        return apdu.error();
    const ByteView a = *apdu;
    if (a.size() < 5 + DateTimeBytes)
        return codecError(Fault::Truncated, "LINK-Request shorter than PIID-ACD + type + "
                                            "heartbeat period + request time (15 bytes)");
    if (a[2] > 2)
        return codecError(Fault::BadData, "LINK-Request type " + std::to_string(a[2])
                                              + " is none of login (0), heartbeat (1), logout (2)");
    LinkRequestApdu r;
    r.piidAcd = a[1];
    r.type = LinkType(a[2]);
    r.heartbeatSeconds = std::uint16_t(a[3] << 8 | a[4]);
    r.requestTime = readDateTime(a, 5);
    return r;
}

meter::Outcome<LinkResponseApdu> decodeLinkResponse(const Frame &frame)
{
    const auto apdu = apduOf(frame, service::LinkResponse, "LINK-Response");
    if (!apdu)
        return apdu.error();
    const ByteView a = *apdu;
    if (a.size() < 3 + 3 * DateTimeBytes)
        return codecError(Fault::Truncated, "LINK-Response shorter than PIID + result + three "
                                            "times (33 bytes)");
    LinkResponseApdu r;
    r.piid = a[1];
    r.result = a[2];
    r.requestTime = readDateTime(a, 3);
    r.receivedTime = readDateTime(a, 3 + DateTimeBytes);
    r.responseTime = readDateTime(a, 3 + 2 * DateTimeBytes);
    return r;
}

Bytes encodeLinkRequest(const ServerAddress &terminal, const LinkRequestApdu &request)
{
    Frame f{control::LinkRequestFromServer,
            terminal,
            0,
            {service::LinkRequest, request.piidAcd, std::uint8_t(request.type),
             std::uint8_t(request.heartbeatSeconds >> 8), std::uint8_t(request.heartbeatSeconds)}};
    appendDateTime(f.apdu, request.requestTime);
    return encodeFrame(f);
}

Bytes encodeLinkResponse(const ServerAddress &terminal, std::uint8_t client,
                         const LinkResponseApdu &response)
{
    Frame f{control::LinkResponseToServer,
            terminal,
            client,
            {service::LinkResponse, response.piid, response.result}};
    appendDateTime(f.apdu, response.requestTime);
    appendDateTime(f.apdu, response.receivedTime);
    appendDateTime(f.apdu, response.responseTime);
    return encodeFrame(f);
}

meter::Outcome<meter::Message> describeSetOrLink(const Frame &frame)
{
    meter::Message m;
    m.protocol = meter::Protocol::Dlt698_45;
    m.address = frame.server.toText();
    m.control = frame.control;
    const std::uint8_t s = frame.apdu.empty() ? 0 : frame.apdu[0];
    using meter::Value;
    switch (s) {
    case service::SetRequest: {
        auto r = decodeSetRequest(frame);
        if (!r)
            return r.error();
        m.direction = meter::Direction::Request;
        m.id = oadToText(r->oad);
        m.values = valuesOf(r->oad, r->data);
        return m;
    }
    case service::SetResponse: {
        auto r = decodeSetResponse(frame);
        if (!r)
            return r.error();
        m.direction = meter::Direction::Response;
        m.id = oadToText(r->oad);
        if (!r->ok())
            m.error = meter::MeterError{r->dar, darText(r->dar), darMeansNoData(r->dar)};
        return m;
    }
    case service::LinkRequest: {
        auto r = decodeLinkRequest(frame);
        if (!r)
            return r.error();
        m.direction = meter::Direction::Request; // sent by the terminal, answered by the master
        m.values.push_back(Value::textValue("链路请求", linkTypeText(r->type)));
        m.values.push_back(Value::number("心跳周期", r->heartbeatSeconds, 0, "s"));
        m.values.push_back(Value::textValue("请求时间", r->requestTime.toText()));
        return m;
    }
    case service::LinkResponse: {
        auto r = decodeLinkResponse(frame);
        if (!r)
            return r.error();
        m.direction = meter::Direction::Response;
        m.values.push_back(Value::textValue("结果", linkResultText(r->result)));
        m.values.push_back(Value::textValue("时钟可信", r->clockTrusted() ? "是" : "否"));
        m.values.push_back(Value::textValue("请求时间", r->requestTime.toText()));
        m.values.push_back(Value::textValue("收到时间", r->receivedTime.toText()));
        m.values.push_back(Value::textValue("响应时间", r->responseTime.toText()));
        if (!r->accepted())
            m.error = meter::MeterError{r->result & 0x07, linkResultText(r->result), false};
        return m;
    }
    default:
        return codecError(Fault::Garbage, "APDU " + meter::toHex(ByteView(frame.apdu).first(1))
                                              + " is neither SET nor LINK");
    }
}

} // namespace ms::dlt698
