// The job service over a real store and the real catalog: every action is one transaction,
// announced once after its commit, with the session already showing what was committed; task
// cards are recorded on the task; the rules (what a card needs, values, choices) refuse an action
// before anything is written.
#include "jobsessionfixture.h"

#include "common/portreading.h"

using namespace ms;
using namespace ms::test;

TEST_F(JobServiceTest, EveryActionOnAJobIsOneTransactionAnnouncedOnceAfterItsCommit)
{
    const QString c201 = QStringLiteral("20.1");
    // a step
    expectOneAction(
        "setStep", [&] { return session->setStep(c201, 0, true); },
        [&] { return session->progress(c201).steps.at(0).done; });
    // a check, a photo, a video, a signature
    expectOneAction(
        "check",
        [&] {
            return session->addValue(c201, QStringLiteral("work_ticket_permitted"),
                                     QStringLiteral("yes"));
        },
        [&] {
            return session->evidence(c201, QStringLiteral("work_ticket_permitted")).size() == 1;
        });
    expectOneAction(
        "photo", [&] { return session->addPhoto(c201, QStringLiteral("box_before"), photo(1)); },
        [&] { return session->evidence(c201, QStringLiteral("box_before")).size() == 1; });
    expectOneAction("video", [&] {
        return session->addVideo(QStringLiteral("21.9"), QStringLiteral("witness_video"),
                                 QByteArray(4000, 'v'), QStringLiteral("video/mp4"));
    });
    SignatureArtifact art;
    art.png = QByteArray("png-strokes") + QByteArray(500, 's');
    art.pointsJson = R"({"format":1,"strokes":[]})";
    expectOneAction("signature", [&] {
        return session->addSignature(QStringLiteral("21.5"), QStringLiteral("customer_signature"),
                                     art, session->signatureSummary());
    });
    // typed values: a barcode, a reading, a phone number, a seal number (also a seal)
    const QString c213 = QStringLiteral("21.3");
    expectOneAction("barcode", [&] {
        return session->addValue(c213, QStringLiteral("old_meter_asset"),
                                 QStringLiteral("1100000143210000100000"));
    });
    expectOneAction(
        "typed reading",
        [&] {
            return session->addValue(c213, QStringLiteral("old_final_total"),
                                     QStringLiteral("12345.67"));
        },
        [&] { return session->latestReading(QStringLiteral("old")) == QLatin1String("12345.67"); });
    expectOneAction("text", [&] {
        return session->addValue(QStringLiteral("21.5"), QStringLiteral("customer_phone"),
                                 QStringLiteral("13812345678"));
    });
    expectOneAction(
        "seal number",
        [&] {
            return session->addValue(QStringLiteral("29.1"), QStringLiteral("seal_numbers"),
                                     QStringLiteral("BJ2026000101"));
        },
        [&] { return session->seals().size() == 1; });
    EXPECT_EQ(session->seals().value(0).position, QStringLiteral("terminal_cover"));
    // a reading over the port: the frames file and every register, in the one transaction
    expectOneAction("meter read", [&] {
        return session->addMeterRead(c213, QStringLiteral("old_final_total"), portReading(), {},
                                     QString());
    });
    QList<Evidence> read = valueOf(store().evidence().list(RecordOwner::job(m_job), c213));
    EXPECT_EQ(std::count_if(read.cbegin(), read.cend(),
                            [](const Evidence &e) { return e.kind == EvidenceKind::MeterFrames; }),
              1);
    EXPECT_EQ(session->latestReading(QStringLiteral("old")), QStringLiteral("1234.56"));
    // a branch
    expectOneAction(
        "choose",
        [&] {
            return session->choose(QStringLiteral("21.1"), QStringLiteral("home"),
                                   QStringLiteral("在家"));
        },
        [&] {
            return session->snapshot().choices.value(QStringLiteral("21.1")).choice ==
                   QLatin1String("home");
        });
    // completing a card
    ASSERT_NO_FATAL_FAILURE(fillCard(c201));
    Result<QString> next = QString();
    expectOneAction("completeCard", [&] {
        next = session->completeCard(c201);
        return next;
    });
    EXPECT_EQ(next.value(), QStringLiteral("20.2"));
    // AND every row is the job's, made by the acting user, and the job's state was saved with it
    for (const Evidence &e : valueOf(store().evidence().list(RecordOwner::job(m_job)))) {
        EXPECT_EQ(e.jobId, m_job);
        EXPECT_EQ(e.taskId, 0);
        EXPECT_EQ(e.userUuid, kActor.uuid);
    }
    const Job job = *store().jobs().byId(m_job);
    EXPECT_EQ(job.status, JobStatus::InProgress);
    EXPECT_EQ(job.currentCard, QStringLiteral("20.2"));
    EXPECT_EQ(session->job().version, job.version);
    EXPECT_TRUE(job.startedAt.isValid());
}

