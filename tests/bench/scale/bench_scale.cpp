// The office at city scale (issue 17, docs/scaling.md): ingest of R records and P photos through
// real meterswap-office processes on loopback — SQLite with one server, then PostgreSQL with 1, 2
// and 4 servers on one database and one evidence directory — and the review queue's first page
// with a million jobs on PostgreSQL. Prints figures; never fails on time.
//
// Ingest: D tablets (each a token and a signed record chain) send the photos whole (one PUT each,
// many at once) and then their records in batches of B (POST records, each tablet's batches in
// order, the tablets at once); every fifth record is an evidence record naming a photo. Requests
// go to the servers in turn (a client-side round robin: the balancer itself is not measured).
// PostgreSQL runs in the throwaway cluster of tests/common/pgcluster.h with fsync on.
//
//   bench_scale [--records 100000] [--photos 10000] [--kb 100] [--tablets 16] [--batch 200]
//               [--servers 1,2,4] [--queue-jobs 1000000] [--workers 2] [--sqlite 0|1]
#include "common/chainsigner.h"
#include "common/pgcluster.h"
#include "serverstore/sqlofficestore.h"
#include "sync/wire.h"

#include "model/sha256.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <deque>
#include <functional>
#include <memory>
#include <unistd.h>

using namespace ms;

namespace {

QString program(const QString &name)
{
    QDirIterator it(QCoreApplication::applicationDirPath() + QStringLiteral("/../../../app"),
                    {name}, QDir::Files | QDir::Executable, QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

struct Server
{
    std::unique_ptr<QProcess> process;
    QString url;
};

// meterswap-office serve on a free loopback port; "" when it did not start.
std::unique_ptr<Server> startServer(const QString &data, const QString &database, int workers)
{
    auto s = std::make_unique<Server>();
    s->process = std::make_unique<QProcess>();
    QStringList args{
        QStringLiteral("serve"),    QStringLiteral("--data"),      data,
        QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--workers"),
        QString::number(workers)};
    if (!database.isEmpty())
        args << QStringLiteral("--database") << database;
    s->process->setProcessChannelMode(QProcess::SeparateChannels);
    s->process->setStandardErrorFile(QProcess::nullDevice());
    s->process->start(program(QStringLiteral("meterswap-office")), args);
    static const QRegularExpression re(QStringLiteral("listening on (http://127.0.0.1:\\d+)"));
    QByteArray out;
    for (int i = 0; i < 300 && s->process->state() != QProcess::NotRunning; ++i) {
        s->process->waitForReadyRead(100);
        out += s->process->readAllStandardOutput();
        if (const auto m = re.match(QString::fromUtf8(out)); m.hasMatch()) {
            s->url = m.captured(1);
            return s;
        }
    }
    std::fprintf(stderr, "meterswap-office did not start: %s\n", out.constData());
    return nullptr;
}

QString admin(const QStringList &args)
{
    QProcess p;
    p.start(program(QStringLiteral("meterswap-office")), args);
    p.waitForFinished(60000);
    if (p.exitCode() != 0)
        std::fprintf(stderr, "meterswap-office %s: %s\n", qPrintable(args.join(QLatin1Char(' '))),
                     p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

struct Tablet
{
    QString token;
    test::ChainSigner chain;
    std::deque<QByteArray> batches; // encoded push batches, in chain order
    QList<OutboxEntry> open;        // the batch being filled
};

// Sends requests with at most `inFlight` at a time; each `make(i)` builds request i.
class Pump
{
public:
    using Make = std::function<QNetworkReply *(QNetworkAccessManager &, int)>;
    Pump(int count, int inFlight, Make make)
        : m_count(count), m_inFlight(inFlight), m_make(std::move(make))
    {
    }
    // false when a request failed (printed)
    bool run()
    {
        QEventLoop loop;
        m_loop = &loop;
        for (int i = 0; i < m_inFlight && m_next < m_count; ++i)
            send();
        if (m_done < m_count && m_ok)
            loop.exec();
        return m_ok;
    }

private:
    void send() { send(m_next++, 0); }
    void send(int i, int attempt)
    {
        QNetworkReply *reply = m_make(m_nam, i);
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply, i, attempt] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            reply->deleteLater();
            if ((status == 0 || status >= 500) && attempt < 20) { // as the sync client: retry
                ++retries;
                send(i, attempt + 1);
                return;
            }
            if (status != 200 && status != 201) {
                std::fprintf(stderr, "request failed: %d %s\n", status,
                             reply->readAll().left(300).constData());
                m_ok = false;
            }
            ++m_done;
            if (!m_ok || m_done == m_count)
                m_loop->quit();
            else if (m_next < m_count)
                send();
        });
    }

public:
    int retries = 0;

private:
    QNetworkAccessManager m_nam;
    int m_count, m_inFlight;
    Make m_make;
    int m_next = 0, m_done = 0;
    bool m_ok = true;
    QEventLoop *m_loop = nullptr;
};

struct Figures
{
    double photoSeconds = 0, recordSeconds = 0;
    double serverCpu = 0, databaseCpu = 0; // CPU seconds spent during the records phase
    int retries = 0;                       // requests answered 5xx and sent again
};

// CPU seconds (user + system) of a process, from /proc.
double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = f.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    // fields from 3 (state): utime is field 14, stime 15
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong())
           / double(sysconf(_SC_CLK_TCK));
}

