#include "meter/reader/replyscanner.h"

#include "meter/dlt645/parser.h"
#include "meter/dlt698/parser.h"

namespace ms::meter {

namespace {

template<typename Parser, typename FrameT, typename AcceptT, typename Store>
ReplyScanner makeScanner(std::shared_ptr<ScannedReply> out, AcceptT accept, Store store)
{
    struct State
    {
        Parser parser;
        qsizetype fed = 0;
        bool corrupt = false;
    };
    auto state = std::make_shared<State>();
    return [state, out, accept, store](const QByteArray &received) -> ReplyState {
        if (received.size() < state->fed) { // a new attempt: the link cleared its buffer
            state->parser.reset();
            state->fed = 0;
            state->corrupt = false;
        }
        const ByteView fresh(reinterpret_cast<const std::uint8_t *>(received.constData()) + state->fed,
                             std::size_t(received.size() - state->fed));
        state->fed = received.size();
        for (const auto &parsed : state->parser.feed(fresh)) {
            if (parsed.frame) {
                if (accept && !accept(*parsed.frame))
                    continue;
                store(*out, *parsed.frame);
                out->raw = QByteArray(reinterpret_cast<const char *>(parsed.raw.data()),
                                      qsizetype(parsed.raw.size()));
                return ReplyState::Complete;
            }
            if (parsed.rejected)
                state->corrupt = true;
        }
        if (state->corrupt)
            return ReplyState::Corrupt;
        if (state->parser.hasPartialFrame())
            return ReplyState::Started;
        return ReplyState::Nothing;
    };
}

} // namespace

ReplyScanner makeScanner645(std::shared_ptr<ScannedReply> out, Accept645 accept)
{
    return makeScanner<dlt645::StreamParser, dlt645::Frame>(
        std::move(out), std::move(accept),
        [](ScannedReply &r, const dlt645::Frame &f) { r.frame645 = f; });
}

ReplyScanner makeScanner698(std::shared_ptr<ScannedReply> out, Accept698 accept)
{
    return makeScanner<dlt698::StreamParser, dlt698::Frame>(
        std::move(out), std::move(accept),
        [](ScannedReply &r, const dlt698::Frame &f) { r.frame698 = f; });
}

ReplyScanner makeDetectScanner(std::shared_ptr<ScannedReply> out)
{
    auto scan645 = makeScanner645(out, [](const dlt645::Frame &f) {
        return f.isReply() && dlt645::versionOf(f).has_value();
    });
    auto scan698 = makeScanner698(out, [](const dlt698::Frame &f) {
        return f.fromServer() && (f.control & dlt698::control::FunctionMask) == 3;
    });
    return [scan645, scan698](const QByteArray &received) -> ReplyState {
        // Both parsers see every byte: one frame's bytes are noise to the other parser.
        const ReplyState a = scan645(received);
        const ReplyState b = scan698(received);
        if (a == ReplyState::Complete || b == ReplyState::Complete)
            return ReplyState::Complete;
        if (a == ReplyState::Started || b == ReplyState::Started)
            return ReplyState::Started;
        if (a == ReplyState::Corrupt || b == ReplyState::Corrupt)
            return ReplyState::Corrupt;
        return ReplyState::Nothing;
    };
}

} // namespace ms::meter
