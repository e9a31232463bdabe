// The warehouse's stock store (issue 15) on SQLite and on PostgreSQL (one typed suite, both
// engines, officeengines.h): issue keeps a number with one crew and answers a repeated request
// once; a return is matched to what each number is and refuses an unknown one whole; the
// reconciliation of jobs pushed as a tablet pushes them names exactly the planted differences;
// the review flag names a meter not issued; the crew's stock row reaches the crew's user.
#include "common/chainsigner.h"
#include "common/officeengines.h"
#include "serverstore/sqlofficestore.h"

#include <QSet>
#include <QThread>
#include <QUuid>

#include <gtest/gtest.h>
#include <type_traits>

using namespace ms;
using namespace ms::server;

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

template <typename Engine> class OfficeStockStoreTest : public ::testing::Test
{
protected:
    Engine engine;
    std::unique_ptr<SqlOfficeStore> store;
    DeviceToken tablet;
    test::ChainSigner key;
    qint64 seq = 0;

    void open()
    {
        auto opened = engine.open();
        ASSERT_TRUE(opened) << opened.error().message.toStdString();
        store = std::move(opened).value();
        auto token = store->createToken(QStringLiteral("tablet-01"), QStringLiteral("zhang"));
        ASSERT_TRUE(token);
        auto who = store->authenticate(*token);
        ASSERT_TRUE(who && who->has_value());
        tablet = **who;
        ASSERT_TRUE(store->bindDeviceKey(tablet, key.publicKey()).ok());
    }
    void push(const QString &entity, QJsonObject payload, const QString &id = uuid())
    {
        payload.insert(QStringLiteral("uuid"), id);
        payload.insert(QStringLiteral("version"), 1);
        OutboxEntry e;
        e.seq = ++seq;
        e.entity = entity;
        e.uuid = id;
        e.version = 1;
        e.op = QStringLiteral("upsert");
        e.payload = payload;
        auto r = store->pushRecords(tablet, {key.next(e)});
        ASSERT_TRUE(r) << r.error().message.toStdString();
        ASSERT_EQ(r->size(), 1);
        EXPECT_EQ(r->first().status, wire::PushStatus::Stored) << r->first().reason.toStdString();
    }
    // A submitted job of `task` that swapped `oldAsset` for `newAsset` and sealed `seals`.
    QString swap(const QString &task, const QString &oldAsset, const QString &newAsset,
                 const QStringList &seals)
    {
        const QString job = uuid();
        push(QStringLiteral("job"),
             {{QStringLiteral("task_uuid"), task},
              {QStringLiteral("customer_uuid"), uuid()},
              {QStringLiteral("status"), QStringLiteral("done")},
              {QStringLiteral("submission"), 1},
              {QStringLiteral("submitted_at"), QStringLiteral("2026-11-05T08:00:00.000Z")}},
             job);
        for (const auto &[requirement, value] :
             {std::pair{QStringLiteral("old_meter_asset"), oldAsset},
              std::pair{QStringLiteral("new_meter_asset"), newAsset}})
            push(QStringLiteral("evidence"),
                 {{QStringLiteral("job_uuid"), job},
                  {QStringLiteral("card_id"), QStringLiteral("21.4")},
                  {QStringLiteral("requirement"), requirement},
                  {QStringLiteral("kind"), QStringLiteral("barcode")},
                  {QStringLiteral("value"), value},
                  {QStringLiteral("captured_at"), QStringLiteral("2026-11-05T02:00:00.000Z")}});
        for (const QString &n : seals)
            push(QStringLiteral("seal"), {{QStringLiteral("job_uuid"), job},
                                          {QStringLiteral("position"), QStringLiteral("box")},
                                          {QStringLiteral("number"), n},
                                          {QStringLiteral("at"), QStringLiteral("2026-11-05")}});
        return job;
    }
};

QSet<QString> differences(const StockReconciliation &r)
{
    QSet<QString> out;
    for (const StockDifference &d : r.differences)
        out.insert(d.kind + QLatin1Char(' ') + d.assetNo + d.sealNo);
    return out;
}

const QString kCrew = QStringLiteral("一班");

} // namespace

TYPED_TEST_SUITE(OfficeStockStoreTest, test::OfficeEngines, test::EngineName);

