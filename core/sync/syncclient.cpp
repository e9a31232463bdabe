#include "sync/syncclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSyncHttp)

namespace ms::sync {

namespace {
using Phase = SyncProgress::Phase;
} // namespace

SyncClient::SyncClient(SyncLocal &local, QNetworkAccessManager &nam, SyncOptions options,
                       QObject *parent)
    : QObject(parent), m_local(local), m_options(std::move(options)),
      m_http(nam, m_options.http, this)
{
    m_options.chunkBytes = std::clamp<qint64>(m_options.chunkBytes, 1024, kMaxChunkBytes);
    m_options.batchRecords = std::clamp(m_options.batchRecords, 1, kMaxBatchRecords);
    connect(&m_http, &SyncHttp::retrying, this, &SyncClient::retrying);
}

void SyncClient::start()
{
    if (m_running)
        return;
    m_running = true;
    m_summary = {};
    m_lastSeq = 0;
    m_movedBytes = 0;
    m_conflicts = 0;
    const PendingCounts counts = m_local.counts();
    m_progress = {};
    m_progress.phase = Phase::Checking;
    m_progress.recordsTotal = counts.records;
    m_progress.filesTotal = counts.files;
    m_progress.bytesTotal = counts.bytes;
    m_cursor = m_local.syncState().cursor;
    m_clock.start();
    report();
    checkToken();
}

void SyncClient::pause()
{
    if (!m_running || m_http.isPaused())
        return;
    m_http.setPaused(true);
    Q_EMIT pausedChanged(true);
}

void SyncClient::resume()
{
    if (!m_http.isPaused())
        return;
    m_http.setPaused(false);
    Q_EMIT pausedChanged(false);
}

void SyncClient::cancel()
{
    if (!m_running)
        return;
    m_http.abort();
    m_http.setPaused(false);
    fail(makeError(QStringLiteral("sync.cancelled"), tr("同步已取消；已发送的部分不会丢失。")));
}

Error SyncClient::answerError(const HttpReply &reply)
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

bool SyncClient::guard(const Result<HttpReply> &r, int okStatus)
{
    if (!m_running)
        return false;
    if (!r) {
        fail(r.error());
        return false;
    }
    if (r->status != okStatus) {
        fail(answerError(*r));
        return false;
    }
    return true;
}

void SyncClient::checkToken()
{
    m_http.get(QStringLiteral("whoami"), {}, [this](Result<HttpReply> r) {
        if (!guard(r))
            return;
        m_progress.phase = Phase::Uploading;
        report();
        nextBatch();
    });
}

void SyncClient::nextBatch()
{
    m_batch = m_local.pending(m_options.batchRecords, m_lastSeq);
    if (m_batch.isEmpty()) {
        if (m_options.pull)
            return pull();
        return finish();
    }
    m_files.clear();
    for (const OutboxEntry &e : std::as_const(m_batch))
        for (const QString &sha : e.blobs)
            if (!m_files.contains(sha) && !m_local.isBlobUploaded(sha))
                m_files << sha;
    nextFile();
}

void SyncClient::nextFile()
{
    if (m_files.isEmpty())
        return pushBatch();
    const QString sha = m_files.takeFirst();
    const QFileInfo info(m_local.evidencePath(sha));
    if (!info.exists()) {
        qCWarning(lcSyncHttp) << "evidence file missing locally" << sha;
        m_summary.failedFiles << sha;
        return nextFile(); // its record will come back refused with the reason
    }
    queryFile(sha, info.size());
}

void SyncClient::queryFile(const QString &sha256, qint64 size)
{
    m_http.get(QStringLiteral("blobs/") + sha256, {}, [this, sha256, size](Result<HttpReply> r) {
        if (!guard(r))
            return;
        auto state = decodeBlobState(r->body);
        if (!state)
            return fail(state.error());
        if (state->complete)
            return fileDone(sha256, size, false);
        m_progress.bytesDone += state->offset; // resumed: those bytes are already there
        m_summary.fileBytes += state->offset;
        sendChunk(sha256, state->offset, size);
    });
}

void SyncClient::sendChunk(const QString &sha256, qint64 offset, qint64 size)
{
    QFile file(m_local.evidencePath(sha256));
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return fail(makeError(QStringLiteral("sync.local_file"),
                              tr("无法读取本机证据文件 %1：%2").arg(sha256, file.errorString())));
    const QByteArray chunk = file.read(std::min(m_options.chunkBytes, size - offset));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    query.addQueryItem(QStringLiteral("total"), QString::number(size));
    m_http.put(QStringLiteral("blobs/") + sha256, query, chunk,
               [this, sha256, offset, size, sent = qint64(chunk.size())](Result<HttpReply> r) {
        if (!m_running)
            return;
        if (r && r->status == 409) { // the office holds a different offset: continue from there
            const qint64 held = QJsonDocument::fromJson(r->body).object()
                                    .value(QStringLiteral("offset")).toInteger(-1);
            if (held < 0 || ++m_conflicts > 10)
                return fail(answerError(*r));
            return sendChunk(sha256, held, size);
        }
        if (r && r->status == 422) { // bytes do not match the hash: the local file is damaged
            qCWarning(lcSyncHttp) << "office refused file (hash mismatch)" << sha256;
            m_summary.failedFiles << sha256;
            return nextFile();
        }
        if (r && (r->status == 200 || r->status == 201)) {
            m_progress.bytesDone += sent;
            m_summary.fileBytes += sent;
            report(sent);
            if (r->status == 201)
                return fileDone(sha256, size, true);
            return sendChunk(sha256, offset + sent, size);
        }
        guard(r);
    });
}

void SyncClient::fileDone(const QString &sha256, qint64 size, bool uploadedNow)
{
    if (auto ok = m_local.markBlobUploaded(sha256); !ok)
        return fail(ok.error());
    if (uploadedNow) {
        ++m_summary.filesUploaded;
    } else {
        ++m_summary.filesAlreadyThere;
        m_progress.bytesDone += size;
    }
    ++m_progress.filesDone;
    report();
    nextFile();
}

void SyncClient::pushBatch()
{
    m_http.post(QStringLiteral("records"), encodePushBatch(m_batch), [this](Result<HttpReply> r) {
        if (!guard(r))
            return;
        auto results = decodePushResults(r->body);
        if (!results)
            return fail(results.error());
        QList<qint64> confirmed;
        for (const office::PushResult &p : *results) {
            if (p.confirmed()) {
                confirmed << p.seq;
            } else {
                m_summary.refused << p;
                qCWarning(lcSyncHttp) << "record refused" << p.uuid << p.code << p.reason;
            }
        }
        if (auto ok = m_local.markConfirmed(confirmed); !ok)
            return fail(ok.error());
        m_summary.recordsConfirmed += int(confirmed.size());
        m_summary.recordsRefused = int(m_summary.refused.size());
        m_progress.recordsDone += int(m_batch.size());
        m_lastSeq = m_batch.last().seq;
        report();
        nextBatch();
    });
}

void SyncClient::pull()
{
    m_progress.phase = Phase::Pulling;
    report();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("since"), m_cursor.isEmpty() ? QStringLiteral("0") : m_cursor);
    m_http.get(QStringLiteral("assignments"), query, [this](Result<HttpReply> r) {
        if (!guard(r))
            return;
        auto page = decodeAssignmentPage(r->body);
        if (!page)
            return fail(page.error());
        if (auto ok = m_local.importAssignments(*page); !ok)
            return fail(ok.error());
        m_cursor = QString::number(page->cursor);
        if (auto ok = m_local.setSyncCursor(m_cursor); !ok)
            return fail(ok.error());
        m_summary.tasksPulled += int(page->tasks.size());
        m_summary.customersPulled += int(page->customers.size());
        if (page->more)
            return pull();
        finish();
    });
}