TEST_F(JobServiceTest, ATasksCardsAreRecordedOnTheTaskOneTransactionPerAction)
{
    // GIVEN the task's own cards (台区/任务作业卡)
    ASSERT_NO_FATAL_FAILURE(openTask());
    const QString c24 = QStringLiteral("2.4");
    EXPECT_TRUE(session->ownerOf(c24).isTask());
    expectOneAction("task step", [&] { return session->setStep(c24, 0, true); });
    expectOneAction("task value", [&] {
        return session->addValue(c24, QStringLiteral("location_text"), QStringLiteral("楼道东侧"));
    });
    expectOneAction("task photo", [&] {
        return session->addPhoto(c24, QStringLiteral("location_photo"), photo(7));
    });
    expectOneAction("task choice",
                    [&] { return session->choose(c24, QStringLiteral("surface"), {}); });
    ASSERT_NO_FATAL_FAILURE(fillCard(c24));
    // WHEN the card is completed
    Result<QString> next = QString();
    expectOneAction(
        "task completeCard",
        [&] {
            next = session->completeCard(c24);
            return next;
        },
        [&] {
            return session->taskCards().find(QStringLiteral("2.4"))->status == TaskCardStatus::Done;
        });
    // THEN it goes on to 4.1 (surface), and everything is the task's, nothing a job's
    EXPECT_EQ(next.value(), QStringLiteral("4.1"));
    EXPECT_TRUE(store().taskCards().card(m_task, c24)->completedAt.isValid());
    EXPECT_FALSE(valueOf(store().steps().list(RecordOwner::task(m_task), c24)).isEmpty());
    EXPECT_EQ(valueOf(store().evidence().list(RecordOwner::task(m_task))).size(), 4);
    EXPECT_TRUE(valueOf(store().evidence().list(RecordOwner::job(m_job))).isEmpty());
    // AND a job session of the task sees the task's card done, and writes such cards on the task
    ASSERT_NO_FATAL_FAILURE(openJob());
    EXPECT_TRUE(session->ownerOf(QStringLiteral("19.1")).isTask());
    EXPECT_FALSE(session->ownerOf(QStringLiteral("21.3")).isTask());
    EXPECT_EQ(session->taskCards().find(c24)->status, TaskCardStatus::Done);
    expectOneAction(
        "concentrator seal from a job",
        [&] {
            return session->addValue(QStringLiteral("19.1"), QStringLiteral("concentrator_seals"),
                                     QStringLiteral("JZQ00071"));
        },
        [&] { return session->taskSeals().size() == 1; });
    EXPECT_TRUE(session->seals().isEmpty());
    EXPECT_EQ(valueOf(store().seals().list(RecordOwner::task(m_task))).value(0).position,
              QStringLiteral("concentrator"));
}

