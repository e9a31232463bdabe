// Users, tasks/customers import, seals, settings, mismatch, outbox bookkeeping.
#include "common/resultvalue.h"
#include "common/storefixture.h"

#include <QJsonArray>
#include <QSignalSpy>

using namespace ms;
using namespace ms::test;

TEST_F(StoreTest, UserPinIsStoredSaltedAndVerified)
{
    auto u = store().users().add(QStringLiteral("张伟"), {QStringLiteral("installer")},
                                 QStringLiteral("258046"));
    ASSERT_TRUE(u.ok()) << u.error().message.toStdString();
    EXPECT_EQ(u->pinSalt.size(), 16);
    EXPECT_FALSE(u->pinHash.contains("258046"));
    EXPECT_TRUE(store().users().verifyPin(u->uuid, QStringLiteral("258046")).ok());
    auto wrong = store().users().verifyPin(u->uuid, QStringLiteral("258047"));
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().code, QStringLiteral("store.wrong_pin"));
    // a second user with the same PIN gets a different hash (salted)
    auto v = store().users().add(QStringLiteral("李强"), {QStringLiteral("crew_leader")},
                                 QStringLiteral("258046"));
    ASSERT_TRUE(v.ok());
    EXPECT_NE(v->pinHash, u->pinHash);
    // the outbox row never carries the PIN material
    const auto rows = test::valueOf(store().outbox().pending());
    ASSERT_EQ(rows.size(), 2);
    EXPECT_EQ(rows.first().entity, QStringLiteral("user"));
    EXPECT_FALSE(rows.first().payload.contains(QStringLiteral("pin_hash")));
    EXPECT_FALSE(rows.first().payload.contains(QStringLiteral("pin_salt")));
    // PIN change
    ASSERT_TRUE(store().users().changePin(u->uuid, QStringLiteral("987654")).ok());
    EXPECT_FALSE(store().users().verifyPin(u->uuid, QStringLiteral("258046")).ok());
    EXPECT_TRUE(store().users().verifyPin(u->uuid, QStringLiteral("987654")).ok());
}

TEST_F(StoreTest, UserInputIsCheckedWithClearErrors)
{
    EXPECT_EQ(store().users().add(QStringLiteral(" "), {}, QStringLiteral("123456")).error().code,
              QStringLiteral("store.bad_input"));
    EXPECT_EQ(store().users().add(QStringLiteral("王芳"), {}, QStringLiteral("12a456")).error().code,
              QStringLiteral("store.bad_input"));
    ASSERT_TRUE(store().users().add(QStringLiteral("王芳"), {}, QStringLiteral("123456")).ok());
    auto dup = store().users().add(QStringLiteral("王芳"), {}, QStringLiteral("123456"));
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().code, QStringLiteral("store.duplicate"));
    EXPECT_TRUE(dup.error().message.contains(QStringLiteral("王芳")));
    EXPECT_EQ(test::valueOf(store().users().list()).size(), 1);
}

TEST_F(StoreTest, ImportingATaskCreatesOneJobPerCustomerWithOutboxRowsInOneGo)
{
    QSignalSpy spy(&store(), &Store::taskChanged);
    const RowId task = makeTask(3);
    EXPECT_EQ(spy.count(), 1);
    EXPECT_EQ(test::valueOf(store().tasks().customers(task)).size(), 3);
    EXPECT_EQ(test::valueOf(store().jobs().count(JobQuery().inTask(task))), 3);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE entity='task'")), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE entity='customer'")), 3);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE entity='job'")), 3);
    for (const auto &item : test::valueOf(store().jobs().list(JobQuery().inTask(task)))) {
        EXPECT_EQ(item.job.status, JobStatus::NotStarted);
        EXPECT_EQ(item.job.customerId, item.customer.id);
        EXPECT_FALSE(item.job.uuid.isEmpty());
    }
}

TEST_F(StoreTest, ReimportingTheSameTaskUpdatesInsteadOfDuplicating)
{
    const RowId taskId = makeTask(2);
    Task t = store().tasks().byId(taskId).value();
    QList<Customer> cs = test::valueOf(store().tasks().customers(taskId));
    cs[0].phone = QStringLiteral("13800138000");
    Customer extra;
    extra.accountNo = QStringLiteral("NEW1");
    extra.name = QStringLiteral("新客户");
    cs << extra;
    auto again = store().tasks().importTask(t, cs);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->customersUpdated, 2);
    EXPECT_EQ(again->customersAdded, 1);
    EXPECT_EQ(again->jobsCreated, 1);
    EXPECT_EQ(test::valueOf(store().tasks().list()).size(), 1);
    EXPECT_EQ(test::valueOf(store().jobs().count(JobQuery().inTask(taskId))), 3);
    EXPECT_EQ(store().tasks().customerByAccount(QStringLiteral("ACC0000"))->phone,
              QStringLiteral("13800138000"));
    EXPECT_EQ(store().tasks().byId(taskId)->version, 2);
}

