// The manual's order over the real catalog (issue 16 §1, §5): sealing only after the quality
// check (27) and acceptance (28); a failed check goes to rectification (42 → 43) and comes back to
// the very check that failed; the exceptions are branches of the walk.
#include "catalog/catalogloader.h"
#include "common/testenv.h"
#include "workflow/workflow.h"

#include <QSet>
#include <gtest/gtest.h>

using namespace ms;

namespace {

class ManualOrder : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_load = CatalogLoader::load(test::formsDir());
        ASSERT_TRUE(m_load.ok());
        m_wf = std::make_unique<Workflow>(m_load.catalog);
    }
    const Catalog &catalog() const { return m_load.catalog; }
    const Workflow &wf() const { return *m_wf; }

    // Ticks every step and captures a valid value for every requirement (checks "yes").
    void complete(JobSnapshot &job, const QString &cardId) const
    {
        const Card *card = catalog().card(cardId);
        ASSERT_NE(card, nullptr) << cardId.toStdString();
        for (int i = 0; i < card->steps.size(); ++i)
            job.tick(cardId, i);
        for (const EvidenceRequirement &r : card->evidence) {
            if (!r.when.isEmpty() && !wf().conditionHolds(r.when, job, cardId))
                continue;
            for (int n = 0; n < r.minCount; ++n)
                job.capture(cardId, r.key, sample(r, n));
        }
    }
    static QString sample(const EvidenceRequirement &r, int n)
    {
        switch (r.kind) {
        case EvidenceKind::Check: return QStringLiteral("yes");
        case EvidenceKind::MeterReading:
        case EvidenceKind::Number: return QStringLiteral("0.5");
        case EvidenceKind::SealNumber: return QStringLiteral("BJ%1").arg(100001 + n);
        default: return QStringLiteral("v-%1-%2").arg(r.key).arg(n);
        }
    }
    // Walks: completes the current card until `stop` is current (or 40 cards).
    QStringList walkTo(JobSnapshot &job, const QString &stop) const
    {
        QStringList seen;
        for (int i = 0; i < 40; ++i) {
            const WorkflowState s = wf().evaluate(job);
            if (s.currentCard.isEmpty() || s.currentCard == stop)
                break;
            seen << s.currentCard;
            complete(job, s.currentCard);
        }
        return seen;
    }

    CatalogLoad m_load;
    std::unique_ptr<Workflow> m_wf;
};

} // namespace

TEST_F(ManualOrder, EveryEdgeIntoSealingComesFromAcceptance)
{
    // The only way to 29.1 is the last acceptance card (28.6), on every path.
    for (const Card &card : catalog().cards) {
        for (const Edge &e : card.next) {
            if (e.to == QLatin1String("29.1")) {
                EXPECT_EQ(card.id, "28.6") << card.id.toStdString() << " leads to sealing directly";
            }
        }
    }
    const Card *c217 = catalog().card(QStringLiteral("21.7"));
    ASSERT_EQ(c217->next.size(), 1);
    EXPECT_EQ(c217->next.first().to, "27.1");
}

