#include "sync/synchttp.h"

#include "sync/wire.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>

Q_LOGGING_CATEGORY(lcSyncHttp, "meterswap.sync", QtWarningMsg)

namespace ms::sync {

SyncHttp::SyncHttp(QNetworkAccessManager &nam, HttpOptions options, QObject *parent)
    : QObject(parent), m_nam(nam), m_options(std::move(options))
{
    m_backoff.setSingleShot(true);
}

void SyncHttp::get(const QString &path, const QUrlQuery &query, Done done)
{
    issue(Call{QByteArrayLiteral("GET"), path, query, {}, std::move(done)});
}

void SyncHttp::put(const QString &path, const QUrlQuery &query, const QByteArray &body, Done done)
{
    issue(Call{QByteArrayLiteral("PUT"), path, query, body, std::move(done)});
}

void SyncHttp::post(const QString &path, const QByteArray &body, Done done)
{
    issue(Call{QByteArrayLiteral("POST"), path, {}, body, std::move(done)});
}

void SyncHttp::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused && m_held) {
        auto held = std::move(m_held);
        m_held = nullptr;
        held();
    }
}

void SyncHttp::abort()
{
    m_held = nullptr;
    m_backoff.stop();
    m_backoff.disconnect(this);
    if (m_inFlight) {
        QNetworkReply *reply = m_inFlight;
        m_inFlight = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

Error SyncHttp::answerError(const HttpReply &reply)
{
    const Error server = decodeError(reply.body, reply.status);
    if (reply.status == 401)
        return makeError(QStringLiteral("sync.token_refused"),
                         tr("办公室服务器拒绝了本机的令牌（%1）。请向办公室申请新令牌并在设置中更新。")
                             .arg(server.message));
    if (reply.status == 507)
        return makeError(QStringLiteral("sync.server_disk_full"),
                         tr("办公室服务器磁盘已满，暂时无法接收。请通知办公室清理磁盘后再同步；本机数据都在。"));
    return server;
}

QString SyncHttp::peerDigest(QNetworkReply *reply) const
{
    const QSslCertificate cert = reply->sslConfiguration().peerCertificate();
    return QString::fromLatin1(cert.digest(QCryptographicHash::Sha256).toHex());
}

void SyncHttp::issue(Call call)
{
    if (m_paused) {
        m_held = [this, call]() mutable { issue(std::move(call)); };
        return;
    }
    QUrl url = m_options.server;
    url.setPath(apiPath(call.path));
    url.setQuery(call.query);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_options.token.toUtf8());
    if (!m_options.deviceKey.isEmpty())
        request.setRawHeader(kDeviceKeyHeader, m_options.deviceKey.toLatin1());
    request.setTransferTimeout(m_options.timeoutMs);
    if (!call.body.isEmpty() || call.verb != "GET")
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          call.verb == "PUT" ? QByteArrayLiteral("application/octet-stream")
                                             : QByteArrayLiteral("application/json"));
    QNetworkReply *reply = call.verb == "GET" ? m_nam.get(request)
                                              : m_nam.sendCustomRequest(request, call.verb, call.body);
    m_inFlight = reply;
    m_attemptSent = 0;
    // QNetworkAccessManager may resend a request by itself on a dropped keep-alive connection:
    // progress then starts again from 0, and those bytes count too.
    connect(reply, &QNetworkReply::uploadProgress, this, [this, last = qint64(0)](qint64 sent, qint64) mutable {
        m_attemptSent += sent >= last ? sent - last : sent;
        last = sent;
    });
    m_pinFailed = false;
    m_selfSigned = false;
    if (m_options.pinnedSha256.isEmpty()) {
        connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
            for (const QSslError &e : errors)
                if (e.error() == QSslError::SelfSignedCertificate
                    || e.error() == QSslError::SelfSignedCertificateInChain)
                    m_selfSigned = true;
        });
    } else {
        connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
            if (peerDigest(reply).compare(m_options.pinnedSha256, Qt::CaseInsensitive) == 0)
                reply->ignoreSslErrors(errors); // the self-signed office certificate we pinned
        });
        connect(reply, &QNetworkReply::encrypted, this, [this, reply] {
            if (peerDigest(reply).compare(m_options.pinnedSha256, Qt::CaseInsensitive) != 0) {
                m_pinFailed = true;
                reply->abort();
            }
        });
    }
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, call = std::move(call)]() mutable { finish(reply, std::move(call)); });
}

void SyncHttp::finish(QNetworkReply *reply, Call call)
{
    reply->deleteLater();
    if (m_inFlight == reply)
        m_inFlight = nullptr;
    m_bodyBytesSent += m_attemptSent; // what reached the socket, also when the attempt failed
    m_attemptSent = 0;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError net = reply->error();
    const QByteArray body = reply->readAll();
    if (m_pinFailed)
        return call.done(makeError(QStringLiteral("sync.tls_pin"),
                                   tr("服务器证书与本机登记的指纹不符，已中止连接。请向办公室核对证书指纹。")));
    if (net == QNetworkReply::SslHandshakeFailedError && m_options.pinnedSha256.isEmpty()
        && m_selfSigned)
        return call.done(makeError(QStringLiteral("sync.tls_pin_required"),
                                   tr("办公室服务器使用自签名证书，本机还没有登记它的指纹，已中止连接。"
                                      "请在办公室执行 meterswap-office tls init（或 tls pin）查看指纹，"
                                      "然后在本机设置：meterswap --server-pin 指纹。")));
    if (net == QNetworkReply::SslHandshakeFailedError)
        return call.done(makeError(QStringLiteral("sync.tls"),
                                   tr("与办公室服务器的加密连接失败（%1）。请在设置中核对证书指纹。")
                                       .arg(reply->errorString())));
    if (status == 0) {
        const Error e = makeError(QStringLiteral("sync.no_network"),
                                  tr("连不上办公室服务器（%1）。请检查网络后再同步；已发送的部分不会丢失。")
                                      .arg(reply->errorString()));
        return retryOrFail(std::move(call), reply->errorString(), e);
    }
    if ((status >= 500 && status != 507) || status == 429) { // 429/503: the office is busy
        const Error e = decodeError(body, status);
        return retryOrFail(std::move(call), QStringLiteral("HTTP %1").arg(status), e);
    }
    call.done(HttpReply{status, body});
}

void SyncHttp::retryOrFail(Call call, const QString &reason, const Error &finalError)
{
    if (++call.attempt >= m_options.maxAttempts)
        return call.done(finalError);
    ++m_retries;
    const int base = std::min(m_options.maxBackoffMs,
                              m_options.initialBackoffMs << std::min(call.attempt - 1, 16));
    const int delay = base / 2 + int(QRandomGenerator::global()->bounded(base / 2 + 1));
    qCInfo(lcSyncHttp) << "retry" << call.attempt << "in" << delay << "ms:" << reason;
    Q_EMIT retrying(call.attempt, delay, reason);
    m_backoff.disconnect(this);
    connect(&m_backoff, &QTimer::timeout, this,
            [this, call = std::move(call)]() mutable { issue(std::move(call)); });
    m_backoff.start(delay);
}

} // namespace ms::sync
