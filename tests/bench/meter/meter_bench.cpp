// Benchmark: read the swap set through the pacing simulator on a real pty.
//   overhead = total ÷ (wire time + reply delays)      goal ≤ 1.10
//   detect   = auto-detected read ÷ read with the protocol known   goal ≤ 1.2 (issue 16 §8)
//   memory   = auto-detected read of a port whose protocol is remembered ÷ read with it known
// Each figure is the median of kRuns reads (the machine may be shared). Prints one line per case
// and a JSON summary; exit 0 (figures are reported, not asserted).
#include "meter/reader/meterreader.h"
#include "meter/sim/simrunner.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace ms::meter;

namespace {

constexpr int kReplyDelayMs = 50;

constexpr int kRuns = 3;

// `memory` null: a fresh one, nothing remembered.
SwapSetReading readOnce(const QString &port, int baud, std::optional<Protocol> protocol,
                        ProtocolMemory *memory = nullptr)
{
    LinkSettings s = LinkSettings::rs485(port);
    s.baud = baud;
    SerialLink link(s);
    ProtocolMemory fresh;
    MeterReader reader(&link, memory ? memory : &fresh);
    SwapSetReading result;
    QEventLoop loop;
    QObject::connect(&reader, &MeterReader::finished, &loop, [&](const SwapSetReading &r) {
        result = r;
        loop.quit();
    });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    reader.readSwapSet(protocol);
    if (reader.running())
        loop.exec();
    return result;
}

// Replies the meter sent (successful exchanges) × reply delay: the time a meter legitimately waits.
double delaysMs(const SwapSetReading &r)
{
    int replies = 0;
    for (const RawFrame &f : r.frames)
        replies += f.direction == RawFrame::Direction::Rx;
    return replies * double(kReplyDelayMs);
}

// The run with the median total time of kRuns reads; `failed` is set when any run failed.
SwapSetReading medianRead(const QString &port, int baud, std::optional<Protocol> protocol,
                          ProtocolMemory *memory, bool &failed)
{
    std::vector<SwapSetReading> runs;
    for (int i = 0; i < kRuns; ++i) {
        runs.push_back(readOnce(port, baud, protocol, memory));
        failed = failed || runs.back().failure != LinkFailure::None;
    }
    std::sort(runs.begin(), runs.end(), [](const SwapSetReading &a, const SwapSetReading &b) {
        return a.totalMs < b.totalMs;
    });
    return runs[runs.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    QJsonArray results;
    bool allOk = true;
    for (Protocol protocol : {Protocol::Dlt645_2007, Protocol::Dlt645_1997, Protocol::Dlt698_45}) {
        for (int baud : {2400, 1200}) {
            SimulatorOptions o;
            o.protocol = protocol;
            o.address = QStringLiteral("201000000012");
            o.baud = baud;
            o.replyDelayMs = kReplyDelayMs;
            SimulatorThread sim(o);
            if (!sim.start(dir.filePath(QStringLiteral("bench"))).ok()) {
                std::fprintf(stderr, "cannot open a pty\n");
                return 1;
            }
            bool failed = false;
            const QString port = sim.portPath();
            const SwapSetReading known = medianRead(port, baud, protocol, nullptr, failed);
            const SwapSetReading detected = medianRead(port, baud, std::nullopt, nullptr, failed);
            ProtocolMemory memory;
            memory.remember(port, protocol, o.address);
            const SwapSetReading warm = medianRead(port, baud, std::nullopt, &memory, failed);
            const bool ok = !failed;
            allOk = allOk && ok;
            const double ideal = known.wireMs + delaysMs(known);
            const double overhead = ideal > 0 ? known.totalMs / ideal : 0;
            const double detectRatio = known.totalMs > 0 ? double(detected.totalMs) / known.totalMs : 0;
            const double warmRatio = known.totalMs > 0 ? double(warm.totalMs) / known.totalMs : 0;
            std::printf(
                "%-12s %4d bit/s: %2d exchanges, total %5lld ms, wire %7.1f ms, delays %4.0f ms, "
                "overhead %.3f (goal <= 1.10); auto-detect %5lld ms = %.2f x (goal <= 1.2), "
                "remembered %.2f x%s\n",
                qPrintable(protocolText(protocol)), baud, known.exchanges,
                static_cast<long long>(known.totalMs), known.wireMs, delaysMs(known), overhead,
                static_cast<long long>(detected.totalMs), detectRatio, warmRatio,
                ok ? "" : "  READ FAILED");
            results.append(QJsonObject{{QStringLiteral("protocol"), protocolText(protocol)},
                                       {QStringLiteral("baud"), baud},
                                       {QStringLiteral("total_ms"), known.totalMs},
                                       {QStringLiteral("wire_ms"), known.wireMs},
                                       {QStringLiteral("delay_ms"), delaysMs(known)},
                                       {QStringLiteral("overhead"), overhead},
                                       {QStringLiteral("detect_total_ms"), detected.totalMs},
                                       {QStringLiteral("detect_ratio"), detectRatio},
                                       {QStringLiteral("remembered_ratio"), warmRatio},
                                       {QStringLiteral("ok"), ok}});
        }
    }
    std::printf("%s\n", QJsonDocument(QJsonObject{{QStringLiteral("meter_bench"), results}})
                            .toJson(QJsonDocument::Compact).constData());
    return allOk ? 0 : 1;
}
