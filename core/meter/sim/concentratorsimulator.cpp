#include "meter/sim/concentratorsimulator.h"

#include "meter/link/meterlog.h"

#include <QDateTime>

namespace ms::meter {

namespace gdw = gdw1376;

namespace {

QByteArray toQt(const Bytes &b)
{
    return QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size()));
}

DateTime nowDateTime()
{
    const QDateTime now = QDateTime::currentDateTime();
    const QDate d = now.date();
    const QTime t = now.time();
    return DateTime{d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second()};
}

std::size_t encodedSize(std::uint8_t afn, const gdw::DataUnit &unit)
{
    const auto bytes = gdw::encodeUnits(afn, true, {unit});
    return bytes ? bytes->size() : 0;
}

} // namespace

ConcentratorSimulator::ConcentratorSimulator(ConcentratorState state,
                                             ConcentratorSimOptions options)
    : m_state(std::move(state)), m_options(options)
{
}

QList<QByteArray> ConcentratorSimulator::feed(const QByteArray &bytes)
{
    QList<QByteArray> replies;
    const ByteView view(reinterpret_cast<const std::uint8_t *>(bytes.constData()),
                        std::size_t(bytes.size()));
    for (const auto &parsed : m_parser.feed(view)) {
        if (!parsed.frame || parsed.frame->isUplink())
            continue; // noise, or an echo of a terminal frame
        ++m_requests;
        if (m_options.silent)
            continue;
        replies += answer(*parsed.frame);
    }
    return replies;
}

QList<QByteArray> ConcentratorSimulator::answer(const gdw::Frame &request)
{
    const gdw::Address &to = request.address;
    const bool forUs = to.area == m_state.address.area && to.terminal == m_state.address.terminal;
    const bool broadcast =
        to.isBroadcast() && (to.area == 0xFFFF || to.area == m_state.address.area);
    if (!forUs && !broadcast)
        return {};
    const auto units = gdw::decodeUnits(request);
    if (!units) {
        qCInfo(lcMeter) << "concentrator sim: undecodable units, denied:"
                        << QString::fromStdString(units.error().detail);
        return {deny(request)};
    }
    if (broadcast) { // discovery only: F89 query, answered with the real address
        if (request.afn != gdw::afn::QueryParameters || units->size() != 1
            || units->front().fn != 89)
            return {};
        return query(request, *units);
    }
    switch (request.afn) {
    case gdw::afn::QueryParameters: return query(request, *units);
    case gdw::afn::SetParameters: return set(request, *units);
    case gdw::afn::Class1Data: return data(request, *units);
    case gdw::afn::Confirm: return {}; // a master's confirm is never answered
    default: return {deny(request)};
    }
}

QByteArray ConcentratorSimulator::deny(const gdw::Frame &request) const
{
    gdw::Frame f = gdw::makeConfirm(request, false);
    f.address.area = m_state.address.area;
    f.address.terminal = m_state.address.terminal;
    return toQt(gdw::encodeFrame(f));
}

QList<QByteArray> ConcentratorSimulator::query(const gdw::Frame &request,
                                               const std::vector<gdw::DataUnit> &units)
{
    std::vector<gdw::DataUnit> out;
    for (const gdw::DataUnit &u : units) {
        if (u.pn != 0)
            continue;
        if (u.fn == 89 && m_options.withoutF89)
            return {deny(request)}; // a unit it cannot parse denies the whole frame
        switch (u.fn) {
        case 1: out.push_back({0, 1, m_state.uplink}); break;
        case 3: out.push_back({0, 3, m_state.master}); break;
        case 89:
            out.push_back(
                {0, 89, gdw::LogicalAddress{m_state.address.area, m_state.address.terminal}});
            break;
        case 10: {
            gdw::MeterArchive found;
            if (const auto *q = std::get_if<gdw::ArchiveQuery>(&u.value)) {
                for (int seq : q->seqs) {
                    const auto it = m_state.archive.find(seq);
                    if (it != m_state.archive.end())
                        found.entries.push_back(it->second);
                }
            }
            out.push_back({0, 10, found});
            break;
        }
        default: break;
        }
    }
    if (out.empty())
        return {deny(request)};
    return reply(request, gdw::afn::QueryParameters, std::move(out));
}

int ConcentratorSimulator::setArchive(const gdw::MeterArchive &archive)
{
    // Validate the whole unit first: a duplicate address refuses the unit (Appendix D ERR 2).
    for (const gdw::ArchiveEntry &e : archive.entries) {
        if (e.seq < 1 || e.seq > 2040 || e.point > 2040)
            return 1;
        if (e.point == 0)
            continue;
        for (const auto &[seq, other] : m_state.archive)
            if (seq != e.seq && other.commAddress == e.commAddress)
                return 2;
    }
    for (const gdw::ArchiveEntry &e : archive.entries) {
        if (e.point == 0)
            m_state.archive.erase(e.seq);
        else
            m_state.archive[e.seq] = e;
    }
    return 0;
}

