#include "meter/gdw1376/dataunits.h"

#include <algorithm>
#include <charconv>

namespace ms::gdw1376 {

using meter::codecError;
using meter::Fault;

namespace {

constexpr std::size_t UplinkCommBytes = 6;
constexpr std::size_t MasterStationBytes = 28;
constexpr std::size_t ApnBytes = 16;
constexpr std::size_t LogicalAddressBytes = 4;
constexpr std::size_t ClockBytes = 6;

int bcd(std::uint8_t b)
{
    return (b >> 4) * 10 + (b & 0x0F);
}

bool isBcdByte(std::uint8_t b)
{
    return (b >> 4) <= 9 && (b & 0x0F) <= 9;
}

std::uint8_t toBcd(int v)
{
    return std::uint8_t((v / 10 % 10) << 4 | v % 10);
}

int le16(ByteView b, std::size_t at)
{
    return b[at] | b[at + 1] << 8;
}

void putLe16(Bytes &out, int v)
{
    out.push_back(std::uint8_t(v));
    out.push_back(std::uint8_t(v >> 8));
}

// A.12: 12 BCD digits, lowest pair first → text most significant first (non-BCD kept as hex).
std::string a12Text(ByteView b)
{
    std::array<std::uint8_t, 6> msdFirst{};
    std::reverse_copy(b.begin(), b.begin() + 6, msdFirst.begin());
    return meter::toHex(msdFirst);
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

// A.14: XXXXXX.XXXX kWh, 5 BCD bytes lowest first; EE/EF fill or non-BCD = not read.
std::optional<std::int64_t> a14(ByteView b)
{
    std::int64_t v = 0;
    for (int i = 4; i >= 0; --i) {
        if (!isBcdByte(b[std::size_t(i)]))
            return std::nullopt;
        v = v * 100 + bcd(b[std::size_t(i)]);
    }
    return v;
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

// A.15: mm hh DD MM YY.
std::optional<meter::DateTime> a15(ByteView b)
{
    for (std::size_t i = 0; i < 5; ++i)
        if (!isBcdByte(b[i]))
            return std::nullopt;
    return meter::DateTime{2000 + bcd(b[4]), bcd(b[3]), bcd(b[2]), bcd(b[1]), bcd(b[0]), 0};
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

UplinkComm decodeF1(ByteView b)
{
    return UplinkComm{b[0], b[1], b[2] | (b[3] & 0x0F) << 8, (b[3] >> 4) & 0x03, b[4], b[5]};
}

Endpoint endpointAt(ByteView b, std::size_t at)
{
    Endpoint e;
    std::copy_n(b.begin() + std::ptrdiff_t(at), 4, e.ip.begin());
    e.port = std::uint16_t(le16(b, at + 4));
    return e;
}

MasterStation decodeF3(ByteView b)
{
    MasterStation m{endpointAt(b, 0), endpointAt(b, 6), {}};
    for (std::size_t i = 12; i < 12 + ApnBytes && b[i] != 0; ++i)
        m.apn.push_back(char(b[i]));
    return m;
}

ArchiveEntry decodeEntry(ByteView b)
{
    ArchiveEntry e;
    e.seq = le16(b, 0);
    e.point = le16(b, 2);
    e.baudCode = b[4] >> 5;
    e.port = b[4] & 0x1F;
    e.protocol = b[5];
    e.commAddress = a12Text(b.subspan(6, 6));
    std::copy_n(b.begin() + 12, 6, e.password.begin());
    e.tariffs = b[18] & 0x3F;
    e.integerDigits = ((b[19] >> 2) & 0x03) + 4;
    e.decimalDigits = (b[19] & 0x03) + 1;
    e.collector = a12Text(b.subspan(20, 6));
    e.userMajor = b[26] >> 4;
    e.userMinor = b[26] & 0x0F;
    return e;
}

bool clockIsBcd(ByteView b)
{
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u})
        if (!isBcdByte(b[i]))
            return false;
    return isBcdByte(b[4] & 0x1F); // D7–D5 weekday, D4 month tens
}

Clock decodeClock(ByteView b)
{
    Clock c;
    c.at = meter::DateTime{2000 + bcd(b[5]), bcd(b[4] & 0x1F), bcd(b[3]), bcd(b[2]), bcd(b[1]),
                           bcd(b[0])};
    c.weekday = b[4] >> 5;
    return c;
}

meter::CodecError shortUnit(int fn, std::size_t need, std::size_t have)
{
    return codecError(Fault::BadData, "F" + std::to_string(fn) + " needs " + std::to_string(need)
                                          + " bytes, the frame has " + std::to_string(have));
}

// The length and value of one unit's data starting at `b` (the rest of the frame).
meter::Outcome<std::pair<std::size_t, UnitValue>> decodeData(std::uint8_t afnCode, bool uplink,
                                                             int fn, ByteView b)
{
    using Result = std::pair<std::size_t, UnitValue>;
    auto fixed = [&](std::size_t n, auto decode) -> meter::Outcome<Result> {
        if (b.size() < n)
            return shortUnit(fn, n, b.size());
        return Result{n, decode(b)};
    };
    const bool parameters = (afnCode == afn::SetParameters && !uplink)
                            || (afnCode == afn::QueryParameters && uplink);
    if (afnCode == afn::Confirm) {
        if (fn == 1 || fn == 2)
            return Result{0, std::monostate{}};
        if (fn == 3) {
            if (b.empty() || (b.size() - 1) % 5 != 0)
                return codecError(Fault::BadData, "AFN 00 F3 needs AFN + 5 bytes per unit, got "
                                                      + std::to_string(b.size()) + " bytes");
            UnitVerdicts v{b[0], {}};
            for (std::size_t at = 1; at < b.size(); at += 5)
                for (int pn : pointsOf(b[at], b[at + 1]))
                    for (int f : functionsOf(b[at + 2], b[at + 3]))
                        v.units.push_back(UnitVerdict{pn, f, b[at + 4]});
            return Result{b.size(), v};
        }
    } else if (afnCode == afn::Reset && !uplink) {
        return Result{0, std::monostate{}};
    } else if (parameters) {
        switch (fn) {
        case 1: return fixed(UplinkCommBytes, decodeF1);
        case 3: return fixed(MasterStationBytes, decodeF3);
        case 89:
            return fixed(LogicalAddressBytes, [](ByteView d) {
                return LogicalAddress{std::uint16_t(le16(d, 0)), std::uint16_t(le16(d, 2))};
            });
        case 10: {
            if (b.size() < 2)
                return shortUnit(fn, 2, b.size());
            const std::size_t n = std::size_t(le16(b, 0));
            const std::size_t need = 2 + n * ArchiveEntryBytes;
            if (b.size() < need)
                return shortUnit(fn, need, b.size());
            MeterArchive archive;
            for (std::size_t i = 0; i < n; ++i)
                archive.entries.push_back(decodeEntry(b.subspan(2 + i * ArchiveEntryBytes)));
            return Result{need, archive};
        }
        default: break;
        }
    } else if (afnCode == afn::QueryParameters && !uplink) {
        if (fn != 10)
            return Result{0, std::monostate{}};
        if (b.size() < 2)
            return shortUnit(fn, 2, b.size());
        const std::size_t n = std::size_t(le16(b, 0));
        if (b.size() < 2 + 2 * n)
            return shortUnit(fn, 2 + 2 * n, b.size());
        ArchiveQuery q;
        for (std::size_t i = 0; i < n; ++i)
            q.seqs.push_back(le16(b, 2 + 2 * i));
        return Result{2 + 2 * n, q};
    } else if (afnCode == afn::Class1Data) {
        if (!uplink)
            return Result{0, std::monostate{}};
        if (fn == 2) {
            if (b.size() >= ClockBytes && !clockIsBcd(b))
                return codecError(Fault::BadData, "F2 clock is not BCD: "
                                                      + meter::toHex(b.first(ClockBytes), " "));
            return fixed(ClockBytes, decodeClock);
        }
        if (fn == 129) {
            if (b.size() < 6)
                return shortUnit(fn, 6, b.size());
            const std::size_t m = b[5];
            const std::size_t need = 6 + 5 * (m + 1);
            if (b.size() < need)
                return shortUnit(fn, need, b.size());
            EnergyReading r;
            r.readAt = a15(b);
            r.total = a14(b.subspan(6));
            for (std::size_t i = 0; i < m; ++i)
                r.tariffs.push_back(a14(b.subspan(11 + 5 * i)));
            return Result{need, r};
        }
    } else if (afnCode == afn::LinkTest) {
        if (fn == 1 || fn == 2)
            return Result{0, std::monostate{}};
    }
    return Result{b.size(), Raw{Bytes(b.begin(), b.end())}}; // unknown: the rest, undecoded
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

std::string Endpoint::text() const
{
    return std::to_string(ip[0]) + '.' + std::to_string(ip[1]) + '.' + std::to_string(ip[2]) + '.'
           + std::to_string(ip[3]) + ':' + std::to_string(port);
}

std::optional<Endpoint> Endpoint::fromText(std::string_view text)
{
    Endpoint e;
    const char *p = text.data();
    const char *end = text.data() + text.size();
    for (int i = 0; i < 4; ++i) {
        unsigned part = 0;
        const auto r = std::from_chars(p, end, part, 10);
        if (r.ec != std::errc() || r.ptr == p || part > 255 || r.ptr == end
            || *r.ptr != (i < 3 ? '.' : ':'))
            return std::nullopt;
        e.ip[std::size_t(i)] = std::uint8_t(part);
        p = r.ptr + 1;
    }
    unsigned port = 0;
    const auto r = std::from_chars(p, end, port, 10);
    if (r.ec != std::errc() || r.ptr != end || p == end || port == 0 || port > 65535)
        return std::nullopt;
    e.port = std::uint16_t(port);
    return e;
}

int archiveProtocolOf(std::string_view meterProtocol)
{
    if (meterProtocol == "dlt645-2007")
        return 30;
    if (meterProtocol == "dlt645-1997")
        return 1;
    return 0;
}

std::string_view meterProtocolOf(int archiveProtocol)
{
    switch (archiveProtocol) {
    case 30: return "dlt645-2007";
    case 1: return "dlt645-1997";
    default: return {};
    }
}

meter::Outcome<std::vector<DataUnit>> decodeUnits(const Frame &frame)
{
    std::vector<DataUnit> units;
    const ByteView b(frame.units);
    std::size_t at = 0;
    while (at < b.size()) {
        if (b.size() - at < 4)
            return codecError(Fault::BadData, std::to_string(b.size() - at)
                                                  + " bytes left, too few for a DA and DT");
        const auto points = pointsOf(b[at], b[at + 1]);
        const auto functions = functionsOf(b[at + 2], b[at + 3]);
        if (points.empty() || functions.empty())
            return codecError(Fault::BadData, "invalid DA/DT " + meter::toHex(b.subspan(at, 4), " "));
        at += 4;
        for (int pn : points) {
            for (int fn : functions) {
                auto data = decodeData(frame.afn, frame.isUplink(), fn, b.subspan(at));
                if (!data)
                    return data.error();
                at += data->first;
                const bool raw = std::holds_alternative<Raw>(data->second);
                units.push_back(DataUnit{pn, fn, std::move(data.value().second)});
                if (raw)
                    return units; // an undecoded unit took the rest of the frame
            }
        }
    }
    return units;
}

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
