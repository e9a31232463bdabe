// Sync benchmark: N jobs × M photos (≈ K KB each) from a tablet store to the real meterswap-office
// over loopback. Prints (1) throughput against a plain HTTP PUT of the same files to a sink on the
// same link (goal ≥ 0.8) and (2) bytes re-sent after connections are cut at random byte offsets,
// as a share of the total (goal ≤ 1 %). Never fails on time; exits 1 only if a sync fails.
//
//   bench_sync [--jobs 300] [--photos 10] [--kb 400] [--cuts 20] [--rounds 3] [--lanes 4]
#include "cuttingproxy.h"

#include "serverstore/evidencepack.h"
#include "store/store.h"
#include "sync/ackinglistener.h"
#include "sync/storesynclocal.h"
#include "sync/syncclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <memory>
#include <optional>
#include <sys/resource.h>
#include <unistd.h>

using namespace ms;

namespace {
QString binDir() { return QCoreApplication::applicationDirPath() + QStringLiteral("/../../../app"); }
QString program(const QString &name)
{
    QDirIterator it(binDir(), {name}, QDir::Files | QDir::Executable, QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

QByteArray runTool(const QString &name, const QStringList &args)
{
    QProcess p;
    p.start(program(name), args);
    p.waitForFinished(-1);
    if (p.exitCode() != 0)
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(name), p.readAllStandardError().constData());
    return p.readAllStandardOutput().trimmed();
}

struct Office
{
    QProcess process;
    quint16 port = 0;
    QString token;
    bool start(const QString &dir)
    {
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.setStandardErrorFile(QProcess::nullDevice());
        process.start(program(QStringLiteral("meterswap-office")),
                      {QStringLiteral("serve"), QStringLiteral("--data"), dir, QStringLiteral("--listen"),
                       QStringLiteral("127.0.0.1:0")});
        QByteArray out;
        static const QRegularExpression re(QStringLiteral(":(\\d+)\\s*$"));
        while (process.waitForReadyRead(10000)) {
            out += process.readAllStandardOutput();
            const auto m = re.match(QString::fromUtf8(out));
            if (m.hasMatch()) {
                port = quint16(m.captured(1).toUInt());
                break;
            }
        }
        token = QString::fromUtf8(runTool(QStringLiteral("meterswap-office"),
                                          {QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--data"),
                                           dir, QStringLiteral("--device"), QStringLiteral("bench"),
                                           QStringLiteral("--user"), QStringLiteral("bench")}));
        return port != 0 && !token.isEmpty();
    }
    ~Office()
    {
        process.terminate();
        process.waitForFinished(10000);
    }
};

// The plain-HTTP reference: a sink that accepts a PUT and drops the bytes, in its own thread.
class Sink : public QThread
{
public:
    std::atomic<quint16> port{0};
    ~Sink() override { quit(); wait(); }
protected:
    void run() override
    {
        QHttpServer http;
        http.route(QStringLiteral("/sink/<arg>"), QHttpServerRequest::Method::Put,
                   [](const QString &, const QHttpServerRequest &r) {
            return QHttpServerResponse(QJsonObject{{QStringLiteral("size"), r.body().size()}});
        });
        // The same listener as the office (prompt ACKs), so both sides get the same link.
        auto *listener = new sync::AckingTcpServer(&http);
        if (listener->listen(QHostAddress::LocalHost, 0))
            http.bind(listener);
        port.store(listener->serverPort());
        exec();
    }
};

// lanes: files uploaded at once (--lanes; 0 keeps the client's default)
sync::SyncSummary syncOnce(Store &store, quint16 port, const QString &token, int lanes)
{
    sync::StoreSyncLocal local(store);
    QNetworkAccessManager nam;
    sync::SyncOptions o;
    o.http.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    o.http.token = token;
    o.http.initialBackoffMs = 20;
    o.http.maxBackoffMs = 200;
    o.http.maxAttempts = 50;
    o.pull = false;
    if (lanes > 0)
        o.parallelUploads = lanes;
    sync::SyncClient client(local, nam, o);
    sync::SyncSummary summary;
    QEventLoop loop;
    QObject::connect(&client, &sync::SyncClient::finished, &loop, [&](const sync::SyncSummary &s) {
        summary = s;
        loop.quit();
    });
    client.start();
    loop.exec();
    return summary;
}

// Plain PUTs of the same files to the sink, `parallel` at a time (1 = one after another).
double plainUpload(const QStringList &files, int parallel, qint64 *bytes)
{
    Sink sink;
    sink.start();
    while (sink.port.load() == 0)
        QThread::msleep(5);
    QNetworkAccessManager nam;
    QElapsedTimer clock;
    clock.start();
    *bytes = 0;
    qsizetype next = 0;
    int inFlight = 0;
    QEventLoop loop;
    std::function<void()> send = [&] {
        while (inFlight < parallel && next < files.size()) {
            const QString path = files.at(next++);
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray body = f.readAll();
            *bytes += body.size();
            QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/sink/%2")
                                         .arg(sink.port.load()).arg(QFileInfo(path).fileName())));
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
            QNetworkReply *reply = nam.put(req, body);
            ++inFlight;
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
                reply->deleteLater();
                --inFlight;
                if (inFlight == 0 && next >= files.size())
                    loop.quit();
                else
                    send();
            });
        }
    };
    send();
    if (inFlight > 0)
        loop.exec();
    return clock.elapsed() / 1000.0;
}

