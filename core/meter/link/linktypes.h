#pragma once
// Value types of the serial link: settings with the two field presets, one request/reply
// exchange, and the raw frames kept as evidence (串口通信参数 / 报文).
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QSerialPort>
#include <QString>

#include <functional>

namespace ms::meter {

// How the installer reaches the meter: the optical probe (红外) or the RS-485 terminals.
enum class LinkKind { Infrared, Rs485, Custom };

struct LinkSettings
{
    QString portName;                 // "/dev/ttyUSB0", "/dev/pts/3" or a symlink to one
    LinkKind kind = LinkKind::Rs485;
    qint32 baud = 2400;
    QSerialPort::DataBits dataBits = QSerialPort::Data8;
    QSerialPort::Parity parity = QSerialPort::EvenParity;
    QSerialPort::StopBits stopBits = QSerialPort::OneStop;
    int replyTimeoutMs = 1000;        // from the end of our request to the first reply byte
    int interByteTimeoutMs = 250;     // longest silence inside a reply once it has started
    int retries = 2;                  // extra attempts after the first one
    QByteArray wakeUp;                // sent before every request (e.g. a longer FE preamble)

    static LinkSettings infrared(const QString &port); // "infrared 1200 8E1"
    static LinkSettings rs485(const QString &port);    // "RS-485 2400 8E1"
    int bitsPerByte() const;                          // start + data + parity + stop (11 at 8E1)
    double wireMs(qint64 bytes) const;                // time on the wire for that many bytes
    QString describe() const;                         // "2400 8E1"
};

// One frame on the wire, kept as evidence beside the decoded values.
struct RawFrame
{
    enum class Direction { Tx, Rx };
    Direction direction = Direction::Tx;
    QByteArray bytes;
    QDateTime at; // when the first byte was sent or received (UTC)
    QString hex() const;
};

// What the link knows about the bytes received so far for one request. The reader supplies a
// scanner (built on the codecs' streaming parser) so the link itself stays protocol-agnostic.
enum class ReplyState {
    Nothing,  // no frame start yet (silence or noise only)
    Started,  // a frame header is there, more bytes are needed
    Complete, // a whole, valid reply frame is there
    Corrupt,  // a whole frame arrived but its checksum/CRC is wrong
};
using ReplyScanner = std::function<ReplyState(const QByteArray &received)>;

enum class LinkFailure {
    None,
    NotOpen,   // the port could not be opened or went away
    Silent,    // not one byte came back
    Garbled,   // bytes came back but never a valid frame: parity or baud rate mismatch
    Partial,   // a frame started and then the line went quiet
    Corrupt,   // whole frames with a wrong checksum, every attempt
    Cancelled, // the caller cancelled
};
QString linkFailureKey(LinkFailure f); // "silent", "garbled", ...

struct LinkRequest
{
    QByteArray bytes;     // the complete request frame (protocol bytes come from the codecs)
    ReplyScanner scanner; // decides when the reply is complete
    bool expectReply = true; // broadcasts get no answer
    int retries = -1;        // -1: LinkSettings::retries (probes use 0)
    int replyTimeoutMs = -1; // -1: LinkSettings::replyTimeoutMs
};

struct Exchange
{
    LinkFailure failure = LinkFailure::None;
    QString message;        // human text when failure != None (what happened, what to try)
    QByteArray reply;       // all bytes received in the successful attempt
    QList<RawFrame> frames; // every request and reply of every attempt, in order
    int attempts = 0;
    qint64 txBytes = 0;     // over all attempts
    qint64 rxBytes = 0;
    qint64 elapsedMs = 0;   // from the first byte queued to the outcome
    bool ok() const { return failure == LinkFailure::None; }
};

} // namespace ms::meter

Q_DECLARE_METATYPE(ms::meter::Exchange)
