// The office server's storage: the store on SQLite and on PostgreSQL (one typed suite, both
// engines), and the file blob store in a temporary directory.
#include "common/chainsigner.h"
#include "common/officeengines.h"
#include "serverstore/fileblobstore.h"
#include "serverstore/sqlofficestore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::server;
using namespace ms::wire;

namespace {
QString sha(const QByteArray &b)
{
    return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex());
}

OutboxEntry rec(const QString &uuid, int version, const QStringList &blobs = {})
{
    OutboxEntry e;
    e.seq = version;
    e.entity = QStringLiteral("job");
    e.uuid = uuid;
    e.version = version;
    e.op = QStringLiteral("upsert");
    e.payload = QJsonObject{{QStringLiteral("v"), version}};
    e.blobs = blobs;
    return e;
}

Assignment customer(const QString &uuid, const QString &name)
{
    return {0, QStringLiteral("customer"), uuid, 1,
            QJsonObject{{QStringLiteral("uuid"), uuid}, {QStringLiteral("name"), name},
                        {QStringLiteral("task_uuid"), QStringLiteral("t1")},
                        {QStringLiteral("account_no"), uuid}}};
}
} // namespace

TEST(FileBlobStore, KeepsPartialBytesAcrossInstancesAndAcceptsOnlyTheMatchingHash)
{
    QTemporaryDir dir;
    const QByteArray bytes = QByteArray(1000, 'p') + QByteArray(1000, 'q');
    const QString hash = sha(bytes);
    {
        FileBlobStore store(dir.path());
        ASSERT_TRUE(store.init().ok());
        auto s = store.append(hash, 0, bytes.size(), bytes.left(1200));
        ASSERT_TRUE(s);
        EXPECT_EQ(s->offset, 1200);
        EXPECT_FALSE(s->complete);
    }
    // a new instance (a restarted server) sees the same offset
    FileBlobStore again(dir.path());
    EXPECT_EQ(again.state(hash)->offset, 1200);
    auto wrongOffset = again.append(hash, 1000, bytes.size(), bytes.mid(1000));
    ASSERT_FALSE(wrongOffset);
    EXPECT_EQ(wrongOffset.error().code, QStringLiteral("blob.offset_mismatch"));
    auto done = again.append(hash, 1200, bytes.size(), bytes.mid(1200));
    ASSERT_TRUE(done);
    EXPECT_TRUE(done->complete);
    EXPECT_TRUE(again.verify(hash).ok());
    EXPECT_EQ(again.list()->size(), 1);
    QFile stored(again.finalPath(hash));
    ASSERT_TRUE(stored.open(QIODevice::ReadOnly));
    EXPECT_EQ(stored.readAll(), bytes);

    const QString lie = sha("something else");
    auto bad = again.append(lie, 0, 10, QByteArray(10, 'z'));
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, QStringLiteral("blob.hash_mismatch"));
    EXPECT_EQ(again.state(lie)->offset, 0);
    EXPECT_FALSE(QFile::exists(again.partialPath(lie)));
}

template <typename Engine> class OfficeStoreTest : public ::testing::Test
{
protected:
    Engine engine;
};
TYPED_TEST_SUITE(OfficeStoreTest, test::OfficeEngines, test::EngineName);

// A record with a NUL character (which PostgreSQL cannot store) is refused with its reason on
// both engines; the rest of its batch is stored.
TYPED_TEST(OfficeStoreTest, RecordWithANulCharacterIsRefusedAndTheRestOfTheBatchStored)
{
    MS_REQUIRE_ENGINE(this->engine);
    auto opened = this->engine.open();
    ASSERT_TRUE(opened) << opened.error().message.toStdString();
    SqlOfficeStore &store = **opened;
    auto token = store.createToken(QStringLiteral("tablet-01"), QStringLiteral("zhang"));
    ASSERT_TRUE(token);
    const DeviceToken device = **store.authenticate(*token);
    test::ChainSigner tablet;
    ASSERT_TRUE(store.bindDeviceKey(device, tablet.publicKey()).ok());
    OutboxEntry bad = rec(QStringLiteral("nul"), 1);
    bad.payload.insert(QStringLiteral("reading"),
                       QStringLiteral("12") + QChar(0) + QStringLiteral("3"));
    auto pushed =
        store.pushRecords(device, {tablet.next(bad), tablet.next(rec(QStringLiteral("fine"), 1))});
    ASSERT_TRUE(pushed) << pushed.error().message.toStdString();
    ASSERT_EQ(pushed->size(), 2);
    EXPECT_EQ(pushed->at(0).status, PushStatus::Refused);
    EXPECT_EQ(pushed->at(0).code, QStringLiteral("sync.bad_record"));
    EXPECT_TRUE(pushed->at(0).reason.contains(QStringLiteral("NUL")));
    EXPECT_EQ(pushed->at(1).status, PushStatus::Stored);
    EXPECT_EQ(store.stats()->records, 1);
}