// CPU seconds of the database: every process whose parent is the postmaster, and itself.
double databaseCpu()
{
    test::PgCluster *pg = test::PgCluster::instance();
    if (!pg)
        return 0;
    double total = cpuSeconds(pg->pid());
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = f.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.value(1).toLongLong() == pg->pid())
            total += cpuSeconds(pid);
    }
    return total;
}

// One configuration: the servers, the tablets' tokens, photos, then records.
bool ingest(const QString &label, const QString &database, int serverCount, int workers,
            int records, int photos, int photoBytes, int tablets, int batch, Figures *f)
{
    QTemporaryDir data;
    std::vector<std::unique_ptr<Server>> servers;
    for (int i = 0; i < serverCount; ++i) {
        auto s = startServer(data.path(), database, workers);
        if (!s)
            return false;
        servers.push_back(std::move(s));
    }
    std::vector<std::unique_ptr<Tablet>> crew;
    for (int t = 0; t < tablets; ++t) {
        auto tablet = std::make_unique<Tablet>();
        QStringList args{QStringLiteral("token"),    QStringLiteral("create"),
                         QStringLiteral("--data"),   data.path(),
                         QStringLiteral("--device"), QStringLiteral("tablet-%1").arg(t),
                         QStringLiteral("--user"),   QStringLiteral("crew-%1").arg(t)};
        if (!database.isEmpty())
            args << QStringLiteral("--database") << database;
        tablet->token = admin(args);
        if (tablet->token.isEmpty())
            return false;
        crew.push_back(std::move(tablet));
    }
    // Photos: one random base, made unique by its first 8 bytes; hashed before the clock starts.
    QByteArray base(photoBytes, Qt::Uninitialized);
    QRandomGenerator(17).fillRange(reinterpret_cast<quint32 *>(base.data()), base.size() / 4);
    base.append(QByteArray::number(QRandomGenerator::global()->generate64())); // unique per run
    const auto photo = [&base](int i) {
        QByteArray b = base;
        std::memcpy(b.data(), &i, sizeof i);
        return b;
    };
    QStringList shas;
    for (int i = 0; i < photos; ++i)
        shas << Sha256::hexOf(photo(i));
    // Records: per tablet, in its chain order, encoded into batches before the clock starts.
    for (int r = 0; r < records; ++r) {
        Tablet &t = *crew[size_t(r % tablets)];
        OutboxEntry e;
        e.seq = r + 1;
        e.version = 1;
        e.op = QStringLiteral("upsert");
        e.uuid = QStringLiteral("%1-%2").arg(label).arg(r);
        const bool evidence = r % 5 == 0 && r / 5 < photos;
        e.entity = evidence ? QStringLiteral("evidence") : QStringLiteral("step");
        e.payload = QJsonObject{{QStringLiteral("uuid"), e.uuid},
                                {QStringLiteral("job_uuid"), QStringLiteral("job-%1").arg(r / 20)},
                                {QStringLiteral("card_id"), QStringLiteral("21.%1").arg(r % 9)},
                                {QStringLiteral("at"), QStringLiteral("2026-12-06T08:00:00.000Z")},
                                {QStringLiteral("version"), 1}};
        if (evidence) {
            e.payload.insert(QStringLiteral("sha256"), shas.at(r / 5));
            e.payload.insert(QStringLiteral("kind"), QStringLiteral("photo"));
            e.blobs = {shas.at(r / 5)};
        }
        t.open << t.chain.next(e);
        if (t.open.size() == batch) {
            t.batches.push_back(sync::encodePushBatch(t.open));
            t.open.clear();
        }
    }
    for (auto &t : crew)
        if (!t->open.isEmpty()) {
            t->batches.push_back(sync::encodePushBatch(t->open));
            t->open.clear();
        }
    int rr = 0;
    const auto next = [&]() -> const QString & { return servers[size_t(rr++ % serverCount)]->url; };

    QElapsedTimer clock;
    clock.start();
    Pump uploads(photos, 8 * serverCount, [&](QNetworkAccessManager &nam, int i) {
        const Tablet &t = *crew[size_t(i % tablets)];
        QNetworkRequest req(QUrl(QStringLiteral("%1/api/v1/blobs/%2?offset=0&total=%3")
                                     .arg(next(), shas.at(i))
                                     .arg(base.size())));
        req.setRawHeader("Authorization", "Bearer " + t.token.toLatin1());
        req.setRawHeader(sync::kDeviceKeyHeader, t.chain.publicKey().toLatin1());
        req.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/octet-stream"));
        return nam.put(req, photo(i));
    });
    if (!uploads.run())
        return false;
    f->retries = uploads.retries;
    f->photoSeconds = double(clock.nsecsElapsed()) / 1e9;

    // Records: every tablet sends its batches one after another; the tablets at once.
    double serversBefore = 0;
    for (auto &s : servers)
        serversBefore += cpuSeconds(s->process->processId());
    const double databaseBefore = databaseCpu();
    clock.restart();
    QNetworkAccessManager nam;
    QEventLoop loop;
    int running = tablets;
    bool ok = true;
    std::function<void(Tablet &)> sendNext = [&](Tablet &t) {
        if (t.batches.empty() || !ok) {
            if (--running == 0)
                loop.quit();
            return;
        }
        QNetworkRequest req(QUrl(next() + QStringLiteral("/api/v1/records")));
        req.setRawHeader("Authorization", "Bearer " + t.token.toLatin1());
        req.setRawHeader(sync::kDeviceKeyHeader, t.chain.publicKey().toLatin1());
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = nam.post(req, t.batches.front());
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, tp = &t] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = reply->readAll();
            reply->deleteLater();
            if ((status == 0 || status >= 500) && f->retries < 1000) { // the same batch again
                ++f->retries;
                sendNext(*tp);
                return;
            }
            if (status != 200 || body.contains("\"refused\"") || body.contains("\"conflict\"")) {
                std::fprintf(stderr, "push failed: %d %s\n", status, body.left(400).constData());
                ok = false;
            }
            tp->batches.pop_front();
            sendNext(*tp);
        });
    };
    for (auto &t : crew)
        sendNext(*t);
    loop.exec();
    f->recordSeconds = double(clock.nsecsElapsed()) / 1e9;
    f->serverCpu = -serversBefore;
    for (auto &s : servers)
        f->serverCpu += cpuSeconds(s->process->processId());
    f->databaseCpu = database.isEmpty() ? 0 : databaseCpu() - databaseBefore;
    for (auto &s : servers) {
        s->process->terminate();
        s->process->waitForFinished(20000);
    }
    return ok;
}

