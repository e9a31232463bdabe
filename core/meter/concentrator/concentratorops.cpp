// ConcentratorClient's operations on site: read/set parameters (F3, F89), read and write the
// meter archive (F10), read the current energy per measuring point (AFN 0C F129).
#include "meter/concentrator/concentratorclient.h"

namespace ms::meter {

namespace gdw = gdw1376;

namespace {

template <typename T> const T *unitValue(const ConcentratorReply &r, int fn)
{
    for (const gdw::DataUnit &u : r.units)
        if (u.fn == fn)
            if (const auto *v = std::get_if<T>(&u.value))
                return v;
    return nullptr;
}

} // namespace

void ConcentratorClient::readParameters(std::function<void(const ConcentratorParameters &)> done)
{
    request(gdw::afn::QueryParameters, {{0, 3, {}}, {0, 89, {}}},
            [this, done](const ConcentratorReply &r) {
                if (r.outcome == ConcentratorReply::Outcome::Denied) {
                    // A 2009 terminal without F89 denies the whole frame: ask for F3 alone.
                    readMasterOnly(r, done);
                    return;
                }
                ConcentratorParameters p;
                p.traffic.add(r);
                if (const auto *m = unitValue<gdw::MasterStation>(r, 3))
                    p.master = *m;
                if (const auto *a = unitValue<gdw::LogicalAddress>(r, 89))
                    p.logical = *a;
                p.ok = r.ok() && p.master.has_value();
                if (!r.ok())
                    p.message = r.message;
                else if (!p.master)
                    p.message = tr("集中器应答了，但没有给出主站参数（F3）。请改用面板按键查看。");
                done(p);
            });
}

void ConcentratorClient::readMasterOnly(const ConcentratorReply &denied,
                                        std::function<void(const ConcentratorParameters &)> done)
{
    request(gdw::afn::QueryParameters, {{0, 3, {}}}, [denied, done](const ConcentratorReply &r) {
        ConcentratorParameters p;
        p.traffic.add(denied);
        p.traffic.add(r);
        if (const auto *m = unitValue<gdw::MasterStation>(r, 3))
            p.master = *m;
        p.ok = r.ok() && p.master.has_value();
        if (!p.ok)
            p.message = r.message.isEmpty()
                            ? tr("集中器应答了，但没有给出主站参数（F3）。请改用面板按键查看。")
                            : r.message;
        done(p);
    });
}

void ConcentratorClient::discover(std::function<void(const ConcentratorParameters &)> done)
{
    const gdw::Address asked = m_address;
    m_address = gdw::Address::broadcast();
    request(gdw::afn::QueryParameters, {{0, 89, {}}},
            [this, asked, done](const ConcentratorReply &r) {
                ConcentratorParameters p;
                p.traffic.add(r);
                if (const auto *a = unitValue<gdw::LogicalAddress>(r, 89))
                    p.logical = *a;
                p.ok = r.ok() && p.logical.has_value();
                if (p.ok) {
                    m_address = gdw::Address{p.logical->area, p.logical->terminal, asked.a3};
                } else {
                    m_address = asked;
                    p.message = tr("集中器没有应答广播地址查询（并非所有集中器都应答广播）。请输入"
                                   "集中器铭牌或液晶上的终端地址"
                                   "（行政区划码-终端地址，如 1101-1234）。");
                }
                done(p);
            });
}

void ConcentratorClient::setParameters(const ConcentratorParameterSet &set,
                                       std::function<void(const ConcentratorSetResult &)> done)
{
    std::vector<gdw::DataUnit> units;
    if (set.master)
        units.push_back({0, 3, *set.master});
    if (set.logical)
        units.push_back({0, 89, *set.logical});
    auto result = std::make_shared<ConcentratorSetResult>();
    auto readBack = [this, set, result, done] {
        readParameters([this, set, result, done](const ConcentratorParameters &p) {
            result->readBack = p;
            result->traffic.frames += p.traffic.frames;
            result->traffic.requests += p.traffic.requests;
            result->traffic.txBytes += p.traffic.txBytes;
            result->traffic.rxBytes += p.traffic.rxBytes;
            result->traffic.elapsedMs += p.traffic.elapsedMs;
            if (!p.ok) {
                result->message = tr("设置已被确认，但回读失败：%1").arg(p.message);
            } else {
                QStringList differ;
                if (set.master && p.master != set.master)
                    differ << tr("主站参数");
                if (set.logical && p.logical != set.logical)
                    differ << tr("终端地址");
                result->ok = differ.isEmpty();
                if (!result->ok)
                    result->message =
                        tr("集中器确认了设置，但回读的%"
                           "1与设置值不一致。请重试，仍不一致时用面板按键设置并拍照。")
                            .arg(differ.join(QStringLiteral("、")));
            }
            done(*result);
        });
    };
    if (units.empty()) {
        readBack();
        return;
    }
    request(
        gdw::afn::SetParameters, units,
        [this, set, result, done, readBack](const ConcentratorReply &r) {
            result->traffic.add(r);
            if (!r.ok()) {
                result->denied = r.outcome == ConcentratorReply::Outcome::Denied;
                result->message = r.message;
                done(*result);
                return;
            }
            result->confirmed = true;
            // The confirm came from the old address; the new one answers the read-back.
            if (set.logical)
                m_address = gdw::Address{set.logical->area, set.logical->terminal, m_address.a3};
            readBack();
        });
}

void ConcentratorClient::readArchive(std::function<void(const ConcentratorArchive &)> done)
{
    auto state = std::make_shared<ConcentratorArchive>();
    archiveBatch(1, 0, state, std::move(done));
}

void ConcentratorClient::archiveBatch(int from, int emptyRun,
                                      std::shared_ptr<ConcentratorArchive> state,
                                      std::function<void(const ConcentratorArchive &)> done)
{
    if (from > 2040 || emptyRun >= 2) {
        state->ok = true;
        std::sort(state->entries.begin(), state->entries.end(),
                  [](const auto &a, const auto &b) { return a.seq < b.seq; });
        done(*state);
        return;
    }
    gdw::ArchiveQuery query;
    for (int seq = from; seq < from + m_archiveBatch && seq <= 2040; ++seq)
        query.seqs.push_back(seq);
    const int next = from + int(query.seqs.size());
    request(gdw::afn::QueryParameters, {{0, 10, query}},
            [this, next, emptyRun, state, done](const ConcentratorReply &r) {
                state->traffic.add(r);
                if (r.outcome == ConcentratorReply::Outcome::NoAnswer
                    || r.outcome == ConcentratorReply::Outcome::BadReply) {
                    state->message = r.message;
                    done(*state);
                    return;
                }
                int found = 0;
                for (const gdw::DataUnit &u : r.units) {
                    if (const auto *a = std::get_if<gdw::MeterArchive>(&u.value)) {
                        for (const gdw::ArchiveEntry &e : a->entries) {
                            if (e.point == 0)
                                continue; // a deleted record
                            state->entries.push_back(e);
                            ++found;
                        }
                    }
                }
                // A deny here means "none of these 序号" on some terminals.
                archiveBatch(next, found ? 0 : emptyRun + 1, state, done);
            });
}

void ConcentratorClient::readEnergy(const QList<int> &points,
                                    std::function<void(const ConcentratorEnergy &)> done)
{
    auto state = std::make_shared<ConcentratorEnergy>();
    energyBatch(points, state, std::move(done));
}

void ConcentratorClient::energyBatch(QList<int> left, std::shared_ptr<ConcentratorEnergy> state,
                                     std::function<void(const ConcentratorEnergy &)> done)
{
    if (left.isEmpty()) {
        state->ok = true;
        done(*state);
        return;
    }
    std::vector<gdw::DataUnit> units;
    while (!left.isEmpty() && int(units.size()) < m_energyBatch)
        units.push_back({left.takeFirst(), 129, {}});
    request(gdw::afn::Class1Data, units, [this, left, state, done](const ConcentratorReply &r) {
        state->traffic.add(r);
        if (r.outcome == ConcentratorReply::Outcome::NoAnswer
            || r.outcome == ConcentratorReply::Outcome::BadReply) {
            state->message = r.message;
            done(*state);
            return;
        }
        // A deny (AFN 00 F2) means none of these points was read: they stay absent.
        for (const gdw::DataUnit &u : r.units)
            if (const auto *e = std::get_if<gdw::EnergyReading>(&u.value); e && u.fn == 129)
                state->readings[u.pn] = *e;
        energyBatch(left, state, done);
    });
}

void ConcentratorClient::writeArchive(const std::vector<gdw::ArchiveEntry> &entries,
                                      std::function<void(const ConcentratorArchiveWrite &)> done)
{
    std::vector<gdw::DataUnit> units;
    for (const gdw::ArchiveEntry &e : entries)
        units.push_back({0, 10, gdw::MeterArchive{{e}}});
    request(gdw::afn::SetParameters, units, [done](const ConcentratorReply &r) {
        ConcentratorArchiveWrite w;
        w.traffic.add(r);
        w.ok = r.ok();
        w.denied = r.outcome == ConcentratorReply::Outcome::Denied;
        w.verdicts = r.verdicts.units;
        w.message = r.message;
        for (const gdw::UnitVerdict &v : w.verdicts)
            if (v.error == 2)
                w.message += tr(" 有表计已在集中器档案中以其他序号登记（表地址重复），未写入。");
        done(w);
    });
}

} // namespace ms::meter
