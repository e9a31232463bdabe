// dlt698::describe (any 698.45 frame as a meter::Message) and dataFromTexts (simulator registers).
#include "meter/dlt645/bcd.h"
#include "meter/dlt698/apdu.h"
#include "meter/dlt698/setlink.h"

namespace ms::dlt698 {

using meter::codecError;
using meter::Fault;

namespace {

Oad readOad(ByteView b, std::size_t pos)
{
    return Oad(b[pos]) << 24 | Oad(b[pos + 1]) << 16 | Oad(b[pos + 2]) << 8 | b[pos + 3];
}

// "1234.56" → 123456 for decimals 2. nullopt for non-numbers or too many decimals.
std::optional<std::int64_t> parseScaled(std::string_view text, int decimals)
{
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text.empty() || text.size() > 18)
        return std::nullopt;
    std::int64_t v = 0;
    int fraction = -1;
    for (char c : text) {
        if (c == '.') {
            if (fraction >= 0)
                return std::nullopt;
            fraction = 0;
            continue;
        }
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
        if (fraction >= 0)
            ++fraction;
    }
    fraction = std::max(fraction, 0);
    if (fraction > std::max(decimals, 0))
        return std::nullopt;
    for (int i = fraction; i < decimals; ++i)
        v *= 10;
    return negative ? -v : v;
}

meter::Outcome<Data> scalarFromText(const OadItem &item, std::uint8_t type, int scaler,
                                    const std::string &text)
{
    const auto bad = [&](const std::string &why) -> meter::Outcome<Data> {
        return codecError(Fault::InvalidArgument,
                          "value '" + text + "' for " + item.name + ": " + why);
    };
    switch (type) {
    case tag::OctetString: {
        auto bytes = meter::fromHex(text);
        if (!bytes || bytes->empty())
            return bad("expected hex digits");
        return Data::octets(std::move(*bytes));
    }
    case tag::VisibleString:
        return Data::visible(text);
    case tag::DateTimeS: {
        const auto dt = dlt645::bcd::parseDateTime(text);
        if (!dt)
            return bad("expected YYYY-MM-DD hh:mm:ss");
        return Data::dateTimeS(*dt);
    }
    default: {
        const auto v = parseScaled(text, -scaler);
        if (!v)
            return bad("expected a number with at most " + std::to_string(-scaler) + " decimals");
        const bool isUnsigned = type == tag::Unsigned || type == tag::LongUnsigned
                                || type == tag::DoubleLongUnsigned || type == tag::Long64Unsigned;
        if (*v < 0 && isUnsigned)
            return bad("must not be negative");
        return Data::signedValue(type, *v);
    }
    }
}

} // namespace

meter::Outcome<Data> dataFromTexts(Oad value, const std::vector<std::string> &texts)
{
    const OadItem *item = findOad(value);
    if (!item)
        return codecError(Fault::InvalidArgument, "OAD " + oadToText(value) + " is not in the table");
    if (texts.empty())
        return codecError(Fault::InvalidArgument, std::string(item->name) + " needs a value");
    const bool element = item->oad != value && (value & 0xFF) != 0;
    if (item->layout == OadItem::Layout::Scalar || element)
        return scalarFromText(*item, item->type, item->scaler, texts[0]);
    if (item->layout == OadItem::Layout::Wallet) {
        if (texts.size() < 2)
            return codecError(Fault::InvalidArgument, "当前钱包文件 needs money and purchase count");
        auto money = scalarFromText(*item, item->type, item->scaler, texts[0]);
        auto count = scalarFromText(*item, tag::DoubleLongUnsigned, 0, texts[1]);
        if (!money)
            return money.error();
        if (!count)
            return count.error();
        return Data::structure({*money, *count});
    }
    std::vector<Data> items;
    for (const std::string &text : texts) {
        auto d = scalarFromText(*item, item->type, item->scaler, text);
        if (!d)
            return d.error();
        items.push_back(std::move(d).value());
    }
    return Data::array(std::move(items));
}

meter::Outcome<meter::Message> describe(const Frame &frame)
{
    meter::Message m;
    m.protocol = meter::Protocol::Dlt698_45;
    m.direction = frame.fromServer() ? meter::Direction::Response : meter::Direction::Request;
    m.address = frame.server.toText();
    m.control = frame.control;
    if (frame.segmented())
        return codecError(Fault::Unsupported,
                          "DL/T 698.45 segmented frame (APDU fragment): not supported yet");
    if (frame.apdu.empty())
        return codecError(Fault::BadData, "frame without an APDU");
    const ByteView a(frame.apdu);
    switch (a[0]) {
    case 0x05: { // GET-Request
        auto request = decodeGetRequest(frame);
        if (!request)
            return request.error();
        m.id = oadToText(request->oad);
        return m;
    }
    case 0x85: { // GET-Response
        auto response = decodeGetResponse(frame);
        if (!response)
            return response.error();
        m.id = oadToText(response->oad);
        if (response->dar)
            m.error = meter::MeterError{*response->dar, darText(*response->dar),
                                        darMeansNoData(*response->dar)};
        else
            m.values = valuesOf(response->oad, *response->data);
        return m;
    }
    case 0x87: { // ACTION-Response
        if (a.size() < 8)
            return codecError(Fault::Truncated, "ACTION-Response shorter than PIID + OMD + DAR");
        if (a[1] != 0x01)
            return codecError(Fault::Unsupported, "ACTION-Response other than Normal: not supported yet");
        m.id = oadToText(readOad(a, 3));
        const std::uint8_t dar = a[7];
        if (dar != 0)
            m.error = meter::MeterError{dar, darText(dar), darMeansNoData(dar)};
        std::size_t pos = 8;
        if (pos < a.size() && a[pos] == 0x01) {
            ++pos;
            auto data = decodeData(a, pos);
            if (!data)
                return data.error();
            m.values = valuesOf(readOad(a, 3), *data);
        }
        return m;
    }
    case 0x01: // LINK-Request (terminal login / heartbeat / logout)
    case 0x81: // LINK-Response
    case 0x06: // SET-Request
    case 0x86: // SET-Response
        return describeSetOrLink(frame);
    case 0x10:
    case 0x90:
        return codecError(Fault::Unsupported,
                          "DL/T 698.45 security-wrapped APDU (SECURITY-Request/Response): "
                          "not supported yet");
    default:
        return codecError(Fault::Unsupported, "DL/T 698.45 service "
                                                  + meter::toHex(a.first(1))
                                                  + ": not supported yet");
    }
}

} // namespace ms::dlt698