TYPED_TEST(OfficeStoreTest, PushIsIdempotentAndRefusesMissingBlobsInOneTransaction)
{
    MS_REQUIRE_ENGINE(this->engine);
    auto opened = this->engine.open();
    ASSERT_TRUE(opened) << opened.error().message.toStdString();
    auto &store = **opened;
    auto token = store.createToken(QStringLiteral("t1"), QStringLiteral("zhang"));
    ASSERT_TRUE(token);
    auto who = store.authenticate(*token);
    ASSERT_TRUE(who && who->has_value());
    const DeviceToken device = **who;
    const QString file = sha("photo");
    ASSERT_TRUE(store.recordBlob(file, 5).ok());
    test::ChainSigner tablet; // records are signed links of the device's chain
    ASSERT_TRUE(store.bindDeviceKey(device, tablet.publicKey()).ok());

    const OutboxEntry a2 = tablet.next(rec(QStringLiteral("a"), 2, {file}));
    auto first = store.pushRecords(device, {a2, tablet.next(rec(QStringLiteral("b"), 1, {sha("nope")}))});
    ASSERT_TRUE(first) << qPrintable(first.error().message);
    EXPECT_EQ(first->at(0).status, PushStatus::Stored);
    EXPECT_EQ(first->at(1).status, PushStatus::Refused);
    EXPECT_EQ(first->at(1).code, QStringLiteral("sync.missing_blob"));
    auto again = store.pushRecords(device, {a2, tablet.next(rec(QStringLiteral("a"), 1))});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->at(0).status, PushStatus::Duplicate);
    EXPECT_EQ(again->at(1).status, PushStatus::Stale);
    auto newer = store.pushRecords(device, {tablet.next(rec(QStringLiteral("a"), 3))});
    EXPECT_EQ(newer->at(0).status, PushStatus::Stored);
    const auto stats = store.stats();
    ASSERT_TRUE(stats);
    EXPECT_EQ(stats->records, 1);
    EXPECT_EQ(stats->evidenceFiles, 1);
    EXPECT_EQ(store.blobReferences()->size(), 0); // version 3 names no file

    ASSERT_TRUE(store.revokeToken(QStringLiteral("t1")));
    EXPECT_FALSE(store.authenticate(*token)->has_value());
    EXPECT_FALSE(store.revokeToken(QStringLiteral("unknown-device")));
}

