// Task-level cards (scope "task"): step ticks, evidence, seals, choice and completion stored
// against the task (migration 3), each with its outbox row; a version-2 database with job
// evidence migrates without touching a row or breaking its hash chain.
#include "common/storefixture.h"

#include "common/resultvalue.h"
#include "model/sha256.h"
#include "store/schema.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTimeZone>

using namespace ms;
using namespace ms::test;

namespace {

NewEvidence taskValue(RowId task, const char *card, const char *key, const QString &value,
                      EvidenceKind kind = EvidenceKind::Text)
{
    NewEvidence n;
    n.record.taskId = task;
    n.record.cardId = QString::fromLatin1(card);
    n.record.requirement = QString::fromLatin1(key);
    n.record.kind = kind;
    n.record.value = value;
    return n;
}

QList<OutboxEntry> outboxOf(Store &store, const QString &entity)
{
    QList<OutboxEntry> out;
    for (const OutboxEntry &e : test::valueOf(store.outbox().all()))
        if (e.entity == entity)
            out << e;
    return out;
}

} // namespace

class TaskCardsTest : public StoreTest
{
protected:
    void SetUp() override
    {
        StoreTest::SetUp();
        m_task = makeTask(2);
        m_job = firstJob(m_task);
        auto t = store().tasks().byId(m_task);
        ASSERT_TRUE(t.ok());
        m_taskUuid = t->uuid;
    }
    RowId m_task = 0;
    RowId m_job = 0;
    QString m_taskUuid;
};

TEST_F(TaskCardsTest, StepsOfATaskLevelCardPersistWithTheTaskAndGoToTheOutbox)
{
    // GIVEN a task; WHEN step 1 of 2.4 is ticked twice for the task (tick, untick, tick)
    QSignalSpy spy(&store(), &Store::taskCardChanged);
    ASSERT_TRUE(store()
                    .steps()
                    .setStep(RecordOwner::task(m_task), QStringLiteral("2.4"), 0, true,
                             QStringLiteral("u1"))
                    .ok());
    ASSERT_TRUE(store()
                    .steps()
                    .setStep(RecordOwner::task(m_task), QStringLiteral("2.4"), 0, false,
                             QStringLiteral("u1"))
                    .ok());
    auto s = store().steps().setStep(RecordOwner::task(m_task), QStringLiteral("2.4"), 0, true,
                                     QStringLiteral("u1"));
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    // THEN one row, version 3, owned by the task and by no job; it survives a reopen
    EXPECT_EQ(s->version, 3);
    EXPECT_EQ(s->taskId, m_task);
    EXPECT_EQ(s->jobId, 0);
    EXPECT_EQ(spy.count(), 3);
    reopen();
    const QList<StepRecord> steps = test::valueOf(store().steps().list(RecordOwner::task(m_task)));
    ASSERT_EQ(steps.size(), 1);
    EXPECT_TRUE(steps.first().done);
    EXPECT_EQ(steps.first().cardId, QStringLiteral("2.4"));
    EXPECT_TRUE(test::valueOf(store().steps().list(RecordOwner::job(m_job))).isEmpty());
    // AND each change has an outbox row naming the task, not a job
    const QList<OutboxEntry> rows = outboxOf(store(), QStringLiteral("step"));
    ASSERT_EQ(rows.size(), 3);
    EXPECT_EQ(rows.last().version, 3);
    EXPECT_EQ(rows.last().payload.value(QStringLiteral("task_uuid")).toString(), m_taskUuid);
    EXPECT_EQ(rows.last().payload.value(QStringLiteral("job_uuid")).toString(), QString());
}