TEST_F(StoreTest, ImportRejectsDuplicateOrMissingAccountNumbersAndStoresNothing)
{
    Task t;
    t.name = QStringLiteral("任务");
    Customer a;
    a.accountNo = QStringLiteral("1");
    Customer b = a;
    auto r = store().tasks().importTask(t, {a, b});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("store.bad_input"));
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("1")));
    b.accountNo.clear();
    EXPECT_FALSE(store().tasks().importTask(t, {b}).ok());
    EXPECT_TRUE(test::valueOf(store().tasks().list()).isEmpty());
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM outbox")), 0);
}

TEST_F(StoreTest, RecordsFromTheOfficeAreStoredWithoutEchoingThemToTheOutbox)
{
    Task t;
    t.uuid = QStringLiteral("11111111-2222-3333-4444-555555555555");
    t.name = QStringLiteral("办公室下发任务");
    t.version = 7;
    Customer c;
    c.uuid = QStringLiteral("aaaaaaaa-2222-3333-4444-555555555555");
    c.accountNo = QStringLiteral("0100001");
    auto r = store().tasks().importTask(t, {c}, Origin::Office);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->task.version, 7);
    EXPECT_EQ(store().tasks().byUuid(t.uuid)->id, r->task.id);
    EXPECT_EQ(store().tasks().customerByUuid(c.uuid)->accountNo, QStringLiteral("0100001"));
    EXPECT_EQ(test::valueOf(store().jobs().count({})), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM outbox")), 0);
}

TEST_F(StoreTest, SealNumbersAreUniqueAcrossJobsAndRemovalIsSynced)
{
    const RowId task = makeTask(2);
    const auto jobs = test::valueOf(store().jobs().list(JobQuery().inTask(task)));
    auto s = store().seals().add(RecordOwner::job(jobs[0].job.id), QStringLiteral("meter_cover"),
                                 QStringLiteral("BJ0012345"));
    ASSERT_TRUE(s.ok());
    auto dup = store().seals().add(RecordOwner::job(jobs[1].job.id), QStringLiteral("box"),
                                   QStringLiteral(" BJ0012345 "));
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().code, QStringLiteral("store.duplicate"));
    EXPECT_TRUE(dup.error().message.contains(jobs[0].customer.accountNo));
    EXPECT_EQ(test::valueOf(store().seals().list(RecordOwner::job(jobs[0].job.id))).size(), 1);
    ASSERT_TRUE(store().seals().remove(s->uuid).ok());
    EXPECT_TRUE(test::valueOf(store().seals().list(RecordOwner::job(jobs[0].job.id))).isEmpty());
    const auto last = test::valueOf(store().outbox().all()).last();
    EXPECT_EQ(last.entity, QStringLiteral("seal"));
    EXPECT_EQ(last.op, QStringLiteral("delete"));
    EXPECT_EQ(last.version, 2);
    // once removed, the number may be used again
    EXPECT_TRUE(store()
                    .seals()
                    .add(RecordOwner::job(jobs[1].job.id), QStringLiteral("box"),
                         QStringLiteral("BJ0012345"))
                    .ok());
}

TEST_F(StoreTest, SettingsAreKeyValueAndStayOutOfTheOutbox)
{
    EXPECT_EQ(test::valueOf(store().settings().value(QStringLiteral("photo.long_edge"), QStringLiteral("2048"))),
              QStringLiteral("2048"));
    ASSERT_TRUE(store().settings().setValue(QStringLiteral("photo.long_edge"), QStringLiteral("1600")).ok());
    EXPECT_EQ(test::valueOf(store().settings().intValue(QStringLiteral("photo.long_edge"), 0)), 1600);
    ASSERT_TRUE(store().settings().remove(QStringLiteral("photo.long_edge")).ok());
    EXPECT_FALSE(test::valueOf(store().settings().contains(QStringLiteral("photo.long_edge"))));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM outbox")), 0);
}