TYPED_TEST(OfficeStoreTest, AssignmentsFollowTheCursorAndOnlyChangesMoveIt)
{
    MS_REQUIRE_ENGINE(this->engine);
    auto opened = this->engine.open();
    ASSERT_TRUE(opened);
    auto &store = **opened;
    const Assignment task{0, QStringLiteral("task"), QStringLiteral("t1"), 1,
                          QJsonObject{{QStringLiteral("uuid"), QStringLiteral("t1")}, {QStringLiteral("name"), QStringLiteral("台区")}}};
    auto imported = store.importTask(task, {customer(QStringLiteral("c1"), QStringLiteral("甲")),
                                            customer(QStringLiteral("c2"), QStringLiteral("乙"))},
                                     {QStringLiteral("zhang")});
    ASSERT_TRUE(imported) << imported.error().message.toStdString();
    EXPECT_TRUE(imported->taskCreated);
    EXPECT_EQ(imported->customersCreated, 2);
    const DeviceToken zhang{1, QStringLiteral("t1"), QStringLiteral("zhang"), {}, {}};
    const DeviceToken wang{2, QStringLiteral("t2"), QStringLiteral("wang"), {}, {}};
    auto page = store.pullAssignments(zhang, 0, 2);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->items.size(), 2);
    EXPECT_TRUE(page->more);
    auto rest = store.pullAssignments(zhang, page->cursor, 2);
    EXPECT_EQ(rest->items.size(), 1);
    EXPECT_FALSE(rest->more);
    EXPECT_EQ(store.pullAssignments(wang, 0, 10)->items.size(), 0); // assigned to zhang only

    // re-import with one change: only that customer comes down again, with version 2
    auto second = store.importTask(task, {customer(QStringLiteral("c1"), QStringLiteral("甲")),
                                          customer(QStringLiteral("c2"), QStringLiteral("乙改"))},
                                   {QStringLiteral("zhang")});
    ASSERT_TRUE(second);
    EXPECT_EQ(second->customersUnchanged, 1);
    EXPECT_EQ(second->customersUpdated, 1);
    auto changed = store.pullAssignments(zhang, rest->cursor, 10);
    ASSERT_EQ(changed->items.size(), 1);
    EXPECT_EQ(changed->items.first().uuid, QStringLiteral("c2"));
    EXPECT_EQ(changed->items.first().version, 2);
}

// --- issue 12 §2: each record belongs to the device that made it ---

namespace {
// Two real devices (tokens with their signing keys bound); push() signs each record into its
// device's chain as the tablet's outbox would, so the rules below are what decides.
struct TwoDevices
{
    std::unique_ptr<SqlOfficeStore> store;
    DeviceToken a, b;
    test::ChainSigner keyA, keyB;
    explicit TwoDevices(Result<std::unique_ptr<SqlOfficeStore>> opened)
    {
        EXPECT_TRUE(opened) << (opened ? "" : opened.error().message.toStdString());
        if (!opened)
            return;
        store = std::move(opened).value();
        a = device(QStringLiteral("tablet-01"), QStringLiteral("zhang"), keyA);
        b = device(QStringLiteral("tablet-02"), QStringLiteral("li"), keyB);
    }
    DeviceToken device(const QString &name, const QString &user, const test::ChainSigner &key)
    {
        auto token = store->createToken(name, user);
        EXPECT_TRUE(token.ok());
        if (!token)
            return {};
        auto who = store->authenticate(*token);
        EXPECT_TRUE(who && who->has_value());
        if (!who || !who->has_value())
            return {};
        EXPECT_TRUE(store->bindDeviceKey(**who, key.publicKey()).ok());
        return **who;
    }
    PushResult push(const DeviceToken &from, const OutboxEntry &e)
    {
        test::ChainSigner &key = from.device == a.device ? keyA : keyB;
        auto r = store->pushRecords(from, {key.next(e)});
        return r && r->size() == 1 ? r->first() : PushResult{};
    }
};

OutboxEntry job(const QString &uuid, int version, const QString &status,
                const QString &customer = QStringLiteral("c1"))
{
    OutboxEntry e = rec(uuid, version);
    e.payload = QJsonObject{{QStringLiteral("uuid"), uuid},
                            {QStringLiteral("customer_uuid"), customer},
                            {QStringLiteral("status"), status},
                            {QStringLiteral("version"), version}};
    return e;
}

Assignment task(const QString &uuid)
{
    return {0, QStringLiteral("task"), uuid, 1,
            QJsonObject{{QStringLiteral("uuid"), uuid}, {QStringLiteral("name"), QStringLiteral("台区")}}};
}

Assignment customerOf(const QString &uuid, const QStringList &assignees)
{
    Assignment c = customer(uuid, QStringLiteral("户") + uuid);
    c.assignees = assignees;
    return c;
}

QStringList uuids(const AssignmentPage &page, bool withdrawn)
{
    QStringList out;
    for (const Assignment &a : page.items)
        if (a.withdrawn == withdrawn)
            out << a.uuid;
    return out;
}
} // namespace

