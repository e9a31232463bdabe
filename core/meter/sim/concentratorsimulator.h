#pragma once
// ConcentratorSimulator: the protocol side of a simulated Q/GDW 1376.1 concentrator on its
// maintenance port, no I/O (SimulatorRunner paces it on a pty). It answers as terminals in the
// field do (Q/GDW 1376.1-2013 and issue 18's facts sheet): AFN 0A queries of F1/F3/F10/F89, AFN 04
// sets checked against its password (a wrong one gets AFN 00 F2), AFN 0C F2 (clock) and F129 per
// measuring point (an unreachable meter's unit is left out; nothing answerable → AFN 00 F2). Frames
// with another terminal address are ignored; a broadcast is answered only for F89, with the real
// address. Long replies go out as several frames (FIR…FIN) when maxFrameBody is small.
#include "meter/gdw1376/parser.h"
#include "meter/sim/concentratorstate.h"
#include "meter/sim/simresponder.h"

namespace ms::meter {

struct ConcentratorSimOptions
{
    bool silent = false;             // answers nothing (a dead port, a wrong cable)
    bool withoutF89 = false; // a 376.1-2009 terminal: a frame asking for F89 is denied whole
    std::size_t maxFrameBody = 2048; // the data units of one reply frame at most (then FIR…FIN)
};

class ConcentratorSimulator : public SimResponder
{
public:
    ConcentratorSimulator(ConcentratorState state, ConcentratorSimOptions options = {});

    QList<QByteArray> feed(const QByteArray &bytes) override;
    int requestsSeen() const override { return m_requests; }
    const ConcentratorState &state() const { return m_state; }

    // The replies to one decoded request (empty: no answer). Public for unit tests.
    QList<QByteArray> answer(const gdw1376::Frame &request);

private:
    QList<QByteArray> query(const gdw1376::Frame &request,
                            const std::vector<gdw1376::DataUnit> &units);
    QList<QByteArray> set(const gdw1376::Frame &request,
                          const std::vector<gdw1376::DataUnit> &units);
    QList<QByteArray> data(const gdw1376::Frame &request,
                           const std::vector<gdw1376::DataUnit> &units);
    QList<QByteArray> reply(const gdw1376::Frame &request, std::uint8_t afn,
                            std::vector<gdw1376::DataUnit> units);
    QByteArray deny(const gdw1376::Frame &request) const;
    int setArchive(const gdw1376::MeterArchive &archive); // 0 ok, 1 other error, 2 duplicate

    ConcentratorState m_state;
    ConcentratorSimOptions m_options;
    gdw1376::StreamParser m_parser;
    int m_requests = 0;
};

} // namespace ms::meter
