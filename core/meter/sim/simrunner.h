#pragma once
// SimulatorRunner: a MeterSimulator on a real pseudo-terminal. Reads what the master writes,
// accounts for the request's own wire time (a pty delivers it at once), waits the reply delay,
// then writes the reply paced at bitsPerByte / baud per byte. run() blocks (its own thread or
// the `meterswapctl simulate` process) until stopFd becomes readable.
#include "meter/sim/metersimulator.h"
#include "meter/sim/ptyport.h"
#include "model/result.h"

#include <atomic>
#include <memory>
#include <thread>

namespace ms::meter {

class SimulatorRunner
{
public:
    SimulatorRunner(SimulatorOptions options, RegisterSet registers);
    // Any responder (e.g. the concentrator), paced at `baud` 8E1 after `replyDelayMs`.
    SimulatorRunner(std::unique_ptr<SimResponder> responder, qint32 baud, int replyDelayMs);

    Result<void> open(const QString &linkPath); // empty: no link, use devicePath()
    QString devicePath() const { return m_pty.slaveName(); }
    QString linkPath() const { return m_pty.linkPath(); }
    QString portPath() const; // the link when there is one, else the device
    void run(int stopFd);
    void close() { m_pty.close(); }

    int requests() const { return m_requests.load(); }
    int replies() const { return m_replies.load(); }

private:
    qint32 m_baud = 2400;
    int m_replyDelayMs = 0;
    std::unique_ptr<SimResponder> m_sim;
    PtyPort m_pty;
    std::atomic<int> m_requests{0};
    std::atomic<int> m_replies{0};
};

// The simulator in a background thread, for tests and the benchmark. stop() (or the
// destructor) ends it and removes the link.
class SimulatorThread
{
public:
    explicit SimulatorThread(SimulatorOptions options, RegisterSet registers = RegisterSet::defaults());
    SimulatorThread(std::unique_ptr<SimResponder> responder, qint32 baud, int replyDelayMs);
    ~SimulatorThread();
    SimulatorThread(const SimulatorThread &) = delete;
    SimulatorThread &operator=(const SimulatorThread &) = delete;

    Result<void> start(const QString &linkPath = {});
    void stop();
    QString portPath() const { return m_runner.portPath(); }
    const SimulatorRunner &runner() const { return m_runner; }

private:
    SimulatorRunner m_runner;
    std::thread m_thread;
    int m_stopPipe[2] = {-1, -1};
};

} // namespace ms::meter