TYPED_TEST(OfficeStoreTest, RecordOfAnotherDeviceIsRefusedAndTheOwnersStays)
{
    MS_REQUIRE_ENGINE(this->engine);
    TwoDevices office(this->engine.open());
    ASSERT_TRUE(office.store);
    // GIVEN tablet-01's job record
    ASSERT_EQ(office.push(office.a, job(QStringLiteral("j1"), 1, QStringLiteral("done"))).status,
              PushStatus::Stored);
    // WHEN tablet-02 writes the same uuid, newer version
    const PushResult foreign = office.push(office.b, job(QStringLiteral("j1"), 2, QStringLiteral("not_started")));
    // THEN it is refused with a code and a reason naming the owner, and tablet-01's stays
    EXPECT_EQ(foreign.status, PushStatus::Refused);
    EXPECT_EQ(foreign.code, QStringLiteral("record.not_owner"));
    EXPECT_TRUE(foreign.reason.contains(QStringLiteral("tablet-01"))) << foreign.reason.toStdString();
    EXPECT_FALSE(foreign.confirmed());
    EXPECT_EQ(office.push(office.a, job(QStringLiteral("j1"), 1, QStringLiteral("done"))).status,
              PushStatus::Duplicate) << "tablet-01's version 1 must still be the one held";
    EXPECT_EQ(office.store->stats()->jobsDone, 1);
    // AND the owner carries on
    EXPECT_EQ(office.push(office.a, job(QStringLiteral("j1"), 2, QStringLiteral("done"))).status,
              PushStatus::Stored);
}

TYPED_TEST(OfficeStoreTest, VersionJumpIsRefusedAndDoesNotPoisonTheUuid)
{
    MS_REQUIRE_ENGINE(this->engine);
    TwoDevices office(this->engine.open());
    ASSERT_TRUE(office.store);
    ASSERT_EQ(office.push(office.a, job(QStringLiteral("j1"), 1, QStringLiteral("in_progress"))).status,
              PushStatus::Stored);
    // WHEN a version far above the held one arrives
    const PushResult jump = office.push(office.a, job(QStringLiteral("j1"), 2147483647, QStringLiteral("done")));
    // THEN it is refused, and the next real version is still stored, not stale
    EXPECT_EQ(jump.status, PushStatus::Refused);
    EXPECT_EQ(jump.code, QStringLiteral("record.version_jump"));
    EXPECT_EQ(office.push(office.a, job(QStringLiteral("j1"), 2, QStringLiteral("done"))).status,
              PushStatus::Stored);
    // a new uuid may start anywhere up to the step
    EXPECT_EQ(office.push(office.a, job(QStringLiteral("j2"), kMaxVersionStep, QStringLiteral("done"))).status,
              PushStatus::Stored);
    EXPECT_EQ(office.push(office.a, job(QStringLiteral("j3"), kMaxVersionStep + 1, QStringLiteral("done"))).code,
              QStringLiteral("record.version_jump"));
}

TYPED_TEST(OfficeStoreTest, SameUuidAndVersionWithAnotherPayloadIsAConflictNotADuplicate)
{
    MS_REQUIRE_ENGINE(this->engine);
    TwoDevices office(this->engine.open());
    ASSERT_TRUE(office.store);
    ASSERT_EQ(office.push(office.a, job(QStringLiteral("j1"), 3, QStringLiteral("in_progress"))).status,
              PushStatus::Stored);
    // WHEN the same uuid and version comes with other content
    const PushResult c = office.push(office.a, job(QStringLiteral("j1"), 3, QStringLiteral("done")));
    // THEN it is a conflict naming the field, not confirmed, counted once however often it comes
    EXPECT_EQ(c.status, PushStatus::Conflict);
    EXPECT_EQ(c.code, QStringLiteral("record.conflict"));
    EXPECT_EQ(c.fields, QStringList{QStringLiteral("status")});
    EXPECT_FALSE(c.confirmed());
    EXPECT_EQ(office.push(office.a, job(QStringLiteral("j1"), 3, QStringLiteral("done"))).status,
              PushStatus::Conflict);
    EXPECT_EQ(office.store->stats()->conflicts, 1);
    EXPECT_EQ(office.store->stats()->jobsDone, 0) << "the held record was not replaced";
}