// A million jobs in the job projection (bulk SQL, as a year of syncs would leave them), then
// the review queue's first page through the store and through a server's office API.
void reviewQueue(const QString &database, int jobs, int runs)
{
    test::PgCluster *pg = test::PgCluster::instance();
    const QString db = database.section(QLatin1Char('/'), -1);
    QElapsedTimer clock;
    clock.start();
    const QString error = pg->exec(
        db,
        QStringLiteral(
            "INSERT INTO office_jobs(uuid, device, \"user\", customer_uuid, task_uuid, status, "
            "current_card, "
            "branches, started_at, finished_at, submission, submitted_at, crew, received_at, "
            "review_state) "
            "SELECT 'job-' || g, 'tablet-' || (g %% 500), 'crew-' || (g %% 500), 'cust-' || g, "
            "'task-' || (g %% 200), "
            "'done', '', '{}', '2026-01-01', '2026-01-01', CASE WHEN g %% 10 < 3 THEN 1 ELSE 0 "
            "END, "
            "CASE WHEN g %% 10 < 3 THEN to_char(timestamp '2026-01-01' + g * interval '1 second', "
            "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') ELSE '' END, 'crew-' || (g %% 50), '2026-01-01', "
            "CASE WHEN g %% 10 < 2 THEN 'submitted' WHEN g %% 10 < 3 THEN 'approved' ELSE 'open' "
            "END "
            "FROM generate_series(1, %1) g; ANALYZE office_jobs;")
            .arg(jobs)
            .replace(QStringLiteral("%%"), QStringLiteral("%")));
    if (!error.isEmpty()) {
        std::fprintf(stderr, "filling office_jobs: %s\n", qPrintable(error));
        return;
    }
    std::printf("  review queue   : %d jobs made in %.1f s (30 %% submitted or approved)\n", jobs,
                double(clock.elapsed()) / 1000);
    auto store = server::SqlOfficeStore::openPostgres(database);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return;
    }
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        clock.restart();
        auto page = (*store)->jobs().reviewQueue({});
        times << double(clock.nsecsElapsed()) / 1e6;
        if (!page || page->jobs.size() != 50) {
            std::fprintf(stderr, "review queue: %s\n",
                         page ? "short page" : qPrintable(page.error().message));
            return;
        }
    }
    std::sort(times.begin(), times.end());
    std::printf(
        "  review queue   : first page (50) from the store %.1f ms median, %.1f ms worst of %d "
        "(goal <= 200 ms)\n",
        times.at(times.size() / 2), times.last(), runs);
    // through HTTP: a server, an office clerk's token, GET office/review/queue
    QTemporaryDir data;
    auto server = startServer(data.path(), database, 2);
    if (!server)
        return;
    const QString clerk =
        admin({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--data"),
               data.path(), QStringLiteral("--database"), database, QStringLiteral("--device"),
               QStringLiteral("office-pc"), QStringLiteral("--user"), QStringLiteral("clerk"),
               QStringLiteral("--roles"), QStringLiteral("office_clerk")});
    QNetworkAccessManager nam;
    times.clear();
    for (int i = 0; i < runs; ++i) {
        QNetworkRequest req(QUrl(server->url + QStringLiteral("/api/v1/office/review/queue")));
        req.setRawHeader("Authorization", "Bearer " + clerk.toLatin1());
        clock.restart();
        QNetworkReply *reply = nam.get(req);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        times << double(clock.nsecsElapsed()) / 1e6;
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
            std::fprintf(stderr, "GET office/review/queue: %s\n",
                         reply->readAll().left(300).constData());
            return;
        }
        reply->deleteLater();
    }
    std::sort(times.begin(), times.end());
    std::printf("  review queue   : GET office/review/queue %.1f ms median, %.1f ms worst of %d "
                "(HTTP, one server)\n",
                times.at(times.size() / 2), times.last(), runs);
    server->process->terminate();
    server->process->waitForFinished(20000);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("MS_PG_FSYNC", "1"); // honest commits: the throwaway cluster syncs like a real one
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    for (const char *o : {"records", "photos", "kb", "tablets", "batch", "servers", "queue-jobs",
                          "workers", "sqlite"})
        p.addOption(QCommandLineOption(QLatin1String(o), QLatin1String(o), QStringLiteral("n")));
    p.process(app);
    const auto num = [&p](const char *name, int fallback) {
        return p.isSet(QLatin1String(name)) ? p.value(QLatin1String(name)).toInt() : fallback;
    };
    const int records = num("records", 100000), photos = num("photos", 10000), kb = num("kb", 100);
    const int tablets = num("tablets", 16), batch = num("batch", 200),
              queueJobs = num("queue-jobs", 1000000);
    const int workers = num("workers", 2);
    QList<int> serverCounts;
    for (const QString &n :
         p.value(QStringLiteral("servers")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        serverCounts << n.toInt();
    if (serverCounts.isEmpty())
        serverCounts = {1, 2, 4};
    std::printf(
        "scale bench: %d records, %d photos of %d KB, %d tablets, batches of %d, %d workers per "
        "server, %d cores\n",
        records, photos, kb, tablets, batch, workers, QThread::idealThreadCount());
    const double mb = double(photos) * kb / 1024;
    const auto report = [&](const char *what, const Figures &f) {
        std::printf("  %-14s : photos %.1f MB/s (%.0f photos/s), records %.0f records/s; CPU per "
                    "record: servers %.0f us, PostgreSQL %.0f us; %d requests retried\n",
                    what, mb / f.photoSeconds, photos / f.photoSeconds, records / f.recordSeconds,
                    f.serverCpu / records * 1e6, f.databaseCpu / records * 1e6, f.retries);
        std::fflush(stdout);
    };
    Figures f;
    if (num("sqlite", 1) != 0
        && ingest(QStringLiteral("sqlite"), {}, 1, workers, records, photos, kb * 1024, tablets,
                  batch, &f))
        report("SQLite, 1", f);
    test::PgCluster *pg = test::PgCluster::instance();
    if (!pg) {
        std::printf("  PostgreSQL     : not measured: %s\n",
                    qPrintable(test::PgCluster::skipReason()));
        return 0;
    }
    for (const int n : serverCounts) {
        const QString database = pg->createDatabase();
        if (ingest(QStringLiteral("pg%1").arg(n), database, n, workers, records, photos, kb * 1024,
                   tablets, batch, &f))
            report(qPrintable(QStringLiteral("PostgreSQL, %1").arg(n)), f);
    }
    if (queueJobs > 0) {
        const QString database = pg->createDatabase();
        if (auto s = server::SqlOfficeStore::openPostgres(database); s) // the schema
            reviewQueue(database, queueJobs, 20);
    }
    return 0;
}
