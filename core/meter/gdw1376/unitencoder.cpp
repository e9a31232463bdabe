// Encoding side of the 1376.1 data units (dataunits.h): the bytes of each value, and the
// requests and replies a local tool and the concentrator simulator send.
#include "meter/gdw1376/dataunits.h"

#include <algorithm>

namespace ms::gdw1376 {

using meter::codecError;
using meter::Fault;

namespace {

std::uint8_t toBcd(int v)
{
    return std::uint8_t((v / 10 % 10) << 4 | v % 10);
}

void putLe16(Bytes &out, int v)
{
    out.push_back(std::uint8_t(v));
    out.push_back(std::uint8_t(v >> 8));
}

std::optional<std::array<std::uint8_t, 6>> a12Bytes(std::string_view text)
{
    if (text.size() != 12)
        return std::nullopt;
    const auto bytes = meter::fromHex(text);
    if (!bytes || bytes->size() != 6)
        return std::nullopt;
    std::array<std::uint8_t, 6> wire{};
    std::reverse_copy(bytes->begin(), bytes->end(), wire.begin());
    return wire;
}

void putA14(Bytes &out, const std::optional<std::int64_t> &v)
{
    if (!v) {
        out.insert(out.end(), 5, 0xEE);
        return;
    }
    std::int64_t rest = *v;
    for (int i = 0; i < 5; ++i) {
        out.push_back(toBcd(int(rest % 100)));
        rest /= 100;
    }
}

void putA15(Bytes &out, const std::optional<meter::DateTime> &t)
{
    if (!t) {
        out.insert(out.end(), 5, 0xEE);
        return;
    }
    out.insert(out.end(), {toBcd(t->minute), toBcd(t->hour), toBcd(t->day), toBcd(t->month),
                           toBcd(t->year % 100)});
}

meter::Outcome<Bytes> encodeData(const UnitValue &value)
{
    Bytes out;
    if (const auto *f1 = std::get_if<UplinkComm>(&value)) {
        out.insert(out.end(), {std::uint8_t(f1->rtsDelay20ms), std::uint8_t(f1->masterDelayMinutes),
                               std::uint8_t(f1->timeoutSeconds),
                               std::uint8_t((f1->timeoutSeconds >> 8 & 0x0F) | (f1->retries & 0x03) << 4),
                               f1->confirmFlags, std::uint8_t(f1->heartbeatMinutes)});
    } else if (const auto *f3 = std::get_if<MasterStation>(&value)) {
        if (f3->apn.size() > ApnBytes
            || std::any_of(f3->apn.begin(), f3->apn.end(),
                           [](char c) { return c < 0x20 || c > 0x7E; }))
            return codecError(Fault::InvalidArgument, "APN must be at most 16 printable ASCII "
                                                      "characters");
        for (const Endpoint *e : {&f3->main, &f3->backup}) {
            out.insert(out.end(), e->ip.begin(), e->ip.end());
            putLe16(out, e->port);
        }
        out.insert(out.end(), f3->apn.begin(), f3->apn.end());
        out.insert(out.end(), ApnBytes - f3->apn.size(), 0x00);
    } else if (const auto *archive = std::get_if<MeterArchive>(&value)) {
        putLe16(out, int(archive->entries.size()));
        for (const ArchiveEntry &e : archive->entries) {
            const auto address = a12Bytes(e.commAddress);
            const auto collector = a12Bytes(e.collector);
            if (!address || !collector)
                return codecError(Fault::InvalidArgument, "meter and collector addresses must be "
                                                          "12 digits");
            putLe16(out, e.seq);
            putLe16(out, e.point);
            out.push_back(std::uint8_t((e.baudCode & 0x07) << 5 | (e.port & 0x1F)));
            out.push_back(std::uint8_t(e.protocol));
            out.insert(out.end(), address->begin(), address->end());
            out.insert(out.end(), e.password.begin(), e.password.end());
            out.push_back(std::uint8_t(e.tariffs & 0x3F));
            out.push_back(std::uint8_t((std::clamp(e.integerDigits, 4, 7) - 4) << 2
                                       | (std::clamp(e.decimalDigits, 1, 4) - 1)));
            out.insert(out.end(), collector->begin(), collector->end());
            out.push_back(std::uint8_t((e.userMajor & 0x0F) << 4 | (e.userMinor & 0x0F)));
        }
    } else if (const auto *q = std::get_if<ArchiveQuery>(&value)) {
        putLe16(out, int(q->seqs.size()));
        for (int seq : q->seqs)
            putLe16(out, seq);
    } else if (const auto *f89 = std::get_if<LogicalAddress>(&value)) {
        putLe16(out, f89->area);
        putLe16(out, f89->terminal);
    } else if (const auto *clock = std::get_if<Clock>(&value)) {
        const meter::DateTime &t = clock->at;
        out.insert(out.end(), {toBcd(t.second), toBcd(t.minute), toBcd(t.hour), toBcd(t.day),
                               std::uint8_t(clock->weekday << 5 | toBcd(t.month)),
                               toBcd(t.year % 100)});
    } else if (const auto *r = std::get_if<EnergyReading>(&value)) {
        putA15(out, r->readAt);
        out.push_back(std::uint8_t(r->tariffs.size()));
        putA14(out, r->total);
        for (const auto &t : r->tariffs)
            putA14(out, t);
    } else if (const auto *v = std::get_if<UnitVerdicts>(&value)) {
        out.push_back(std::uint8_t(v->afn));
        for (const UnitVerdict &u : v->units) {
            const auto da = encodePoint(u.pn);
            const auto dt = encodeFunction(u.fn);
            out.insert(out.end(), {da[0], da[1], dt[0], dt[1], std::uint8_t(u.error)});
        }
    } else if (const auto *raw = std::get_if<Raw>(&value)) {
        out = raw->data;
    }
    return out;
}

} // namespace

meter::Outcome<Bytes> encodeUnits(std::uint8_t, bool, const std::vector<DataUnit> &units)
{
    Bytes out;
    for (const DataUnit &u : units) {
        if (u.fn < 1 || u.fn > 248 || u.pn < 0 || (u.pn > 2040 && u.pn != AllPoints))
            return codecError(Fault::InvalidArgument, "pn " + std::to_string(u.pn) + " / F"
                                                          + std::to_string(u.fn) + " out of range");
        const auto da = encodePoint(u.pn);
        const auto dt = encodeFunction(u.fn);
        out.insert(out.end(), {da[0], da[1], dt[0], dt[1]});
        auto data = encodeData(u.value);
        if (!data)
            return data.error();
        out.insert(out.end(), data->begin(), data->end());
    }
    return out;
}

meter::Outcome<Frame> makeRequest(const Address &to, std::uint8_t afnCode, int pseq,
                                  const std::vector<DataUnit> &units,
                                  const std::array<std::uint8_t, PasswordBytes> &password)
{
    auto body = encodeUnits(afnCode, false, units);
    if (!body)
        return body.error();
    Frame f;
    const bool set = afnCode == afn::SetParameters || afnCode == afn::Reset;
    f.control = set ? control::SetRequest : control::DataRequest;
    f.address = to;
    f.afn = afnCode;
    f.seq = std::uint8_t(seqbits::Fir | seqbits::Fin | (set ? seqbits::Con : 0) | (pseq & 0x0F));
    f.units = std::move(body).value();
    if (carriesPassword(afnCode))
        f.password = password;
    return f;
}

meter::Outcome<Frame> makeReply(const Frame &request, std::uint8_t afnCode,
                                const std::vector<DataUnit> &units)
{
    auto body = encodeUnits(afnCode, true, units);
    if (!body)
        return body.error();
    Frame f;
    f.control = control::DataReply;
    f.address = request.address;
    f.afn = afnCode;
    f.seq = std::uint8_t(seqbits::Fir | seqbits::Fin | request.sequence());
    f.units = std::move(body).value();
    return f;
}

Frame makeConfirm(const Frame &request, bool confirmed)
{
    Frame f;
    f.control = confirmed ? control::ConfirmReply : control::DenyReply;
    f.address = request.address;
    f.afn = afn::Confirm;
    f.seq = std::uint8_t(seqbits::Fir | seqbits::Fin | request.sequence());
    const auto da = encodePoint(0);
    const auto dt = encodeFunction(confirmed ? 1 : 2);
    f.units = {da[0], da[1], dt[0], dt[1]};
    return f;
}

} // namespace ms::gdw1376