// Copies the seeded tablet store and waits until the copy is on disk, so that writing back the
// benchmark's own 1 GB copy does not run during (and slow down) the measured sync.
void copyTablet(const QString &from, const QString &to)
{
    QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-a"), from, to});
    ::sync();
}

// Reads every file once, so that the measured transfer that follows finds them in the page cache.
// This machine pages out file data it has not touched for a few seconds (DAMON), so without it
// whichever transfer ran second found the files warm and the first one read them from disk.
void warm(const QStringList &files)
{
    for (const QString &path : files) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            (void)f.readAll();
    }
}

QStringList evidenceFiles(const QString &dataDir)
{
    QStringList out;
    QDirIterator it(dataDir + QStringLiteral("/evidence"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        if (QFileInfo(p).fileName().size() == 64)
            out << p;
    }
    return out;
}

// CPU seconds (user + system) this process has used so far, all threads.
double selfCpu()
{
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// CPU seconds another (running) process has used so far, from /proc/PID/stat.
double processCpu(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(::sysconf(_SC_CLK_TCK));
}

double mb(qint64 b) { return double(b) / (1024.0 * 1024.0); }

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    for (const char *o : {"jobs", "photos", "kb", "cuts", "rounds", "lanes"})
        p.addOption(QCommandLineOption(QLatin1String(o), QLatin1String(o), QStringLiteral("n")));
    p.process(app);
    const int jobs = p.isSet(QStringLiteral("jobs")) ? p.value(QStringLiteral("jobs")).toInt() : 300;
    const int photos = p.isSet(QStringLiteral("photos")) ? p.value(QStringLiteral("photos")).toInt() : 10;
    const int kb = p.isSet(QStringLiteral("kb")) ? p.value(QStringLiteral("kb")).toInt() : 400;
    const int cuts = p.isSet(QStringLiteral("cuts")) ? p.value(QStringLiteral("cuts")).toInt() : 20;
    const int lanes = p.value(QStringLiteral("lanes")).toInt();
    const int syncLanes = lanes > 0 ? lanes : sync::SyncOptions().parallelUploads;
    const int rounds = std::max(1, p.isSet(QStringLiteral("rounds")) ? p.value(QStringLiteral("rounds")).toInt() : 3);

    QTemporaryDir tmp;
    const QString tabletA = tmp.filePath(QStringLiteral("tablet-a"));
    QElapsedTimer seedClock;
    seedClock.start();
    runTool(QStringLiteral("meterswapctl"), {QStringLiteral("demo"), QStringLiteral("seed"), QStringLiteral("--data"), tabletA,
                                             QStringLiteral("--jobs"), QString::number(jobs), QStringLiteral("--photos-per-job"),
                                             QString::number(photos), QStringLiteral("--photo-kb"), QString::number(kb)});
    const QStringList files = evidenceFiles(tabletA);
    std::printf("sync bench: %d jobs x %d photos = %lld files (seeded in %.1f s)\n", jobs, photos,
                qlonglong(files.size()), seedClock.elapsed() / 1000.0);

    // 1. throughput, in rounds (the machine is shared and noisy): each round copies the tablet
    // store, then PUTs its files plainly one after another, then as many at once as the sync
    // sends, then syncs the copy to a fresh office. Medians are compared.
    QList<double> plainRates, plainParallelRates, syncRates, roundRatios;
    QList<double> plainCpu, syncClientCpu, syncOfficeCpu; // cores busy on average
    sync::SyncSummary clean;
    for (int round = 0; round < rounds; ++round) {
        // Every transfer reads the round's copy, warmed just before (see warm()).
        const QString tablet = tmp.filePath(QStringLiteral("tablet-r%1").arg(round));
        copyTablet(tabletA, tablet);
        const QStringList roundFiles = evidenceFiles(tablet);
        qint64 plainBytes = 0;
        warm(roundFiles);
        const double plainCpu0 = selfCpu();
        const double plainSeconds = plainUpload(roundFiles, 1, &plainBytes);
        plainCpu << (selfCpu() - plainCpu0) / plainSeconds;
        plainRates << mb(plainBytes) / plainSeconds;
        warm(roundFiles);
        const double parallelSeconds = plainUpload(roundFiles, syncLanes, &plainBytes);
        plainParallelRates << mb(plainBytes) / parallelSeconds;
        const QString officeDir = tmp.filePath(QStringLiteral("office-r%1").arg(round));
        auto office = std::make_unique<Office>();
        if (!office->start(officeDir))
            return 1;
        StoreOptions so;
        so.dataDir = tablet;
        auto store = Store::open(so);
        if (!store)
            return 1;
        warm(roundFiles);
        QElapsedTimer clock;
        clock.start();
        const double clientCpu0 = selfCpu(), officeCpu0 = processCpu(office->process.processId());
        clean = syncOnce(**store, office->port, office->token, lanes);
        const double syncSeconds = clock.elapsed() / 1000.0;
        syncClientCpu << (selfCpu() - clientCpu0) / syncSeconds;
        syncOfficeCpu << (processCpu(office->process.processId()) - officeCpu0) / syncSeconds;
        if (!clean.ok) {
            std::fprintf(stderr, "sync failed: %s\n", qPrintable(clean.error.message));
            return 1;
        }
        syncRates << mb(clean.fileBytes) / syncSeconds;
        roundRatios << syncRates.last() / plainRates.last();
        std::printf("  round %d        : sync %.1f MB/s, plain %.1f MB/s, plain x%d %.1f MB/s, ratio %.2f; "
                    "cores busy: sync %.2f client + %.2f office, plain %.2f\n",
                    round + 1, syncRates.last(), plainRates.last(), syncLanes, plainParallelRates.last(),
                    roundRatios.last(), syncClientCpu.last(), syncOfficeCpu.last(), plainCpu.last());
        store = makeError(QStringLiteral("bench.closed"), QString()); // closes the store
        office.reset();
        QDir(tablet).removeRecursively();
        QDir(officeDir).removeRecursively();
    }
    const double syncRate = median(syncRates), plainRate = median(plainRates);
    const double plainParallelRate = median(plainParallelRates);
    std::printf("  files          : %.1f MB, %d records\n", mb(clean.fileBytes), clean.recordsConfirmed);
    std::printf("  meterswap sync : %.1f MB/s median (%d files at once; hashing, fsync and records included)\n", syncRate,
                syncLanes);
    std::printf("  plain HTTP PUT : %.1f MB/s median (one PUT per file to a discarding sink)\n", plainRate);
    std::printf("  plain PUT, x%d  : %.1f MB/s median (%d PUTs at once to the same sink, one manager)\n", syncLanes,
                plainParallelRate, syncLanes);
    std::printf("  ratio          : %.2f against plain PUT (goal >= 0.80); %.2f against plain x%d\n",
                syncRate / plainRate, syncRate / plainParallelRate, syncLanes);
    std::printf("  ratio by round : %.2f median of the rounds' own ratios\n", median(roundRatios));

    // 2. connections cut at random byte offsets: the same sync through a relay, once without
    // cuts and once with them; the bytes the client sent into the relay are compared (resends
    // inside Qt's HTTP stack and our own retries both count).
    struct Relayed
    {
        qint64 bytes = 0;
        int cuts = 0;
        int retries = 0;
        double seconds = 0;
    };
    const auto relayed = [&](const QString &name, QList<qint64> offsets) -> std::optional<Relayed> {
        const QString tablet = tmp.filePath(QStringLiteral("tablet-") + name);
        copyTablet(tabletA, tablet);
        Office office;
        if (!office.start(tmp.filePath(QStringLiteral("office-") + name)))
            return std::nullopt;
        ms::bench::CuttingProxy proxy(office.port, std::move(offsets));
        proxy.start();
        proxy.waitReady();
        StoreOptions so;
        so.dataDir = tablet;
        auto store = Store::open(so);
        if (!store)
            return std::nullopt;
        QElapsedTimer clock;
        clock.start();
        const auto summary = syncOnce(**store, proxy.port(), office.token, lanes);
        if (!summary.ok) {
            std::fprintf(stderr, "sync through the relay failed: %s\n", qPrintable(summary.error.message));
            return std::nullopt;
        }
        return Relayed{proxy.bytesFromClient(), proxy.cutsMade(), summary.retries, clock.elapsed() / 1000.0};
    };
    const auto plainRelay = relayed(QStringLiteral("relay"), {});
    if (!plainRelay)
        return 1;
    QList<qint64> offsets;
    QRandomGenerator rng(4242);
    for (int i = 0; i < cuts; ++i)
        offsets << qint64(rng.bounded(double(plainRelay->bytes)));
    const auto cutRelay = relayed(QStringLiteral("cut"), offsets);
    if (!cutRelay)
        return 1;
    const qint64 resent = cutRelay->bytes - plainRelay->bytes;
    std::printf("  cuts           : %d connections cut at random offsets, %d retries, %.2f s\n",
                cutRelay->cuts, cutRelay->retries, cutRelay->seconds);
    std::printf("  re-sent        : %.2f MB = %.3f %% of %.1f MB (goal <= 1 %%), %.0f KB per cut\n", mb(resent),
                100.0 * double(resent) / double(clean.fileBytes), mb(clean.fileBytes),
                cutRelay->cuts > 0 ? double(resent) / 1024.0 / cutRelay->cuts : 0.0);

    // 3. office start-up over what the relay run stored: indexing the evidence volumes after a
    // clean stop (headers only), and after a crash (the newest volume is re-hashed as well).
    const QString packs = tmp.filePath(QStringLiteral("office-relay/evidence/packs"));
    const auto timedOpen = [&](server::EvidencePack::Mode mode, qsizetype *held) {
        QElapsedTimer clock;
        clock.start();
        server::EvidencePack pack(packs);
        if (!pack.open(mode).ok())
            return -1.0;
        *held = pack.list().size();
        return double(clock.nsecsElapsed()) / 1e6;
    };
    qsizetype indexed = 0;
    const double cleanMs = timedOpen(server::EvidencePack::Mode::ReadOnly, &indexed);
    QFile::remove(packs + QStringLiteral("/clean")); // as if the office had been killed
    const double crashMs = timedOpen(server::EvidencePack::Mode::Writer, &indexed);
    std::printf("  office start   : %lld files in %lld volumes indexed in %.0f ms; after a crash "
                "(newest volume re-hashed) %.0f ms\n",
                qlonglong(indexed), qlonglong(QDir(packs).entryList({QStringLiteral("*.msp")}).size()),
                cleanMs, crashMs);
    return 0;
}
