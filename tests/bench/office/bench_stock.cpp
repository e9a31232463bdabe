// Stock reconciliation benchmark (issue 15): an office that issued M new meters and S seals
// (default 50,000 and 200,000) to C crews whose jobs installed most of them, with returns
// made; then OfficeStockStore::reconcile timed for the whole task and for one crew. Prints
// figures; never fails on time. Target (issue 15): ≤ 1 s at the server.
//
// The jobs are made as a sync would leave them: signed records of each crew's tablet chain
// (job, old and new meter asset numbers, four seals) applied by SqlOfficeStore::pushRecords
// in batches of 1,000, so the job projection is filled by the same code as a real sync. Issues
// and returns go through OfficeStockStore as the API's would.
//
//   bench_stock [--meters 50000] [--seals 200000] [--installed 0.8] [--crews 20] [--runs 10]
//               [--data DIR]  (keep the office there; an office already there is reused as is)
//               [--database postgresql://USER@HOST:PORT/DB]  (the office on PostgreSQL instead)
//               [--settle]    (each crew then returns its unused seals but two: the usual end
//                              of a task, a few differences instead of every unused seal)
#include "common/chainsigner.h"
#include "serverstore/sqlofficestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace ms;
using namespace ms::server;

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

struct Crew
{
    QString name;
    DeviceToken token;
    test::ChainSigner chain;
    qint64 seq = 0;
    QList<OutboxEntry> pending;
};

bool fail(const Error &e)
{
    std::fprintf(stderr, "office store: %s\n", qPrintable(e.message));
    return false;
}

bool flush(OfficeStore &store, Crew &c)
{
    if (c.pending.isEmpty())
        return true;
    auto results = store.pushRecords(c.token, c.pending);
    if (!results)
        return fail(results.error());
    for (const wire::PushResult &r : results.value())
        if (r.status != wire::PushStatus::Stored) {
            std::fprintf(stderr, "record %s not stored: %s\n", qPrintable(r.uuid),
                         qPrintable(r.reason));
            return false;
        }
    c.pending.clear();
    return true;
}

bool add(OfficeStore &store, Crew &c, const QString &entity, QJsonObject payload, QString id = {})
{
    if (id.isEmpty())
        id = uuid();
    payload.insert(QStringLiteral("uuid"), id);
    payload.insert(QStringLiteral("version"), 1);
    OutboxEntry e;
    e.seq = ++c.seq;
    e.entity = entity;
    e.uuid = id;
    e.version = 1;
    e.op = QStringLiteral("upsert");
    e.payload = std::move(payload);
    c.pending << c.chain.next(e);
    return c.pending.size() < 1000 || flush(store, c);
}

