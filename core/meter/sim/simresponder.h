#pragma once
// The protocol side of a simulated device on the pty (a meter, a concentrator): bytes from the
// master in, reply frames out, no I/O. SimulatorRunner paces the replies on the wire.
#include <QByteArray>
#include <QList>

namespace ms::meter {

class SimResponder
{
public:
    virtual ~SimResponder() = default;
    // Bytes from the master; returns the replies to send, in order.
    virtual QList<QByteArray> feed(const QByteArray &bytes) = 0;
    virtual int requestsSeen() const = 0;
};

} // namespace ms::meter