TEST_F(ManualOrder, AFailedCheckGoesToRectificationAndBackToThatCheck)
{
    JobSnapshot job;
    job.choose(QStringLiteral("21.1"), QStringLiteral("home"), {});
    job.choose(QStringLiteral("21.2"), QStringLiteral("single_phase"), {});
    job.choose(QStringLiteral("21.3"), QStringLiteral("own_switch"), {});
    walkTo(job, QStringLiteral("27.3"));
    ASSERT_EQ(wf().evaluate(job).currentCard, "27.3");
    // GIVEN the supervisor finds the box not grounded at 27.3
    complete(job, QStringLiteral("27.3"));
    job.evidence[QStringLiteral("27.3")][QStringLiteral("box_grounded")] = {QStringLiteral("no")};
    job.capture(QStringLiteral("27.3"), QStringLiteral("defect_description"),
                QStringLiteral("未接地"));
    job.capture(QStringLiteral("27.3"), QStringLiteral("defect_photos"), QStringLiteral("sha"));
    WorkflowState s = wf().evaluate(job);
    EXPECT_EQ(s.currentCard, "42.1");
    // WHEN the plan is made, the work done and the re-check passes
    for (const char *id : {"42.1", "43.1", "43.2"}) {
        EXPECT_EQ(wf().evaluate(job).currentCard, QString::fromLatin1(id));
        complete(job, QString::fromLatin1(id));
    }
    // THEN the walk is back at 27.3 (not 27.1, not 28.1), to be checked again
    s = wf().evaluate(job);
    EXPECT_EQ(s.currentCard, "27.3");
    EXPECT_FALSE(s.problem.isEmpty());
    EXPECT_EQ(s.path.last().cardId, "43.2");
    EXPECT_EQ(s.path.last().when, "failed.27.3");
    // WHEN the supervisor answers the check again "yes" THEN the walk goes on to 27.4, and
    // sealing still comes only after acceptance
    job.capture(QStringLiteral("27.3"), QStringLiteral("box_grounded"), QStringLiteral("yes"));
    s = wf().evaluate(job);
    EXPECT_EQ(s.currentCard, "27.4");
    const QStringList rest = walkTo(job, QStringLiteral("29.1"));
    EXPECT_EQ(rest.last(), "28.6");
    EXPECT_EQ(wf().evaluate(job).currentCard, "29.1");
}

TEST_F(ManualOrder, ARecheckThatStillFailsGoesBackToTheWork)
{
    JobSnapshot job;
    job.evidence[QStringLiteral("27.1")][QStringLiteral("wiring_correct")] = {QStringLiteral("no")};
    complete(job, QStringLiteral("43.2"));
    job.evidence[QStringLiteral("43.2")][QStringLiteral("rectification_verified")] = {
        QStringLiteral("no")};
    job.capture(QStringLiteral("43.2"), QStringLiteral("recheck_note"), QStringLiteral("仍未接地"));
    const Result<Edge> e = wf().nextEdge(job, QStringLiteral("43.2"));
    ASSERT_TRUE(e.ok()) << e.error().message.toStdString();
    EXPECT_EQ(e.value().to, "43.1");
    job.evidence[QStringLiteral("43.2")][QStringLiteral("rectification_verified")] << "yes";
    EXPECT_EQ(wf().nextEdge(job, QStringLiteral("43.2")).value().to, "27.1");
}

TEST_F(ManualOrder, ACustomerWhoRefusesAtTheDoorIsRescheduledOrEscalated)
{
    JobSnapshot job;
    complete(job, QStringLiteral("20.1"));
    complete(job, QStringLiteral("20.2"));
    complete(job, QStringLiteral("21.1"));
    QStringList choices;
    for (const Edge &e : wf().evaluate(job).choices)
        choices << e.choice;
    EXPECT_TRUE(choices.contains(QStringLiteral("refused_reschedule")));
    EXPECT_TRUE(choices.contains(QStringLiteral("refused_escalate")));
    // WHEN the customer flatly refuses THEN the job waits at 21.8 for the crew leader
    job.choose(QStringLiteral("21.1"), QStringLiteral("refused_escalate"),
               QStringLiteral("不同意换表"));
    CardProgress p = wf().progress(job, QStringLiteral("21.1"));
    EXPECT_TRUE(p.missing.contains(QStringLiteral("拒绝换表现场照片（门牌、已张贴的换表通知）")));
    job.capture(QStringLiteral("21.1"), QStringLiteral("refusal_photo"), QStringLiteral("sha"));
    const WorkflowState s = wf().evaluate(job);
    EXPECT_EQ(s.status, JobStatus::WaitingAppointment);
    EXPECT_EQ(s.currentCard, "21.8");
    EXPECT_EQ(s.path.last().reason, "不同意换表");
    // AND 21.8 asks for the crew leader's coordination, signed by the crew leader
    p = wf().progress(job, QStringLiteral("21.8"));
    EXPECT_TRUE(p.missing.contains(QStringLiteral("施工负责人协调结果（协调人、时间、客户意见）")));
    EXPECT_TRUE(
        p.missing.contains(QStringLiteral("施工负责人签字（协调结果，用本人账号登录后签）")));
}

