// The sync client (core/sync and `meterswapctl sync`) against the real meterswap-office process.
#include "officeprocess.h"
#include "synctestutil.h"

#include "common/resultvalue.h"
#include "sync/storesynclocal.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {
class SyncClientTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_office.isValid() && m_tablet.isValid());
        m_server = std::make_unique<OfficeServerProcess>(m_office.path());
    }
    void startServer(const QString &cert = {}, const QString &key = {})
    {
        ASSERT_TRUE(m_server->start(0, cert, key)) << "meterswap-office did not start";
        m_token = m_server->token(QStringLiteral("tablet-01"), QStringLiteral("zhang"));
        ASSERT_FALSE(m_token.isEmpty());
    }
    // The tablet store with `jobs` done jobs of `filesPerJob` random files of `bytes` each.
    std::unique_ptr<Store> seededTablet(int jobs, int filesPerJob, int bytes, QStringList *files = nullptr)
    {
        auto store = openStore(m_tablet.path());
        if (!store)
            return nullptr;
        const QStringList seeded = seedStore(*store, jobs, filesPerJob, bytes);
        if (seeded.size() != jobs * filesPerJob)
            return nullptr;
        if (files)
            *files = seeded;
        return store;
    }
    QTemporaryDir m_office;
    QTemporaryDir m_tablet;
    std::unique_ptr<OfficeServerProcess> m_server;
    QString m_token;
};
} // namespace

TEST_F(SyncClientTest, FullSyncOfSeededJobsWithMeterswapctl)
{
    startServer();
    // GIVEN a tablet store seeded with 3 completed jobs of 2 real JPEG photos each
    const ProcessResult seeded = runCtl({QStringLiteral("demo"), QStringLiteral("seed"), QStringLiteral("--data"),
                                      m_tablet.path(), QStringLiteral("--jobs"), QStringLiteral("3"),
                                      QStringLiteral("--photos-per-job"), QStringLiteral("2"),
                                      QStringLiteral("--photo-kb"), QStringLiteral("40")});
    ASSERT_EQ(seeded.exitCode, 0) << seeded.err.constData();
    const int pendingRecords = seeded.json().value(QStringLiteral("pending_records")).toInt();
    ASSERT_GT(pendingRecords, 6);
    ASSERT_EQ(seeded.json().value(QStringLiteral("pending_files")).toInt(), 6);
    // WHEN meterswapctl sync runs
    const ProcessResult synced = runCtl({QStringLiteral("sync"), QStringLiteral("--data"), m_tablet.path(),
                                      QStringLiteral("--server"), m_server->url(), QStringLiteral("--token"), m_token});
    // THEN it reports success in JSON, nothing is left pending, the office holds every job and file
    ASSERT_EQ(synced.exitCode, 0) << synced.out.constData() << synced.err.constData();
    const QJsonObject summary = synced.json();
    EXPECT_TRUE(summary.value(QStringLiteral("ok")).toBool());
    EXPECT_EQ(summary.value(QStringLiteral("files_uploaded")).toInt(), 6);
    EXPECT_EQ(summary.value(QStringLiteral("records_confirmed")).toInt(), pendingRecords);
    EXPECT_EQ(summary.value(QStringLiteral("pending")).toObject().value(QStringLiteral("records")).toInt(), 0);
    const QJsonObject stats = m_server->stats();
    EXPECT_EQ(stats.value(QStringLiteral("jobs")).toInt(), 3);
    EXPECT_EQ(stats.value(QStringLiteral("evidence_files")).toInt(), 6);
    // (several outbox rows of one record, e.g. a job's versions, are one record at the office)
    const int officeRecords = stats.value(QStringLiteral("records")).toInt();
    EXPECT_GT(officeRecords, 6);
    EXPECT_LE(officeRecords, pendingRecords);
    EXPECT_EQ(runOffice({QStringLiteral("verify"), QStringLiteral("--data"), m_office.path()}).exitCode, 0);
    // AND the local evidence is still there after confirmation
    auto store = openStore(m_tablet.path());
    ASSERT_TRUE(store);
    EXPECT_TRUE(store->evidence().verifyFiles().ok());
    // AND a second sync sends nothing new
    const ProcessResult again = runCtl({QStringLiteral("sync"), QStringLiteral("--data"), m_tablet.path(),
                                     QStringLiteral("--server"), m_server->url(), QStringLiteral("--token"), m_token});
    EXPECT_EQ(again.json().value(QStringLiteral("bytes_sent")).toInt(), 0);
    EXPECT_EQ(m_server->stats().value(QStringLiteral("records")).toInt(), officeRecords);
}

