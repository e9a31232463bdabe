// Store figures (issue 2 §8): cold open + first job-list page with 10,000 jobs (goal ≤ 1 s for
// the whole app start), job search, one step record with its outbox row (goal p99 ≤ 5 ms),
// and one 400 KB photo saved as evidence (file fsync + row).
#include "store/demodata.h"
#include "store/pinhash.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <ctime>
#include <cstdio>

using namespace ms;

namespace {

struct Stats
{
    double p50 = 0, p99 = 0, max = 0;
};

Stats stats(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms.at(qMin(qsizetype(q * ms.size()), ms.size() - 1)); };
    return {at(0.50), at(0.99), ms.last()};
}

// Process CPU time: on a shared, loaded machine wall time is mostly waiting for a core.
double cpuMs()
{
    return double(std::clock()) * 1000.0 / CLOCKS_PER_SEC;
}

double elapsedMs(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int jobs = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    QTemporaryDir dir;
    {
        QElapsedTimer t;
        t.start();
        const double cpu0 = cpuMs();
        auto store = Store::open(dir.path());
        if (!store || !generateJobs(*store.value(), jobs, 11)) {
            std::fprintf(stderr, "bench_store: could not build the store\n");
            return 1;
        }
        std::printf("store: generated %d jobs in one transaction: %.0f ms wall, %.0f ms CPU\n", jobs,
                    elapsedMs(t), cpuMs() - cpu0);
    }

    // Cold open + first page, as the app does at start-up (quick_check, migrations, sweep).
    QList<double> open, openCpu, firstPage;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer t;
        t.start();
        const double cpu0 = cpuMs();
        auto store = Store::open(dir.path());
        open << elapsedMs(t);
        openCpu << cpuMs() - cpu0;
        QElapsedTimer p;
        p.start();
        const auto page = store.value()->jobs().list(JobQuery().page(50)).value();
        const int total = store.value()->jobs().count(JobQuery()).value();
        firstPage << elapsedMs(p);
        if (page.size() != 50 || total != jobs)
            return 1;
    }
    const Stats so = stats(open), sp = stats(firstPage);
    std::printf("store: open %d-job store (quick_check, migrations, sweep): p50 %.1f ms wall, "
                "%.1f ms CPU\n", jobs, so.p50, stats(openCpu).p50);
    std::printf("store: first job-list page (50 rows + count): p50 %.1f ms, max %.1f ms\n",
                sp.p50, sp.max);

    auto opened = Store::open(dir.path());
    Store &store = *opened.value();
    QList<double> search;
    const QStringList queries{QStringLiteral("学院路3号院"), QStringLiteral("1100000000"),
                              QStringLiteral("王"), QStringLiteral("400011000"),
                              QStringLiteral("不存在的地址")};
    for (int round = 0; round < 10; ++round)
        for (const QString &q : queries) {
            QElapsedTimer t;
            t.start();
            (void)store.jobs().list(JobQuery().matching(q).page(50));
            (void)store.jobs().count(JobQuery().matching(q));
            search << elapsedMs(t);
        }
    const Stats ss = stats(search);
    std::printf("store: search page + count over %d jobs: p50 %.1f ms, p99 %.1f ms\n", jobs,
                ss.p50, ss.p99);

    const auto page = store.jobs().list(JobQuery().page(100)).value();
    QList<double> steps;
    for (int i = 0; i < 2000; ++i) {
        QElapsedTimer t;
        t.start();
        auto r = store.steps().setStep(RecordOwner::job(page.at(i % page.size()).job.id),
                                       QStringLiteral("21.%1").arg(i % 9 + 1), i % 7, i % 2 == 0,
                                       QStringLiteral("bench"));
        steps << elapsedMs(t);
        if (!r)
            return 1;
    }
    const Stats st = stats(steps);
    std::printf("store: step record + outbox row (2000 ticks): p50 %.2f ms, p99 %.2f ms, "
                "max %.2f ms (goal p99 <= 5 ms)\n",
                st.p50, st.p99, st.max);

    QList<double> photos;
    QByteArray bytes(400 * 1024, Qt::Uninitialized);
    for (int i = 0; i < 50; ++i) {
        for (qsizetype b = 0; b < bytes.size(); b += 64)
            bytes[b] = char(i * 31 + b);
        NewEvidence e;
        e.record.jobId = page.at(i % page.size()).job.id;
        e.record.cardId = QStringLiteral("21.3");
        e.record.kind = EvidenceKind::Photo;
        e.data = bytes;
        QElapsedTimer t;
        t.start();
        if (!store.evidence().add(e))
            return 1;
        photos << elapsedMs(t);
    }
    const Stats sph = stats(photos);
    std::printf("store: 400 KB photo evidence (hash, fsync, rename, row, outbox): p50 %.1f ms, "
                "p99 %.1f ms\n",
                sph.p50, sph.p99);

    // What the sync page shows on opening: records, files and bytes waiting.
    QList<double> counting;
    PendingCounts waiting;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer t;
        t.start();
        waiting = store.outbox().counts().value();
        counting << elapsedMs(t);
    }
    const Stats sc = stats(counting);
    std::printf("store: what is waiting to sync (%d records, %d files): p50 %.1f ms, max %.1f ms\n",
                waiting.records, waiting.files, sc.p50, sc.max);

    // One PIN key derivation (PBKDF2-HMAC-SHA256, 600,000 iterations): what a sign-in costs, and
    // why the sign-in page runs it off the UI thread (docs/decisions/0007-pin-sign-in.md).
    QList<double> deriving;
    pin::Hash hash;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        hash = pin::make(QStringLiteral("123456"));
        deriving << elapsedMs(t);
    }
    const Stats sd = stats(deriving);
    std::printf("store: PIN key derivation (%s): p50 %.0f ms, max %.0f ms\n", qPrintable(hash.kdf),
                sd.p50, sd.max);
    return 0;
}
