// Workflow over the real swap cards (forms/cards/20, 21, 29, 30): the walk an installer takes.
#include "catalog/catalogloader.h"
#include "common/testenv.h"
#include "workflow/workflow.h"

#include <gtest/gtest.h>

using namespace ms;

namespace {

class SwapWorkflow : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_load = CatalogLoader::load(test::formsDir());
        ASSERT_NE(m_load.catalog.card(QStringLiteral("20.1")), nullptr);
    }
    const Catalog &catalog() const { return m_load.catalog; }

    // Ticks every step and captures a valid value for every requirement that applies.
    void complete(JobSnapshot &job, const QString &cardId) const
    {
        const Card *card = catalog().card(cardId);
        ASSERT_NE(card, nullptr) << cardId.toStdString();
        for (int i = 0; i < card->steps.size(); ++i)
            job.tick(cardId, i);
        for (const EvidenceRequirement &r : card->evidence)
            for (int n = 0; n < r.minCount; ++n)
                job.capture(cardId, r.key, sampleValue(r, n));
    }

    static QString sampleValue(const EvidenceRequirement &r, int n)
    {
        switch (r.kind) {
        case EvidenceKind::Check: return QStringLiteral("yes");
        case EvidenceKind::MeterReading:
        case EvidenceKind::Number: return QStringLiteral("0.5");
        case EvidenceKind::SealNumber: return QStringLiteral("BJ%1").arg(100001 + n);
        default: return QStringLiteral("sha256-%1-%2").arg(r.key).arg(n);
        }
    }

    CatalogLoad m_load;
};

} // namespace

TEST_F(SwapWorkflow, NewJobStartsAt201NotStarted)
{
    const WorkflowState s = Workflow(catalog()).evaluate(JobSnapshot{});
    EXPECT_EQ(s.status, JobStatus::NotStarted);
    EXPECT_EQ(s.currentCard, "20.1");
    EXPECT_TRUE(s.path.isEmpty());
    EXPECT_FALSE(s.current.canComplete);
}

TEST_F(SwapWorkflow, OneTickedStepMakesTheJobInProgress)
{
    JobSnapshot job;
    job.tick(QStringLiteral("20.1"), 0);
    const WorkflowState s = Workflow(catalog()).evaluate(job);
    EXPECT_EQ(s.status, JobStatus::InProgress);
    EXPECT_EQ(s.currentCard, "20.1");
    EXPECT_EQ(s.current.stepsDone(), 1);
}

TEST_F(SwapWorkflow, NormalCustomerGoesTo211AutomaticallyAndMismatchTo221)
{
    // GIVEN 20.1 and 20.2 complete
    JobSnapshot job;
    complete(job, QStringLiteral("20.1"));
    complete(job, QStringLiteral("20.2"));
    Workflow wf(catalog());
    // WHEN the customer is normal THEN the walk takes the !customer.mismatch edge
    WorkflowState s = wf.evaluate(job);
    EXPECT_EQ(s.currentCard, "21.1");
    ASSERT_EQ(s.path.size(), 2);
    EXPECT_EQ(s.path.at(1).when, "!customer.mismatch");
    // WHEN the customer is flagged 机电不符 THEN it goes to 22.1
    job.customer.mismatch = true;
    s = wf.evaluate(job);
    EXPECT_EQ(s.currentCard, "22.1");
    EXPECT_EQ(s.path.at(1).when, "customer.mismatch");
}

TEST_F(SwapWorkflow, KnockingAtTheDoorNeedsTheInstallersDecision)
{
    JobSnapshot job;
    for (const char *id : {"20.1", "20.2", "21.1"})
        complete(job, QString::fromLatin1(id));
    const WorkflowState s = Workflow(catalog()).evaluate(job);
    EXPECT_EQ(s.currentCard, "21.1");
    EXPECT_TRUE(s.current.canComplete);
    EXPECT_TRUE(s.current.needsDecision);
    QStringList choices;
    for (const Edge &e : s.choices)
        choices.append(e.choice);
    EXPECT_EQ(choices, (QStringList{"home", "appointment", "nobody_home", "refused_reschedule",
                                    "refused_escalate"}));
}

TEST_F(SwapWorkflow, AppointmentPutsTheJobInWaitingUntil218IsDoneThenResumesAt212)
{
    JobSnapshot job;
    for (const char *id : {"20.1", "20.2", "21.1"})
        complete(job, QString::fromLatin1(id));
    job.choose(QStringLiteral("21.1"), QStringLiteral("appointment"), QStringLiteral("客户上班，约周六上午"));
    Workflow wf(catalog());
    WorkflowState s = wf.evaluate(job);
    EXPECT_EQ(s.status, JobStatus::WaitingAppointment);
    EXPECT_EQ(s.currentCard, "21.8");
    EXPECT_EQ(s.path.last().choice, "appointment");
    EXPECT_EQ(s.path.last().reason, "客户上班，约周六上午");
    EXPECT_EQ(s.path.last().wait, "appointment");
    // WHEN the appointment is kept and 21.8 completed THEN the swap continues at 21.2
    complete(job, QStringLiteral("21.8"));
    s = wf.evaluate(job);
    EXPECT_EQ(s.status, JobStatus::InProgress);
    EXPECT_EQ(s.currentCard, "21.2");
}

