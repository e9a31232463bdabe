// The engineer's progress (issue 14 §5) and what a job's review page shows of other devices'
// work on the same customer, against the real meterswap-office process: figures checked against
// a planted set of jobs whose verdicts are known.
#include "officefixture.h"

using namespace ms;
using namespace ms::test;

using OfficeProgressTest = OfficeFixture;

namespace {
QJsonObject sendBackBody(const QString &reason)
{
    return {{QStringLiteral("decision_uuid"), uuid()},
            {QStringLiteral("items"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("card"), QStringLiteral("21.4")},
                             {QStringLiteral("requirement"), QStringLiteral("new_meter_installed")},
                             {QStringLiteral("reason"), reason}}}}};
}
QJsonObject approveBody()
{
    return {{QStringLiteral("decision_uuid"), uuid()}};
}

QJsonObject byKey(const QJsonArray &rows, const QString &key, const QString &value)
{
    for (const QJsonValue &r : rows)
        if (r[key].toString() == value)
            return r.toObject();
    return {};
}
} // namespace

TEST_F(OfficeProgressTest, ProgressCountsStatesPassRateReasonsAndFirstTimeRightOfAPlantedSet)
{
    // GIVEN task A (一班, zhang): a1 approved at once; a2 sent back (照片模糊), resubmitted on
    // 11-07 and approved; a3 sent back (读数与照片不符) and not yet redone; task B (二班, li): b1
    // waiting. And one job of task A never submitted (not counted).
    QString taskA, taskB;
    const QString a1 = submittedJob(m_zhang, QStringLiteral("一班"), QStringLiteral("A1"),
                                    QStringLiteral("2026-11-05T08:00:00.000Z"), &taskA);
    const QString a2 = uuid(), a3 = uuid(), idle = uuid();
    const QJsonObject a1Page =
        request("GET", api(QStringLiteral("office/jobs/") + a1), m_clerk).json();
    const QString customer = a1Page.value(QStringLiteral("customer"))
                                 .toObject()
                                 .value(QStringLiteral("uuid"))
                                 .toString();
    ASSERT_FALSE(customer.isEmpty());
    // (a2, a3 and the idle job are further households of the same task; their customer is a1's:
    // the figures count jobs, not customers)
    pushJob(m_zhang, a2, 1, taskA, customer, 1, QStringLiteral("2026-11-05T09:00:00.000Z"));
    pushJob(m_zhang, a3, 1, taskA, customer, 1, QStringLiteral("2026-11-06T08:00:00.000Z"));
    pushJob(m_zhang, idle, 1, taskA, customer, 0, QString());
    const QString b1 = submittedJob(m_li, QStringLiteral("二班"), QStringLiteral("B1"),
                                    QStringLiteral("2026-11-06T10:00:00.000Z"), &taskB);
    const auto decide = [&](const QString &job, const QString &what, const QJsonObject &body) {
        const Http r = post(QStringLiteral("office/jobs/%1/%2").arg(job, what), m_clerk, body);
        ASSERT_EQ(r.status, 200) << r.body.constData();
    };
    decide(a1, QStringLiteral("approve"), approveBody());
    decide(a2, QStringLiteral("send-back"), sendBackBody(QStringLiteral("照片模糊")));
    pushJob(m_zhang, a2, 2, taskA, customer, 2, QStringLiteral("2026-11-07T08:00:00.000Z"));
    decide(a2, QStringLiteral("approve"), approveBody());
    decide(a3, QStringLiteral("send-back"), sendBackBody(QStringLiteral("读数与照片不符")));

    // WHEN the engineer asks for progress
    const Http all = request("GET", api(QStringLiteral("office/progress")), m_engineer);
    ASSERT_EQ(all.status, 200) << all.body.constData();
    const QJsonArray tasks = all.json().value(QStringLiteral("tasks")).toArray();
    ASSERT_EQ(tasks.size(), 2) << all.body.constData();
    // THEN task A: 3 submitted jobs (2 approved, 1 sent back), 4 verdicts of which 2 approvals,
    // first time right 1 of the 2 approved, both reasons once
    const QJsonObject a = byKey(tasks, QStringLiteral("task_uuid"), taskA);
    EXPECT_EQ(a.value(QStringLiteral("task_name")).toString(), QStringLiteral("台区 A1"));
    EXPECT_EQ(a.value(QStringLiteral("jobs")).toInt(), 3);
    EXPECT_EQ(a.value(QStringLiteral("states")).toObject(),
              (QJsonObject{{QStringLiteral("approved"), 2}, {QStringLiteral("sent_back"), 1}}));
    EXPECT_EQ(a.value(QStringLiteral("reviews")).toInt(), 4);
    EXPECT_EQ(a.value(QStringLiteral("approvals")).toInt(), 2);
    EXPECT_DOUBLE_EQ(a.value(QStringLiteral("pass_rate")).toDouble(), 0.5);
    EXPECT_DOUBLE_EQ(a.value(QStringLiteral("first_time_right")).toDouble(), 0.5);
    const QJsonArray reasons = a.value(QStringLiteral("top_send_back_reasons")).toArray();
    ASSERT_EQ(reasons.size(), 2);
    EXPECT_EQ(reasons.at(0)[QStringLiteral("count")].toInt(), 1);
    QStringList reasonTexts{reasons.at(0)[QStringLiteral("reason")].toString(),
                            reasons.at(1)[QStringLiteral("reason")].toString()};
    reasonTexts.sort();
    EXPECT_EQ(reasonTexts,
              (QStringList{QStringLiteral("照片模糊"), QStringLiteral("读数与照片不符")}));
    // AND task B: one waiting job, no verdict yet: rates are null, not 0
    const QJsonObject b = byKey(tasks, QStringLiteral("task_uuid"), taskB);
    EXPECT_EQ(b.value(QStringLiteral("jobs")).toInt(), 1);
    EXPECT_EQ(b.value(QStringLiteral("states")).toObject(),
              (QJsonObject{{QStringLiteral("submitted"), 1}}));
    EXPECT_TRUE(b.value(QStringLiteral("pass_rate")).isNull());
    EXPECT_TRUE(b.value(QStringLiteral("first_time_right")).isNull());
    EXPECT_TRUE(b.value(QStringLiteral("top_send_back_reasons")).toArray().isEmpty());
    // AND per crew per day (the day of the job's latest submission): 一班 11-05 a1, 11-06 a3,
    // 11-07 a2; 二班 11-06 b1
    QStringList crewDays;
    for (const QJsonValue &r : all.json().value(QStringLiteral("crews")).toArray())
        crewDays << QStringLiteral("%1 %2 %3")
                        .arg(r[QStringLiteral("crew")].toString(),
                             r[QStringLiteral("day")].toString())
                        .arg(r[QStringLiteral("jobs")].toInt());
    crewDays.sort();
    EXPECT_EQ(
        crewDays,
        (QStringList{QStringLiteral("一班 2026-11-05 1"), QStringLiteral("一班 2026-11-06 1"),
                     QStringLiteral("一班 2026-11-07 1"), QStringLiteral("二班 2026-11-06 1")}));
    // AND the filters: one task; one day (both crews' jobs submitted that day)
    const QJsonArray onlyB =
        request("GET", api(QStringLiteral("office/progress?task=") + taskB), m_engineer)
            .json()
            .value(QStringLiteral("tasks"))
            .toArray();
    ASSERT_EQ(onlyB.size(), 1);
    EXPECT_EQ(onlyB.at(0)[QStringLiteral("task_uuid")].toString(), taskB);
    int jobsThatDay = 0;
    for (const QJsonValue &t :
         request("GET", api(QStringLiteral("office/progress?from=2026-11-06&to=2026-11-06")),
                 m_engineer)
             .json()
             .value(QStringLiteral("tasks"))
             .toArray())
        jobsThatDay += t[QStringLiteral("jobs")].toInt();
    EXPECT_EQ(jobsThatDay, 2);
    EXPECT_EQ(request("GET", api(QStringLiteral("office/progress?to=11/06")), m_engineer).status,
              400);
    Q_UNUSED(b1);
}