TYPED_TEST(OfficeStoreTest, TwoDevicesEditingOneCustomerLoseNeitherEdit)
{
    MS_REQUIRE_ENGINE(this->engine);
    TwoDevices office(this->engine.open());
    ASSERT_TRUE(office.store);
    ASSERT_TRUE(office.store->importTask(task(QStringLiteral("t1")), {customer(QStringLiteral("c1"), QStringLiteral("甲"))},
                                         {QStringLiteral("zhang"), QStringLiteral("li")}));
    OutboxEntry mine = rec(QStringLiteral("c1"), 2);
    mine.entity = QStringLiteral("customer");
    mine.payload = customer(QStringLiteral("c1"), QStringLiteral("甲")).payload;
    OutboxEntry theirs = mine;
    mine.payload.insert(QStringLiteral("phone"), QStringLiteral("13800000001"));
    theirs.payload.insert(QStringLiteral("address"), QStringLiteral("2单元"));
    // GIVEN tablet-01's edit of the customer is stored
    ASSERT_EQ(office.push(office.a, mine).status, PushStatus::Stored);
    // WHEN tablet-02's edit of the same customer arrives, at the same and at a later version
    const PushResult same = office.push(office.b, theirs);
    theirs.version = 3;
    const PushResult later = office.push(office.b, theirs);
    // THEN both are conflicts naming what differs; neither replaces tablet-01's edit
    EXPECT_EQ(same.status, PushStatus::Conflict);
    EXPECT_EQ(same.fields, (QStringList{QStringLiteral("address"), QStringLiteral("phone")}));
    EXPECT_TRUE(same.reason.contains(QStringLiteral("tablet-01")));
    EXPECT_EQ(later.status, PushStatus::Conflict);
    EXPECT_EQ(office.push(office.a, mine).status, PushStatus::Duplicate);
    EXPECT_EQ(office.store->stats()->conflicts, 2);
    // AND the same edit from the other device is harmless
    OutboxEntry same2 = mine;
    same2.version = 2;
    EXPECT_EQ(office.push(office.b, same2).status, PushStatus::Duplicate);
}

TYPED_TEST(OfficeStoreTest, JobRecordsOfSeveralDevicesForOneCustomerAreKeptAndMerged)
{
    MS_REQUIRE_ENGINE(this->engine);
    TwoDevices office(this->engine.open());
    ASSERT_TRUE(office.store);
    // GIVEN the installer's tablet finished the job, a supervisor's tablet has its own job record
    // for the same customer (it signed 27.x) still in progress
    ASSERT_EQ(office.push(office.a, job(QStringLiteral("ja"), 5, QStringLiteral("done"))).status,
              PushStatus::Stored);
    ASSERT_EQ(office.push(office.b, job(QStringLiteral("jb"), 2, QStringLiteral("in_progress"))).status,
              PushStatus::Stored);
    // THEN neither replaced the other: one customer's job, done by the merge rule
    const auto stats = office.store->stats();
    ASSERT_TRUE(stats);
    EXPECT_EQ(stats->records, 2);
    EXPECT_EQ(stats->jobs, 1);
    EXPECT_EQ(stats->jobsDone, 1);
}

TYPED_TEST(OfficeStoreTest, TaskWithNoAssigneesGoesToNobody)
{
    MS_REQUIRE_ENGINE(this->engine);
    TwoDevices office(this->engine.open());
    ASSERT_TRUE(office.store);
    ASSERT_TRUE(office.store->importTask(task(QStringLiteral("t1")), {customer(QStringLiteral("c1"), QStringLiteral("甲"))}, {}));
    EXPECT_TRUE(office.store->pullAssignments(office.a, 0, 10)->items.isEmpty());
    EXPECT_EQ(office.store->stats()->unassignedTasks, 1);
}

