#include "sync/syncclient.h"

#include "sync/credentials.h"

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

SyncOptions withDeviceKey(SyncOptions options, SyncLocal &local)
{
    if (options.http.deviceKey.isEmpty())
        options.http.deviceKey = local.devicePublicKey();
    return options;
}
} // namespace

SyncClient::SyncClient(SyncLocal &local, QNetworkAccessManager &nam, SyncOptions options,
                       QObject *parent)
    : QObject(parent), m_local(local), m_options(withDeviceKey(std::move(options), local)),
      m_control(nam, m_options.http),
      m_uploader(m_options.http, std::clamp(m_options.parallelUploads, 1, 6), m_options.chunkBytes, this)
{
    m_options.chunkBytes = std::clamp<qint64>(m_options.chunkBytes, 1024, kMaxChunkBytes);
    m_options.batchRecords = std::clamp(m_options.batchRecords, 1, kMaxBatchRecords);
    connect(&m_control, &SyncHttp::retrying, this, &SyncClient::retrying);
    connect(&m_uploader, &FileUploader::retrying, this, &SyncClient::retrying);
    connect(&m_uploader, &FileUploader::bytesAccepted, this, [this](qint64 bytes) {
        m_progress.bytesDone += bytes;
        m_summary.fileBytes += bytes;
        report(bytes);
    });
    connect(&m_uploader, &FileUploader::fileDone, this,
            [this](const QString &sha) { fileDone(sha, m_sizes.value(sha), true); });
    connect(&m_uploader, &FileUploader::fileRefused, this, [this](const QString &sha) {
        m_summary.failedFiles << sha; // its record will come back refused with the reason
        fileThrough(sha);
    });
    connect(&m_uploader, &FileUploader::failed, this, &SyncClient::fail);
}

void SyncClient::start()
{
    if (m_running)
        return;
    m_running = true;
    m_summary = {};
    m_loadedSeq = 0;
    m_batches.clear();
    m_sizes.clear();
    m_through.clear();
    m_controlBusy = false;
    m_outboxDone = false;
    m_filesHeld.clear();
    m_movedBytes = 0;
    m_control.resetCounters();
    m_uploader.resetCounters();
    const auto counts = m_local.counts();
    m_progress = {};
    m_progress.phase = Phase::Checking;
    if (counts) {
        m_progress.recordsTotal = counts->records;
        m_progress.filesTotal = counts->files;
        m_progress.bytesTotal = counts->bytes;
    }
    const auto state = m_local.syncState();
    m_cursor = state ? state->cursor : QString();
    m_clock.start();
    report();
    // The token goes with every call: never over plain HTTP to another machine. An outbox (or a
    // pull cursor) that cannot be read is not "nothing to send": stop and say why.
    const auto safe = checkServerUrl(m_options.http.server);
    if (!safe || !counts || !state) {
        // finished() comes from the event loop, as after any call: callers connect after start()
        const Error why = !safe ? safe.error() : !counts ? counts.error() : state.error();
        QMetaObject::invokeMethod(this, [this, why] { fail(why); }, Qt::QueuedConnection);
        return;
    }
    checkToken();
}

void SyncClient::pause()
{
    if (!m_running || isPaused())
        return;
    m_control.setPaused(true);
    m_uploader.setPaused(true);
    Q_EMIT pausedChanged(true);
}

void SyncClient::resume()
{
    if (!isPaused())
        return;
    m_control.setPaused(false);
    m_uploader.setPaused(false);
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
    m_control.get(QStringLiteral("whoami"), {}, [this](Result<HttpReply> r) {
        if (!guard(r))
            return;
        m_progress.phase = Phase::Uploading;
        report();
        pump();
    });
}

// The control connection does one thing at a time: push the oldest batch once all its files are
// through; otherwise load the next batch and ask about its files, so they queue for upload
// behind the current ones; when the outbox is through, pull assignments.
void SyncClient::pump()
{
    if (!m_running || m_controlBusy)
        return;
    if (!m_batches.empty() && m_batches.front().checked && m_batches.front().waiting.isEmpty())
        return pushBatch();
    const bool lookAhead = m_batches.size() < 2 && (m_batches.empty() || m_batches.back().checked);
    if (lookAhead && !m_outboxDone && loadBatch())
        return;
    if (!m_batches.empty() || !m_outboxDone)
        return; // files are still on their way: their completion pumps again
    if (m_options.pull)
        return pull();
    finish();
}

bool SyncClient::loadBatch()
{
    Batch batch;
    auto pending = m_local.pending(m_options.batchRecords, m_loadedSeq);
    if (!pending) {
        fail(pending.error()); // never "nothing left to send"
        return true;
    }
    batch.entries = std::move(pending).value();
    if (batch.entries.isEmpty()) {
        m_outboxDone = true;
        return false;
    }
    m_loadedSeq = batch.entries.last().seq;
    QStringList unknown;
    for (const OutboxEntry &e : std::as_const(batch.entries)) {
        for (const QString &sha : e.blobs) {
            if (m_through.contains(sha))
                continue;
            if (m_sizes.contains(sha)) { // an earlier batch sent it on its way
                batch.waiting.insert(sha);
                continue;
            }
            const auto uploaded = m_local.isBlobUploaded(sha);
            if (!uploaded) {
                fail(uploaded.error()); // never "already sent" on a read that failed
                return true;
            }
            if (uploaded.value())
                continue;
            const QFileInfo info(m_local.evidencePath(sha));
            if (!info.exists()) {
                qCWarning(lcSyncHttp) << "evidence file missing locally" << sha;
                m_summary.failedFiles << sha; // its record will come back refused with the reason
                m_through.insert(sha);
                continue;
            }
            m_sizes.insert(sha, info.size());
            batch.waiting.insert(sha);
            unknown << sha;
        }
    }
    m_batches.push_back(std::move(batch));
    checkFiles(std::move(unknown));
    return true;
}