TEST_F(SyncClientTest, ServerKilledMidUploadAndRestartedResumesFromStoredOffset)
{
    startServer();
    // GIVEN 2 jobs with one 600 KB file each, uploaded in 32 KB chunks
    auto store = seededTablet(2, 1, 600 * 1024);
    ASSERT_TRUE(store);
    sync::StoreSyncLocal local(*store);
    sync::SyncOptions o = options(m_server->url(), m_token);
    o.chunkBytes = 32 * 1024;
    o.http.maxAttempts = 40;
    o.http.initialBackoffMs = 50;
    o.http.maxBackoffMs = 200;
    const qint64 total = 2 * 600 * 1024;
    // WHEN the server is killed (SIGKILL) once 400 KB have arrived, and restarted on the same port
    bool killed = false;
    bool restarted = false;
    const quint16 port = m_server->port();
    const auto summary = runSync(local, o, [&](const sync::SyncProgress &p) {
        if (!killed && p.bytesDone >= 400 * 1024) {
            killed = true;
            m_server->kill();
            // back after a pause, so the client meets a refused connection and backs off
            QTimer::singleShot(700, QCoreApplication::instance(), [&] { restarted = m_server->start(port); });
        }
    });
    // THEN the sync completes, every byte was sent at most once plus the chunks that were cut
    // (both files upload at once, one chunk in flight on each connection)
    ASSERT_TRUE(killed);
    ASSERT_TRUE(restarted);
    ASSERT_TRUE(summary.ok) << summary.error.message.toStdString();
    EXPECT_GT(summary.retries, 0);
    EXPECT_LE(summary.bodyBytesSent, total + std::min(o.parallelUploads, 2) * o.chunkBytes);
    EXPECT_EQ(summary.filesUploaded, 2);
    EXPECT_EQ(test::valueOf(store->outbox().counts()).records, 0);
    EXPECT_EQ(m_server->stats().value(QStringLiteral("evidence_files")).toInt(), 2);
    EXPECT_EQ(runOffice({QStringLiteral("verify"), QStringLiteral("--data"), m_office.path()}).exitCode, 0);
}

TEST_F(SyncClientTest, CancelledSyncCarriesOnInANewClientWithoutResendingFiles)
{
    startServer();
    auto store = seededTablet(4, 2, 100 * 1024);
    ASSERT_TRUE(store);
    sync::StoreSyncLocal local(*store);
    sync::SyncOptions o = options(m_server->url(), m_token);
    o.chunkBytes = 64 * 1024;
    o.batchRecords = 5;
    // GIVEN a sync stopped part-way (as an app being closed would)
    QNetworkAccessManager nam;
    auto first = std::make_unique<sync::SyncClient>(local, nam, o);
    QEventLoop loop;
    sync::SyncSummary firstSummary;
    QObject::connect(first.get(), &sync::SyncClient::progressChanged, &loop, [&](const sync::SyncProgress &p) {
        if (p.bytesDone >= 300 * 1024)
            first->cancel();
    });
    QObject::connect(first.get(), &sync::SyncClient::finished, &loop, [&](const sync::SyncSummary &s) {
        firstSummary = s;
        loop.quit();
    });
    first->start();
    loop.exec();
    ASSERT_EQ(firstSummary.error.code, QStringLiteral("sync.cancelled"));
    ASSERT_GT(test::valueOf(store->outbox().counts()).records, 0);
    // WHEN a new client runs
    const auto second = runSync(local, o);
    // THEN it finishes without re-sending what the office already had
    ASSERT_TRUE(second.ok) << second.error.message.toStdString();
    // (a cancel cuts at most one chunk on each upload connection)
    EXPECT_LE(firstSummary.bodyBytesSent + second.bodyBytesSent, 8 * 100 * 1024 + o.parallelUploads * o.chunkBytes);
    EXPECT_EQ(test::valueOf(store->outbox().counts()).records, 0);
    EXPECT_EQ(m_server->stats().value(QStringLiteral("evidence_files")).toInt(), 8);
}

