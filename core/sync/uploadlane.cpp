#include "sync/uploadlane.h"

#include <QFile>
#include <QNetworkAccessManager>

namespace ms::sync {

// Everything that touches the network: made, used and deleted in the lane's thread.
class UploadLane::Worker : public QObject
{
public:
    explicit Worker(HttpOptions options) : m_options(std::move(options)) {}

    SyncHttp &http(UploadLane *lane)
    {
        if (!m_http) {
            m_nam = new QNetworkAccessManager(this);
            m_http = new SyncHttp(*m_nam, m_options, this);
            connect(m_http, &SyncHttp::retrying, lane, &UploadLane::retrying); // queued to the lane
        }
        return *m_http;
    }
    void resetCounters()
    {
        if (m_http)
            m_http->resetCounters();
    }
    SyncHttp *existing() const { return m_http; }

private:
    HttpOptions m_options;
    QNetworkAccessManager *m_nam = nullptr;
    SyncHttp *m_http = nullptr;
};

UploadLane::UploadLane(HttpOptions options, QObject *parent)
    : QObject(parent), m_worker(new Worker(std::move(options)))
{
    m_thread.setObjectName(QStringLiteral("sync-upload"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

UploadLane::~UploadLane()
{
    ++m_generation;
    // Waits for the abort, so no reply is left to finish while the thread winds down.
    QMetaObject::invokeMethod(m_worker, [this] {
        if (SyncHttp *http = m_worker->existing())
            http->abort();
    }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait(); // the worker, its manager and any reply are deleted as the thread ends
}

void UploadLane::send(const UploadChunk &chunk)
{
    const quint64 generation = m_generation.load();
    QMetaObject::invokeMethod(m_worker, [this, chunk, generation] {
        if (generation != m_generation.load())
            return; // aborted before it started
        const auto answer = [this, chunk, generation](const Result<HttpReply> &reply) {
            if (SyncHttp *http = m_worker->existing()) {
                m_retries.store(http->retries());
                m_bodyBytesSent.store(http->bodyBytesSent());
            }
            QMetaObject::invokeMethod(this, [this, chunk, reply, generation] {
                if (generation == m_generation.load())
                    Q_EMIT sent(chunk, reply);
            }, Qt::QueuedConnection);
        };
        QFile file(chunk.path);
        if (!file.open(QIODevice::ReadOnly) || !file.seek(chunk.offset))
            return answer(makeError(QStringLiteral("sync.local_file"),
                                    tr("无法读取本机证据文件 %1：%2").arg(chunk.sha256, file.errorString())));
        const QByteArray bytes = file.read(chunk.length);
        if (bytes.size() != chunk.length)
            return answer(makeError(QStringLiteral("sync.local_file"),
                                    tr("本机证据文件 %1 比登记的短（文件可能已损坏）。").arg(chunk.sha256)));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("offset"), QString::number(chunk.offset));
        query.addQueryItem(QStringLiteral("total"), QString::number(chunk.total));
        m_worker->http(this).put(QStringLiteral("blobs/") + chunk.sha256, query, bytes, answer);
    }, Qt::QueuedConnection);
}

void UploadLane::setPaused(bool paused)
{
    QMetaObject::invokeMethod(m_worker, [this, paused] { m_worker->http(this).setPaused(paused); },
                              Qt::QueuedConnection);
}

void UploadLane::abort()
{
    ++m_generation;
    QMetaObject::invokeMethod(m_worker, [this] {
        if (SyncHttp *http = m_worker->existing()) {
            http->abort();
            m_bodyBytesSent.store(http->bodyBytesSent());
        }
    }, Qt::QueuedConnection);
}

void UploadLane::resetCounters()
{
    m_retries.store(0);
    m_bodyBytesSent.store(0);
    QMetaObject::invokeMethod(m_worker, [this] { m_worker->resetCounters(); }, Qt::QueuedConnection);
}

} // namespace ms::sync
