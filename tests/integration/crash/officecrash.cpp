#include "officecrash.h"

#include "integration/sync/officeprocess.h"
#include "integration/sync/synctestutil.h"
#include "store/store.h"
#include "sync/storesynclocal.h"

#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

#include <sqlite3.h>

namespace ms::test {

namespace {

// uuid → version of the office's records, and its recorded files, read straight from office.db
// while the server is down (the test's own eyes, not the server's API), read-only so that
// closing it checkpoints nothing: the restart finds the WAL the kill left.
struct OfficeView
{
    QHash<QString, qint64> records;
    QSet<QString> blobs;
    QString error;
};

OfficeView readOffice(const QString &dir)
{
    OfficeView v;
    sqlite3 *db = nullptr;
    const QByteArray path = QFile::encodeName(dir + QStringLiteral("/office.db"));
    if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        v.error =
            QStringLiteral("cannot open office.db: %1").arg(QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return v;
    }
    const auto each = [&](const char *sql, const std::function<void(sqlite3_stmt *)> &row) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
            v.error = QString::fromUtf8(sqlite3_errmsg(db));
            return;
        }
        while (sqlite3_step(st) == SQLITE_ROW)
            row(st);
        sqlite3_finalize(st);
    };
    const auto text = [](sqlite3_stmt *st, int col) {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, col)));
    };
    each("SELECT uuid, version FROM records",
         [&](sqlite3_stmt *st) { v.records.insert(text(st, 0), sqlite3_column_int64(st, 1)); });
    each("SELECT sha256 FROM blobs", [&](sqlite3_stmt *st) { v.blobs.insert(text(st, 0)); });
    sqlite3_close(db);
    return v;
}

QHash<QString, qint64> tabletRecords(Store &store, bool confirmedOnly)
{
    QHash<QString, qint64> out;
    auto st = store.database().prepare(
        QStringLiteral("SELECT uuid, max(version) FROM outbox %1 GROUP BY uuid")
            .arg(confirmedOnly ? QStringLiteral("WHERE confirmed_at IS NOT NULL") : QString()));
    if (st)
        while (st.value().step())
            out.insert(st.value().text(0), st.value().integer(1));
    return out;
}

QStringList column(Store &store, const QString &sql)
{
    QStringList out;
    auto st = store.database().prepare(sql);
    if (st)
        while (st.value().step())
            out << st.value().text(0);
    return out;
}

// A little more field work each round: 1–4 photos of 20–400 KB and two step ticks.
void capture(Store &store, QRandomGenerator &rng, int round)
{
    const auto listed = store.jobs().list(JobQuery().page(100));
    if (!listed || listed->isEmpty())
        return;
    const QList<JobListItem> &jobs = *listed;
    const RowId job = jobs.at(rng.bounded(int(jobs.size()))).job.id;
    QList<NewEvidence> items;
    for (int i = 0, n = rng.bounded(1, 5); i < n; ++i) {
        NewEvidence e;
        e.record.jobId = job;
        e.record.cardId = QStringLiteral("21.4");
        e.record.requirement = QStringLiteral("round_%1_%2").arg(round).arg(i);
        e.record.kind = EvidenceKind::Photo;
        e.record.mime = QStringLiteral("image/jpeg");
        e.data.resize(rng.bounded(20, 400) * 1024);
        rng.fillRange(reinterpret_cast<quint32 *>(e.data.data()), e.data.size() / 4);
        items << e;
    }
    (void)store.evidence().add(items);
    for (int i = 0; i < 2; ++i)
        (void)store.steps().setStep(RecordOwner::job(job),
                                    QStringLiteral("21.%1").arg(rng.bounded(1, 10)),
                                    rng.bounded(8), rng.bounded(2) == 1, QStringLiteral("crash"));
}

} // namespace

