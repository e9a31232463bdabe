// Record chain figures (issue 12 §5): what signing every outbox row costs the tablet, what
// chaining an old store at migration, `meterswapctl verify`, checking pushes at the office and
// `meterswap-office verify` cost. Prints figures, never fails on speed.
#include "model/recordchain.h"
#include "serverstore/sqlofficestore.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/storeverifier.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <cstdio>
#include <ctime>

using namespace ms;

namespace {
double cpuMs() { return double(std::clock()) * 1000.0 / CLOCKS_PER_SEC; }

QJsonObject payload(int i)
{
    return QJsonObject{{QStringLiteral("uuid"), QStringLiteral("job-%1").arg(i)},
                       {QStringLiteral("status"), QStringLiteral("in_progress")},
                       {QStringLiteral("card_id"), QStringLiteral("21.4")},
                       {QStringLiteral("value"), 1234.56 + i},
                       {QStringLiteral("meta"), QJsonObject{{QStringLiteral("watermark"), QStringLiteral("2026-11-05 09:12")}}}};
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;

    auto key = SigningKey::generate();
    {
        OutboxEntry e;
        e.entity = QStringLiteral("job");
        e.uuid = QStringLiteral("u");
        e.op = QStringLiteral("upsert");
        e.payload = payload(1);
        const double c0 = cpuMs();
        QString prev = chain::genesisHex();
        for (int i = 1; i <= rows; ++i)
            prev = chain::makeLink(e, i, prev, *key).link;
        const double c1 = cpuMs();
        e.chain = chain::makeLink(e, 1, chain::genesisHex(), *key);
        for (int i = 0; i < rows; ++i)
            (void)chain::checkLink(e, key->publicKey());
        std::printf("chain: hash + sign one record %.1f µs CPU, hash + check one %.1f µs CPU\n",
                    (c1 - c0) * 1000.0 / rows, (cpuMs() - c1) * 1000.0 / rows);
    }

    QTemporaryDir dir;
    {
        auto store = Store::open(dir.path());
        if (!store)
            return 1;
        Transaction tx((*store)->database());
        const double c0 = cpuMs();
        for (int i = 0; i < rows; ++i)
            if (!(*store)->outbox().append(QStringLiteral("job"), QStringLiteral("job-%1").arg(i), 1,
                                           QStringLiteral("upsert"), payload(i)))
                return 1;
        const double c1 = cpuMs();
        (void)tx.commit();
        std::printf("tablet: append %d signed outbox rows in one transaction: %.1f µs CPU per row\n",
                    rows, (c1 - c0) * 1000.0 / rows);
        const double v0 = cpuMs();
        const StoreVerifyReport r = verifyStore(**store);
        std::printf("tablet: verify %d rows: %.0f ms CPU (%s)\n", r.outbox.records, cpuMs() - v0,
                    r.ok() ? "all hold" : "PROBLEMS");
    }
    {
        // An old (schema 3) store with the same rows, chained when opened.
        QTemporaryDir old;
        {
            auto db = Database::open(old.filePath(QStringLiteral("meterswap.db")), storeMigrations().mid(0, 3));
            if (!db)
                return 1;
            Transaction tx(**db);
            auto ins = (*db)->prepare(QStringLiteral(
                "INSERT INTO outbox(entity, uuid, version, op, payload, created_at) VALUES ('job', ?, 1, 'upsert', ?, '2026-01-01')"));
            for (int i = 0; i < rows; ++i) {
                ins.value().reset();
                ins.value().bindText(1, QStringLiteral("job-%1").arg(i));
                ins.value().bindText(2, QString::fromUtf8(QJsonDocument(payload(i)).toJson(QJsonDocument::Compact)));
                if (!ins.value().run())
                    return 1;
            }
            (void)tx.commit();
        }
        QElapsedTimer t;
        t.start();
        const double c0 = cpuMs();
        auto store = Store::open(old.path());
        std::printf("tablet: migrate a store of %d unchained rows: %.0f ms wall, %.0f ms CPU\n", rows,
                    double(t.nsecsElapsed()) / 1e6, cpuMs() - c0);
        if (!store)
            return 1;
    }
    {
        auto office = server::SqlOfficeStore::open(dir.filePath(QStringLiteral("office.db")));
        if (!office)
            return 1;
        auto token = (*office)->createToken(QStringLiteral("tablet-01"), QStringLiteral("zhang"));
        const server::DeviceToken device = **(*office)->authenticate(*token);
        (void)(*office)->bindDeviceKey(device, QString::fromLatin1(key->publicKey().toHex()));
        QList<OutboxEntry> all;
        QString prev = chain::genesisHex();
        for (int i = 0; i < rows; ++i) {
            OutboxEntry e;
            e.seq = i + 1;
            e.entity = QStringLiteral("job");
            e.uuid = QStringLiteral("job-%1").arg(i);
            e.op = QStringLiteral("upsert");
            e.payload = payload(i);
            e.chain = chain::makeLink(e, i + 1, prev, *key);
            prev = e.chain.link;
            all << e;
        }
        QElapsedTimer t;
        t.start();
        const double c0 = cpuMs();
        for (int i = 0; i < rows; i += 500)
            if (!(*office)->pushRecords(device, all.mid(i, 500)))
                return 1;
        std::printf("office: push %d signed records in batches of 500: %.0f ms wall, %.1f µs CPU per record\n",
                    rows, double(t.nsecsElapsed()) / 1e6, (cpuMs() - c0) * 1000.0 / rows);
        const double v0 = cpuMs();
        auto audit = (*office)->verifyRecordChains();
        std::printf("office: verify %d chain links and records: %.0f ms CPU (%s)\n", rows, cpuMs() - v0,
                    audit && audit->problems.isEmpty() ? "all hold" : "PROBLEMS");
    }
    return 0;
}
