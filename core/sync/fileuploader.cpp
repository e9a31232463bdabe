#include "sync/fileuploader.h"

#include "sync/wire.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSyncHttp)

namespace ms::sync {

namespace {
constexpr int kMaxConflicts = 10; // offset disagreements tolerated per run before giving up
} // namespace

FileUploader::FileUploader(const HttpOptions &http, int lanes, qint64 chunkBytes, QObject *parent)
    : QObject(parent), m_chunkBytes(std::clamp<qint64>(chunkBytes, 1024, kMaxChunkBytes))
{
    for (int i = 0; i < std::max(1, lanes); ++i) {
        auto lane = std::make_unique<UploadLane>(http);
        connect(lane.get(), &UploadLane::sent, this,
                [this, i](const UploadChunk &chunk, const Result<HttpReply> &r) { chunkSent(i, chunk, r); });
        connect(lane.get(), &UploadLane::retrying, this, &FileUploader::retrying);
        m_lanes.push_back(std::move(lane));
    }
    m_laneBusy.fill(false, laneCount());
    m_current.resize(laneCount());
}

FileUploader::~FileUploader() = default;

void FileUploader::setPaused(bool paused)
{
    for (const auto &lane : m_lanes)
        lane->setPaused(paused);
}

void FileUploader::resetCounters()
{
    for (const auto &lane : m_lanes)
        lane->resetCounters();
}

int FileUploader::retries() const
{
    int n = 0;
    for (const auto &lane : m_lanes)
        n += lane->retries();
    return n;
}

qint64 FileUploader::bodyBytesSent() const
{
    qint64 n = 0;
    for (const auto &lane : m_lanes)
        n += lane->bodyBytesSent();
    return n;
}

void FileUploader::add(const QList<Job> &jobs)
{
    if (!m_running) { // a fresh start after abort() or a failure
        m_running = true;
        m_conflicts = 0;
    }
    m_queue.append(jobs);
    for (int lane = 0; lane < laneCount() && !m_queue.isEmpty(); ++lane) {
        if (!m_laneBusy.at(lane))
            nextFile(lane);
    }
}

void FileUploader::abort()
{
    m_running = false;
    m_queue.clear();
    m_laneBusy.fill(false);
    for (const auto &lane : m_lanes)
        lane->abort();
}

void FileUploader::stop(const Error &error)
{
    abort();
    Q_EMIT failed(error);
}

void FileUploader::nextFile(int lane)
{
    if (!m_running || m_queue.isEmpty())
        return;
    m_laneBusy[lane] = true;
    const Job job = m_queue.takeFirst();
    sendChunk(lane, job, job.offset);
}

void FileUploader::laneFree(int lane)
{
    m_laneBusy[lane] = false;
    nextFile(lane);
}

void FileUploader::sendChunk(int lane, const Job &job, qint64 offset)
{
    m_current[lane] = job;
    m_lanes[lane]->send({job.sha256, job.path, offset, std::min(m_chunkBytes, job.size - offset), job.size});
}

void FileUploader::chunkSent(int lane, const UploadChunk &chunk, const Result<HttpReply> &r)
{
    if (!m_running)
        return;
    const Job job = m_current.at(lane);
    // This file only, and the others go on: unreadable here, or its bytes do not match the hash
    // at the office (422).
    const bool unreadable = !r && r.error().code == QLatin1String("sync.local_file");
    // … or another device is sending the same file in chunks (409 blob.partial_foreign): it goes
    // again at the next sync.
    const bool foreign = r && r->status == 409
        && decodeError(r->body, 409).code == QLatin1String("blob.partial_foreign");
    if (unreadable || foreign || (r && r->status == 422)) {
        qCWarning(lcSyncHttp) << "evidence file not sent" << job.sha256
                              << (unreadable ? r.error().message : QStringLiteral("hash mismatch at the office"));
        Q_EMIT fileRefused(job.sha256);
        if (m_running) // a handler may have stopped us
            laneFree(lane);
        return;
    }
    if (!r)
        return stop(r.error());
    if (r->status == 409) { // the office holds a different offset: continue from there
        const qint64 held = QJsonDocument::fromJson(r->body).object()
                                .value(QStringLiteral("offset")).toInteger(-1);
        if (held < 0 || ++m_conflicts > kMaxConflicts)
            return stop(SyncHttp::answerError(*r));
        return sendChunk(lane, job, held);
    }
    if (r->status != 200 && r->status != 201)
        return stop(SyncHttp::answerError(*r));
    Q_EMIT bytesAccepted(chunk.length);
    if (!m_running) // a bytesAccepted handler may have stopped us
        return;
    if (r->status == 200 && chunk.offset + chunk.length < job.size)
        return sendChunk(lane, job, chunk.offset + chunk.length);
    Q_EMIT fileDone(job.sha256);
    if (m_running)
        laneFree(lane);
}

} // namespace ms::sync
