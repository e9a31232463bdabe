#pragma once
// One HTTP call at a time to the office, with what every call needs: the bearer token, a pinned
// self-signed certificate for HTTPS, a transfer timeout, retries with exponential backoff on
// network errors and 5xx (507 "disk full" excepted), and pause/resume between calls.
#include "model/result.h"

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <functional>

namespace ms::sync {

struct HttpOptions
{
    QUrl server;                 // e.g. https://10.0.0.5:8443 (path /api/v1/... is appended)
    QString token;
    QString pinnedSha256;        // hex SHA-256 of the server certificate (DER); empty = system CAs
    QString deviceKey;           // hex Ed25519 public key, sent as X-MeterSwap-Device-Key: the
                                 // office binds it to the token on first use
    int maxAttempts = 6;         // per call, before giving up with "sync.no_network"
    int initialBackoffMs = 500;
    int maxBackoffMs = 30000;
    int timeoutMs = 30000;       // no bytes moving for this long = a failed attempt
};

struct HttpReply
{
    int status = 0;
    QByteArray body;
};

class SyncHttp : public QObject
{
    Q_OBJECT
public:
    // Ok(reply) for every HTTP answer that is not retried (2xx, 4xx, 507); an error when the
    // office could not be reached after all attempts, or TLS failed (never retried).
    using Done = std::function<void(Result<HttpReply>)>;

    SyncHttp(QNetworkAccessManager &nam, HttpOptions options, QObject *parent = nullptr);

    void get(const QString &path, const QUrlQuery &query, Done done);
    void put(const QString &path, const QUrlQuery &query, const QByteArray &body, Done done);
    void post(const QString &path, const QByteArray &body, Done done);

    // While paused no new call starts (the one in flight finishes); resume() starts the held one.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void abort(); // drops the call in flight and any held one; its Done is not called

    // The plain-words error of a non-2xx answer (401 token, 507 disk full, others by body).
    static Error answerError(const HttpReply &reply);

    void resetCounters() { m_retries = 0; m_bodyBytesSent = 0; }
    int retries() const { return m_retries; }
    // Request body bytes written to the connection, over every attempt (failed ones included).
    qint64 bodyBytesSent() const { return m_bodyBytesSent; }

Q_SIGNALS:
    void retrying(int attempt, int delayMs, const QString &reason);

private:
    struct Call
    {
        QByteArray verb;
        QString path;
        QUrlQuery query;
        QByteArray body;
        Done done;
        int attempt = 0;
    };
    void issue(Call call);
    void finish(QNetworkReply *reply, Call call);
    void retryOrFail(Call call, const QString &reason, const Error &finalError);
    QString peerDigest(QNetworkReply *reply) const;

    QNetworkAccessManager &m_nam;
    HttpOptions m_options;
    bool m_paused = false;
    std::function<void()> m_held;
    QPointer<QNetworkReply> m_inFlight;
    QTimer m_backoff;
    int m_retries = 0;
    qint64 m_bodyBytesSent = 0;
    qint64 m_attemptSent = 0;
    bool m_pinFailed = false;
    bool m_selfSigned = false;   // the failed handshake was with a self-signed certificate
};

} // namespace ms::sync
