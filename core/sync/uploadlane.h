#pragma once
// One upload connection on a thread of its own. It reads a chunk of a local evidence file and
// PUTs it through SyncHttp (retries, token, pinned TLS) on a QNetworkAccessManager that lives in
// that thread, and reports the answer in the thread that made the lane.
//
// Why a thread per lane: QNetworkAccessManager hands an upload body from the calling thread to
// its HTTP thread 16 KB at a time, two queued signals per piece. With every lane on one manager
// all of those hand-offs queue through the same two threads; on a 2-core tablet that capped the
// sync at about the speed of one plain upload (bench_sync; docs/sync-protocol.md). On their own
// threads the lanes' hand-offs run side by side, and reading the files stays off the UI thread.
#include "model/result.h"
#include "sync/synchttp.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace ms::sync {

struct UploadChunk
{
    QString sha256;
    QString path;      // the local file
    qint64 offset = 0; // where this chunk starts
    qint64 length = 0; // bytes to send from there
    qint64 total = 0;  // the file's size
};

class UploadLane : public QObject
{
    Q_OBJECT
public:
    explicit UploadLane(HttpOptions options, QObject *parent = nullptr);
    ~UploadLane() override; // drops what is in flight and stops the thread

    // Sends one chunk; sent() follows in this object's thread (unless abort() came first).
    void send(const UploadChunk &chunk);
    void setPaused(bool paused);
    void abort(); // drops the chunk in flight; its sent() never comes

    void resetCounters();
    int retries() const { return m_retries.load(); }
    qint64 bodyBytesSent() const { return m_bodyBytesSent.load(); }

Q_SIGNALS:
    void sent(const ms::sync::UploadChunk &chunk, const ms::Result<ms::sync::HttpReply> &reply);
    void retrying(int attempt, int delayMs, const QString &reason);

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr;        // lives in m_thread
    std::atomic<quint64> m_generation{0}; // bumped by abort(): answers of older sends are dropped
    std::atomic<int> m_retries{0};
    std::atomic<qint64> m_bodyBytesSent{0};
};

} // namespace ms::sync
