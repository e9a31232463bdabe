// dlt645::describe: any DL/T 645 frame as a protocol-neutral meter::Message.
#include "meter/dlt645/bcd.h"
#include "meter/dlt645/codec.h"

namespace ms::dlt645 {

using meter::Value;

namespace {

Value rawValue(ByteView data)
{
    return Value::missing("数据", meter::toHex(data));
}

// Change-baud request byte Z: one bit per rate (bit1 600 … bit6 19200).
std::optional<int> baudOf(std::uint8_t z)
{
    static constexpr int rates[] = {0, 600, 1200, 2400, 4800, 9600, 19200, 0};
    for (int bit = 0; bit < 8; ++bit) {
        if (z == (1u << bit))
            return rates[bit] ? std::optional(rates[bit]) : std::nullopt;
    }
    return std::nullopt;
}

void describeRequest(const Request &r, meter::Message &m)
{
    switch (r.kind) {
    case Request::Kind::Read:
    case Request::Kind::ReadFollowUp:
        m.id = diToText(r.version, *r.di);
        if (!r.payload.empty() && r.kind == Request::Kind::Read)
            m.values.push_back(rawValue(r.payload)); // block count / start time of a record read
        return;
    case Request::Kind::ReadAddress:
        return;
    case Request::Kind::BroadcastTime:
        m.values.push_back(Value::textValue("广播校时时间", bcd::formatDateTime(*r.time, true)));
        return;
    case Request::Kind::Write: {
        m.id = diToText(r.version, *r.di);
        const DataItem *item = findDataItem(r.version, *r.di);
        auto values = decodeItemData(item, r.payload);
        if (item && values)
            m.values = std::move(values).value();
        else
            m.values.push_back(rawValue(r.payload));
        return;
    }
    case Request::Kind::WriteAddress: {
        Address a;
        std::copy(r.payload.begin(), r.payload.begin() + 6, a.wire.begin());
        m.values.push_back(Value::textValue("新通信地址", a.toText()));
        return;
    }
    case Request::Kind::RemoteControl:
        m.values.push_back(Value::textValue("控制命令", meter::toHex(ByteView(&r.command, 1))));
        m.values.push_back(Value::textValue("命令有效截止时间", bcd::formatDateTime(*r.time, true)));
        return;
    case Request::Kind::Other: {
        const std::uint8_t f = r.control & control::FunctionMask;
        const bool changeBaud = (r.version == Version::V2007 && f == control::ChangeBaud)
                                || (r.version == Version::V1997 && f == control::ChangeBaud1997);
        if (changeBaud && r.payload.size() == 1) {
            if (const auto baud = baudOf(r.payload[0])) {
                m.values.push_back(Value::number("通信速率", *baud, 0, "bps"));
                return;
            }
        }
        if (!r.payload.empty())
            m.values.push_back(rawValue(r.payload));
        return;
    }
    }
}

} // namespace

meter::Outcome<meter::Message> describe(const Frame &frame)
{
    meter::Message m;
    const auto version = versionOf(frame);
    m.protocol = protocolOf(version.value_or(Version::V2007));
    m.direction = frame.isReply() ? meter::Direction::Response : meter::Direction::Request;
    m.address = frame.address.toText();
    m.control = frame.control;
    m.moreFollows = frame.moreFollows();
    if (!version) { // a function neither version defines: keep the bytes
        if (!frame.data.empty())
            m.values.push_back(rawValue(frame.data));
        return m;
    }
    if (!frame.isReply()) {
        auto request = decodeRequest(frame);
        if (!request)
            return request.error();
        describeRequest(*request, m);
        return m;
    }
    auto reply = decodeReply(frame);
    if (!reply)
        return reply.error();
    switch (reply->kind) {
    case Reply::Kind::Data:
        m.id = diToText(reply->version, *reply->di);
        m.values = reply->values;
        break;
    case Reply::Kind::Address:
        m.values = reply->values;
        break;
    case Reply::Kind::Error:
        m.error = meter::MeterError{reply->errorBits, errorText(reply->version, reply->errorBits),
                                    reply->noRequestedData()};
        break;
    case Reply::Kind::Ack:
        break;
    case Reply::Kind::Other:
        m.values.push_back(rawValue(reply->payload));
        break;
    }
    return m;
}

} // namespace ms::dlt645