TEST_F(JobServiceTest, ACardThatCannotBeCompletedYetIsRefusedWithWhatIsMissingOnceForJobsAndTasks)
{
    // WHEN a job's card and a task's card are completed before anything is recorded
    const Error job =
        expectRefused("job card", [&] { return session->completeCard(QStringLiteral("20.1")); });
    ASSERT_NO_FATAL_FAILURE(openTask());
    const Error task =
        expectRefused("task card", [&] { return session->completeCard(QStringLiteral("2.4")); });
    // THEN both say the same way what is missing (one rule: Workflow::checkComplete)
    EXPECT_EQ(job.code, QStringLiteral("workflow.incomplete"));
    EXPECT_EQ(task.code, QStringLiteral("workflow.incomplete"));
    EXPECT_TRUE(job.message.startsWith(QStringLiteral("卡片 20.1 还不能完成，还缺：")))
        << job.message.toStdString();
    EXPECT_TRUE(task.message.startsWith(QStringLiteral("卡片 2.4 还不能完成，还缺：")))
        << task.message.toStdString();
    EXPECT_TRUE(job.message.contains(
        catalog().card(QStringLiteral("20.1"))->requirement(QStringLiteral("box_before"))->label));
    // AND a decision not made yet is named too
    ASSERT_NO_FATAL_FAILURE(fillCard(QStringLiteral("2.4")));
    const Error undecided =
        expectRefused("undecided", [&] { return session->completeCard(QStringLiteral("2.4")); });
    EXPECT_TRUE(undecided.message.contains(QStringLiteral("请选择下一步怎么走")))
        << undecided.message.toStdString();
    EXPECT_EQ(Workflow::blockers(session->progress(QStringLiteral("2.4"))),
              QStringList{QStringLiteral("请选择下一步怎么走")});
}

TEST_F(JobServiceTest, BadValuesUnknownRequirementsAndChoicesAreRefusedBeforeAnythingIsWritten)
{
    const QString c213 = QStringLiteral("21.3");
    EXPECT_EQ(expectRefused("not a number",
                            [&] {
                                return session->addValue(c213, QStringLiteral("old_final_total"),
                                                         QStringLiteral("12a"));
                            })
                  .code,
              QStringLiteral("value.invalid"));
    EXPECT_EQ(expectRefused("bad barcode",
                            [&] {
                                return session->addValue(c213, QStringLiteral("old_meter_asset"),
                                                         QStringLiteral("12"));
                            })
                  .code,
              QStringLiteral("value.invalid"));
    EXPECT_EQ(expectRefused("unknown requirement",
                            [&] {
                                return session->addValue(c213, QStringLiteral("nope"),
                                                         QStringLiteral("1"));
                            })
                  .code,
              QStringLiteral("service.unknown_requirement"));
    EXPECT_EQ(expectRefused("photo for a check",
                            [&] {
                                return session->addPhoto(c213, QStringLiteral("old_seals_intact"),
                                                         photo(1));
                            })
                  .code,
              QStringLiteral("service.wrong_kind"));
    EXPECT_EQ(expectRefused("no such step", [&] { return session->setStep(c213, 99, true); }).code,
              QStringLiteral("service.unknown_step"));
    EXPECT_EQ(expectRefused("no such choice",
                            [&] {
                                return session->choose(QStringLiteral("21.1"),
                                                       QStringLiteral("maybe"), {});
                            })
                  .code,
              QStringLiteral("workflow.unknown_choice"));
    EXPECT_EQ(expectRefused("read for a check",
                            [&] {
                                return session->addMeterRead(c213,
                                                             QStringLiteral("old_seals_intact"),
                                                             portReading(), {}, {});
                            })
                  .code,
              QStringLiteral("service.wrong_kind"));
    // AND a value outside the usual range is saved only once the person confirms it
    ASSERT_NO_FATAL_FAILURE(openTask());
    const QString c24 = QStringLiteral("2.4");
    const Error implausible = expectRefused("implausible", [&] {
        return session->addValue(c24, QStringLiteral("concentrator_count"), QStringLiteral("9"));
    });
    EXPECT_EQ(implausible.code, QStringLiteral("value.implausible"));
    EXPECT_TRUE(implausible.message.contains(QStringLiteral("超出通常范围")))
        << implausible.message.toStdString();
    expectOneAction("confirmed", [&] {
        return session->addValue(c24, QStringLiteral("concentrator_count"), QStringLiteral(" 9 "),
                                 QJsonObject{{QStringLiteral("confirmed_implausible"), true}});
    });
    const Evidence saved = session->evidence(c24, QStringLiteral("concentrator_count")).value(0);
    EXPECT_EQ(saved.value, QStringLiteral("9"));
    EXPECT_TRUE(saved.meta.value(QStringLiteral("confirmed_implausible")).toBool());
    EXPECT_EQ(saved.meta.value(QStringLiteral("source")).toString(), QStringLiteral("manual"));
}

