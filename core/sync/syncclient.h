#pragma once
// The end-of-day sync (同步): evidence files first, then the outbox records that name them, in
// outbox order; a row is confirmed only on the office's acknowledgement; then assignments are
// pulled. Batches overlap: while one batch's records go to the office (on a control connection
// of their own), the next batch's files are already uploading, so the upload lanes never idle.
// Everything is resumable: uploaded bytes are kept by the office, confirmations by the store, so
// a sync cut off at any point (or an app restart) carries on where it stopped.
// Local evidence is never deleted here.
//
//   ms::sync::SyncClient client(local, nam, {.http = {.server = url, .token = token}});
//   connect(&client, &SyncClient::finished, this, [](const SyncSummary &s) { ... });
//   client.start();
#include "model/wiretypes.h"
#include "sync/fileuploader.h"
#include "sync/synchttp.h"
#include "sync/synclocal.h"

#include <QElapsedTimer>
#include <QSet>

#include <deque>

namespace ms::sync {

struct SyncOptions
{
    HttpOptions http;
    qint64 chunkBytes = 1 << 20;    // ≤ kMaxChunkBytes; a typical photo goes in one request
    int batchRecords = 200;         // ≤ kMaxBatchRecords
    int parallelUploads = 4;        // files sent at once, each on its own connection (1…6);
                                    // one more connection carries records and queries
    bool pull = true;               // also pull assignments
};

struct SyncProgress
{
    enum class Phase { Idle, Checking, Uploading, Pulling, Done };
    Phase phase = Phase::Idle;
    int recordsTotal = 0;
    int recordsDone = 0;
    int filesTotal = 0;
    int filesDone = 0;
    qint64 bytesTotal = 0;
    qint64 bytesDone = 0;
    double bytesPerSecond = 0;
    int secondsLeft = -1;           // -1: not known yet
};

struct SyncSummary
{
    bool ok = false;
    Error error;                    // when !ok: what went wrong, in plain words
    int recordsConfirmed = 0;
    int recordsRefused = 0;
    int filesUploaded = 0;          // completed by this run
    int filesAlreadyThere = 0;      // the office held them already
    qint64 fileBytes = 0;           // bytes of files completed or resumed in this run
    qint64 bodyBytesSent = 0;       // request body bytes written to the connection, all attempts
    int tasksPulled = 0;
    int customersPulled = 0;
    int retries = 0;
    qint64 elapsedMs = 0;
    QList<wire::PushResult> refused;
    int recordsConflicted = 0;
    // Records the office holds differently (same uuid and version, or another device's edit of
    // the customer): not confirmed, kept in the outbox, `fields` say what differs.
    QList<wire::PushResult> conflicts;
    QStringList failedFiles;        // local files missing/corrupt (their records are refused)
};

class SyncClient : public QObject
{
    Q_OBJECT
public:
    SyncClient(SyncLocal &local, QNetworkAccessManager &nam, SyncOptions options,
               QObject *parent = nullptr);

    void start();   // no-op while running
    void pause();
    void resume();
    void cancel();  // stops; finished() is emitted with "sync.cancelled"
    bool isRunning() const { return m_running; }
    bool isPaused() const { return m_control.isPaused(); }
    const SyncProgress &progress() const { return m_progress; }

Q_SIGNALS:
    void progressChanged(const ms::sync::SyncProgress &progress);
    void pausedChanged(bool paused);
    void retrying(int attempt, int delayMs, const QString &reason);
    void finished(const ms::sync::SyncSummary &summary);

private:
    // Records of the outbox, in order, with the files they name that are not through yet.
    struct Batch
    {
        QList<OutboxEntry> entries;
        QSet<QString> waiting;   // files not yet confirmed or refused by the office
        bool checked = false;    // the office was asked about its files
    };

    void checkToken();
    void pump();            // starts the next control call: push a finished batch, or check one
    bool loadBatch();       // reads the next batch from the outbox; false when there is none
                            // (a failed read ends the sync with its error: true)
    void checkFiles(QStringList unknown);
    void fileThrough(const QString &sha256);
    void fileDone(const QString &sha256, qint64 size, bool uploadedNow);
    void pushBatch();
    void pull();
    void finish();
    void fail(const Error &error);
    bool guard(const Result<HttpReply> &r, int okStatus = 200);
    void report(qint64 movedBytes = 0);
    void countTransfers(); // retries and body bytes of every lane into m_summary

    SyncLocal &m_local;
    SyncOptions m_options;
    SyncHttp m_control;                              // whoami, blob-states, records, assignments
    FileUploader m_uploader;
    QHash<QString, qint64> m_sizes;                  // files of this run sent to the uploader
    QSet<QString> m_through;                         // files confirmed or refused in this run
    std::deque<Batch> m_batches;                     // loaded, not yet pushed (at most 2)
    bool m_controlBusy = false;
    bool m_outboxDone = false;                       // every pending record is loaded
    // Files the office confirmed, marked in the store together before the batch's records go
    // (one commit per batch, not per file). Marks lost to a crash cost one blob-states answer.
    QStringList m_filesHeld;
    bool m_running = false;
    qint64 m_loadedSeq = 0;
    QString m_cursor;
    SyncProgress m_progress;
    SyncSummary m_summary;
    QElapsedTimer m_clock;
    qint64 m_movedBytes = 0;
};

} // namespace ms::sync