TEST_F(TaskCardsTest, EvidenceOfATaskHasItsOwnChainFilesAndOutboxRowsAndStaysOutOfEveryJob)
{
    // GIVEN a job photo on 21.3 (the job's chain)
    NewEvidence jobPhoto;
    jobPhoto.record.jobId = m_job;
    jobPhoto.record.cardId = QStringLiteral("24.2");
    jobPhoto.record.requirement = QStringLiteral("old_meter_face");
    jobPhoto.data = QByteArray("job photo");
    ASSERT_TRUE(store().evidence().add(jobPhoto).ok());
    // WHEN 2.4's location, a photo and a retake of the location are saved for the task
    auto loc = store().evidence().add(taskValue(m_task, "2.4", "location_text", QStringLiteral("3号楼配电室东墙")));
    ASSERT_TRUE(loc.ok()) << loc.error().message.toStdString();
    NewEvidence photo = taskValue(m_task, "2.4", "location_photo", {}, EvidenceKind::Photo);
    photo.record.mime = QStringLiteral("image/jpeg");
    photo.data = QByteArray("\xFF\xD8 concentrator spot");
    auto p = store().evidence().add(photo);
    ASSERT_TRUE(p.ok()) << p.error().message.toStdString();
    NewEvidence retake = taskValue(m_task, "2.4", "location_text", QStringLiteral("3号楼配电室西墙"));
    retake.supersedes = loc->uuid;
    ASSERT_TRUE(store().evidence().add(retake).ok());

    // THEN the task has its current rows, the job only its own
    const QList<Evidence> current =
        test::valueOf(store().evidence().list(RecordOwner::task(m_task)));
    ASSERT_EQ(current.size(), 2);
    EXPECT_EQ(current.last().value, QStringLiteral("3号楼配电室西墙"));
    EXPECT_EQ(current.last().taskId, m_task);
    EXPECT_EQ(current.last().jobId, 0);
    EXPECT_EQ(test::valueOf(store().evidence().list(RecordOwner::task(m_task), {}, true)).size(),
              3);
    EXPECT_EQ(test::valueOf(store().evidence().list(RecordOwner::job(m_job))).size(), 1);
    EXPECT_TRUE(store().evidence().verifyChain(RecordOwner::task(m_task)).ok);
    EXPECT_EQ(store().evidence().verifyChain(RecordOwner::task(m_task)).rows, 3);
    EXPECT_TRUE(store().evidence().verifyChain(RecordOwner::job(m_job)).ok);
    EXPECT_TRUE(store().evidence().verifyFiles().ok());
    // AND the outbox rows name the task and carry the photo's blob
    const QList<OutboxEntry> rows = outboxOf(store(), QStringLiteral("evidence"));
    ASSERT_EQ(rows.size(), 4);
    EXPECT_EQ(rows[2].payload.value(QStringLiteral("task_uuid")).toString(), m_taskUuid);
    EXPECT_EQ(rows[2].blobs, QStringList{p->sha256});
    EXPECT_EQ(rows[0].payload.value(QStringLiteral("task_uuid")).toString(), QString());

    // AND a job's row cannot be retaken as the task's (nor the other way round)
    NewEvidence wrong = taskValue(m_task, "24.2", "old_meter_face", QStringLiteral("x"));
    wrong.supersedes = test::valueOf(store().evidence().list(RecordOwner::job(m_job))).first().uuid;
    auto refused = store().evidence().add(wrong);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, QStringLiteral("store.bad_input"));
}