TYPED_TEST(OfficeStockStoreTest, IssueKeepsANumberWithOneCrewAndAnswersARepeatOnce)
{
    MS_REQUIRE_ENGINE(this->engine);
    this->open();
    OfficeStockStore &stock = this->store->stock();
    const StockIssueRequest first{uuid(),
                                  kCrew,
                                  {QStringLiteral("3300000000001-3300000000003")},
                                  {QStringLiteral("SL00000001-SL00000002")},
                                  QStringLiteral("sun"),
                                  QStringLiteral("store-pc")};
    auto issued = stock.issue(first);
    ASSERT_TRUE(issued) << issued.error().message.toStdString();
    EXPECT_EQ(issued->batch.lines.size(), 5);
    EXPECT_FALSE(issued->repeated);
    auto again = stock.issue(first); // the same request: the first outcome, nothing new
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->repeated);
    EXPECT_EQ(again->batch.lines.size(), 5);

    auto other = stock.issue({uuid(),
                              QStringLiteral("二班"),
                              {QStringLiteral("3300000000003"), QStringLiteral("3300000000004")},
                              {},
                              QStringLiteral("sun"),
                              QStringLiteral("store-pc")});
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, QStringLiteral("stock.already_issued"));
    EXPECT_TRUE(other.error().message.contains(QStringLiteral("3300000000003")));
    auto batches = stock.batches(QString());
    ASSERT_TRUE(batches);
    EXPECT_EQ(batches->size(), 1); // the refused issue saved nothing, not even 3300000000004
    auto mine = stock.issue({uuid(),
                             kCrew,
                             {QStringLiteral("3300000000003"), QStringLiteral("3300000000004")},
                             {},
                             QStringLiteral("sun"),
                             QStringLiteral("store-pc")});
    ASSERT_TRUE(mine) << mine.error().message.toStdString();
    EXPECT_EQ(mine->already, 1);
    EXPECT_EQ(mine->batch.lines.size(), 1);
    auto crewBatches = stock.batches(kCrew);
    ASSERT_TRUE(crewBatches);
    EXPECT_EQ(crewBatches->size(), 2);
    EXPECT_TRUE(stock.batches(QStringLiteral("二班"))->isEmpty());
}

TYPED_TEST(OfficeStockStoreTest, ReconciliationOfPushedJobsNamesExactlyThePlantedDifferences)
{
    MS_REQUIRE_ENGINE(this->engine);
    this->open();
    OfficeStockStore &stock = this->store->stock();
    ASSERT_TRUE(stock.issue({uuid(),
                             kCrew,
                             {QStringLiteral("3300000000001-3300000000004")},
                             {QStringLiteral("SL00000001-SL00000003")},
                             QStringLiteral("sun"),
                             QStringLiteral("store-pc")}));
    const QString task = uuid();
    this->push(QStringLiteral("task"),
               {{QStringLiteral("name"), kCrew}, {QStringLiteral("crew"), kCrew}}, task);
    this->swap(task, QStringLiteral("1100000000001"), QStringLiteral("3300000000001"),
               {QStringLiteral("SL00000001"), QStringLiteral("SL00000002")});
    // a meter never issued, and a seal already on the first job
    const QString second =
        this->swap(task, QStringLiteral("1100000000002"), QStringLiteral("3300000000009"),
                   {QStringLiteral("SL00000001")});
    auto flags = stock.jobFlags(second);
    ASSERT_TRUE(flags) << flags.error().message.toStdString();
    ASSERT_EQ(flags->size(), 1);
    EXPECT_EQ(flags->first().number, QStringLiteral("3300000000009"));
    EXPECT_EQ(flags->first().issuedTo, QString());

    // An unknown number refuses the whole return.
    auto unknown =
        stock.returnStock({uuid(),
                           {QStringLiteral("1100000000001"), QStringLiteral("3300000000777")},
                           {},
                           QStringLiteral("sun"),
                           QStringLiteral("store-pc")});
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, QStringLiteral("stock.unknown_number"));
    EXPECT_TRUE(unknown.error().message.contains(QStringLiteral("3300000000777")));
    QThread::msleep(5); // the return comes after the issue's millisecond
    auto back =
        stock.returnStock({uuid(),
                           {QStringLiteral("1100000000001"), QStringLiteral("3300000000002")},
                           {},
                           QStringLiteral("sun"),
                           QStringLiteral("store-pc")});
    ASSERT_TRUE(back) << back.error().message.toStdString();
    ASSERT_EQ(back->batch.lines.size(), 2);
    EXPECT_EQ(back->batch.crew, kCrew);

    auto r = stock.reconcile(QString());
    ASSERT_TRUE(r) << r.error().message.toStdString();
    EXPECT_EQ(r->issued.meters, 4);
    EXPECT_EQ(r->issued.seals, 3);
    EXPECT_EQ(r->installed.meters, 2);
    EXPECT_EQ(r->installed.seals, 2);
    EXPECT_EQ(r->returned.meters, 1);
    EXPECT_EQ(r->oldRemoved, 2);
    EXPECT_EQ(r->oldReturned, 1);
    EXPECT_EQ(r->oldOnHand, QStringList{QStringLiteral("1100000000002")});
    EXPECT_EQ(r->onHandMeters,
              (QStringList{QStringLiteral("3300000000003"), QStringLiteral("3300000000004")}));
    EXPECT_EQ(differences(*r),
              (QSet<QString>{QStringLiteral("installed_not_issued 3300000000009"),
                             QStringLiteral("seal_used_twice SL00000001"),
                             QStringLiteral("issued_missing 3300000000003"),
                             QStringLiteral("issued_missing 3300000000004"),
                             QStringLiteral("issued_missing SL00000003"),
                             QStringLiteral("removed_not_returned 1100000000002")}));
    auto one = stock.reconcile(kCrew); // the crew's view: the same differences
    ASSERT_TRUE(one) << one.error().message.toStdString();
    EXPECT_EQ(differences(*one), differences(*r));
    ASSERT_EQ(one->crews.size(), 1);
    EXPECT_EQ(one->crews.first().installed.seals, 2);
    EXPECT_TRUE(stock.reconcile(QStringLiteral("二班"))->differences.isEmpty());
}