TEST_F(JobServiceTest, TheSupervisorAndTheCrewLeaderSignOnlyUnderTheirOwnSignIn)
{
    SignatureArtifact art;
    art.png = QByteArray("png-strokes") + QByteArray(500, 's');
    art.pointsJson = R"({"format":1,"strokes":[]})";
    const QString c274 = QStringLiteral("27.4");
    const QString key = QStringLiteral("supervisor_signature");
    // GIVEN the installer signed in on the crew's tablet
    session.reset();
    const Actor installer{
        QStringLiteral("u-li"), QStringLiteral("李强"), {QStringLiteral("installer")}};
    session = valueOf(JobSession::open(store(), catalog(), *m_workflow, installer, m_job));
    // WHEN the supervisor's signature is asked under the installer's sign-in THEN it is refused,
    // naming whose signature it is and what to do
    const Error refused = expectRefused("installer signs for the supervisor", [&] {
        return session->addSignature(c274, key, art, session->signatureSummary());
    });
    EXPECT_EQ(refused.code, QStringLiteral("service.wrong_signer"));
    EXPECT_TRUE(refused.message.contains(QStringLiteral("工程监理人员本人")))
        << refused.message.toStdString();
    EXPECT_TRUE(refused.message.contains(QStringLiteral("用自己的账号登录")));
    // AND the crew leader's acceptance signature is not the installer's either
    EXPECT_EQ(expectRefused("installer signs for the crew leader",
                            [&] {
                                return session->addSignature(QStringLiteral("28.6"),
                                                             QStringLiteral("acceptor_signature"),
                                                             art, session->signatureSummary());
                            })
                  .code,
              QStringLiteral("service.wrong_signer"));
    // WHEN the supervisor signs in (same tablet) THEN the signature is taken and is the
    // supervisor's
    session.reset();
    const Actor supervisor{
        QStringLiteral("u-zhao"), QStringLiteral("赵监理"), {QStringLiteral("supervisor")}};
    session = valueOf(JobSession::open(store(), catalog(), *m_workflow, supervisor, m_job));
    expectOneAction("supervisor signs", [&] {
        return session->addSignature(c274, key, art, session->signatureSummary());
    });
    EXPECT_EQ(session->evidence(c274, key).value(0).userUuid, QStringLiteral("u-zhao"));
}

TEST_F(JobServiceTest, TheSealedOldMetersSealIsReEnteredAtTheHandOverAndMustMatch)
{
    // GIVEN 24.3 recorded the custody bag's seal
    expectOneAction("custody seal", [&] {
        return session->addValue(QStringLiteral("24.3"), QStringLiteral("old_meter_custody_seal"),
                                 QStringLiteral("BJ2611001"));
    });
    // WHEN the crew leader re-enters another number at the hand-over THEN it is refused, saying
    // what was recorded and what to do
    const Error wrong = expectRefused("wrong seal", [&] {
        return session->addValue(QStringLiteral("24.6"), QStringLiteral("custody_seal_reentered"),
                                 QStringLiteral("BJ2611009"));
    });
    EXPECT_EQ(wrong.code, QStringLiteral("value.mismatch"));
    EXPECT_TRUE(wrong.message.contains(QStringLiteral("BJ2611001"))) << wrong.message.toStdString();
    EXPECT_TRUE(wrong.message.contains(QStringLiteral("核对实物")));
    // AND the right number is taken, without becoming a second seal of the job
    const qsizetype seals = session->seals().size();
    expectOneAction("right seal", [&] {
        return session->addValue(QStringLiteral("24.6"), QStringLiteral("custody_seal_reentered"),
                                 QStringLiteral("BJ2611001"));
    });
    EXPECT_EQ(session->seals().size(), seals);
}