TEST_F(StoreTest, PurchaseRecordsAndMismatchFieldsAreStored)
{
    const RowId task = makeTask(1);
    const Customer c = test::valueOf(store().tasks().customers(task)).first();
    PurchaseRecord p;
    p.accountNo = c.accountNo;
    p.cumulativeKwh = 5230.5;
    p.lastPurchaseDate = QDate(2026, 9, 1);
    p.purchaseCount = 17;
    ASSERT_EQ(store().mismatch().importPurchases({p}).value(), 1);
    p.purchaseCount = 18;
    ASSERT_TRUE(store().mismatch().importPurchases({p}).ok()); // upsert, not duplicate
    EXPECT_EQ(test::valueOf(store().mismatch().purchases()).size(), 1);
    EXPECT_EQ(test::valueOf(store().mismatch().purchase(c.accountNo))->purchaseCount, 18);
    EXPECT_DOUBLE_EQ(test::valueOf(store().mismatch().purchase(c.accountNo))->cumulativeKwh, 5230.5);
    p.cumulativeKwh = -1;
    EXPECT_EQ(store().mismatch().importPurchases({p}).error().code, QStringLiteral("store.bad_input"));

    MismatchInfo m;
    m.customerId = c.id;
    m.mechanicalRegister = 6012.3;
    m.remainingEnergy = 41.0;
    m.difference = 6012.3 - (5230.5 - 41.0);
    m.tier = QStringLiteral("tier2");
    auto saved = store().mismatch().save(m);
    ASSERT_TRUE(saved.ok());
    EXPECT_EQ(saved->version, 1);
    m.tier = QStringLiteral("tier3");
    EXPECT_EQ(store().mismatch().save(m)->version, 2);
    const auto loaded = test::valueOf(store().mismatch().forCustomer(c.id));
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->tier, QStringLiteral("tier3"));
    EXPECT_FALSE(loaded->remainingEnergy.value_or(0) != 41.0);
    EXPECT_EQ(test::valueOf(store().mismatch().forTask(task)).size(), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE entity='mismatch'")), 2);
}

TEST_F(StoreTest, OutboxIsOrderedConfirmableAndCountsPendingFilesAndBytes)
{
    const RowId job = firstJob(makeTask(1));
    ASSERT_TRUE(store().outbox().markConfirmed({1, 2, 3}).ok()); // the import
    NewEvidence photo;
    photo.record.jobId = job;
    photo.record.cardId = QStringLiteral("21.3");
    photo.record.kind = EvidenceKind::Photo;
    photo.data = QByteArray(1000, 'p');
    NewEvidence same = photo; // identical bytes: one file
    NewEvidence other = photo;
    other.data = QByteArray(500, 'q');
    ASSERT_TRUE(store().evidence().add({photo, same, other}).ok());
    ASSERT_TRUE(
        store().steps().setStep(RecordOwner::job(job), QStringLiteral("21.3"), 0, true, {}).ok());

    const auto pending = test::valueOf(store().outbox().pending());
    ASSERT_EQ(pending.size(), 4);
    for (int i = 1; i < pending.size(); ++i)
        EXPECT_LT(pending[i - 1].seq, pending[i].seq);
    PendingCounts c = test::valueOf(store().outbox().counts());
    EXPECT_EQ(c.records, 4);
    EXPECT_EQ(c.files, 2);
    EXPECT_EQ(c.bytes, 1500);
    EXPECT_EQ(test::valueOf(store().outbox().pendingBlobs()).size(), 2);

    ASSERT_TRUE(store().outbox().markBlobsUploaded({pending[0].blobs.first()}).ok());
    EXPECT_TRUE(test::valueOf(store().outbox().isBlobUploaded(pending[0].blobs.first())));
    c = test::valueOf(store().outbox().counts());
    EXPECT_EQ(c.files, 1);
    EXPECT_EQ(c.bytes, 500);
    // several at once (the sync client marks a batch's files together); repeats are harmless
    const QStringList both =
        test::valueOf(store().outbox().pendingBlobs()) + QStringList{pending[0].blobs.first()};
    ASSERT_TRUE(store().outbox().markBlobsUploaded(both).ok());
    ASSERT_TRUE(store().outbox().markBlobsUploaded({}).ok());
    EXPECT_EQ(test::valueOf(store().outbox().counts()).files, 0);
    EXPECT_TRUE(test::valueOf(store().outbox().pendingBlobs()).isEmpty());

    ASSERT_TRUE(store().outbox().markConfirmed({pending[0].seq, pending[1].seq}).ok());
    EXPECT_EQ(test::valueOf(store().outbox().counts()).records, 2);
    EXPECT_EQ(test::valueOf(store().outbox().pending()).first().seq, pending[2].seq);
    EXPECT_TRUE(test::valueOf(store().outbox().pending(10, pending[3].seq)).isEmpty());
}