QString number(const char *prefix, qint64 n, int width)
{
    return QString::fromLatin1(prefix) + QStringLiteral("%1").arg(n, width, 10, QLatin1Char('0'));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    for (const char *o : {"meters", "seals", "installed", "crews", "runs", "data", "database"})
        p.addOption(QCommandLineOption(QString::fromLatin1(o), QString::fromLatin1(o),
                                       QStringLiteral("n")));
    p.addOption(QCommandLineOption(QStringLiteral("settle")));
    p.process(app);
    const qint64 meters = p.value(QStringLiteral("meters")).isEmpty()
                              ? 50000
                              : p.value(QStringLiteral("meters")).toLongLong();
    const qint64 seals = p.value(QStringLiteral("seals")).isEmpty()
                             ? 200000
                             : p.value(QStringLiteral("seals")).toLongLong();
    const double installed = p.value(QStringLiteral("installed")).isEmpty()
                                 ? 0.8
                                 : p.value(QStringLiteral("installed")).toDouble();
    const int crews =
        p.value(QStringLiteral("crews")).isEmpty() ? 20 : p.value(QStringLiteral("crews")).toInt();
    const int runs =
        p.value(QStringLiteral("runs")).isEmpty() ? 10 : p.value(QStringLiteral("runs")).toInt();

    // --database postgresql://…: the office on PostgreSQL (as `meterswap-office --database`);
    // else SQLite in --data (or a temporary directory). An office that already has stock is
    // reused as it is.
    QTemporaryDir temp;
    temp.setAutoRemove(qEnvironmentVariableIsEmpty("MS_BENCH_KEEP"));
    const QString dir =
        p.value(QStringLiteral("data")).isEmpty() ? temp.path() : p.value(QStringLiteral("data"));
    const QString url = p.value(QStringLiteral("database"));
    auto opened = url.isEmpty() ? SqlOfficeStore::open(dir + QStringLiteral("/office.db"))
                                : SqlOfficeStore::openPostgres(url);
    if (!opened)
        return fail(opened.error()) ? 0 : 1;
    auto held = opened.value()->stock().batches(QString());
    if (!held)
        return fail(held.error()) ? 0 : 1;
    const bool reuse = !held->isEmpty();
    std::printf("office: %s%s\n",
                url.isEmpty() ? qPrintable(QStringLiteral("SQLite in ") + dir) : "PostgreSQL",
                reuse ? " (reused)" : "");
    OfficeStore &store = *opened.value();
    QElapsedTimer setup;
    setup.start();
    const qint64 metersPerCrew = meters / crews, sealsPerCrew = seals / crews;
    const qint64 jobsPerCrew = qint64(double(metersPerCrew) * installed);
    qint64 records = 0;
    for (int c = 0; c < crews && !reuse; ++c) {
        Crew crew;
        crew.name = QStringLiteral("班组%1").arg(c + 1);
        auto text = store.createToken(QStringLiteral("tablet-%1").arg(c + 1), crew.name);
        if (!text)
            return fail(text.error()) ? 0 : 1;
        crew.token = *store.authenticate(*text).value();
        if (auto ok = store.bindDeviceKey(crew.token, crew.chain.publicKey()); !ok)
            return fail(ok.error()) ? 0 : 1;
        const qint64 m0 = 3300000000000LL + qint64(c) * metersPerCrew;
        const qint64 s0 = qint64(c) * sealsPerCrew;
        StockIssueRequest issue{
            uuid(),
            crew.name,
            {number("", m0, 13) + QLatin1Char('-') + number("", m0 + metersPerCrew - 1, 13)},
            {number("SL", s0, 8) + QLatin1Char('-') + number("SL", s0 + sealsPerCrew - 1, 8)},
            QStringLiteral("bench"),
            QStringLiteral("bench")};
        if (auto ok = store.stock().issue(issue); !ok)
            return fail(ok.error()) ? 0 : 1;
        const QString task = uuid();
        if (!add(store, crew, QStringLiteral("task"),
                 {{QStringLiteral("name"), crew.name}, {QStringLiteral("crew"), crew.name}}, task))
            return 1;
        for (qint64 j = 0; j < jobsPerCrew; ++j) {
            const QString job = uuid();
            add(store, crew, QStringLiteral("job"),
                {{QStringLiteral("task_uuid"), task},
                 {QStringLiteral("customer_uuid"), uuid()},
                 {QStringLiteral("status"), QStringLiteral("done")},
                 {QStringLiteral("submission"), 1},
                 {QStringLiteral("submitted_at"), QStringLiteral("2026-11-05T08:00:00.000Z")}},
                job);
            const auto ev = [&](const char *key, const QString &value) {
                add(store, crew, QStringLiteral("evidence"),
                    {{QStringLiteral("job_uuid"), job},
                     {QStringLiteral("card_id"), QStringLiteral("21.4")},
                     {QStringLiteral("requirement"), QString::fromLatin1(key)},
                     {QStringLiteral("kind"), QStringLiteral("barcode")},
                     {QStringLiteral("value"), value},
                     {QStringLiteral("captured_at"), QStringLiteral("2026-11-05T02:00:00.000Z")}});
            };
            ev("old_meter_asset", number("", 1100000000000LL + qint64(c) * metersPerCrew + j, 13));
            ev("new_meter_asset", number("", m0 + j, 13));
            for (int k = 0; k < 4 && j * 4 + k < sealsPerCrew; ++k)
                add(store, crew, QStringLiteral("seal"),
                    {{QStringLiteral("job_uuid"), job},
                     {QStringLiteral("position"), QStringLiteral("box")},
                     {QStringLiteral("number"), number("SL", s0 + j * 4 + k, 8)},
                     {QStringLiteral("at"), QStringLiteral("2026-11-05T02:00:00.000Z")}});
            records += 7;
        }
        if (!flush(store, crew))
            return 1;
        // The crew returns most old meters and the unused new meters but two.
        QStringList back;
        for (qint64 j = 0; j < jobsPerCrew; j += 1)
            if (j % 50 != 0)
                back << number("", 1100000000000LL + qint64(c) * metersPerCrew + j, 13);
        if (jobsPerCrew + 2 < metersPerCrew)
            back << number("", m0 + jobsPerCrew, 13) + QLatin1Char('-')
                        + number("", m0 + metersPerCrew - 3, 13);
        if (auto ok = store.stock().returnStock(
                {uuid(), back, {}, QStringLiteral("bench"), QStringLiteral("bench")});
            !ok)
            return fail(ok.error()) ? 0 : 1;
    }
    if (p.isSet(QStringLiteral("settle"))) {
        for (int c = 0; c < crews; ++c) {
            const qint64 s0 = qint64(c) * sealsPerCrew, used = jobsPerCrew * 4;
            if (used + 2 >= sealsPerCrew)
                continue;
            const QString range = number("SL", s0 + used, 8) + QLatin1Char('-')
                                  + number("SL", s0 + sealsPerCrew - 3, 8);
            auto ok = store.stock().returnStock(
                {uuid(), {}, {range}, QStringLiteral("bench"), QStringLiteral("bench")});
            if (!ok && ok.error().code != QLatin1String("stock.unknown_number"))
                return fail(ok.error()) ? 0 : 1;
        }
    }
    std::printf("setup: %d crews, %lld meters and %lld seals issued, %lld records pushed, %.1f s\n",
                crews, meters, seals, records, double(setup.elapsed()) / 1000);
    const auto timeIt = [&](const QString &crew, const char *label) {
        QList<double> ms, cpu;
        qsizetype differences = 0;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            const std::clock_t c0 = std::clock();
            auto r = store.stock().reconcile(crew);
            cpu << double(std::clock() - c0) * 1000.0 / CLOCKS_PER_SEC;
            ms << double(t.nsecsElapsed()) / 1e6;
            if (!r) {
                fail(r.error());
                return;
            }
            differences = r->differences.size();
            if (i == 0)
                std::printf(
                    "%s: issued %lld meters / %lld seals, installed %lld / %lld, returned %lld, "
                    "on hand %lld / %lld, %lld differences\n",
                    label, r->issued.meters, r->issued.seals, r->installed.meters,
                    r->installed.seals, r->returned.meters, qint64(r->onHandMeters.size()),
                    qint64(r->onHandSeals.size()), qint64(differences));
        }
        std::sort(ms.begin(), ms.end());
        std::sort(cpu.begin(), cpu.end());
        // CPU time is what one reconciliation costs the server when it has a core to itself;
        // wall time also holds the waits of a shared machine.
        std::printf("%s reconciliation CPU time: median %.0f ms, max %.0f ms\n", label,
                    cpu.isEmpty() ? 0 : cpu.at(cpu.size() / 2), cpu.isEmpty() ? 0 : cpu.last());
        std::printf("%s reconciliation: first %.0f ms, median %.0f ms, max %.0f ms (%d runs; goal "
                    "≤ 1000 ms)\n",
                    label, ms.isEmpty() ? 0 : ms.first(), ms.isEmpty() ? 0 : ms.at(ms.size() / 2),
                    ms.isEmpty() ? 0 : ms.last(), runs);
    };
    timeIt({}, "whole task");
    timeIt(QStringLiteral("班组1"), "one crew");
    return 0;
}