// One call asks the office what it holds of the newest batch's files (kMaxStateQuery at a time):
// complete ones are marked, the rest go to the uploader from the offset the office holds.
void SyncClient::checkFiles(QStringList unknown)
{
    if (unknown.isEmpty()) {
        m_controlBusy = false;
        m_batches.back().checked = true;
        return pump();
    }
    m_controlBusy = true;
    const QStringList ask = unknown.mid(0, kMaxStateQuery);
    unknown.remove(0, ask.size());
    m_control.post(QStringLiteral("blob-states"), encodeBlobStateQuery(ask),
                   [this, ask, unknown = std::move(unknown)](Result<HttpReply> r) mutable {
        if (!guard(r))
            return;
        auto states = decodeBlobStates(r->body);
        if (!states)
            return fail(states.error());
        QList<FileUploader::Job> jobs;
        for (const QString &sha : ask) {
            const wire::BlobState state = states->value(sha);
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
        m_uploader.add(jobs);
        checkFiles(std::move(unknown));
    });
}

void SyncClient::fileThrough(const QString &sha256)
{
    m_through.insert(sha256);
    for (Batch &batch : m_batches)
        batch.waiting.remove(sha256);
    pump();
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
    fileThrough(sha256);
}

void SyncClient::pushBatch()
{
    if (auto ok = m_local.markBlobsUploaded(std::exchange(m_filesHeld, {})); !ok)
        return fail(ok.error());
    m_controlBusy = true;
    m_control.post(QStringLiteral("records"), encodePushBatch(m_batches.front().entries),
                   [this](Result<HttpReply> r) {
        if (!guard(r))
            return;
        auto results = decodePushResults(r->body);
        if (!results)
            return fail(results.error());
        // Only rows of this request may be confirmed: an answer about a seq that was not sent
        // (or twice about one) is a broken office, and none of its answer is trusted.
        QSet<qint64> sent;
        for (const OutboxEntry &e : std::as_const(m_batches.front().entries))
            sent.insert(e.seq);
        for (const wire::PushResult &p : std::as_const(*results))
            if (!sent.remove(p.seq))
                return fail(makeError(QStringLiteral("sync.bad_answer"),
                                      tr("办公室的回答提到了本次没有发送的记录（序号 %1），"
                                         "本批记录都未确认，稍后会重新发送。请通知办公室检查服务器版本。")
                                          .arg(p.seq)));
        QList<qint64> confirmed;
        QList<wire::PushResult> notConfirmed;
        for (const wire::PushResult &p : *results) {
            if (p.confirmed()) {
                confirmed << p.seq;
                continue;
            }
            notConfirmed << p;
            (p.status == wire::PushStatus::Conflict ? m_summary.conflicts : m_summary.refused) << p;
            qCWarning(lcSyncHttp) << "record not confirmed" << wire::pushStatusKey(p.status)
                                  << p.uuid << p.code << p.fields << p.reason;
        }
        if (auto ok = m_local.markConfirmed(confirmed); !ok)
            return fail(ok.error());
        if (auto ok = m_local.recordVerdicts(notConfirmed); !ok)
            return fail(ok.error());
        m_summary.recordsConfirmed += int(confirmed.size());
        m_summary.recordsRefused = int(m_summary.refused.size());
        m_summary.recordsConflicted = int(m_summary.conflicts.size());
        m_progress.recordsDone += int(m_batches.front().entries.size());
        m_batches.pop_front();
        m_controlBusy = false;
        report();
        pump();
    });
}

void SyncClient::pull()
{
    m_progress.phase = Phase::Pulling;
    report();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("since"), m_cursor.isEmpty() ? QStringLiteral("0") : m_cursor);
    m_controlBusy = true;
    m_control.get(QStringLiteral("assignments"), query, [this](Result<HttpReply> r) {
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
    m_summary.ok = m_summary.refused.isEmpty() && m_summary.failedFiles.isEmpty()
                   && m_summary.conflicts.isEmpty();
    if (m_summary.ok) {
        (void)m_local.recordSyncSuccess(QDateTime::currentDateTimeUtc());
    } else if (m_summary.refused.isEmpty() && m_summary.failedFiles.isEmpty()) {
        const wire::PushResult &first = m_summary.conflicts.first();
        m_summary.error = makeError(QStringLiteral("sync.conflict"),
                                    tr("%1 条记录与办公室已有的记录冲突，已保留在本机：%2")
                                        .arg(m_summary.conflicts.size())
                                        .arg(first.reason));
        (void)m_local.recordSyncError(m_summary.error.message);
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
    m_control.abort();
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
    m_summary.retries = m_control.retries() + m_uploader.retries();
    m_summary.bodyBytesSent = m_control.bodyBytesSent() + m_uploader.bodyBytesSent();
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
