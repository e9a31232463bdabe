#pragma once
// SerialLink: one serial port, one request at a time, event-driven (readyRead, errorOccurred,
// a timer); never a blocking wait. Requests queue up; each gets a reply timeout, an inter-byte
// timeout and retries, and ends in exactly one Exchange handed to its callback.
#include "meter/link/linktypes.h"
#include "model/result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSerialPort>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <functional>

namespace ms::meter {

class SerialLink : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Exchange &)>;

    explicit SerialLink(LinkSettings settings, QObject *parent = nullptr);
    ~SerialLink() override;

    // Sets baud, data bits, parity and stop bits, then opens. Quirks of pseudo-terminals
    // (no parity, no DTR/RTS) are recorded in warnings(), never fatal.
    Result<void> open();
    void close();
    bool isOpen() const;
    const LinkSettings &settings() const { return m_settings; }
    void setSettings(const LinkSettings &settings); // takes effect at the next open()
    QStringList warnings() const { return m_warnings; }

    // Queues a request; `done` runs once (unless `context` is gone by then).
    void send(LinkRequest request, QObject *context, Done done);
    // Ends the running exchange and every queued one with LinkFailure::Cancelled.
    void cancelAll();
    bool busy() const { return m_current.has_value() || !m_queue.empty(); }
    int pending() const { return int(m_queue.size()) + (m_current ? 1 : 0); }

signals:
    void frameLogged(const ms::meter::RawFrame &frame); // every request and reply, as it happens
    void portLost(const QString &message);

private:
    struct Job
    {
        LinkRequest request;
        QPointer<QObject> context;
        bool hasContext = false;
        Done done;
        Exchange exchange;
        QElapsedTimer clock;
    };

    void startNext();
    void startAttempt();
    void onReadyRead();
    void onTimeout();
    void onError(QSerialPort::SerialPortError error);
    void attemptFailed(LinkFailure failure);
    void finish(LinkFailure failure);
    void flushRx();
    int interFrameGapMs() const;
    int replyTimeoutMs() const;

    LinkSettings m_settings;
    QSerialPort m_port;
    QTimer m_timer;      // reply deadline / inter-byte silence
    QTimer m_gapTimer;   // quiet time before a retry
    QTimer m_nextTimer;  // quiet time before the next queued request
    QElapsedTimer m_sinceFinish;
    QStringList m_warnings;
    std::deque<Job> m_queue;
    std::optional<Job> m_current;
    QByteArray m_rx;
    QDateTime m_rxFirstAt;
    ReplyState m_lastState = ReplyState::Nothing;
    bool m_onlyBadBytes = true; // every attempt so far got bytes, but never a valid frame
    qint64 m_deadlineMs = 0; // on m_current->clock
};

} // namespace ms::meter
