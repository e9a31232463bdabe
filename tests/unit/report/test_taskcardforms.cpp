// Task-level cards end to end over a real store (SQLite file in a temporary directory) and the
// real catalog: 2.4 / 4.1 / 19.1 / 36.1 recorded for the TASK through the store and workflow API
// persist, have outbox rows, and print on appendix 21 (pdftotext); the task's own records win over
// what a job recorded for the same card before task-level cards existed.
#include "catalog/catalogloader.h"
#include "common/resultvalue.h"
#include "common/testenv.h"
#include "pdftools.h"
#include "report/formcontextbuilder.h"
#include "report/formrenderer.h"
#include "store/store.h"
#include "workflow/taskcards.h"

#include <QBuffer>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace ms;

namespace {

class TaskCardForms : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        open();
        Task task;
        task.code = QStringLiteral("RW2026-031");
        task.name = QStringLiteral("和平里7号楼台区智能表更换");
        task.areaName = QStringLiteral("和平里7号楼台区");
        QList<Customer> customers;
        for (const char *acc : {"3100200001", "3100200002"}) {
            Customer c;
            c.accountNo = QLatin1String(acc);
            c.name = QStringLiteral("客户") + c.accountNo.right(1);
            customers << c;
        }
        auto imported = m_store->tasks().importTask(task, customers);
        ASSERT_TRUE(imported.ok());
        m_task = imported->task.id;
        m_job = m_store->jobs()
                    .forCustomer(test::valueOf(m_store->tasks().customers(m_task)).first().id)
                    ->id;
    }

    void open()
    {
        m_store.reset();
        auto opened = Store::open(m_dir.path());
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        m_store = std::move(opened).value();
    }

    JobSnapshot taskSnapshot()
    {
        JobSnapshot s;
        for (const StepRecord &r : test::valueOf(m_store->steps().list(RecordOwner::task(m_task))))
            if (r.done)
                s.tick(r.cardId, r.stepIndex);
        for (const Evidence &e : test::valueOf(m_store->evidence().list(RecordOwner::task(m_task))))
            s.capture(e.cardId, e.requirement, e.sha256.isEmpty() ? e.value : e.sha256);
        for (const TaskCardRecord &c : test::valueOf(m_store->taskCards().cards(m_task)))
            if (!c.choice.isEmpty())
                s.choose(c.cardId, c.choice, c.reason);
        return s;
    }

    // Ticks every step and records each requirement of `cardId` on the task; `values` gives the
    // text of typed requirements (others get a sensible sample; photos a real JPEG).
    void record(const QString &cardId, const QHash<QString, QStringList> &values)
    {
        const Card *card = m_catalog.catalog.card(cardId);
        ASSERT_NE(card, nullptr);
        for (int i = 0; i < card->steps.size(); ++i)
            ASSERT_TRUE(
                m_store->steps()
                    .setStep(RecordOwner::task(m_task), cardId, i, true, QStringLiteral("u"))
                    .ok());
        for (const EvidenceRequirement &r : card->evidence) {
            if (!r.when.isEmpty())
                continue;
            const QStringList given = values.value(r.key);
            for (int n = 0; n < std::max<int>(r.minCount, int(given.size())); ++n) {
                NewEvidence e;
                e.record.taskId = m_task;
                e.record.cardId = cardId;
                e.record.requirement = r.key;
                e.record.kind = r.kind;
                if (r.kind == EvidenceKind::Photo || r.kind == EvidenceKind::Signature) {
                    QImage img(64, 48, QImage::Format_RGB32);
                    img.fill(QColor(30 * n, 120, 200));
                    QBuffer buf(&e.data);
                    buf.open(QIODevice::WriteOnly);
                    img.save(&buf, r.kind == EvidenceKind::Photo ? "JPEG" : "PNG");
                    e.record.mime = r.kind == EvidenceKind::Photo ? QStringLiteral("image/jpeg")
                                                                   : QStringLiteral("image/png");
                } else {
                    e.record.value = n < given.size() ? given.at(n)
                                     : r.kind == EvidenceKind::Check ? QStringLiteral("yes")
                                                                      : QStringLiteral("1");
                }
                auto added = m_store->evidence().add(e);
                ASSERT_TRUE(added.ok()) << cardId.toStdString() << "/" << r.key.toStdString() << ": "
                                        << added.error().message.toStdString();
            }
        }
    }

    // Completes through the workflow's rules and keeps the completion in the store.
    Result<QString> complete(const QString &cardId)
    {
        Workflow wf(m_catalog.catalog);
        auto next = TaskCards(m_catalog.catalog, wf).complete(taskSnapshot(), cardId);
        if (next) {
            EXPECT_TRUE(m_store->taskCards().setCompleted(m_task, cardId, true, QStringLiteral("u")).ok());
        }
        return next;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    CatalogLoad m_catalog = CatalogLoader::load(test::formsDir());
    RowId m_task = 0;
    RowId m_job = 0;
};

} // namespace

