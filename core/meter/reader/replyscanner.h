#pragma once
// Builds the link's ReplyScanner for one request from the codecs' streaming parsers: it skips
// preambles, noise and echoed requests, reports a started/complete/corrupt reply, and hands the
// decoded reply frame back through a shared slot.
#include "meter/dlt645/frame.h"
#include "meter/dlt698/frame.h"
#include "meter/link/linktypes.h"

#include <functional>
#include <memory>
#include <optional>

namespace ms::meter {

struct ScannedReply
{
    std::optional<dlt645::Frame> frame645;
    std::optional<dlt698::Frame> frame698;
    QByteArray raw; // the reply frame's bytes (68 … 16)
};

// `accept` decides whether a good frame is the awaited reply (address, DI/OAD, direction);
// frames it declines are skipped like noise (an echo of our request, a stale answer).
using Accept645 = std::function<bool(const dlt645::Frame &)>;
using Accept698 = std::function<bool(const dlt698::Frame &)>;
ReplyScanner makeScanner645(std::shared_ptr<ScannedReply> out, Accept645 accept);
ReplyScanner makeScanner698(std::shared_ptr<ScannedReply> out, Accept698 accept);
// Auto-detection: a reply of any protocol (a 645 reply of either version, a 698.45 user-data
// frame from a server) completes, so a meter that answers an earlier probe late is still heard
// while the next probe waits. `out` says which kind arrived.
ReplyScanner makeDetectScanner(std::shared_ptr<ScannedReply> out);

} // namespace ms::meter