TEST_F(TaskCardsTest, ListsOfStepsAndEvidenceKeepToTheirOwnerAndCard)
{
    // GIVEN the same card ids recorded on the job and on the task, each on two cards, and the
    // task's row id equal to the job's (ids of different tables are alike; the owner column tells)
    ASSERT_EQ(m_task, m_job) << "fixture: a fresh file numbers the first task and job 1";
    const QString user = QStringLiteral("u1");
    for (const char *card : {"2.4", "21.3"}) {
        const QString id = QString::fromLatin1(card);
        ASSERT_TRUE(store().steps().setStep(RecordOwner::job(m_job), id, 0, true, user).ok());
        ASSERT_TRUE(store().steps().setStep(RecordOwner::task(m_task), id, 1, true, user).ok());
        NewEvidence j = taskValue(0, card, "note", QStringLiteral("job ") + id);
        j.record.jobId = m_job;
        ASSERT_TRUE(store().evidence().add(j).ok());
        ASSERT_TRUE(store().evidence().add(taskValue(m_task, card, "note", QStringLiteral("task ") + id)).ok());
    }
    // WHEN each owner's steps are read, all and of one card
    // THEN each list holds its owner's rows only, with that owner's id set and the other's 0
    const QList<StepRecord> jobSteps = test::valueOf(store().steps().list(RecordOwner::job(m_job)));
    ASSERT_EQ(jobSteps.size(), 2);
    for (const StepRecord &s : jobSteps) {
        EXPECT_EQ(s.stepIndex, 0);
        EXPECT_EQ(s.jobId, m_job);
        EXPECT_EQ(s.taskId, 0);
    }
    const QList<StepRecord> taskSteps =
        test::valueOf(store().steps().list(RecordOwner::task(m_task), QStringLiteral("21.3")));
    ASSERT_EQ(taskSteps.size(), 1);
    EXPECT_EQ(taskSteps.first().cardId, QStringLiteral("21.3"));
    EXPECT_EQ(taskSteps.first().stepIndex, 1);
    EXPECT_EQ(taskSteps.first().taskId, m_task);
    EXPECT_EQ(taskSteps.first().jobId, 0);
    ASSERT_EQ(
        test::valueOf(store().steps().list(RecordOwner::job(m_job), QStringLiteral("2.4"))).size(),
        1);
    EXPECT_EQ(test::valueOf(store().steps().list(RecordOwner::job(m_job), QStringLiteral("2.4")))
                  .first()
                  .cardId,
              QStringLiteral("2.4"));
    EXPECT_TRUE(
        test::valueOf(store().steps().list(RecordOwner::task(m_task), QStringLiteral("9.9")))
            .isEmpty());
    // AND evidence likewise: per owner, and per card of the job
    const QList<Evidence> jobRows = test::valueOf(store().evidence().list(RecordOwner::job(m_job)));
    ASSERT_EQ(jobRows.size(), 2);
    for (const Evidence &e : jobRows)
        EXPECT_TRUE(e.value.startsWith(QStringLiteral("job "))) << e.value.toStdString();
    const QList<Evidence> taskRows =
        test::valueOf(store().evidence().list(RecordOwner::task(m_task)));
    ASSERT_EQ(taskRows.size(), 2);
    for (const Evidence &e : taskRows)
        EXPECT_TRUE(e.value.startsWith(QStringLiteral("task "))) << e.value.toStdString();
    const QList<Evidence> card =
        test::valueOf(store().evidence().list(RecordOwner::job(m_job), QStringLiteral("21.3")));
    ASSERT_EQ(card.size(), 1);
    EXPECT_EQ(card.first().value, QStringLiteral("job 21.3"));
    EXPECT_TRUE(
        test::valueOf(store().evidence().list(RecordOwner::job(m_job), QStringLiteral("9.9")))
            .isEmpty());
}

TEST_F(TaskCardsTest, UnknownTaskOrNoOwnerIsRefusedWithAPlainMessage)
{
    auto noTask = store().evidence().add(taskValue(9999, "2.4", "location_text", QStringLiteral("x")));
    ASSERT_FALSE(noTask.ok());
    EXPECT_EQ(noTask.error().code, QStringLiteral("store.bad_input"));
    EXPECT_TRUE(noTask.error().message.contains(QStringLiteral("9999")));
    auto noOwner = store().evidence().add(taskValue(0, "2.4", "location_text", QStringLiteral("x")));
    EXPECT_FALSE(noOwner.ok());
    auto step =
        store().steps().setStep(RecordOwner::task(9999), QStringLiteral("2.4"), 0, true, {});
    ASSERT_FALSE(step.ok());
    EXPECT_EQ(step.error().code, QStringLiteral("store.bad_input"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM evidence")), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE entity IN ('evidence','step')")), 0);
}

TEST_F(TaskCardsTest, ChoiceAndCompletionAreOneRowPerTaskCardWithOutboxRows)
{
    auto chosen = store().taskCards().setChoice(m_task, QStringLiteral("2.4"), QStringLiteral("surface"),
                                                QStringLiteral("墙体坚固"), QStringLiteral("u1"));
    ASSERT_TRUE(chosen.ok()) << chosen.error().message.toStdString();
    auto done = store().taskCards().setCompleted(m_task, QStringLiteral("2.4"), true, QStringLiteral("u1"));
    ASSERT_TRUE(done.ok());
    // Completing again changes nothing (no version bump, no outbox row)
    auto again = store().taskCards().setCompleted(m_task, QStringLiteral("2.4"), true, QStringLiteral("u1"));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->version, 2);
    reopen();
    const QList<TaskCardRecord> cards = test::valueOf(store().taskCards().cards(m_task));
    ASSERT_EQ(cards.size(), 1);
    EXPECT_EQ(cards.first().choice, QStringLiteral("surface"));
    EXPECT_EQ(cards.first().reason, QStringLiteral("墙体坚固"));
    EXPECT_TRUE(cards.first().completedAt.isValid());
    const QList<OutboxEntry> rows = outboxOf(store(), QStringLiteral("task_card"));
    ASSERT_EQ(rows.size(), 2);
    EXPECT_EQ(rows.last().payload.value(QStringLiteral("task_uuid")).toString(), m_taskUuid);
    EXPECT_EQ(rows.last().payload.value(QStringLiteral("choice")).toString(), QStringLiteral("surface"));
    EXPECT_FALSE(rows.last().payload.value(QStringLiteral("completed_at")).toString().isEmpty());
    // Un-completing clears it
    auto undone = store().taskCards().setCompleted(m_task, QStringLiteral("2.4"), false, {});
    ASSERT_TRUE(undone.ok());
    EXPECT_FALSE(undone->completedAt.isValid());
}