namespace {
// The real store's SyncLocal, noting when batches are read from the outbox and confirmed.
class RecordingLocal final : public sync::SyncLocal
{
public:
    struct Event
    {
        bool load = false;  // pending() read a batch; otherwise markConfirmed()
        int records = 0;
        bool namesFiles = false;
    };
    explicit RecordingLocal(Store &store) : m_real(store) {}
    QList<Event> events;

    Result<QList<OutboxEntry>> pending(int limit, qint64 afterSeq) override
    {
        auto batch = m_real.pending(limit, afterSeq);
        if (!batch)
            return batch;
        const bool files = std::any_of(batch->begin(), batch->end(),
                                       [](const auto &e) { return !e.blobs.isEmpty(); });
        events.append({true, int(batch->size()), files});
        return batch;
    }
    Result<void> markConfirmed(const QList<qint64> &seqs) override
    {
        events.append({false, int(seqs.size()), false});
        return m_real.markConfirmed(seqs);
    }
    Result<PendingCounts> counts() override { return m_real.counts(); }
    QString evidencePath(const QString &sha) override { return m_real.evidencePath(sha); }
    Result<bool> isBlobUploaded(const QString &sha) override { return m_real.isBlobUploaded(sha); }
    Result<void> markBlobsUploaded(const QStringList &shas) override { return m_real.markBlobsUploaded(shas); }
    Result<SyncState> syncState() override { return m_real.syncState(); }
    Result<void> setSyncCursor(const QString &c) override { return m_real.setSyncCursor(c); }
    Result<void> recordSyncSuccess(const QDateTime &at) override { return m_real.recordSyncSuccess(at); }
    Result<void> recordSyncError(const QString &m) override { return m_real.recordSyncError(m); }
    Result<void> importAssignments(const sync::PulledAssignments &p) override { return m_real.importAssignments(p); }
    QString devicePublicKey() override { return m_real.devicePublicKey(); }

private:
    sync::StoreSyncLocal m_real;
};
} // namespace

TEST_F(SyncClientTest, NextBatchIsReadAndItsFilesQueuedBeforeTheRecordsBeforeItAreConfirmed)
{
    if (test::officeOnPostgres())
        GTEST_SKIP() << "the client's read-ahead is timed against the office on SQLite; on "
                        "PostgreSQL small batches are answered before the next one is read";
    startServer();
    // GIVEN 6 jobs with 2 files each, synced in batches of 4 records
    auto store = seededTablet(6, 2, 50 * 1024);
    ASSERT_TRUE(store);
    RecordingLocal local(*store);
    sync::SyncOptions o = options(m_server->url(), m_token);
    o.batchRecords = 4;
    o.parallelUploads = 2;
    // WHEN it syncs
    const auto summary = runSync(local, o);
    // THEN everything arrives, no record before its files
    ASSERT_TRUE(summary.ok) << summary.error.message.toStdString();
    EXPECT_EQ(summary.recordsRefused, 0);
    EXPECT_EQ(test::valueOf(store->outbox().counts()).records, 0);
    EXPECT_EQ(m_server->stats().value(QStringLiteral("evidence_files")).toInt(), 12);
    EXPECT_EQ(runOffice({QStringLiteral("verify"), QStringLiteral("--data"), m_office.path()}).exitCode, 0);
    // AND while a batch's files were uploading the next batch was already read (and its files
    // queued behind them), so the upload connections never waited for a batch's records
    int loads = 0, confirms = 0, overlapped = 0;
    QList<bool> batchNamesFiles;
    for (const RecordingLocal::Event &e : std::as_const(local.events)) {
        if (e.load) {
            ++loads;
            if (e.records > 0)
                batchNamesFiles << e.namesFiles;
            continue;
        }
        ++confirms;
        if (confirms < batchNamesFiles.size() && batchNamesFiles.at(confirms - 1)) {
            EXPECT_GT(loads, confirms) << "batch " << confirms << " was confirmed before the next one was read";
            ++overlapped;
        }
    }
    EXPECT_EQ(confirms, batchNamesFiles.size());
    EXPECT_GE(overlapped, 3) << "loads " << loads << " confirms " << confirms << " batches "
                             << batchNamesFiles.size() << " naming files "
                             << batchNamesFiles.count(true);
}