QList<QByteArray> ConcentratorSimulator::set(const gdw::Frame &request,
                                             const std::vector<gdw::DataUnit> &units)
{
    if (m_state.password && request.password != m_state.password) {
        qCInfo(lcMeter) << "concentrator sim: wrong password, set denied";
        return {deny(request)};
    }
    gdw::UnitVerdicts verdicts{gdw::afn::SetParameters, {}};
    int failed = 0;
    for (const gdw::DataUnit &u : units) {
        int error = 0;
        if (const auto *f1 = std::get_if<gdw::UplinkComm>(&u.value))
            m_state.uplink = *f1;
        else if (const auto *f3 = std::get_if<gdw::MasterStation>(&u.value))
            m_state.master = *f3;
        else if (const auto *f89 = std::get_if<gdw::LogicalAddress>(&u.value))
            m_state.address.area = f89->area, m_state.address.terminal = f89->terminal;
        else if (const auto *f10 = std::get_if<gdw::MeterArchive>(&u.value))
            error = setArchive(*f10);
        else
            error = 1;
        failed += error != 0;
        verdicts.units.push_back({u.pn, u.fn, error});
    }
    // The confirm comes from the address the request named (the old one after an F89 set).
    gdw::Frame f = gdw::makeConfirm(request, failed == 0);
    if (failed == 0 || failed == int(units.size()))
        return {toQt(gdw::encodeFrame(f))};
    auto mixed = gdw::makeReply(request, gdw::afn::Confirm, {{0, 3, verdicts}});
    if (!mixed)
        return {deny(request)};
    gdw::Frame m = mixed.value();
    m.control = gdw::control::ConfirmReply;
    return {toQt(gdw::encodeFrame(m))};
}

QList<QByteArray> ConcentratorSimulator::data(const gdw::Frame &request,
                                              const std::vector<gdw::DataUnit> &units)
{
    std::vector<gdw::DataUnit> out;
    const DateTime now = nowDateTime();
    for (const gdw::DataUnit &u : units) {
        if (u.fn == 2 && u.pn == 0) {
            out.push_back({0, 2, gdw::Clock{now, 0}});
            continue;
        }
        if (u.fn != 129)
            continue;
        const auto entry = std::find_if(m_state.archive.begin(), m_state.archive.end(),
                                        [&](const auto &kv) { return kv.second.point == u.pn; });
        if (entry == m_state.archive.end())
            continue; // no such point: the unit is left out
        const std::string &address = entry->second.commAddress;
        const auto reading = m_state.readings.find(address);
        if (m_state.unreachable.contains(QString::fromStdString(address))
            || reading == m_state.readings.end())
            continue; // not read: left out, as the standard says
        gdw::EnergyReading r;
        r.readAt = DateTime{now.year, now.month, now.day, now.hour, now.minute, 0};
        r.total = reading->second;
        const std::int64_t quarter = reading->second / 4;
        r.tariffs = {quarter, quarter, quarter, reading->second - 3 * quarter};
        out.push_back({u.pn, 129, r});
    }
    if (out.empty())
        return {deny(request)};
    return reply(request, gdw::afn::Class1Data, std::move(out));
}

QList<QByteArray> ConcentratorSimulator::reply(const gdw::Frame &request, std::uint8_t afn,
                                               std::vector<gdw::DataUnit> units)
{
    // Split a long F10 unit into several, so each fits maxFrameBody.
    std::vector<gdw::DataUnit> pieces;
    const std::size_t perFrame =
        std::max<std::size_t>(1, (m_options.maxFrameBody - 6) / gdw::ArchiveEntryBytes);
    for (gdw::DataUnit &u : units) {
        auto *archive = std::get_if<gdw::MeterArchive>(&u.value);
        if (!archive || archive->entries.size() <= perFrame) {
            pieces.push_back(std::move(u));
            continue;
        }
        for (std::size_t at = 0; at < archive->entries.size(); at += perFrame) {
            gdw::MeterArchive part;
            const auto end = std::min(archive->entries.size(), at + perFrame);
            part.entries.assign(archive->entries.begin() + std::ptrdiff_t(at),
                                archive->entries.begin() + std::ptrdiff_t(end));
            pieces.push_back({u.pn, u.fn, part});
        }
    }
    // Pack the pieces greedily into frames.
    std::vector<std::vector<gdw::DataUnit>> frames(1);
    std::size_t used = 0;
    for (gdw::DataUnit &u : pieces) {
        const std::size_t size = encodedSize(afn, u);
        if (used > 0 && used + size > m_options.maxFrameBody) {
            frames.emplace_back();
            used = 0;
        }
        frames.back().push_back(std::move(u));
        used += size;
    }
    QList<QByteArray> out;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        auto f = gdw::makeReply(request, afn, frames[i]);
        if (!f) {
            qCWarning(lcMeter) << "concentrator sim: reply does not encode:"
                               << QString::fromStdString(f.error().detail);
            return {deny(request)};
        }
        gdw::Frame frame = f.value();
        frame.address.area = m_state.address.area;
        frame.address.terminal = m_state.address.terminal;
        std::uint8_t seq = std::uint8_t((request.sequence() + int(i)) & gdw::seqbits::SeqMask);
        if (i == 0)
            seq |= gdw::seqbits::Fir;
        if (i + 1 == frames.size())
            seq |= gdw::seqbits::Fin;
        frame.seq = seq;
        out.append(toQt(gdw::encodeFrame(frame)));
    }
    return out;
}

} // namespace ms::meter