// Seals a crew puts on a concentrator's box (36.x) are records of the task, not of a job: they
// are used stock all the same. An issued one counts as installed (not missing after the crew's
// return), one never issued is named, and the same number on a customer's box is used twice.
TYPED_TEST(OfficeStockStoreTest, SealsOnTheConcentratorBoxCountAsUsedByTheTasksCrew)
{
    MS_REQUIRE_ENGINE(this->engine);
    this->open();
    OfficeStockStore &stock = this->store->stock();
    ASSERT_TRUE(stock.issue({uuid(),
                             kCrew,
                             {QStringLiteral("3300000000001")},
                             {QStringLiteral("SL00000001-SL00000004")},
                             QStringLiteral("sun"),
                             QStringLiteral("store-pc")}));
    const QString task = uuid();
    this->push(QStringLiteral("task"),
               {{QStringLiteral("name"), kCrew}, {QStringLiteral("crew"), kCrew}}, task);
    this->swap(task, QStringLiteral("1100000000001"), QStringLiteral("3300000000001"),
               {QStringLiteral("SL00000001")});
    for (const QString &number :
         {QStringLiteral("SL00000002"), QStringLiteral("SL00000009"), QStringLiteral("SL00000001")})
        this->push(QStringLiteral("seal"),
                   {{QStringLiteral("task_uuid"), task},
                    {QStringLiteral("position"), QStringLiteral("concentrator_box")},
                    {QStringLiteral("number"), number},
                    {QStringLiteral("at"), QStringLiteral("2026-11-06")}});
    QThread::msleep(5); // the return comes after the issue's millisecond
    ASSERT_TRUE(stock.returnStock({uuid(),
                                   {QStringLiteral("1100000000001")},
                                   {QStringLiteral("SL00000004")},
                                   QStringLiteral("sun"),
                                   QStringLiteral("store-pc")}));

    auto r = stock.reconcile(kCrew);
    ASSERT_TRUE(r) << r.error().message.toStdString();
    EXPECT_EQ(r->installed.seals, 3); // SL1 (box and concentrator: one number), SL2, SL9
    EXPECT_EQ(differences(*r), (QSet<QString>{QStringLiteral("installed_not_issued SL00000009"),
                                              QStringLiteral("seal_used_twice SL00000001"),
                                              QStringLiteral("issued_missing SL00000003")}));
    // a later job's push (its stock use rebuilt) keeps the task's seals counted
    this->swap(task, QStringLiteral("1100000000002"), QStringLiteral("3300000000002"), {});
    auto again = stock.reconcile(kCrew);
    ASSERT_TRUE(again) << again.error().message.toStdString();
    EXPECT_EQ(again->installed.seals, 3);
    EXPECT_FALSE(differences(*again).contains(QStringLiteral("issued_missing SL00000002")));

    // An office that held such seals before it counted them: the migration counts them.
    this->store.reset();
    const bool sqlite = std::is_same_v<TypeParam, test::SqliteEngine>;
    const QString undo =
        QStringLiteral("DELETE FROM stock_use WHERE job_uuid = ''; DROP INDEX office_seals_task; "
                       "ALTER TABLE office_seals DROP COLUMN task_uuid; ");
    ASSERT_EQ(this->engine.tamper(undo
                                  + (sqlite ? QStringLiteral("PRAGMA user_version = 5;")
                                            : QStringLiteral("DELETE FROM schema_version "
                                                             "WHERE version = 4;"))),
              QString());
    auto reopened = this->engine.open();
    ASSERT_TRUE(reopened) << reopened.error().message.toStdString();
    this->store = std::move(reopened).value();
    auto migrated = this->store->stock().reconcile(kCrew);
    ASSERT_TRUE(migrated) << migrated.error().message.toStdString();
    EXPECT_EQ(migrated->installed.seals, 3);
    EXPECT_EQ(differences(*migrated), differences(*again));
}