TEST_F(OfficeProgressTest, AJobPageShowsASecondDevicesWorkOnTheSameCustomer)
{
    // GIVEN the installer's submitted job, and a supervisor's tablet (tablet-02) that made its
    // own job record for the same customer with a photo of its own
    QString task;
    const QString job = submittedJob(m_zhang, QStringLiteral("一班"), QStringLiteral("0100000077"),
                                     QStringLiteral("2026-11-05T08:00:00.000Z"), &task);
    const QString customer = request("GET", api(QStringLiteral("office/jobs/") + job), m_clerk)
                                 .json()
                                 .value(QStringLiteral("customer"))
                                 .toObject()
                                 .value(QStringLiteral("uuid"))
                                 .toString();
    ASSERT_FALSE(customer.isEmpty());
    const QString check = uuid(), photo = uuid();
    pushJob(m_li, check, 1, task, customer, 0, QString());
    const QString file = sha(jpeg(70, 50));
    ASSERT_EQ(
        request(
            "PUT",
            api(QStringLiteral("blobs/%1?offset=0&total=%2").arg(file).arg(jpeg(70, 50).size())),
            m_li.token, jpeg(70, 50))
            .status,
        201);
    evidence(m_li, photo, check, QStringLiteral("21.4"), QStringLiteral("box_after"),
             QStringLiteral("photo"), {}, {}, {}, file);
    // WHEN the clerk opens the installer's job
    const Http page = request("GET", api(QStringLiteral("office/jobs/") + job), m_clerk);
    ASSERT_EQ(page.status, 200) << page.body.constData();
    // THEN the supervisor's job is shown beside it, by device and user, with its evidence;
    // the installer's own evidence is not mixed with it
    const QJsonArray others = page.json().value(QStringLiteral("other_jobs")).toArray();
    ASSERT_EQ(others.size(), 1) << page.body.constData();
    const QJsonObject other = others.first().toObject();
    EXPECT_EQ(other.value(QStringLiteral("uuid")).toString(), check);
    EXPECT_EQ(other.value(QStringLiteral("device")).toString(), QStringLiteral("tablet-02"));
    EXPECT_EQ(other.value(QStringLiteral("user")).toString(), QStringLiteral("li"));
    const QJsonArray theirs = other.value(QStringLiteral("evidence")).toArray();
    ASSERT_EQ(theirs.size(), 1);
    EXPECT_EQ(theirs.first()[QStringLiteral("uuid")].toString(), photo);
    EXPECT_EQ(theirs.first()[QStringLiteral("sha256")].toString(), file);
    for (const QJsonValue &e : page.json().value(QStringLiteral("evidence")).toArray())
        EXPECT_NE(e[QStringLiteral("uuid")].toString(), photo);
    // AND the supervisor's page names the installer's job in turn; a job alone has none
    const QJsonArray back = request("GET", api(QStringLiteral("office/jobs/") + check), m_clerk)
                                .json()
                                .value(QStringLiteral("other_jobs"))
                                .toArray();
    ASSERT_EQ(back.size(), 1);
    EXPECT_EQ(back.first()[QStringLiteral("uuid")].toString(), job);
    const QString alone =
        submittedJob(m_zhang, QStringLiteral("一班"), QStringLiteral("0100000078"),
                     QStringLiteral("2026-11-05T09:00:00.000Z"));
    const QJsonObject alonePage =
        request("GET", api(QStringLiteral("office/jobs/") + alone), m_clerk).json();
    EXPECT_TRUE(alonePage.contains(QStringLiteral("other_jobs")));
    EXPECT_TRUE(alonePage.value(QStringLiteral("other_jobs")).toArray().isEmpty());
}
