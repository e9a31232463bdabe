#include "sync/syncclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <utility>

Q_DECLARE_LOGGING_CATEGORY(lcSyncHttp)

namespace ms::sync {

namespace {
using Phase = SyncProgress::Phase;

std::vector<std::unique_ptr<SyncHttp>> makeLanes(QNetworkAccessManager &nam, const SyncOptions &o)
{
    std::vector<std::unique_ptr<SyncHttp>> lanes;
    for (int i = 0; i < std::clamp(o.parallelUploads, 1, 6); ++i)
        lanes.push_back(std::make_unique<SyncHttp>(nam, o.http));
    return lanes;
}

QList<SyncHttp *> pointers(const std::vector<std::unique_ptr<SyncHttp>> &lanes)
{
    QList<SyncHttp *> out;
    for (const auto &lane : lanes)
        out << lane.get();
    return out;
}
} // namespace

SyncClient::SyncClient(SyncLocal &local, QNetworkAccessManager &nam, SyncOptions options,
                       QObject *parent)
    : QObject(parent), m_local(local), m_options(std::move(options)),
      m_lanes(makeLanes(nam, m_options)), m_http(*m_lanes.front()),
      m_uploader(pointers(m_lanes), m_options.chunkBytes, this)
{
    m_options.chunkBytes = std::clamp<qint64>(m_options.chunkBytes, 1024, kMaxChunkBytes);
    m_options.batchRecords = std::clamp(m_options.batchRecords, 1, kMaxBatchRecords);
    for (const auto &lane : m_lanes)
        connect(lane.get(), &SyncHttp::retrying, this, &SyncClient::retrying);
    connect(&m_uploader, &FileUploader::bytesAccepted, this, [this](qint64 bytes) {
        m_progress.bytesDone += bytes;
        m_summary.fileBytes += bytes;
        report(bytes);
    });
    connect(&m_uploader, &FileUploader::fileDone, this,
            [this](const QString &sha) { fileDone(sha, m_sizes.value(sha), true); });
    connect(&m_uploader, &FileUploader::fileRefused, this, [this](const QString &sha) {
        m_summary.failedFiles << sha; // its record will come back refused with the reason
    });
    connect(&m_uploader, &FileUploader::finished, this, [this] {
        if (m_running)
            pushBatch();
    });
    connect(&m_uploader, &FileUploader::failed, this, &SyncClient::fail);
}

void SyncClient::start()
{
    if (m_running)
        return;
    m_running = true;
    m_summary = {};
    m_lastSeq = 0;
    m_filesHeld.clear();
    m_movedBytes = 0;
    for (const auto &lane : m_lanes)
        lane->resetCounters();
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
    if (!m_running || isPaused())
        return;
    for (const auto &lane : m_lanes)
        lane->setPaused(true);
    Q_EMIT pausedChanged(true);
}

void SyncClient::resume()
{
    if (!isPaused())
        return;
    for (const auto &lane : m_lanes)
        lane->setPaused(false);
    Q_EMIT pausedChanged(false);
}

void SyncClient::cancel()
{
    if (!m_running)
        return;
    resume();
    fail(makeError(QStringLiteral("sync.cancelled"), tr("同步已取消；已发送的部分不会丢失。")));
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
        fail(SyncHttp::answerError(*r));
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
    m_sizes.clear();
    QStringList unknown;
    for (const OutboxEntry &e : std::as_const(m_batch)) {
        for (const QString &sha : e.blobs) {
            if (m_sizes.contains(sha) || m_summary.failedFiles.contains(sha) || m_local.isBlobUploaded(sha))
                continue;
            const QFileInfo info(m_local.evidencePath(sha));
            if (!info.exists()) {
                qCWarning(lcSyncHttp) << "evidence file missing locally" << sha;
                m_summary.failedFiles << sha; // its record will come back refused with the reason
                continue;
            }
            m_sizes.insert(sha, info.size());
            unknown << sha;
        }
    }
    queryFiles(unknown, {});
}

// One call asks the office what it holds of every file the batch names (kMaxStateQuery at a
// time): complete ones are marked, the rest go to the uploader from the offset it holds.
void SyncClient::queryFiles(QStringList unknown, QList<FileUploader::Job> jobs)
{
    if (unknown.isEmpty()) {
        if (jobs.isEmpty())
            return pushBatch();
        return m_uploader.run(std::move(jobs));
    }
    const QStringList ask = unknown.mid(0, kMaxStateQuery);
    unknown.remove(0, ask.size());
    m_http.post(QStringLiteral("blob-states"), encodeBlobStateQuery(ask),
                [this, ask, unknown = std::move(unknown), jobs = std::move(jobs)](Result<HttpReply> r) mutable {
        if (!guard(r))
            return;
        auto states = decodeBlobStates(r->body);
        if (!states)
            return fail(states.error());
        for (const QString &sha : ask) {
            const office::BlobState state = states->value(sha);
            const qint64 size = m_sizes.value(sha);
            if (state.complete) {
                fileDone(sha, size, false);
                if (!m_running)
                    return;
                continue;
            }
            const qint64 held = std::clamp<qint64>(state.offset, 0, size);
            m_progress.bytesDone += held; // resumed: those bytes are already there
            m_summary.fileBytes += held;
            jobs.append({sha, m_local.evidencePath(sha), size, held});
        }
        queryFiles(std::move(unknown), std::move(jobs));
    });
}

void SyncClient::fileDone(const QString &sha256, qint64 size, bool uploadedNow)
{
    m_filesHeld << sha256;
    if (uploadedNow) {
        ++m_summary.filesUploaded;
    } else {
        ++m_summary.filesAlreadyThere;
        m_progress.bytesDone += size;
    }
    ++m_progress.filesDone;
    report();
}

void SyncClient::pushBatch()
{
    if (auto ok = m_local.markBlobsUploaded(std::exchange(m_filesHeld, {})); !ok)
        return fail(ok.error());
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
    countTransfers();
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
    m_uploader.abort();
    (void)m_local.markBlobsUploaded(std::exchange(m_filesHeld, {})); // what did arrive stays marked
    m_summary.ok = false;
    m_summary.error = error;
    countTransfers();
    m_summary.elapsedMs = m_clock.elapsed();
    (void)m_local.recordSyncError(error.message);
    Q_EMIT finished(m_summary);
}

void SyncClient::countTransfers()
{
    m_summary.retries = 0;
    m_summary.bodyBytesSent = 0;
    for (const auto &lane : m_lanes) {
        m_summary.retries += lane->retries();
        m_summary.bodyBytesSent += lane->bodyBytesSent();
    }
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