TEST_F(ManualOrder, BrokenSealsStopTheSwapAndHandTheMeterToTheInspection)
{
    JobSnapshot job;
    job.choose(QStringLiteral("21.1"), QStringLiteral("home"), {});
    job.choose(QStringLiteral("21.2"), QStringLiteral("single_phase"), {});
    walkTo(job, QStringLiteral("21.3"));
    complete(job, QStringLiteral("21.3"));
    // GIVEN the old meter's seals are broken
    job.evidence[QStringLiteral("21.3")][QStringLiteral("old_seals_intact")] = {
        QStringLiteral("no")};
    CardProgress p = wf().progress(job, QStringLiteral("21.3"));
    EXPECT_FALSE(p.canComplete);
    EXPECT_TRUE(p.missing.contains(QStringLiteral("移交用电检查（接收人、部门、时间）")));
    for (const char *key : {"inspection_handoff", "customer_told_seals"})
        job.capture(QStringLiteral("21.3"), QString::fromLatin1(key), QStringLiteral("text"));
    for (int i = 0; i < 2; ++i)
        job.capture(QStringLiteral("21.3"), QStringLiteral("seal_anomaly_photos"),
                    QStringLiteral("sha"));
    // THEN the swap stops: the job waits (21.8), the meter is not swapped
    WorkflowState s = wf().evaluate(job);
    EXPECT_EQ(s.status, JobStatus::WaitingAppointment);
    EXPECT_EQ(s.currentCard, "21.8");
    EXPECT_EQ(s.path.last().choice, "");
    EXPECT_EQ(s.path.last().when, "no.21.3.old_seals_intact");
    EXPECT_TRUE(
        wf().progress(job, QStringLiteral("21.8"))
            .missing.contains(QStringLiteral("用电检查处理结论（处理人、结论、可否换表）")));
    // WHEN the inspection has concluded and the crew comes back THEN 21.3 is checked again
    complete(job, QStringLiteral("21.8"));
    s = wf().evaluate(job);
    EXPECT_EQ(s.currentCard, "21.3");
    EXPECT_FALSE(s.problem.isEmpty());
    job.capture(QStringLiteral("21.3"), QStringLiteral("old_seals_intact"), QStringLiteral("yes"));
    job.choose(QStringLiteral("21.3"), QStringLiteral("own_switch"), {});
    EXPECT_EQ(wf().evaluate(job).currentCard, "21.4");
}

TEST_F(ManualOrder, AFaultyNewMeterIsSwappedAgainAndReturnedWithItsFault)
{
    JobSnapshot job;
    complete(job, QStringLiteral("21.4"));
    job.evidence[QStringLiteral("21.4")][QStringLiteral("new_meter_running")] = {
        QStringLiteral("no")};
    const CardProgress p = wf().progress(job, QStringLiteral("21.4"));
    EXPECT_TRUE(p.missing.contains(QStringLiteral("故障新表资产编号")));
    EXPECT_TRUE(p.missing.contains(QStringLiteral("故障现象（黑屏 / 报警代码 / 不计量…）")));
    EXPECT_TRUE(catalog().card(QStringLiteral("21.4"))->forms.contains(QStringLiteral("24")));
    // WHEN the fault is recorded and the second meter runs THEN the swap goes on
    job.capture(QStringLiteral("21.4"), QStringLiteral("faulty_meter_asset"),
                QStringLiteral("1100000143210000100001"));
    job.capture(QStringLiteral("21.4"), QStringLiteral("faulty_meter_fault"),
                QStringLiteral("黑屏"));
    job.capture(QStringLiteral("21.4"), QStringLiteral("faulty_meter_photo"),
                QStringLiteral("sha"));
    EXPECT_EQ(wf().nextEdge(job, QStringLiteral("21.4")).value().choice, "faulty_new_meter");
    job.capture(QStringLiteral("21.4"), QStringLiteral("new_meter_running"), QStringLiteral("yes"));
    EXPECT_EQ(wf().nextEdge(job, QStringLiteral("21.4")).value().to, "21.5");
}

