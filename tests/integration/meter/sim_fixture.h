#pragma once
// A simulated meter on a real pty in a background thread, and a MeterReader on a real
// QSerialPort opened on the pty's link: the whole stack except the wire itself.
#include "meter/reader/meterreader.h"
#include "meter/sim/simrunner.h"

#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>
#include <gtest/gtest.h>

#include <memory>

namespace ms::meter::test {

struct SimRig
{
    QTemporaryDir dir;
    std::unique_ptr<SimulatorThread> sim;
    std::unique_ptr<SerialLink> link;
    ProtocolMemory memory;
    std::unique_ptr<MeterReader> reader;

    // Fast defaults for the suite: 9600 bit/s, 5 ms turnaround, 300 ms reply timeout.
    static SimulatorOptions fast(Protocol p, const QString &address = QStringLiteral("201000000012"))
    {
        SimulatorOptions o;
        o.protocol = p;
        o.address = address;
        o.baud = 9600;
        o.replyDelayMs = 5;
        return o;
    }

    bool start(const SimulatorOptions &o, RegisterSet regs = RegisterSet::defaults(),
               int timeoutMs = 300, int retries = 2)
    {
        sim = std::make_unique<SimulatorThread>(o, std::move(regs));
        const auto started = sim->start(dir.filePath(QStringLiteral("meter")));
        EXPECT_TRUE(started.ok()) << (started.ok() ? "" : started.error().message.toStdString());
        if (!started)
            return false;
        LinkSettings s = LinkSettings::rs485(sim->portPath());
        s.baud = o.baud;
        s.replyTimeoutMs = timeoutMs;
        s.retries = retries;
        link = std::make_unique<SerialLink>(s);
        reader = std::make_unique<MeterReader>(link.get(), &memory);
        return true;
    }

    SwapSetReading read(const ReadOptions &options = {}, int maxMs = 30000)
    {
        SwapSetReading result;
        QEventLoop loop;
        QObject::connect(reader.get(), &MeterReader::finished, &loop, [&](const SwapSetReading &r) {
            result = r;
            loop.quit();
        });
        QTimer::singleShot(maxMs, &loop, &QEventLoop::quit);
        reader->read(options);
        if (reader->running())
            loop.exec();
        return result;
    }
};

} // namespace ms::meter::test
