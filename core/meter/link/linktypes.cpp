#include "meter/link/linktypes.h"

namespace ms::meter {

LinkSettings LinkSettings::infrared(const QString &port)
{
    LinkSettings s;
    s.portName = port;
    s.kind = LinkKind::Infrared;
    s.baud = 1200;
    return s;
}

LinkSettings LinkSettings::rs485(const QString &port)
{
    LinkSettings s;
    s.portName = port;
    s.kind = LinkKind::Rs485;
    s.baud = 2400;
    return s;
}

int LinkSettings::bitsPerByte() const
{
    const int parityBits = parity == QSerialPort::NoParity ? 0 : 1;
    const int stop = stopBits == QSerialPort::TwoStop ? 2 : 1;
    return 1 + int(dataBits) + parityBits + stop;
}

double LinkSettings::wireMs(qint64 bytes) const
{
    return baud > 0 ? double(bytes) * bitsPerByte() * 1000.0 / baud : 0.0;
}

QString LinkSettings::describe() const
{
    QChar p = QLatin1Char('N');
    switch (parity) {
    case QSerialPort::EvenParity: p = QLatin1Char('E'); break;
    case QSerialPort::OddParity: p = QLatin1Char('O'); break;
    case QSerialPort::SpaceParity: p = QLatin1Char('S'); break;
    case QSerialPort::MarkParity: p = QLatin1Char('M'); break;
    default: break;
    }
    return QStringLiteral("%1 %2%3%4")
        .arg(baud)
        .arg(int(dataBits))
        .arg(p)
        .arg(stopBits == QSerialPort::TwoStop ? 2 : 1);
}

QString RawFrame::hex() const
{
    return QString::fromLatin1(bytes.toHex(' ').toUpper());
}

QString linkFailureKey(LinkFailure f)
{
    switch (f) {
    case LinkFailure::None: return QStringLiteral("none");
    case LinkFailure::NotOpen: return QStringLiteral("not_open");
    case LinkFailure::Silent: return QStringLiteral("silent");
    case LinkFailure::Garbled: return QStringLiteral("garbled");
    case LinkFailure::Partial: return QStringLiteral("partial");
    case LinkFailure::Corrupt: return QStringLiteral("corrupt");
    case LinkFailure::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

} // namespace ms::meter