TEST_F(TaskCardForms, ConcentratorCardsRecordedForTheTaskPersistSyncAndPrintOnAppendix21)
{
    // GIVEN a job recorded a location on 2.4 before task-level cards existed (the old way)
    NewEvidence old;
    old.record.jobId = m_job;
    old.record.cardId = QStringLiteral("2.4");
    old.record.requirement = QStringLiteral("location_text");
    old.record.kind = EvidenceKind::Text;
    old.record.value = QStringLiteral("旧记录：楼道北侧");
    ASSERT_TRUE(m_store->evidence().add(old).ok());

    // WHEN 2.4 is recorded for the task, 明装 chosen, completed; then 4.1, 19.1 and 36.1
    record(QStringLiteral("2.4"), {{QStringLiteral("location_text"), {QStringLiteral("7号楼一层配电间西墙")}}});
    auto undecided = complete(QStringLiteral("2.4"));
    ASSERT_FALSE(undecided.ok()); // the mounting must be chosen first
    ASSERT_TRUE(m_store->taskCards().setChoice(m_task, QStringLiteral("2.4"), QStringLiteral("surface"),
                                               QStringLiteral("墙体为砖墙"), QStringLiteral("u")).ok());
    auto next = complete(QStringLiteral("2.4"));
    ASSERT_TRUE(next.ok()) << next.error().message.toStdString();
    EXPECT_EQ(next.value(), QStringLiteral("4.1"));
    record(QStringLiteral("4.1"), {{QStringLiteral("box_bottom_height"), {QStringLiteral("1.6")}}});
    ASSERT_TRUE(complete(QStringLiteral("4.1")).ok());
    record(QStringLiteral("19.1"), {{QStringLiteral("concentrator_barcode"), {QStringLiteral("3230009988776655")}},
                                    {QStringLiteral("sim_iccid"), {QStringLiteral("89860012345678901234")}},
                                    {QStringLiteral("concentrator_seals"), {QStringLiteral("JZ7001"), QStringLiteral("JZ7002")}}});
    record(QStringLiteral("36.1"), {{QStringLiteral("master_ip"), {QStringLiteral("10.172.9.30")}},
                                    {QStringLiteral("concentrator_asset"), {QStringLiteral("3230009988776655")}}});

    // THEN after reopening the store the task's records are there, and no job got any of them
    open();
    EXPECT_EQ(test::valueOf(m_store->taskCards().cards(m_task)).size(), 2);
    EXPECT_EQ(m_store->taskCards().card(m_task, QStringLiteral("2.4"))->choice, QStringLiteral("surface"));
    EXPECT_TRUE(m_store->taskCards().card(m_task, QStringLiteral("4.1"))->completedAt.isValid());
    EXPECT_EQ(test::valueOf(m_store->steps().list(RecordOwner::task(m_task), QStringLiteral("2.4")))
                  .size(),
              m_catalog.catalog.card(QStringLiteral("2.4"))->steps.size());
    EXPECT_EQ(test::valueOf(m_store->evidence().list(RecordOwner::job(m_job))).size(),
              1); // only the old 2.4 row
    EXPECT_TRUE(m_store->evidence().verifyChain(RecordOwner::task(m_task)).ok);
    EXPECT_TRUE(m_store->evidence().verifyFiles().ok());
    // AND every record waits in the outbox, naming the task
    auto taskUuid = m_store->tasks().byId(m_task)->uuid;
    QHash<QString, int> byEntity;
    for (const OutboxEntry &e : test::valueOf(m_store->outbox().pending(5000))) {
        if (e.payload.value(QStringLiteral("task_uuid")).toString() == taskUuid
            && e.entity != QLatin1String("task") && e.entity != QLatin1String("customer"))
            ++byEntity[e.entity];
    }
    EXPECT_GT(byEntity.value(QStringLiteral("step")), 0);
    EXPECT_GT(byEntity.value(QStringLiteral("evidence")), 5);
    EXPECT_EQ(byEntity.value(QStringLiteral("task_card")), 3); // 2.4 choice + 2.4 and 4.1 completion
    EXPECT_GT(test::valueOf(m_store->outbox().counts()).files, 0); // the photos go too

    // AND appendix 21 for the task prints the task's concentrator values (the task's location,
    // not the job's old one)
    auto lib = FormLibrary::load(test::formsDir());
    ASSERT_TRUE(lib.ok());
    FormContextBuilder builder(*m_store, &m_catalog.catalog);
    auto ctx = builder.forForm(*lib->form(21), 0, m_task);
    ASSERT_TRUE(ctx.ok()) << ctx.error().message.toStdString();
    EXPECT_EQ(ctx->value(QStringLiteral("concentrator.location")), QStringLiteral("7号楼一层配电间西墙"));
    EXPECT_EQ(ctx->value(QStringLiteral("concentrator.mounting")), QStringLiteral("明装"));
    const QString pdf = m_dir.filePath(QStringLiteral("21.pdf"));
    ASSERT_TRUE(FormRenderer::writePdf(*lib->form(21), ctx.value(), pdf).ok());
    const QString text = test::pdfText(pdf).remove(QRegularExpression(QStringLiteral("\\s")));
    for (const QString &s : {QStringLiteral("3230009988776655"), QStringLiteral("7号楼一层配电间西墙"),
                             QStringLiteral("明装"), QStringLiteral("10.172.9.30"),
                             QStringLiteral("89860012345678901234"), QStringLiteral("JZ7001、JZ7002")})
        EXPECT_TRUE(text.contains(s)) << s.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("旧记录")));
    if (const QString keep = qEnvironmentVariable("MS_FORMS_PREVIEW_DIR"); !keep.isEmpty())
        QFile::copy(pdf, keep + QStringLiteral("/taskcards-21.pdf"));
}