TEST_F(TaskCardsTest, TaskSealsShareTheNumberRuleWithJobSealsAndNameTheirOwner)
{
    auto s = store().seals().add(RecordOwner::task(m_task), QStringLiteral("concentrator"),
                                 QStringLiteral("JZQ-0001"));
    ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
    EXPECT_EQ(test::valueOf(store().seals().list(RecordOwner::task(m_task))).size(), 1);
    EXPECT_TRUE(test::valueOf(store().seals().list(RecordOwner::job(m_job))).isEmpty());
    // The same number on a job is refused and the message names the task
    auto dupOnJob = store().seals().add(RecordOwner::job(m_job), QStringLiteral("meter_cover"),
                                        QStringLiteral("JZQ-0001"));
    ASSERT_FALSE(dupOnJob.ok());
    EXPECT_EQ(dupOnJob.error().code, QStringLiteral("store.duplicate"));
    EXPECT_TRUE(dupOnJob.error().message.contains(QStringLiteral("测试任务")));
    // A job's number on the task is refused and names the customer
    ASSERT_TRUE(
        store()
            .seals()
            .add(RecordOwner::job(m_job), QStringLiteral("meter_cover"), QStringLiteral("BG-7"))
            .ok());
    auto dupOnTask = store().seals().add(RecordOwner::task(m_task), QStringLiteral("concentrator"),
                                         QStringLiteral("BG-7"));
    ASSERT_FALSE(dupOnTask.ok());
    EXPECT_TRUE(dupOnTask.error().message.contains(QStringLiteral("ACC0000")));
    // Outbox row names the task; removing it works like a job seal
    const QList<OutboxEntry> rows = outboxOf(store(), QStringLiteral("seal"));
    ASSERT_EQ(rows.size(), 2);
    EXPECT_EQ(rows.first().payload.value(QStringLiteral("task_uuid")).toString(), m_taskUuid);
    ASSERT_TRUE(store().seals().remove(s->uuid).ok());
    EXPECT_TRUE(test::valueOf(store().seals().list(RecordOwner::task(m_task))).isEmpty());
    EXPECT_EQ(outboxOf(store(), QStringLiteral("seal")).last().op, QStringLiteral("delete"));
}

