// Benchmark: commissioning check of a 200-point 台区 through the 1376.1 concentrator simulator on
// a real pty at 9600 bit/s 8E1 with a 50 ms turnaround: read the whole archive (F10), then every
// point's current energy (F129), then the read check.
//   overhead = total ÷ (wire time of every request and reply byte + one turnaround per request)
//   goal ≤ 1.10. Prints one line and a JSON summary; exit 0 (figures are reported, not asserted).
#include "meter/concentrator/archivecheck.h"
#include "meter/concentrator/concentratorclient.h"
#include "meter/sim/concentratorsimulator.h"
#include "meter/sim/simrunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace ms::meter;

namespace {

constexpr int kPoints = 200;
constexpr int kBaud = 9600;
constexpr int kReplyDelayMs = 50;

template <typename T, typename Start> T run(Start start)
{
    T result{};
    bool done = false;
    QEventLoop loop;
    QTimer::singleShot(300000, &loop, &QEventLoop::quit);
    start([&](const T &r) {
        result = r;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    SimulatorThread sim(
        std::make_unique<ConcentratorSimulator>(ConcentratorState::generated(kPoints)), kBaud,
        kReplyDelayMs);
    if (!sim.start(dir.filePath(QStringLiteral("concentrator"))).ok()) {
        std::fprintf(stderr, "cannot open a pty\n");
        return 1;
    }
    LinkSettings s = ConcentratorClient::defaultSettings(sim.portPath());
    s.baud = kBaud;
    SerialLink link(s);
    if (!link.open().ok()) {
        std::fprintf(stderr, "cannot open the port\n");
        return 1;
    }
    ConcentratorClient client(&link, *ms::gdw1376::Address::fromText("1101-1234"));

    QElapsedTimer clock;
    clock.start();
    const auto archive = run<ConcentratorArchive>([&](auto done) { client.readArchive(done); });
    QList<InstalledMeter> installed;
    QList<int> points;
    for (const auto &e : archive.entries) {
        InstalledMeter m;
        m.commAddress = QString::fromStdString(e.commAddress);
        m.protocol = QStringLiteral("dlt645-2007");
        installed << m;
        points << e.point;
    }
    const auto energy =
        run<ConcentratorEnergy>([&](auto done) { client.readEnergy(points, done); });
    const ReadCheck check = checkReadings(archive.entries, installed, energy.readings);
    const qint64 totalMs = clock.elapsed();

    const int requests = archive.traffic.requests + energy.traffic.requests;
    const qint64 bytes = archive.traffic.txBytes + archive.traffic.rxBytes + energy.traffic.txBytes
                         + energy.traffic.rxBytes;
    const double wireMs = s.wireMs(bytes);
    const double delayMs = double(requests) * kReplyDelayMs;
    const double floorMs = wireMs + delayMs;
    const double overhead = floorMs > 0 ? double(totalMs) / floorMs : 0;
    const bool ok = archive.ok && energy.ok && int(archive.entries.size()) == kPoints
                    && check.readCount == kPoints;
    std::printf(
        "concentrator %d points at %d bit/s: %d requests, %lld bytes, total %lld ms, wire %.1f ms, "
        "turnarounds %.0f ms, overhead %.3f (goal <= 1.10)%s\n",
        kPoints, kBaud, requests, static_cast<long long>(bytes), static_cast<long long>(totalMs),
        wireMs, delayMs, overhead, ok ? "" : "  FAILED");
    std::printf(
        "%s\n",
        QJsonDocument(QJsonObject{{QStringLiteral("concentrator_bench"),
                                   QJsonObject{{QStringLiteral("points"), kPoints},
                                               {QStringLiteral("baud"), kBaud},
                                               {QStringLiteral("requests"), requests},
                                               {QStringLiteral("bytes"), bytes},
                                               {QStringLiteral("total_ms"), totalMs},
                                               {QStringLiteral("wire_ms"), wireMs},
                                               {QStringLiteral("delay_ms"), delayMs},
                                               {QStringLiteral("overhead"), overhead},
                                               {QStringLiteral("success_rate"), check.successRate},
                                               {QStringLiteral("ok"), ok}}}})
            .toJson(QJsonDocument::Compact)
            .constData());
    return ok ? 0 : 1;
}