TEST_F(TaskCardForms, AJobsRecordStillFillsWhatTheTaskHasNotRecorded)
{
    // GIVEN only a job recorded 36.3's APN (before task-level cards), the task recorded 36.1
    NewEvidence apn;
    apn.record.jobId = m_job;
    apn.record.cardId = QStringLiteral("36.3");
    apn.record.requirement = QStringLiteral("apn");
    apn.record.kind = EvidenceKind::Text;
    apn.record.value = QStringLiteral("HPL.BJ");
    ASSERT_TRUE(m_store->evidence().add(apn).ok());
    record(QStringLiteral("36.1"), {{QStringLiteral("master_ip"), {QStringLiteral("10.172.9.31")}}});
    // WHEN appendix 21 is built for the task
    auto lib = FormLibrary::load(test::formsDir());
    ASSERT_TRUE(lib.ok());
    FormContextBuilder builder(*m_store, &m_catalog.catalog);
    auto ctx = builder.forForm(*lib->form(21), 0, m_task);
    ASSERT_TRUE(ctx.ok());
    // THEN both show
    EXPECT_EQ(ctx->value(QStringLiteral("concentrator.apn")), QStringLiteral("HPL.BJ"));
    EXPECT_EQ(ctx->value(QStringLiteral("concentrator.master_ip")), QStringLiteral("10.172.9.31"));
}

TEST_F(TaskCardForms, Appendix22FillsTheConcentratorCountAndTheReadSuccessRateFrom381)
{
    // GIVEN the task's concentrator recorded on 36.1, and 38.1 recorded for both households
    // (the concentrator's check: one read, one not)
    record(QStringLiteral("36.1"),
           {{QStringLiteral("concentrator_asset"), {QStringLiteral("3230009988776655")}}});
    const auto customers = test::valueOf(m_store->tasks().customers(m_task));
    for (int i = 0; i < customers.size(); ++i) {
        NewEvidence ok;
        ok.record.jobId = m_store->jobs().forCustomer(customers.at(i).id)->id;
        ok.record.cardId = QStringLiteral("38.1");
        ok.record.requirement = QStringLiteral("remote_read_ok");
        ok.record.kind = EvidenceKind::Check;
        ok.record.value = i == 0 ? QStringLiteral("yes") : QStringLiteral("no");
        ASSERT_TRUE(m_store->evidence().add(ok).ok());
    }
    // WHEN appendix 22 is built for the task
    auto lib = FormLibrary::load(test::formsDir());
    ASSERT_TRUE(lib.ok());
    FormContextBuilder builder(*m_store, &m_catalog.catalog);
    auto ctx = builder.forForm(*lib->form(22), 0, m_task);
    ASSERT_TRUE(ctx.ok()) << ctx.error().message.toStdString();
    // THEN 集中器数 1 and 采集成功率 50.0
    EXPECT_EQ(ctx->value(QStringLiteral("concentrator.count")), QStringLiteral("1"));
    EXPECT_EQ(ctx->value(QStringLiteral("concentrator.read_success_rate")), QStringLiteral("50.0"));
}
