#pragma once
// MeterSimulator: the protocol side of a simulated meter (DL/T 645-2007, 645-1997, 698.45), with
// no I/O: feed it the bytes the master sent, get the reply frames back. Faults a real meter shows
// (dropped reply, corrupted reply, silence, wrong parity, half a frame) are options.
#include "meter/dlt645/parser.h"
#include "meter/dlt698/parser.h"
#include "meter/sim/registerset.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <random>

namespace ms::meter {

struct SimulatorOptions
{
    Protocol protocol = Protocol::Dlt645_2007;
    QString address = QStringLiteral("000000000001"); // 12 digits, MSD first
    qint32 baud = 2400;
    int replyDelayMs = 50;   // meter turnaround (DL/T 645: 20..500 ms)
    double dropRate = 0.0;   // share of requests that get no reply
    double corruptRate = 0.0; // share of replies with one byte damaged (checksum fails)
    bool silent = false;     // never answers (a dead meter or a probe held to the wrong meter)
    bool wrongParity = false; // the meter talks 8N1: bytes a 8E1 master reads with a parity error arrive as 00
    bool halfFrame = false;  // sends the first half of each reply, then goes quiet
    // DL/T 645-1997 block reads (901F, …) end with this many 00 fill bytes and an AA terminator,
    // as some field meters answer; -1 sends the block alone.
    int blockPadding = -1;
    quint32 seed = 1;        // for drop/corrupt decisions (reproducible runs)
};

class MeterSimulator
{
public:
    MeterSimulator(SimulatorOptions options, RegisterSet registers);

    // Bytes from the master; returns the replies to send, in order (already damaged as
    // configured). Requests to another address or broadcasts get no reply.
    QList<QByteArray> feed(const QByteArray &bytes);

    const SimulatorOptions &options() const { return m_options; }
    int requestsSeen() const { return m_requests; }
    int repliesDropped() const { return m_dropped; }
    int repliesCorrupted() const { return m_corrupted; }

private:
    std::optional<QByteArray> answer645(const dlt645::Frame &frame);
    std::optional<QByteArray> answer698(const dlt698::Frame &frame);
    QByteArray damage(QByteArray reply);

    SimulatorOptions m_options;
    RegisterSet m_registers;
    dlt645::StreamParser m_parser645;
    dlt698::StreamParser m_parser698;
    std::mt19937 m_rng;
    int m_requests = 0;
    int m_dropped = 0;
    int m_corrupted = 0;
};

} // namespace ms::meter
