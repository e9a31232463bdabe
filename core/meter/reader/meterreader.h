#pragma once
// MeterReader: reads the swap set (or chosen items) from one meter through a SerialLink.
// On an unknown port it finds protocol and address itself, all to the wildcard: first a quick
// round (2007 read-address, 1997 read of 9010, 698 GET 40010200, each listened to for
// quickProbeMs only), then full rounds (2007 read-address, 2007 read of 00010000, 1997, 698, each
// for probeTimeoutMs). While detecting, a reply of any protocol is taken, so a meter slower than
// the quick window is still heard during a later probe. The protocol remembered for the meter or
// port goes first. See docs/decisions/0010-quick-protocol-detection.md. Then it reads item by
// item. Asynchronous: progress per item, cancel at any time, exactly one finished() per read.
#include "meter/link/seriallink.h"
#include "meter/reader/protocolmemory.h"
#include "meter/reader/reading.h"
#include "meter/reader/replyscanner.h"
#include "meter/reader/swapset.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

namespace ms::meter {

struct ReadOptions
{
    std::optional<Protocol> protocol; // nullopt: detect
    QString expectedAddress;          // the job's meter, when known (tried first from memory)
    QStringList ids;                  // empty: the swap set; else DI/OAD texts
    int probeTimeoutMs = 600;         // per detection probe (meters answer within 500 ms)
    int quickProbeMs = 120;           // per probe of the first detection round (0: no quick round)
};

class MeterReader : public QObject
{
    Q_OBJECT
public:
    MeterReader(SerialLink *link, ProtocolMemory *memory, QObject *parent = nullptr);

    void read(const ReadOptions &options);
    void readSwapSet(std::optional<Protocol> protocol = std::nullopt, const QString &expectedAddress = {});
    void cancel();
    bool running() const { return m_running; }

signals:
    void detecting(const QString &protocol);                 // this protocol is being tried
    void progress(int done, int total, const QString &item); // before each item, and at the end
    void itemFinished(const ms::meter::ItemReading &item);
    void finished(const ms::meter::SwapSetReading &reading);

private:
    struct Probe
    {
        Protocol protocol;
        int kind; // 0 read address (2007), 1 read 00010000 (2007), 2 read 9010 (1997), 3 GET 40010200
        bool quick = false; // first round: listened to for quickProbeMs only
    };

    void planProbes(const ReadOptions &options); // detection.cpp
    void sendProbe();
    void onProbe(const Exchange &ex, const std::shared_ptr<ScannedReply> &reply);
    void startItems();
    void sendItem();
    void onItem(const Exchange &ex, const std::shared_ptr<ScannedReply> &reply);
    void sendFollowUp(std::uint8_t seq);
    void account(const Exchange &ex);
    void completeItem();
    void finish(LinkFailure failure, const QString &message);
    QString protocolLabel(Protocol p) const;
    int probeTimeoutMs() const;
    bool stopIfCancelled();

    SerialLink *m_link;
    ProtocolMemory *m_memory;
    ReadOptions m_options;
    bool m_running = false;
    bool m_cancelRequested = false;
    SwapSetReading m_reading;
    QElapsedTimer m_clock;
    QElapsedTimer m_itemClock;
    QList<Probe> m_probes;
    int m_probeIndex = 0;
    int m_alwaysTried = 0; // probes tried whatever the time budget (quick round + one full round)
    qint64 m_quickRoundMs = 0; // what the quick round may take; added to the detection budget
    LinkFailure m_worstProbeFailure = LinkFailure::None;
    QString m_worstProbeMessage;
    QList<SwapItem> m_items;
    int m_itemIndex = 0;
    ItemReading m_current;
    std::uint8_t m_piid = 1;
};

} // namespace ms::meter