TEST_F(ManualOrder, AMismatchRecheckThatFindsNoneGoesBackToTheNormalSwap)
{
    JobSnapshot job;
    job.customer.mismatch = true;
    complete(job, QStringLiteral("22.1"));
    EXPECT_EQ(wf().nextEdge(job, QStringLiteral("22.1")).value().to, "22.2");
    job.evidence[QStringLiteral("22.1")][QStringLiteral("mismatch_confirmed")] = {
        QStringLiteral("no")};
    EXPECT_FALSE(wf().progress(job, QStringLiteral("22.1")).canComplete); // the reason is needed
    job.capture(QStringLiteral("22.1"), QStringLiteral("no_mismatch_reason"),
                QStringLiteral("客户已补购"));
    EXPECT_EQ(wf().nextEdge(job, QStringLiteral("22.1")).value().to, "21.1");
}

TEST_F(ManualOrder, AFollowUpCallThatFindsADefectOpensRectification)
{
    JobSnapshot job;
    complete(job, QStringLiteral("41.1"));
    const Result<Edge> none = wf().nextEdge(job, QStringLiteral("41.1"));
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error().code, "workflow.end"); // no defect: the follow-up closes the job
    job.evidence[QStringLiteral("41.1")][QStringLiteral("no_defect_reported")] = {
        QStringLiteral("no")};
    job.capture(QStringLiteral("41.1"), QStringLiteral("defect_reported"),
                QStringLiteral("表箱门关不上"));
    EXPECT_EQ(wf().nextEdge(job, QStringLiteral("41.1")).value().to, "42.1");
}

TEST_F(ManualOrder, TheSwapCardNamesTheSafetyStepsForEachWayOfIsolatingTheMeter)
{
    JobSnapshot job;
    job.choose(QStringLiteral("21.2"), QStringLiteral("single_phase"), {});
    complete(job, QStringLiteral("21.3"));
    QStringList choices;
    for (const Edge &e : wf().userChoices(QStringLiteral("21.3")))
        choices << e.choice;
    EXPECT_EQ(choices, (QStringList{"own_switch", "box_outage", "live_work", "replace_switch"}));
    const Card *c214 = catalog().card(QStringLiteral("21.4"));
    int safetySteps = 0;
    for (const Step &st : c214->steps)
        safetySteps += st.safety ? 1 : 0;
    EXPECT_GE(safetySteps, 8);
    auto missingOn214 = [&](const QString &isolation) {
        JobSnapshot j = job;
        j.choose(QStringLiteral("21.3"), isolation, {});
        return wf().progress(j, QStringLiteral("21.4")).missing;
    };
    // a meter with its own switch: supervisor named, load side first, both sides dead, tag photo
    QStringList m = missingOn214(QStringLiteral("own_switch"));
    for (const char *label :
         {"监护人姓名（两人作业，一人监护）", "已戴安全帽、护目镜、绝缘手套，穿绝缘鞋",
          "相邻带电表位、母排已用绝缘罩或隔板遮蔽", "已先断开负荷侧（表后）开关，再断开电源侧开关",
          "已验明电源侧、负荷侧都无电压", "断开的开关把手上“禁止合闸，有人工作”标示牌照片",
          "送电前已拆除遮蔽、清点人员工具、摘下标示牌"})
        EXPECT_TRUE(m.contains(QString::fromUtf8(label))) << label;
    EXPECT_FALSE(m.contains(QStringLiteral("带电作业许可人及许可时间")));
    // no switch per meter: box-wide outage with the neighbours told, or live work with its permit
    EXPECT_TRUE(missingOn214(QStringLiteral("box_outage"))
                    .contains(QStringLiteral("整箱停电已通知的户数及方式")));
    m = missingOn214(QStringLiteral("live_work"));
    EXPECT_TRUE(m.contains(QStringLiteral("带电作业许可人及许可时间")));
    EXPECT_TRUE(m.contains(QStringLiteral("已断开表后开关，表计空载后再拆接线")));
    EXPECT_FALSE(m.contains(QStringLiteral("已验明电源侧、负荷侧都无电压")));
    // replacing the switch itself: the upstream isolation point is recorded
    EXPECT_TRUE(missingOn214(QStringLiteral("replace_switch"))
                    .contains(QStringLiteral("上一级停电点（断开的开关、操作人）")));
}

