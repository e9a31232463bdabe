#include "meter/concentrator/concentratorclient.h"

#include "meter/gdw1376/parser.h"
#include "meter/link/meterlog.h"

namespace ms::meter {

namespace gdw = gdw1376;

namespace {

// The reply frames of one request, collected FIR…FIN by the link's scanner.
struct Collected
{
    std::vector<gdw::Frame> frames;
};

ReplyScanner makeScanner(std::shared_ptr<Collected> out, gdw::Address to, std::uint8_t afn,
                         int pseq)
{
    struct State
    {
        gdw::StreamParser parser;
        qsizetype fed = 0;
        bool corrupt = false;
    };
    auto state = std::make_shared<State>();
    return [state, out, to, afn, pseq](const QByteArray &received) -> ReplyState {
        if (received.size() < state->fed) { // a new attempt: the link cleared its buffer
            state->parser.reset();
            state->fed = 0;
            state->corrupt = false;
            out->frames.clear();
        }
        const ByteView fresh(reinterpret_cast<const std::uint8_t *>(received.constData())
                                 + state->fed,
                             std::size_t(received.size() - state->fed));
        state->fed = received.size();
        for (const auto &parsed : state->parser.feed(fresh)) {
            if (parsed.rejected)
                state->corrupt = true;
            if (!parsed.frame)
                continue;
            const gdw::Frame &f = *parsed.frame;
            // An echo of our request, another terminal, an old answer: skipped like noise.
            if (!f.isUplink() || (f.afn != afn && f.afn != gdw::afn::Confirm))
                continue;
            if (!to.isBroadcast()
                && (f.address.area != to.area || f.address.terminal != to.terminal))
                continue;
            const int expected = (pseq + int(out->frames.size())) & gdw::seqbits::SeqMask;
            if (out->frames.empty() ? (!f.first() || f.sequence() != pseq)
                                    : f.sequence() != expected)
                continue;
            out->frames.push_back(f);
            if (f.last())
                return ReplyState::Complete;
        }
        if (state->corrupt && out->frames.empty())
            return ReplyState::Corrupt;
        if (!out->frames.empty() || state->parser.hasPartialFrame())
            return ReplyState::Started;
        return ReplyState::Nothing;
    };
}

} // namespace

void ConcentratorTraffic::add(const ConcentratorReply &reply)
{
    frames += reply.frames;
    ++requests;
    txBytes += reply.txBytes;
    rxBytes += reply.rxBytes;
    elapsedMs += reply.elapsedMs;
}

ConcentratorClient::ConcentratorClient(SerialLink *link, gdw::Address address, QObject *parent)
    : QObject(parent), m_link(link), m_address(address)
{
}

LinkSettings ConcentratorClient::defaultSettings(const QString &port)
{
    LinkSettings s;
    s.portName = port;
    s.kind = LinkKind::Custom;
    s.baud = 9600;
    s.replyTimeoutMs = 2000; // terminals answer a parameter query well within a second
    s.interByteTimeoutMs = 250;
    s.retries = 2;
    return s;
}

QString ConcentratorClient::failureMessage(const Exchange &ex) const
{
    const LinkSettings &s = m_link->settings();
    const QString address = QStringLiteral("%1（%2）")
                                .arg(QString::fromStdString(m_address.displayText()),
                                     QString::fromStdString(m_address.logicalText()));
    switch (ex.failure) {
    case LinkFailure::Silent:
        return tr("集中器没有应答（终端地址 %1，共尝试 %2 次，每次等待 %3 ms，端口 "
                  "%4，%5）。请检查："
                  "维护口线是否插好或红外口是否对准，终端地址是否与集中器铭牌/液晶一致，"
                  "波特率是否与集中器维护口一致（默认 9600 8E1）。仍不通时改用集中器面板按键设置。")
            .arg(address)
            .arg(ex.attempts)
            .arg(s.replyTimeoutMs)
            .arg(s.portName, s.describe());
    case LinkFailure::Garbled:
        return tr("集中器有应答，但 %1 次都不是有效的 1376.1 报文（当前 "
                  "%2）：维护口的波特率或校验方式很可能不一致。"
                  "请在集中器液晶上查看维护口参数，用 --baud 改成一致（1200…19200，8E1）后重试。")
            .arg(ex.attempts)
            .arg(s.describe());
    default: return ex.message;
    }
}

QString ConcentratorClient::deniedMessage(std::uint8_t afn) const
{
    if (afn == gdw::afn::SetParameters || afn == gdw::afn::Reset)
        return tr(
            "集中器否认了设置（AFN 00 F2）：设置密码/权限认证未通过。请核对主站运维下发的设置密码"
            "（32 位十六进制）后重试；不要反复尝试错误的密码。参数未被修改。");
    return tr("集中器否认了请求（AFN 00 F2）：它没有所请求的数据或不支持该项。请确认集中器型号支持"
              " Q/GDW 1376.1 维护口查询，或改用面板按键查看。");
}

void ConcentratorClient::request(std::uint8_t afn, std::vector<gdw::DataUnit> units, Done done)
{
    const int pseq = m_pfc++ & gdw::seqbits::SeqMask;
    auto frame = gdw::makeRequest(m_address, afn, pseq, units, m_password);
    if (!frame) {
        ConcentratorReply r;
        r.outcome = ConcentratorReply::Outcome::BadReply;
        r.message = tr("无法组成 1376.1 请求：%1。请检查输入的参数。")
                        .arg(QString::fromStdString(frame.error().detail));
        done(r);
        return;
    }
    const Bytes bytes = gdw::encodeFrame(frame.value());
    auto collected = std::make_shared<Collected>();
    LinkRequest req;
    req.bytes = QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
    req.scanner = makeScanner(collected, m_address, afn, pseq);
    m_link->send(std::move(req), this, [this, afn, collected, done](const Exchange &ex) {
        ConcentratorReply r;
        r.failure = ex.failure;
        r.frames = ex.frames;
        r.attempts = ex.attempts;
        r.txBytes = ex.txBytes;
        r.rxBytes = ex.rxBytes;
        r.elapsedMs = ex.elapsedMs;
        if (!ex.ok()) {
            r.outcome = ConcentratorReply::Outcome::NoAnswer;
            r.message = failureMessage(ex);
            done(r);
            return;
        }
        r.outcome = ConcentratorReply::Outcome::Data;
        for (const gdw::Frame &f : collected->frames) {
            auto decoded = gdw::decodeUnits(f);
            if (!decoded) {
                r.outcome = ConcentratorReply::Outcome::BadReply;
                r.message = tr("集中器的应答无法解析：%1。请记下报文并反馈。")
                                .arg(QString::fromStdString(decoded.error().detail));
                done(r);
                return;
            }
            if (f.afn == gdw::afn::Confirm) {
                for (const gdw::DataUnit &u : *decoded) {
                    if (u.fn == 2)
                        r.outcome = ConcentratorReply::Outcome::Denied;
                    else if (u.fn == 1)
                        r.outcome = ConcentratorReply::Outcome::Confirmed;
                    else if (const auto *v = std::get_if<gdw::UnitVerdicts>(&u.value)) {
                        r.verdicts = *v;
                        const bool allGood =
                            std::all_of(v->units.begin(), v->units.end(),
                                        [](const auto &x) { return x.error == 0; });
                        r.outcome = allGood ? ConcentratorReply::Outcome::Confirmed
                                            : ConcentratorReply::Outcome::PartlyDenied;
                    } else if (u.fn == 4)
                        r.outcome = ConcentratorReply::Outcome::Denied; // 2013: security error
                }
                continue;
            }
            r.units.insert(r.units.end(), decoded->begin(), decoded->end());
        }
        if (r.outcome == ConcentratorReply::Outcome::Denied)
            r.message = deniedMessage(afn);
        else if (r.outcome == ConcentratorReply::Outcome::PartlyDenied)
            r.message = tr("集中器只接受了部分设置，有 %1 项被否认。")
                            .arg(std::count_if(r.verdicts.units.begin(), r.verdicts.units.end(),
                                               [](const auto &x) { return x.error != 0; }));
        done(r);
    });
}

} // namespace ms::meter