void SyncClient::finish()
{
    m_running = false;
    m_progress.phase = Phase::Done;
    m_summary.retries = m_http.retries();
    m_summary.bodyBytesSent = m_http.bodyBytesSent();
    m_summary.elapsedMs = m_clock.elapsed();
    m_summary.ok = m_summary.refused.isEmpty() && m_summary.failedFiles.isEmpty();
    if (m_summary.ok) {
        (void)m_local.recordSyncSuccess(QDateTime::currentDateTimeUtc());
    } else {
        const QString first = m_summary.refused.isEmpty() ? m_summary.failedFiles.first()
                                                          : m_summary.refused.first().reason;
        m_summary.error = makeError(QStringLiteral("sync.refused"),
                                    tr("%1 条记录未被办公室接收：%2")
                                        .arg(std::max<qsizetype>(1, m_summary.refused.size()))
                                        .arg(first));
        (void)m_local.recordSyncError(m_summary.error.message);
    }
    report();
    Q_EMIT finished(m_summary);
}

void SyncClient::fail(const Error &error)
{
    if (!m_running)
        return;
    m_running = false;
    m_http.abort();
    m_summary.ok = false;
    m_summary.error = error;
    m_summary.retries = m_http.retries();
    m_summary.bodyBytesSent = m_http.bodyBytesSent();
    m_summary.elapsedMs = m_clock.elapsed();
    (void)m_local.recordSyncError(error.message);
    Q_EMIT finished(m_summary);
}

void SyncClient::report(qint64 movedBytes)
{
    m_movedBytes += movedBytes;
    const double seconds = m_clock.elapsed() / 1000.0;
    if (seconds > 0.2 && m_movedBytes > 0) {
        m_progress.bytesPerSecond = m_movedBytes / seconds;
        const qint64 left = std::max<qint64>(0, m_progress.bytesTotal - m_progress.bytesDone);
        m_progress.secondsLeft = int(left / m_progress.bytesPerSecond + 0.5);
    }
    Q_EMIT progressChanged(m_progress);
}

} // namespace ms::sync