TEST_F(ManualOrder, ASafetyCheckAnsweredNoBlocksEvenWhereTheCardHasAFailureBranch)
{
    JobSnapshot job;
    job.choose(QStringLiteral("21.2"), QStringLiteral("single_phase"), {});
    job.choose(QStringLiteral("21.3"), QStringLiteral("own_switch"), {});
    complete(job, QStringLiteral("21.4"));
    job.evidence[QStringLiteral("21.4")][QStringLiteral("adjacent_live_covered")] = {
        QStringLiteral("no")};
    const CardProgress p = wf().progress(job, QStringLiteral("21.4"));
    EXPECT_FALSE(p.canComplete);
    EXPECT_TRUE(p.missing.contains(
        QStringLiteral("相邻带电表位、母排已用绝缘罩或隔板遮蔽：必须确认为“是”才能继续")));
    EXPECT_FALSE(
        p.missing.contains(QStringLiteral("故障新表资产编号"))); // not the faulty-meter branch
}

TEST_F(ManualOrder, ACtConnectedMeterNeedsItsRatioTheShortedSecondaryAndAWiringCheck)
{
    JobSnapshot job;
    job.choose(QStringLiteral("21.2"), QStringLiteral("three_phase_ct"), {});
    job.choose(QStringLiteral("21.3"), QStringLiteral("own_switch"), {});
    const QStringList m213 = wf().progress(job, QStringLiteral("21.3")).missing;
    for (const char *label :
         {"电流互感器变比", "倍率（一次电流 ÷ 二次电流）", "电流互感器铭牌照片（变比可见）"})
        EXPECT_TRUE(m213.contains(QString::fromUtf8(label))) << label;
    const QStringList m214 = wf().progress(job, QStringLiteral("21.4")).missing;
    for (const char *label : {"拆表前已在联合接线盒短接电流回路、断开电压连片",
                              "新表接好后已合上电压连片、拆除电流短接片",
                              "新表相序正确，无逆相序告警", "新表 A 相电压", "新表 C 相电流"})
        EXPECT_TRUE(m214.contains(QString::fromUtf8(label))) << label;
    // a three-phase direct meter: the wiring check, no CT steps; a single-phase meter: neither
    job.choose(QStringLiteral("21.2"), QStringLiteral("three_phase_direct"), {});
    QStringList m = wf().progress(job, QStringLiteral("21.4")).missing;
    EXPECT_TRUE(m.contains(QStringLiteral("新表相序正确，无逆相序告警")));
    EXPECT_FALSE(m.contains(QStringLiteral("拆表前已在联合接线盒短接电流回路、断开电压连片")));
    job.choose(QStringLiteral("21.2"), QStringLiteral("single_phase"), {});
    m = wf().progress(job, QStringLiteral("21.4")).missing;
    EXPECT_FALSE(m.contains(QStringLiteral("新表相序正确，无逆相序告警")));
    EXPECT_FALSE(wf().progress(job, QStringLiteral("21.3"))
                     .missing.contains(QStringLiteral("电流互感器变比")));
}

TEST_F(ManualOrder, ADeadDisplayIsPhotographedAndTheReadingsSourceRecordedWithoutStoppingTheSwap)
{
    JobSnapshot job;
    job.choose(QStringLiteral("21.2"), QStringLiteral("single_phase"), {});
    job.choose(QStringLiteral("21.3"), QStringLiteral("own_switch"), {});
    complete(job, QStringLiteral("21.3"));
    job.evidence[QStringLiteral("21.3")][QStringLiteral("old_display_readable")] = {
        QStringLiteral("no")};
    const CardProgress p = wf().progress(job, QStringLiteral("21.3"));
    EXPECT_TRUE(p.missing.contains(QStringLiteral("旧表黑屏或烧损的显示照片")));
    EXPECT_TRUE(p.missing.contains(
        QStringLiteral("止码取得方式（红外/485 冻结数据；或采集系统示数、日期及内勤确认人）")));
    job.capture(QStringLiteral("21.3"), QStringLiteral("dead_display_photo"),
                QStringLiteral("sha"));
    job.capture(QStringLiteral("21.3"), QStringLiteral("old_reading_basis"),
                QStringLiteral("485 读取日冻结"));
    // the "no" is an expected answer with its own evidence: the swap goes on, not to 用电检查
    EXPECT_EQ(wf().nextEdge(job, QStringLiteral("21.3")).value().to, "21.4");
}