TEST_F(StoreTest, SyncStateSurvivesReopen)
{
    EXPECT_FALSE(test::valueOf(store().outbox().syncState()).lastSyncAt.isValid());
    const QDateTime at = QDateTime(QDate(2026, 11, 5), QTime(18, 30), Qt::UTC);
    ASSERT_TRUE(store().outbox().setSyncCursor(QStringLiteral("c-42")).ok());
    ASSERT_TRUE(store().outbox().recordSyncError(QStringLiteral("网络不可用")).ok());
    ASSERT_TRUE(store().outbox().recordSyncSuccess(at).ok());
    reopen();
    const SyncState s = test::valueOf(store().outbox().syncState());
    EXPECT_EQ(s.cursor, QStringLiteral("c-42"));
    EXPECT_EQ(s.lastSyncAt, at);
    EXPECT_TRUE(s.lastError.isEmpty());
}

// A tombstone from the office (customer moved to another crew): personal data goes at once, an
// untouched job goes with it, captured work stays; a later assignment brings the customer back.
TEST_F(StoreTest, WithdrawnCustomerLosesPersonalDataAndOnlyAnUntouchedJob)
{
    Task t;
    t.uuid = QStringLiteral("11111111-0000-0000-0000-000000000001");
    t.name = QStringLiteral("办公室下发任务");
    QList<Customer> people;
    for (int i = 1; i <= 3; ++i) {
        Customer c;
        c.uuid = QStringLiteral("cccccccc-0000-0000-0000-00000000000%1").arg(i);
        c.accountNo = QStringLiteral("010000000%1").arg(i);
        c.name = QStringLiteral("住户%1").arg(i);
        c.address = QStringLiteral("1单元10%1").arg(i);
        c.phone = QStringLiteral("1380000000%1").arg(i);
        people << c;
    }
    ASSERT_TRUE(store().tasks().importTask(t, people, Origin::Office).ok());
    const auto jobOf = [&](int i) { return store().jobs().forCustomer(store().tasks().customerByUuid(people[i].uuid)->id); };
    // GIVEN a photo on the second customer's job and an unsent status change on the third's
    NewEvidence n;
    n.record.jobId = jobOf(1)->id;
    n.record.cardId = QStringLiteral("21.3");
    n.record.kind = EvidenceKind::Photo;
    n.record.mime = QStringLiteral("image/jpeg");
    n.data = QByteArray("photo bytes");
    ASSERT_TRUE(store().evidence().add({n}).ok());
    ASSERT_TRUE(store().jobs().setAppointment(jobOf(2)->id, QDateTime::currentDateTimeUtc()).ok());
    // WHEN all three are withdrawn (and an unknown uuid, which is nothing to do)
    WithdrawResult sum;
    for (const Customer &c : people) {
        auto r = store().tasks().withdrawCustomer(c.uuid);
        ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
        sum.jobsRemoved += r->jobsRemoved;
        sum.jobsKept += r->jobsKept;
    }
    EXPECT_EQ(store().tasks().withdrawCustomer(QStringLiteral("not-here"))->customers, 0);
    // THEN no name, address or phone is left, and only the untouched job is gone
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM customers WHERE name <> '' OR address <> '' "
                                    "OR phone <> '' OR search_text LIKE '%住户%'")), 0);
    EXPECT_EQ(sum.jobsRemoved, 1);
    EXPECT_EQ(sum.jobsKept, 2);
    EXPECT_FALSE(jobOf(0).ok());
    EXPECT_TRUE(jobOf(1).ok());
    EXPECT_TRUE(jobOf(2).ok());
    EXPECT_EQ(test::valueOf(store().evidence().list(RecordOwner::job(jobOf(1)->id))).size(), 1);
    // AND assigned again by the office, the first customer is back with a new job
    ASSERT_TRUE(store().tasks().importTask(t, {people[0]}, Origin::Office).ok());
    EXPECT_EQ(store().tasks().customerByUuid(people[0].uuid)->name, QStringLiteral("住户1"));
    EXPECT_TRUE(jobOf(0).ok());
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM customers WHERE withdrawn_at IS NOT NULL")), 2);
}