TEST_F(SyncClientTest, DamagedLocalFilesAreReportedAndTheRestStillSyncs)
{
    startServer();
    // GIVEN 3 jobs with one file each; on the tablet one file was cut short and one overwritten
    QStringList files;
    auto store = seededTablet(3, 1, 80 * 1024, &files);
    ASSERT_TRUE(store);
    const QString shortened = store->files().path(files.at(0));
    const QString overwritten = store->files().path(files.at(1));
    ASSERT_TRUE(QFile::resize(shortened, 1000));
    QFile f(overwritten);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    f.seek(500);
    f.write("not the photo that was taken");
    f.close();
    sync::StoreSyncLocal local(*store);
    // WHEN it syncs
    const auto summary = runSync(local, options(m_server->url(), m_token));
    // THEN the sync ends saying which records could not go, and why
    EXPECT_FALSE(summary.ok);
    EXPECT_EQ(summary.error.code, QStringLiteral("sync.refused"));
    EXPECT_TRUE(summary.failedFiles.contains(files.at(0)));
    EXPECT_TRUE(summary.failedFiles.contains(files.at(1)));
    EXPECT_EQ(summary.recordsRefused, 2) << "the evidence records of the two damaged files";
    // AND the good file and every other record reached the office
    EXPECT_EQ(summary.filesUploaded, 1);
    EXPECT_EQ(m_server->stats().value(QStringLiteral("evidence_files")).toInt(), 1);
    EXPECT_EQ(runOffice({QStringLiteral("verify"), QStringLiteral("--data"), m_office.path()}).exitCode, 0);
    EXPECT_EQ(test::valueOf(store->outbox().counts()).records, 2);
    // AND nothing local was deleted: the damaged files stay for someone to look at
    EXPECT_EQ(QFileInfo(shortened).size(), 1000);
    EXPECT_TRUE(QFileInfo::exists(overwritten));
}