// A database written before migration 3 (job evidence with a retake, a step, a seal) is migrated:
// every row keeps its id, uuid and chain hash; the chain still verifies; the triggers still guard.
TEST(TaskCardsMigration, Version2DatabaseKeepsEveryRowAndItsHashChain)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.path() + QStringLiteral("/meterswap.db");
    QString firstChain;
    {
        auto db = Database::open(path, storeMigrations().mid(0, 2));
        ASSERT_TRUE(db.ok()) << db.error().message.toStdString();
        ASSERT_EQ(db.value()->schemaVersion(), 2);
        const char *seed =
            "INSERT INTO tasks(id, uuid, name, updated_at) VALUES (1, 't-1', '旧任务', '2026-01-01');"
            "INSERT INTO customers(id, uuid, task_id, account_no, updated_at) VALUES (1, 'c-1', 1, 'A1', '2026-01-01');"
            "INSERT INTO jobs(id, uuid, task_id, customer_id, updated_at) VALUES (1, 'j-1', 1, 1, '2026-01-01');"
            "INSERT INTO step_records(uuid, job_id, card_id, step_index, done, at) VALUES ('s-1', 1, '24.1', 0, 1, '2026-01-01');"
            "INSERT INTO seals(uuid, job_id, position, number, at) VALUES ('seal-1', 1, 'box', 'B-1', '2026-01-01');";
        ASSERT_TRUE(db.value()->exec(QString::fromUtf8(seed)).ok());
        // Two evidence rows chained exactly as EvidenceRepository chains them; the second retakes the first.
        Evidence e1;
        e1.uuid = QStringLiteral("e-1");
        e1.jobId = 1;
        e1.cardId = QStringLiteral("24.4");
        e1.requirement = QStringLiteral("customer_phone");
        e1.kind = EvidenceKind::Text;
        e1.value = QStringLiteral("13800000000");
        e1.capturedAt = QDateTime(QDate(2026, 1, 1), QTime(9, 0), QTimeZone::utc());
        Evidence e2 = e1;
        e2.uuid = QStringLiteral("e-2");
        e2.value = QStringLiteral("13900000000");
        firstChain = Sha256::hexOf(EvidenceRepository::canonicalJson(e1, {}));
        const QString second = [&] {
            Sha256 h;
            h.addData(firstChain.toLatin1());
            h.addData(EvidenceRepository::canonicalJson(e2, QStringLiteral("e-1")));
            return h.hex();
        }();
        const QString ins = QStringLiteral(
            "INSERT INTO evidence(uuid, job_id, card_id, requirement, kind, value, captured_at, "
            "supersedes, prev_hash, chain_hash) VALUES ('%1', 1, '24.4', 'customer_phone', 'text', "
            "'%2', '2026-01-01T09:00:00.000Z', %3, '%4', '%5')");
        ASSERT_TRUE(db.value()->exec(ins.arg(QStringLiteral("e-1"), e1.value, QStringLiteral("NULL"), QString(), firstChain)).ok());
        ASSERT_TRUE(db.value()->exec(ins.arg(QStringLiteral("e-2"), e2.value, QStringLiteral("'e-1'"), firstChain, second)).ok());
    }
    auto opened = Store::open(dir.path());
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    Store &store = *opened.value();
    EXPECT_EQ(store.database().schemaVersion(), storeMigrations().size());
    const QList<Evidence> all = test::valueOf(store.evidence().list(RecordOwner::job(1), {}, true));
    ASSERT_EQ(all.size(), 2);
    EXPECT_EQ(test::valueOf(store.evidence().chainHash(QStringLiteral("e-1"))), firstChain);
    EXPECT_EQ(test::valueOf(store.evidence().supersededBy(QStringLiteral("e-1"))), QStringLiteral("e-2"));
    const ChainReport chain = store.evidence().verifyChain(RecordOwner::job(1));
    EXPECT_TRUE(chain.ok) << chain.message.toStdString();
    EXPECT_EQ(chain.rows, 2);
    EXPECT_EQ(test::valueOf(store.steps().list(RecordOwner::job(1))).size(), 1);
    EXPECT_EQ(test::valueOf(store.seals().list(RecordOwner::job(1))).size(), 1);
    // The guards came back with the rebuilt table; the retake reference still points at evidence
    EXPECT_FALSE(store.database().exec(QStringLiteral("DELETE FROM evidence")).ok());
    EXPECT_FALSE(store.database().exec(QStringLiteral("UPDATE evidence SET value = 'x'")).ok());
    auto fk = store.database().prepare(QStringLiteral("PRAGMA foreign_key_check"));
    ASSERT_TRUE(fk.ok());
    EXPECT_FALSE(fk.value().step());
    auto sql = store.database().prepare(QStringLiteral("SELECT sql FROM sqlite_schema WHERE name = 'evidence'"));
    ASSERT_TRUE(sql.ok());
    ASSERT_TRUE(sql.value().step());
    EXPECT_TRUE(sql.value().text(0).contains(QStringLiteral("REFERENCES \"evidence\"")))
        << sql.value().text(0).toStdString();
    // A new job row continues the old chain
    NewEvidence more;
    more.record.jobId = 1;
    more.record.cardId = QStringLiteral("24.4");
    more.record.requirement = QStringLiteral("customer_phone");
    more.record.kind = EvidenceKind::Text;
    more.record.value = QStringLiteral("13700000000");
    ASSERT_TRUE(store.evidence().add(more).ok());
    EXPECT_TRUE(store.evidence().verifyChain(RecordOwner::job(1)).ok);
}