TYPED_TEST(OfficeStoreTest, CustomerMovedToAnotherCrewIsATombstoneForTheOldOne)
{
    MS_REQUIRE_ENGINE(this->engine);
    TwoDevices office(this->engine.open());
    ASSERT_TRUE(office.store);
    const QStringList zhang{QStringLiteral("zhang")}, li{QStringLiteral("li")};
    // GIVEN two customers of zhang's crew, pulled by zhang's tablet
    ASSERT_TRUE(office.store->importTask(task(QStringLiteral("t1")),
                                         {customerOf(QStringLiteral("c1"), zhang), customerOf(QStringLiteral("c2"), zhang),
                                          customerOf(QStringLiteral("c3"), zhang)}, {}));
    auto first = office.store->pullAssignments(office.a, 0, 10);
    ASSERT_TRUE(first);
    EXPECT_EQ(uuids(*first, false), (QStringList{QStringLiteral("t1"), QStringLiteral("c1"),
                                                 QStringLiteral("c2"), QStringLiteral("c3")}));
    EXPECT_TRUE(office.store->pullAssignments(office.b, 0, 10)->items.isEmpty());
    // WHEN c1 moves to li's crew and c3 is no longer in the task's file
    auto moved = office.store->importTask(task(QStringLiteral("t1")),
                                          {customerOf(QStringLiteral("c1"), li), customerOf(QStringLiteral("c2"), zhang)}, {});
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->customersWithdrawn, QStringList{QStringLiteral("c3")});
    // THEN zhang's next pull withdraws c1 and c3 (tombstones without personal data)
    auto next = office.store->pullAssignments(office.a, first->cursor, 10);
    ASSERT_TRUE(next);
    EXPECT_EQ(uuids(*next, true), (QStringList{QStringLiteral("c1"), QStringLiteral("c3")}));
    for (const Assignment &a : next->items)
        if (a.withdrawn) {
            EXPECT_TRUE(a.payload.isEmpty());
            EXPECT_EQ(a.taskUuid, QStringLiteral("t1"));
        }
    // AND li gets the task and c1, and nothing of c2 or c3
    auto lis = office.store->pullAssignments(office.b, 0, 10);
    EXPECT_EQ(uuids(*lis, false), (QStringList{QStringLiteral("t1"), QStringLiteral("c1")}));
    EXPECT_TRUE(uuids(*lis, true).isEmpty());
    // AND c1 moving back to zhang is data for zhang again and a tombstone for li
    ASSERT_TRUE(office.store->importTask(task(QStringLiteral("t1")),
                                         {customerOf(QStringLiteral("c1"), zhang), customerOf(QStringLiteral("c2"), zhang)}, {}));
    auto back = office.store->pullAssignments(office.a, next->cursor, 10);
    EXPECT_TRUE(uuids(*back, false).contains(QStringLiteral("c1")));
    EXPECT_EQ(uuids(*office.store->pullAssignments(office.b, lis->cursor, 10), true),
              (QStringList{QStringLiteral("t1"), QStringLiteral("c1")}));
}

// Before the fix the page and its cursor were two reads: an import committing between them moved
// the cursor past rows the page never had, and the tablet skipped them for good.
TYPED_TEST(OfficeStoreTest, PageAndCursorAreReadInOneSnapshot)
{
    MS_REQUIRE_ENGINE(this->engine);
    TwoDevices office(this->engine.open());
    ASSERT_TRUE(office.store);
    auto other = this->engine.openAnother();
    ASSERT_TRUE(other); // a second server thread's (on PostgreSQL: server's) connection
    const QStringList zhang{QStringLiteral("zhang")};
    ASSERT_TRUE(office.store->importTask(task(QStringLiteral("t1")), {customerOf(QStringLiteral("c1"), zhang)}, {}));
    // GIVEN an import that commits on the other connection between the page and the cursor read
    bool imported = false;
    office.store->setBetweenPageAndCursor([&] {
        if (imported)
            return;
        imported = true;
        ASSERT_TRUE((*other)->importTask(task(QStringLiteral("t2")), {customerOf(QStringLiteral("c2"), zhang)}, {}));
    });
    // WHEN zhang pulls, then pulls again from the cursor it was given
    auto first = office.store->pullAssignments(office.a, 0, 10);
    ASSERT_TRUE(first);
    ASSERT_TRUE(imported);
    EXPECT_EQ(uuids(*first, false), (QStringList{QStringLiteral("t1"), QStringLiteral("c1")}));
    auto second = office.store->pullAssignments(office.a, first->cursor, 10);
    ASSERT_TRUE(second);
    // THEN the second pull brings the rows that came in between
    EXPECT_EQ(uuids(*second, false), (QStringList{QStringLiteral("t2"), QStringLiteral("c2")}));
}