TEST_F(SyncClientTest, PauseHoldsEverythingButTheChunksInFlightAndResumeFinishes)
{
    startServer();
    // GIVEN 8 files of 200 KB, sent in 32 KB chunks on 2 connections
    auto store = seededTablet(4, 2, 200 * 1024);
    ASSERT_TRUE(store);
    sync::StoreSyncLocal local(*store);
    sync::SyncOptions o = options(m_server->url(), m_token);
    o.chunkBytes = 32 * 1024;
    o.parallelUploads = 2;
    QNetworkAccessManager nam;
    sync::SyncClient client(local, nam, o);
    qint64 bytesAtPause = -1, bytesAfterWait = -1;
    bool finishedWhilePaused = false;
    QList<bool> pausedSignals;
    sync::SyncSummary summary;
    QEventLoop loop;
    QObject::connect(&client, &sync::SyncClient::pausedChanged, &loop, [&](bool p) { pausedSignals << p; });
    QObject::connect(&client, &sync::SyncClient::progressChanged, &loop, [&](const sync::SyncProgress &p) {
        if (bytesAtPause < 0 && p.bytesDone >= 100 * 1024) {
            // WHEN the installer taps pause part-way
            bytesAtPause = p.bytesDone;
            client.pause();
            QTimer::singleShot(800, &loop, [&] {
                bytesAfterWait = client.progress().bytesDone;
                EXPECT_TRUE(client.isPaused());
                EXPECT_TRUE(client.isRunning());
                client.resume(); // AND later resume
            });
        }
    });
    QObject::connect(&client, &sync::SyncClient::finished, &loop, [&](const sync::SyncSummary &s) {
        finishedWhilePaused = bytesAfterWait < 0;
        summary = s;
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    client.start();
    loop.exec();
    // THEN while paused only the chunks already on their way (one per connection) arrived
    ASSERT_GE(bytesAtPause, 0);
    EXPECT_FALSE(finishedWhilePaused);
    EXPECT_LE(bytesAfterWait, bytesAtPause + o.parallelUploads * o.chunkBytes);
    EXPECT_EQ(pausedSignals, (QList<bool>{true, false}));
    // AND after resume the sync finished with everything confirmed
    ASSERT_TRUE(summary.ok) << summary.error.message.toStdString();
    EXPECT_EQ(summary.filesUploaded, 8);
    EXPECT_EQ(test::valueOf(store->outbox().counts()).records, 0);
    EXPECT_EQ(m_server->stats().value(QStringLiteral("evidence_files")).toInt(), 8);
}

TEST_F(SyncClientTest, BadTokenIsReportedInPlainWordsAndNothingIsConfirmed)
{
    startServer();
    auto store = seededTablet(1, 1, 1000);
    ASSERT_TRUE(store);
    const int pending = test::valueOf(store->outbox().counts()).records;
    sync::StoreSyncLocal local(*store);
    const QJsonObject before = m_server->stats();
    const auto summary = runSync(local, options(m_server->url(), QStringLiteral("mst_not_a_token")));
    EXPECT_FALSE(summary.ok);
    EXPECT_EQ(summary.error.code, QStringLiteral("sync.token_refused"));
    EXPECT_TRUE(summary.error.message.contains(QStringLiteral("令牌")));
    EXPECT_EQ(test::valueOf(store->outbox().counts()).records, pending);
    EXPECT_EQ(m_server->stats(), before);
    EXPECT_EQ(test::valueOf(store->outbox().syncState()).lastError, summary.error.message);
}

TEST_F(SyncClientTest, NoServerIsReportedAsNoNetworkAfterRetries)
{
    auto store = seededTablet(1, 1, 1000);
    ASSERT_TRUE(store);
    sync::StoreSyncLocal local(*store);
    sync::SyncOptions o = options(QStringLiteral("http://127.0.0.1:1"), QStringLiteral("t"));
    o.http.maxAttempts = 3;
    const auto summary = runSync(local, o);
    EXPECT_FALSE(summary.ok);
    EXPECT_EQ(summary.error.code, QStringLiteral("sync.no_network"));
    EXPECT_EQ(summary.retries, 2);
}

TEST_F(SyncClientTest, AssignmentsImportedAtTheOfficeArePulledIntoTheTabletStore)
{
    startServer();
    // GIVEN a task CSV of two customers imported at the office for user zhang
    const QString csv = m_office.filePath(QStringLiteral("task.csv"));
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("task_code,task_name,area_name,account_no,customer_name,address,payment,old_asset_no,installers\n"
            "T-2026-01,安贞里3号楼台区换表,安贞里3号楼,0100000001,王建国,安贞里3号楼1单元101,prepaid,1100000000000000000001,zhang\n"
            "T-2026-01,安贞里3号楼台区换表,安贞里3号楼,0100000002,\"李, 秀英\",安贞里3号楼1单元102,postpaid,1100000000000000000002,zhang\n");
    f.close();
    const ProcessResult imported = runOffice({QStringLiteral("import-task"), QStringLiteral("--data"), m_office.path(), csv});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.constData();
    EXPECT_EQ(m_server->stats().value(QStringLiteral("customers")).toInt(), 2);
    // WHEN the tablet syncs
    auto store = openStore(m_tablet.path());
    ASSERT_TRUE(store);
    sync::StoreSyncLocal local(*store);
    const auto summary = runSync(local, options(m_server->url(), m_token));
    // THEN the task and its customers are on the tablet's job list
    ASSERT_TRUE(summary.ok) << summary.error.message.toStdString();
    EXPECT_EQ(summary.tasksPulled, 1);
    EXPECT_EQ(summary.customersPulled, 2);
    const QList<Task> tasks = test::valueOf(store->tasks().list());
    ASSERT_EQ(tasks.size(), 1);
    EXPECT_EQ(tasks.first().name, QStringLiteral("安贞里3号楼台区换表"));
    const auto jobs = test::valueOf(store->jobs().list(JobQuery{}));
    ASSERT_EQ(jobs.size(), 2);
    auto li = store->tasks().customerByAccount(QStringLiteral("0100000002"));
    ASSERT_TRUE(li);
    EXPECT_EQ(li->name, QStringLiteral("李, 秀英"));
    // AND pulled rows are not echoed back to the office
    EXPECT_EQ(test::valueOf(store->outbox().counts()).records, 0);
    // AND a second pull brings nothing new
    const auto again = runSync(local, options(m_server->url(), m_token));
    EXPECT_EQ(again.tasksPulled, 0);
    EXPECT_EQ(test::valueOf(store->tasks().list()).size(), 1);
}