TEST_F(SwapWorkflow, FullNormalSwapEndsDoneAt302ThroughQualityCheckAndAcceptanceBeforeSealing)
{
    JobSnapshot job;
    job.choose(QStringLiteral("21.1"), QStringLiteral("home"), {});
    job.choose(QStringLiteral("21.2"), QStringLiteral("single_phase"), {});
    job.choose(QStringLiteral("21.3"), QStringLiteral("own_switch"), {});
    const QStringList walk{"20.1", "20.2", "21.1", "21.2", "21.3", "21.4", "21.5", "21.6",
                           "21.7", "27.1", "27.2", "27.3", "27.4", "27.5", "28.1", "28.2",
                           "28.3", "28.4", "28.5", "28.6", "29.1", "30.1", "30.2"};
    Workflow wf(catalog());
    for (const QString &id : walk) {
        EXPECT_EQ(wf.evaluate(job).currentCard, id);
        complete(job, id);
    }
    const WorkflowState s = wf.evaluate(job);
    EXPECT_EQ(s.status, JobStatus::Done);
    EXPECT_TRUE(s.currentCard.isEmpty());
    QStringList path;
    for (const PathEntry &p : s.path)
        path.append(p.cardId);
    EXPECT_EQ(path, walk);
}

TEST_F(SwapWorkflow, MissingEvidenceIsNamedByItsLabel)
{
    // GIVEN 21.4 with every step ticked but no evidence
    JobSnapshot job;
    const Card *c = catalog().card(QStringLiteral("21.4"));
    for (int i = 0; i < c->steps.size(); ++i)
        job.tick(QStringLiteral("21.4"), i);
    job.capture(QStringLiteral("21.4"), QStringLiteral("new_meter_asset"), QStringLiteral("1100001234567890123456"));
    // WHEN asked THEN it cannot complete and names exactly what is missing
    const CardProgress p = Workflow(catalog()).progress(job, QStringLiteral("21.4"));
    EXPECT_FALSE(p.canComplete);
    EXPECT_TRUE(p.missing.contains(QStringLiteral("已验明电源侧、负荷侧都无电压")));
    EXPECT_TRUE(p.missing.contains(QStringLiteral("监护人姓名（两人作业，一人监护）")));
    EXPECT_TRUE(p.missing.contains(QStringLiteral("新表起码（总）")));
    EXPECT_FALSE(p.missing.contains(QStringLiteral("新表资产编号")));
}

TEST_F(SwapWorkflow, RemainingMoneyIsRequiredOnlyForPrepaidCustomers)
{
    JobSnapshot job;
    complete(job, QStringLiteral("21.3")); // postpaid: no remaining money captured
    job.evidence[QStringLiteral("21.3")].remove(QStringLiteral("old_remaining_money"));
    job.evidence[QStringLiteral("21.3")].remove(QStringLiteral("old_remaining_energy"));
    Workflow wf(catalog());
    EXPECT_TRUE(wf.progress(job, QStringLiteral("21.3")).canComplete);
    job.customer.prepaid = true;
    const CardProgress p = wf.progress(job, QStringLiteral("21.3"));
    EXPECT_FALSE(p.canComplete);
    // either balance, in the unit the meter keeps (kWh or 元), will do
    EXPECT_EQ(p.missing, QStringList{QStringLiteral(
                             "旧表剩余电量（电量型表，kWh），或旧表剩余金额（金额型表，元）")});
    job.capture(QStringLiteral("21.3"), QStringLiteral("old_remaining_energy"),
                QStringLiteral("35.2"));
    EXPECT_TRUE(wf.progress(job, QStringLiteral("21.3")).canComplete);
}

TEST_F(SwapWorkflow, NobodyHomeNeedsTheWitnessNotTheCustomerToSign)
{
    JobSnapshot job;
    job.choose(QStringLiteral("21.1"), QStringLiteral("nobody_home"), QStringLiteral("三次敲门无人，电话关机"));
    Workflow wf(catalog());
    const Card *c = catalog().card(QStringLiteral("21.5"));
    for (int i = 0; i < c->steps.size(); ++i)
        job.tick(QStringLiteral("21.5"), i);
    CardProgress p = wf.progress(job, QStringLiteral("21.5"));
    EXPECT_EQ(p.missing, QStringList{QStringLiteral("见证人代客户签字（核对新旧表示数）")});
    job.capture(QStringLiteral("21.5"), QStringLiteral("witness_signature"), QStringLiteral("sha"));
    EXPECT_TRUE(wf.progress(job, QStringLiteral("21.5")).canComplete);
}

TEST_F(SwapWorkflow, SealsNeedThreeNumbers)
{
    JobSnapshot job;
    complete(job, QStringLiteral("29.1"));
    job.evidence[QStringLiteral("29.1")][QStringLiteral("seal_numbers")].removeLast();
    const CardProgress p = Workflow(catalog()).progress(job, QStringLiteral("29.1"));
    EXPECT_FALSE(p.canComplete);
    ASSERT_EQ(p.missing.size(), 1);
    EXPECT_TRUE(p.missing.first().contains(QStringLiteral("需要 3 项，已有 2 项")));
}

TEST_F(SwapWorkflow, VoltageCheckAnsweredNoBlocksTheCard)
{
    JobSnapshot job;
    complete(job, QStringLiteral("21.4"));
    job.evidence[QStringLiteral("21.4")][QStringLiteral("no_voltage_verified")] = QStringList{"no"};
    const CardProgress p = Workflow(catalog()).progress(job, QStringLiteral("21.4"));
    EXPECT_FALSE(p.canComplete);
    EXPECT_TRUE(p.checkFailed);
    EXPECT_TRUE(p.missing.first().contains(QStringLiteral("必须确认为“是”")));
}