OfficeCrashReport runOfficeCrash(const OfficeCrashOptions &options)
{
    OfficeCrashReport report;
    report.seed =
        options.seed ? options.seed : QRandomGenerator::global()->bounded(1u, 0x7fffffffu);
    QRandomGenerator rng(report.seed);
    QElapsedTimer clock;
    clock.start();
    const QString officeDir = options.workDir + QStringLiteral("/office");
    const QString tabletDir = options.workDir + QStringLiteral("/tablet");
    QDir().mkpath(officeDir);
    QDir().mkpath(tabletDir);

    OfficeServerProcess server(officeDir);
    const QString token = server.token(QStringLiteral("crash-tablet"), QStringLiteral("张伟"));
    std::unique_ptr<Store> store = openStore(tabletDir);
    if (token.isEmpty() || !store || !server.start(0)) {
        report.problems << QStringLiteral("set-up failed (token, tablet store or server start)");
        return report;
    }
    const quint16 port = server.port();
    seedStore(*store, 6, 2, 80 * 1024, report.seed);
    sync::StoreSyncLocal local(*store);

    // With the server down: what the tablet holds as acknowledged must be at the office, and
    // verify must pass. Then the server starts again on the same port.
    const auto afterKill = [&](int kill) {
        const auto problem = [&](const QString &what) {
            report.problems << QStringLiteral("kill %1: %2").arg(kill).arg(what);
        };
        const OfficeView office = readOffice(officeDir);
        if (!office.error.isEmpty())
            problem(office.error);
        const QHash<QString, qint64> confirmed = tabletRecords(*store, true);
        for (auto it = confirmed.cbegin(); it != confirmed.cend(); ++it) {
            ++report.confirmedChecks;
            if (office.records.value(it.key(), 0) < it.value())
                problem(QStringLiteral("record %1 v%2 was confirmed but the office has v%3")
                            .arg(it.key())
                            .arg(it.value())
                            .arg(office.records.value(it.key(), 0)));
        }
        for (const QString &sha :
             column(*store, QStringLiteral("SELECT sha256 FROM blob_uploads"))) {
            ++report.confirmedChecks;
            if (!office.blobs.contains(sha))
                problem(
                    QStringLiteral("file %1 was acknowledged but the office has no record of it")
                        .arg(sha));
        }
        if (options.verifyEveryKill) {
            ++report.verifyRuns;
            const ProcessResult v =
                runOffice({QStringLiteral("verify"), QStringLiteral("--data"), officeDir});
            if (v.exitCode != 0)
                problem(QStringLiteral("verify failed: %1").arg(QString::fromUtf8(v.err + v.out)));
        }
        if (!server.start(port))
            problem(QStringLiteral("the server did not start again on port %1").arg(port));
    };

    qint64 lastSyncMs = 30; // of the last sync that ended before its kill, and its reports
    int lastReports = 4;
    for (int kill = 1; kill <= options.kills; ++kill) {
        capture(*store, rng, kill);
        sync::SyncOptions o = test::options(server.url(), token);
        o.http.maxAttempts = 8; // 50 ms doubling: ~6 s of retries, the restart takes well under 1 s
        bool killed = false;
        QTimer killer;
        killer.setSingleShot(true);
        QObject::connect(&killer, &QTimer::timeout, &killer, [&] {
            if (killed)
                return;
            server.kill();
            killed = true;
            afterKill(kill);
        });
        // Half the kills come at the k-th progress report (a phase of the sync: records, a file,
        // the pull), half after a random time within about one sync's length.
        const int atReport = rng.bounded(2) == 0 ? rng.bounded(1, std::max(2, lastReports + 1)) : 0;
        int reports = 0;
        if (!atReport)
            killer.start(
                int(rng.bounded(std::clamp<qint64>(lastSyncMs, 5, options.maxDelayMs) + 1)));
        QElapsedTimer took;
        took.start();
        const sync::SyncSummary s = runSync(
            local, o,
            [&](const sync::SyncProgress &) {
                if (++reports == atReport)
                    killer.start(0);
            },
            60000);
        killer.stop();
        if (!killed) {
            lastSyncMs = took.elapsed();
            lastReports = reports;
        }
        if (killed)
            ++report.killsMidSync;
        else {
            server.kill();
            afterKill(kill);
        }
        ++report.kills;
        if (s.ok)
            ++report.syncsCompleted;
        for (const wire::PushResult &r : s.refused)
            report.problems << QStringLiteral("kill %1: record %2 refused: %3 %4")
                                   .arg(kill)
                                   .arg(r.uuid, r.code, r.reason);
        if (options.progress && (kill % 25 == 0 || kill == options.kills))
            options.progress(QStringLiteral("%1 kills (%2 mid-sync), %3 problems")
                                 .arg(kill)
                                 .arg(report.killsMidSync)
                                 .arg(report.problems.size()));
        if (report.problems.size() > 20)
            break;
    }

    // The last sync, undisturbed; then everything exactly once.
    const sync::SyncSummary last = runSync(local, test::options(server.url(), token), {}, 120000);
    if (!last.ok)
        report.problems << QStringLiteral("the last sync failed: %1").arg(last.error.message);
    server.terminate();
    const auto counted = store->outbox().counts();
    const PendingCounts pending = counted ? *counted : PendingCounts{};
    if (!counted)
        report.problems << QStringLiteral("cannot read what waits on the tablet: %1")
                               .arg(counted.error().message);
    else if (pending.records != 0 || pending.files != 0)
        report.problems << QStringLiteral("%1 records and %2 files still wait on the tablet")
                               .arg(pending.records)
                               .arg(pending.files);
    const QHash<QString, qint64> all = tabletRecords(*store, false);
    const OfficeView office = readOffice(officeDir);
    report.records = all.size();
    if (office.records.size() != all.size())
        report.problems << QStringLiteral("the office holds %1 records, the tablet made %2")
                               .arg(office.records.size())
                               .arg(all.size());
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        if (office.records.value(it.key(), -1) != it.value())
            report.problems << QStringLiteral("record %1: tablet v%2, office v%3")
                                   .arg(it.key())
                                   .arg(it.value())
                                   .arg(office.records.value(it.key(), -1));
    const QStringList files =
        column(*store, QStringLiteral("SELECT DISTINCT sha256 FROM evidence WHERE sha256 != ''"));
    report.files = files.size();
    for (const QString &sha : files)
        if (!office.blobs.contains(sha))
            report.problems << QStringLiteral("file %1 never reached the office").arg(sha);
    ++report.verifyRuns;
    const ProcessResult v =
        runOffice({QStringLiteral("verify"), QStringLiteral("--data"), officeDir});
    if (v.exitCode != 0)
        report.problems
            << QStringLiteral("final verify failed: %1").arg(QString::fromUtf8(v.err + v.out));
    report.elapsedMs = clock.elapsed();
    return report;
}

} // namespace ms::test
