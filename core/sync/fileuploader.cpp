#include "sync/fileuploader.h"

#include "sync/wire.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSyncHttp)

namespace ms::sync {

namespace {
constexpr int kMaxConflicts = 10; // offset disagreements tolerated per run before giving up
} // namespace

FileUploader::FileUploader(QList<SyncHttp *> lanes, qint64 chunkBytes, QObject *parent)
    : QObject(parent), m_lanes(std::move(lanes)),
      m_chunkBytes(std::clamp<qint64>(chunkBytes, 1024, kMaxChunkBytes))
{
    Q_ASSERT(!m_lanes.isEmpty());
}

void FileUploader::run(QList<Job> jobs)
{
    m_queue = std::move(jobs);
    m_running = true;
    m_busy = 0;
    m_conflicts = 0;
    const int lanes = int(std::min<qsizetype>(m_lanes.size(), std::max<qsizetype>(1, m_queue.size())));
    for (int lane = 0; lane < lanes; ++lane)
        nextFile(lane);
}

void FileUploader::abort()
{
    m_running = false;
    m_queue.clear();
    for (SyncHttp *http : std::as_const(m_lanes))
        http->abort();
}

void FileUploader::stop(const Error &error)
{
    abort();
    Q_EMIT failed(error);
}

void FileUploader::nextFile(int lane)
{
    if (!m_running)
        return;
    if (m_queue.isEmpty()) {
        if (m_busy == 0) {
            m_running = false;
            Q_EMIT finished();
        }
        return;
    }
    ++m_busy;
    const Job job = m_queue.takeFirst();
    sendChunk(lane, job, job.offset);
}

void FileUploader::sendChunk(int lane, const Job &job, qint64 offset)
{
    QFile file(job.path);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return stop(makeError(QStringLiteral("sync.local_file"),
                              tr("无法读取本机证据文件 %1：%2").arg(job.sha256, file.errorString())));
    const QByteArray chunk = file.read(std::min(m_chunkBytes, job.size - offset));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    query.addQueryItem(QStringLiteral("total"), QString::number(job.size));
    m_lanes[lane]->put(QStringLiteral("blobs/") + job.sha256, query, chunk,
                       [this, lane, job, offset, sent = qint64(chunk.size())](Result<HttpReply> r) {
        if (!m_running)
            return;
        if (!r)
            return stop(r.error());
        if (r->status == 409) { // the office holds a different offset: continue from there
            const qint64 held = QJsonDocument::fromJson(r->body).object()
                                    .value(QStringLiteral("offset")).toInteger(-1);
            if (held < 0 || ++m_conflicts > kMaxConflicts)
                return stop(SyncHttp::answerError(*r));
            return sendChunk(lane, job, held);
        }
        if (r->status == 422) { // bytes do not match the hash: the local file is damaged
            qCWarning(lcSyncHttp) << "office refused file (hash mismatch)" << job.sha256;
            --m_busy;
            Q_EMIT fileRefused(job.sha256);
            return nextFile(lane);
        }
        if (r->status != 200 && r->status != 201)
            return stop(SyncHttp::answerError(*r));
        Q_EMIT bytesAccepted(sent);
        if (!m_running) // a fileDone/bytesAccepted handler may have stopped us
            return;
        if (r->status == 200 && offset + sent < job.size)
            return sendChunk(lane, job, offset + sent);
        --m_busy;
        Q_EMIT fileDone(job.sha256);
        nextFile(lane);
    });
}

} // namespace ms::sync
