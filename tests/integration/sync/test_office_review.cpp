// The office roles' API (issue 14 §2–§5, §7) against the real meterswap-office process: tokens
// with roles, the review queue from the job projection, send-back validated against the catalog,
// decisions applied once, reviews pulled by the owning device only, the billing export once with
// an explicit re-export, thumbnails; and meterswapctl review/billing.
#include "officefixture.h"

#include <QFile>

using namespace ms;
using namespace ms::test;

using OfficeReviewTest = OfficeFixture;

TEST_F(OfficeReviewTest, EveryOfficeEndpointChecksTheRoleItNeeds)
{
    const QString job = submittedJob(m_zhang, QStringLiteral("一班"), QStringLiteral("0100000001"),
                                     QStringLiteral("2026-11-05T08:00:00.000Z"));
    const QString file = upload(jpeg(64, 48));
    const QByteArray decision = QJsonDocument(QJsonObject{{QStringLiteral("decision_uuid"), uuid()}}).toJson();
    const QList<std::pair<QByteArray, QString>> endpoints{
        {"GET", QStringLiteral("office/review/queue")}, {"GET", QStringLiteral("office/jobs/") + job},
        {"POST", QStringLiteral("office/jobs/%1/approve").arg(job)},
        {"POST", QStringLiteral("office/jobs/%1/send-back").arg(job)},
        {"POST", QStringLiteral("office/jobs/%1/billing-confirm").arg(job)},
        {"POST", QStringLiteral("office/jobs/%1/billing-send-back").arg(job)},
        {"GET", QStringLiteral("office/billing/queue")}, {"POST", QStringLiteral("office/billing/export")},
        {"GET", QStringLiteral("office/billing/exports")}, {"GET", QStringLiteral("office/progress")},
        {"GET", QStringLiteral("blobs/%1/thumb").arg(file)}, {"GET", QStringLiteral("blobs/%1/content").arg(file)}};
    // GIVEN a field tablet's token WHEN it calls any office endpoint THEN 403 auth.role, nothing done
    for (const auto &[verb, path] : endpoints) {
        const Http r = request(verb, api(path), m_zhang.token, verb == "POST" ? decision : QByteArray());
        EXPECT_EQ(r.status, 403) << path.toStdString() << " " << r.body.constData();
        EXPECT_EQ(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                  QStringLiteral("auth.role")) << path.toStdString();
    }
    // a clerk may not export billing; billing may not review; the message names the role
    const Http clerkExport = request("POST", api(QStringLiteral("office/billing/export")), m_clerk, "{}");
    EXPECT_EQ(clerkExport.status, 403);
    EXPECT_TRUE(clerkExport.body.contains("billing")) << clerkExport.body.constData();
    EXPECT_EQ(request("GET", api(QStringLiteral("office/review/queue")), m_billing).status, 403);
    EXPECT_EQ(request("GET", api(QStringLiteral("office/progress")), m_engineer).status, 200);
    // an office token cannot push field records; whoami names its roles
    const Http pushed = request("POST", api(QStringLiteral("records")), m_clerk, "{\"records\":[]}");
    EXPECT_EQ(pushed.status, 403) << pushed.body.constData();
    const Http who = request("GET", api(QStringLiteral("whoami")), m_clerk);
    EXPECT_EQ(who.json().value(QStringLiteral("roles")).toArray(), QJsonArray{QStringLiteral("office_clerk")});
    // the job was left as it was
    const Http queue = request("GET", api(QStringLiteral("office/review/queue")), m_clerk);
    ASSERT_EQ(queue.json().value(QStringLiteral("jobs")).toArray().size(), 1);
    // an unknown role is a usage error at token creation
    EXPECT_TRUE(officeToken(QStringLiteral("pc-9"), QStringLiteral("x"), QStringLiteral("cashier")).isEmpty());
}

TEST_F(OfficeReviewTest, QueueIsOldestFirstFilteredAndPaged)
{
    QString taskB;
    const QString c = submittedJob(m_zhang, QStringLiteral("一班"), QStringLiteral("03"), QStringLiteral("2026-11-07T08:00:00.000Z"));
    const QString a = submittedJob(m_zhang, QStringLiteral("一班"), QStringLiteral("01"), QStringLiteral("2026-11-05T08:00:00.000Z"));
    const QString b = submittedJob(m_li, QStringLiteral("二班"), QStringLiteral("02"), QStringLiteral("2026-11-06T08:00:00.000Z"), &taskB);
    const auto uuids = [](const Http &r) {
        QStringList out;
        for (const QJsonValue &v : r.json().value(QStringLiteral("jobs")).toArray())
            out << v.toObject().value(QStringLiteral("uuid")).toString();
        return out;
    };
    const Http all = request("GET", api(QStringLiteral("office/review/queue")), m_clerk);
    ASSERT_EQ(all.status, 200) << all.body.constData();
    EXPECT_EQ(uuids(all), (QStringList{a, b, c}));
    const QJsonObject first = all.json().value(QStringLiteral("jobs")).toArray().first().toObject();
    EXPECT_EQ(first.value(QStringLiteral("account_no")).toString(), QStringLiteral("01"));
    EXPECT_EQ(first.value(QStringLiteral("state")).toString(), QStringLiteral("submitted"));
    EXPECT_EQ(first.value(QStringLiteral("crew")).toString(), QStringLiteral("一班"));
    EXPECT_EQ(uuids(request("GET", api(QStringLiteral("office/review/queue?task=") + taskB), m_clerk)), QStringList{b});
    EXPECT_EQ(uuids(request("GET", api(QStringLiteral("office/review/queue?crew=%E4%B8%80%E7%8F%AD")), m_clerk)),
              (QStringList{a, c}));
    EXPECT_EQ(uuids(request("GET", api(QStringLiteral("office/review/queue?from=2026-11-06&to=2026-11-06")), m_clerk)),
              QStringList{b});
    const Http page1 = request("GET", api(QStringLiteral("office/review/queue?limit=2")), m_clerk);
    EXPECT_EQ(uuids(page1), (QStringList{a, b}));
    const QString next = page1.json().value(QStringLiteral("next")).toString();
    ASSERT_FALSE(next.isEmpty());
    const Http page2 = request("GET", api(QStringLiteral("office/review/queue?limit=2&after=")
                                          + QString::fromLatin1(QUrl::toPercentEncoding(next))), m_clerk);
    EXPECT_EQ(uuids(page2), QStringList{c});
    EXPECT_TRUE(page2.json().value(QStringLiteral("next")).isNull());
    EXPECT_EQ(request("GET", api(QStringLiteral("office/review/queue?from=yesterday")), m_clerk).status, 400);
}

TEST_F(OfficeReviewTest, SendBackIsCheckedAppliedOnceReachesTheOwnerAndComesBackResubmitted)
{
    QString task;
    const QString job = submittedJob(m_zhang, QStringLiteral("一班"), QStringLiteral("0100000001"),
                                     QStringLiteral("2026-11-05T08:00:00.000Z"), &task);
    const QString photo = uuid();
    evidence(m_zhang, photo, job, QStringLiteral("21.4"), QStringLiteral("new_meter_installed"),
             QStringLiteral("photo"), {}, {}, {}, upload(jpeg(80, 60)));
    const QString reading = uuid();
    evidence(m_zhang, reading, job, QStringLiteral("21.4"), QStringLiteral("new_start_total"),
             QStringLiteral("meter_reading"), QStringLiteral("7.5"),
             {{QStringLiteral("meter"), QStringLiteral("new")}, {QStringLiteral("register"), QStringLiteral("forward_total")},
              {QStringLiteral("source"), QStringLiteral("manual")}});
    // the job page shows the typed reading and a finding for its implausible value
    const QJsonObject page = request("GET", api(QStringLiteral("office/jobs/") + job), m_clerk).json();
    EXPECT_EQ(page.value(QStringLiteral("readings")).toArray().first().toObject().value(QStringLiteral("source")).toString(),
              QStringLiteral("typed"));
    bool implausible = false;
    for (const QJsonValue &f : page.value(QStringLiteral("findings")).toArray())
        implausible |= f.toObject().value(QStringLiteral("code")).toString() == QLatin1String("value.implausible");
    EXPECT_TRUE(implausible) << QJsonDocument(page.value(QStringLiteral("findings")).toArray()).toJson().constData();
    // a requirement card 21.4 does not have, or no reason: 400, nothing decided
    const auto sendBack = [&](const QString &decision, const QString &key, const QString &reason) {
        return post(QStringLiteral("office/jobs/%1/send-back").arg(job), m_clerk,
                    {{QStringLiteral("decision_uuid"), decision},
                     {QStringLiteral("items"), QJsonArray{QJsonObject{{QStringLiteral("card"), QStringLiteral("21.4")},
                                                                      {QStringLiteral("requirement"), key},
                                                                      {QStringLiteral("reason"), reason}}}}});
    };
    const Http bad = sendBack(uuid(), QStringLiteral("old_meter_face"), QStringLiteral("照片模糊"));
    EXPECT_EQ(bad.status, 400) << bad.body.constData();
    EXPECT_TRUE(bad.body.contains("old_meter_face"));
    EXPECT_EQ(sendBack(uuid(), QStringLiteral("new_meter_installed"), QString()).status, 400);
    // WHEN sent back, twice with the same decision uuid (a retry)
    const QString decision = uuid();
    const Http sent = sendBack(decision, QStringLiteral("new_meter_installed"), QStringLiteral("照片模糊，请重拍"));
    ASSERT_EQ(sent.status, 200) << sent.body.constData();
    const Http again = sendBack(decision, QStringLiteral("new_meter_installed"), QStringLiteral("照片模糊，请重拍"));
    ASSERT_EQ(again.status, 200);
    EXPECT_TRUE(again.json().value(QStringLiteral("repeated")).toBool());
    EXPECT_EQ(again.json().value(QStringLiteral("at")), sent.json().value(QStringLiteral("at")));
    EXPECT_EQ(sent.json().value(QStringLiteral("state")).toString(), QStringLiteral("sent_back"));
    // THEN the job left the queue; approving it now is 409 naming its state
    EXPECT_TRUE(request("GET", api(QStringLiteral("office/review/queue")), m_clerk).json()
                    .value(QStringLiteral("jobs")).toArray().isEmpty());
    const Http late = post(QStringLiteral("office/jobs/%1/approve").arg(job), m_clerk, {{QStringLiteral("decision_uuid"), uuid()}});
    EXPECT_EQ(late.status, 409);
    EXPECT_TRUE(late.body.contains("sent_back")) << late.body.constData();
    // the owning device pulls the review once; another device never sees it
    const Http pulled = request("GET", api(QStringLiteral("assignments?since=0")), m_zhang.token);
    const QJsonArray reviews = pulled.json().value(QStringLiteral("reviews")).toArray();
    ASSERT_EQ(reviews.size(), 1) << pulled.body.constData();
    const QJsonObject review = reviews.first().toObject();
    EXPECT_EQ(review.value(QStringLiteral("entity")).toString(), QStringLiteral("review"));
    EXPECT_EQ(review.value(QStringLiteral("uuid")).toString(), decision);
    const QJsonObject payload = review.value(QStringLiteral("payload")).toObject();
    EXPECT_EQ(payload.value(QStringLiteral("job_uuid")).toString(), job);
    EXPECT_EQ(payload.value(QStringLiteral("decision")).toString(), QStringLiteral("sent_back"));
    EXPECT_EQ(payload.value(QStringLiteral("submission")).toInt(), 1);
    EXPECT_EQ(payload.value(QStringLiteral("by")).toString(), QStringLiteral("王芳"));
    EXPECT_EQ(payload.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("reason")).toString(),
              QStringLiteral("照片模糊，请重拍"));
    EXPECT_TRUE(request("GET", api(QStringLiteral("assignments?since=0")), m_li.token).json()
                    .value(QStringLiteral("reviews")).toArray().isEmpty());
    const QString cursor = pulled.json().value(QStringLiteral("cursor")).toString();
    EXPECT_TRUE(request("GET", api(QStringLiteral("assignments?since=") + cursor), m_zhang.token).json()
                    .value(QStringLiteral("reviews")).toArray().isEmpty());
    // the crew re-does the item (superseding the photo) and resubmits
    const QString redo = uuid();
    evidence(m_zhang, redo, job, QStringLiteral("21.4"), QStringLiteral("new_meter_installed"),
             QStringLiteral("photo"), {}, {}, photo, upload(jpeg(81, 60)));
    const QJsonObject before = request("GET", api(QStringLiteral("office/jobs/") + job), m_clerk).json();
    pushJob(m_zhang, job, 2, task, before.value(QStringLiteral("customer")).toObject().value(QStringLiteral("uuid")).toString(),
            2, QStringLiteral("2026-11-06T08:00:00.000Z"));
    const QJsonArray queue = request("GET", api(QStringLiteral("office/review/queue")), m_clerk).json()
                                 .value(QStringLiteral("jobs")).toArray();
    ASSERT_EQ(queue.size(), 1);
    EXPECT_EQ(queue.first().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("resubmitted"));
    const QJsonObject after = request("GET", api(QStringLiteral("office/jobs/") + job), m_clerk).json();
    EXPECT_EQ(after.value(QStringLiteral("changed")).toArray().first().toObject().value(QStringLiteral("uuid")).toString(), redo);
    bool oldSuperseded = false;
    for (const QJsonValue &e : after.value(QStringLiteral("evidence")).toArray())
        if (e.toObject().value(QStringLiteral("uuid")).toString() == photo)
            oldSuperseded = e.toObject().value(QStringLiteral("superseded")).toBool();
    EXPECT_TRUE(oldSuperseded);
    QStringList kinds;
    for (const QJsonValue &h : after.value(QStringLiteral("history")).toArray())
        kinds << h.toObject().value(QStringLiteral("kind")).toString();
    EXPECT_EQ(kinds, (QStringList{QStringLiteral("submitted"), QStringLiteral("sent_back"), QStringLiteral("resubmitted")}));
}

TEST_F(OfficeReviewTest, BillingExportsEachJobOnceAndReExportsABatchOnlyWhenAsked)
{
    const QString job = submittedJob(m_zhang, QStringLiteral("一班"), QStringLiteral("0100000001"),
                                     QStringLiteral("2026-11-05T08:00:00.000Z"));
    evidence(m_zhang, uuid(), job, QStringLiteral("21.3"), QStringLiteral("old_final_total"),
             QStringLiteral("meter_reading"), QStringLiteral("1234.56"),
             {{QStringLiteral("meter"), QStringLiteral("old")}, {QStringLiteral("register"), QStringLiteral("forward_total")},
              {QStringLiteral("source"), QStringLiteral("meter_port")}});
    ASSERT_EQ(post(QStringLiteral("office/jobs/%1/approve").arg(job), m_clerk, {{QStringLiteral("decision_uuid"), uuid()}}).status, 200);
    const QJsonArray queue = request("GET", api(QStringLiteral("office/billing/queue")), m_billing).json()
                                 .value(QStringLiteral("jobs")).toArray();
    ASSERT_EQ(queue.size(), 1);
    EXPECT_EQ(queue.first().toObject().value(QStringLiteral("old_reading_total")).toString(), QStringLiteral("1234.56"));
    // nothing confirmed yet: an export has only the header
    const Http empty = request("POST", api(QStringLiteral("office/billing/export")), m_billing, "{}");
    ASSERT_EQ(empty.status, 200);
    EXPECT_EQ(empty.body.count('\n'), 1);
    ASSERT_EQ(post(QStringLiteral("office/jobs/%1/billing-confirm").arg(job), m_billing, {{QStringLiteral("decision_uuid"), uuid()}}).status, 200);
    // WHEN exported through meterswapctl
    const QString out = m_dir.filePath(QStringLiteral("export.csv"));
    const ProcessResult first = runCtl({QStringLiteral("billing"), QStringLiteral("export"), QStringLiteral("--server"),
                                        m_server->url(), QStringLiteral("--token"), m_billing, QStringLiteral("--out"), out});
    ASSERT_EQ(first.exitCode, 0) << first.err.constData();
    QFile csv(out);
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    // THEN UTF-8 with BOM, the documented header, one row
    ASSERT_TRUE(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QByteArray> lines = bytes.mid(3).split('\n');
    const QByteArray header = lines.first().trimmed();
    for (const char *column : {"account_no", "old_asset_no", "old_reading_total", "new_asset_no", "new_reading_total"})
        EXPECT_TRUE(header.split(',').contains(column)) << column;
    EXPECT_TRUE(lines.at(1).contains("0100000001"));
    EXPECT_TRUE(lines.at(1).contains("1234.56"));
    const QString batch = first.json().value(QStringLiteral("batch")).toString();
    ASSERT_FALSE(batch.isEmpty());
    EXPECT_EQ(first.json().value(QStringLiteral("count")).toInt(), 1);
    // a second export has nothing new; an explicit re-export of the batch has the row again
    const Http second = request("POST", api(QStringLiteral("office/billing/export")), m_billing, "{}");
    EXPECT_EQ(second.body.count('\n'), 1);
    const Http again = post(QStringLiteral("office/billing/export"), m_billing, {{QStringLiteral("batch"), batch}});
    ASSERT_EQ(again.status, 200);
    EXPECT_TRUE(again.body.contains("0100000001"));
    EXPECT_EQ(post(QStringLiteral("office/billing/export"), m_billing, {{QStringLiteral("batch"), QStringLiteral("B-none")}}).status, 404);
    // every export is logged with who and when
    const QJsonArray log = request("GET", api(QStringLiteral("office/billing/exports")), m_billing).json()
                               .value(QStringLiteral("exports")).toArray();
    ASSERT_EQ(log.size(), 2);
    EXPECT_EQ(log.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("re-export"));
    EXPECT_EQ(log.at(1).toObject().value(QStringLiteral("by")).toString(), QStringLiteral("李敏"));
    const QJsonObject page = request("GET", api(QStringLiteral("office/jobs/") + job), m_clerk).json();
    EXPECT_EQ(page.value(QStringLiteral("state")).toString(), QStringLiteral("exported"));
}

TEST_F(OfficeReviewTest, ThumbnailsAreJpegsOfAtMost320Pixels)
{
    const QString file = upload(jpeg(1200, 900));
    const Http thumb = request("GET", api(QStringLiteral("blobs/%1/thumb").arg(file)), m_clerk);
    ASSERT_EQ(thumb.status, 200) << thumb.body.constData();
    QImage image;
    ASSERT_TRUE(image.loadFromData(thumb.body, "JPEG"));
    EXPECT_EQ(std::max(image.width(), image.height()), 320);
    EXPECT_EQ(image.width(), 320);
    EXPECT_EQ(image.height(), 240);
    // kept beside the evidence, not in its volumes; asked again, the same bytes
    EXPECT_TRUE(QFile::exists(m_dir.filePath(QStringLiteral("thumbs/%1/%2.jpg").arg(file.left(2), file))));
    EXPECT_EQ(request("GET", api(QStringLiteral("blobs/%1/thumb").arg(file)), m_clerk).body, thumb.body);
}

TEST_F(OfficeReviewTest, CtlReviewListsShowsApprovesAndSaysWhenTheRoleIsMissing)
{
    const QString job = submittedJob(m_zhang, QStringLiteral("一班"), QStringLiteral("0100000009"),
                                     QStringLiteral("2026-11-05T08:00:00.000Z"));
    const QStringList server{QStringLiteral("--server"), m_server->url()};
    const ProcessResult queue = runCtl(QStringList{QStringLiteral("review"), QStringLiteral("queue"), QStringLiteral("--json"),
                                                   QStringLiteral("--token"), m_clerk} + server);
    ASSERT_EQ(queue.exitCode, 0) << queue.err.constData();
    EXPECT_EQ(queue.json().value(QStringLiteral("jobs")).toArray().first().toObject().value(QStringLiteral("uuid")).toString(), job);
    const ProcessResult badItem = runCtl(QStringList{QStringLiteral("review"), QStringLiteral("send-back"), QStringLiteral("--job"), job,
                                                     QStringLiteral("--item"), QStringLiteral("21.4"), QStringLiteral("--reason"),
                                                     QStringLiteral("x"), QStringLiteral("--token"), m_clerk} + server);
    EXPECT_EQ(badItem.exitCode, 2);
    const ProcessResult approve = runCtl(QStringList{QStringLiteral("review"), QStringLiteral("approve"), QStringLiteral("--job"), job,
                                                     QStringLiteral("--token"), m_clerk} + server);
    ASSERT_EQ(approve.exitCode, 0) << approve.err.constData();
    EXPECT_EQ(approve.json().value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
    const ProcessResult show = runCtl(QStringList{QStringLiteral("review"), QStringLiteral("show"), QStringLiteral("--job"), job,
                                                  QStringLiteral("--json"), QStringLiteral("--token"), m_clerk} + server);
    ASSERT_EQ(show.exitCode, 0);
    EXPECT_EQ(show.json().value(QStringLiteral("history")).toArray().size(), 2);
    const ProcessResult denied = runCtl(QStringList{QStringLiteral("billing"), QStringLiteral("queue"), QStringLiteral("--token"),
                                                    m_clerk} + server);
    EXPECT_EQ(denied.exitCode, 1);
    EXPECT_TRUE(denied.out.isEmpty());
    EXPECT_TRUE(QString::fromUtf8(denied.err).contains(QStringLiteral("billing"))) << denied.err.constData();
    EXPECT_FALSE(denied.err.contains(m_clerk.toUtf8())); // never echoes the token
}

TEST_F(OfficeReviewTest,
       BillingCarriesTheBalanceInTheMetersUnitTheCtMultiplierAndADeadDisplaysSource)
{
    // GIVEN a prepaid customer on a CT-connected meter whose display was dead: the 止码 typed from
    // the collection system, the balance in kWh (an IC-card 电量型 meter)
    const QString job = submittedJob(m_zhang, QStringLiteral("一班"), QStringLiteral("0100000002"),
                                     QStringLiteral("2026-11-05T08:00:00.000Z"));
    const QJsonObject old{{QStringLiteral("meter"), QStringLiteral("old")},
                          {QStringLiteral("source"), QStringLiteral("manual")}};
    QJsonObject total = old, energy = old;
    total.insert(QStringLiteral("register"), QStringLiteral("forward_total"));
    energy.insert(QStringLiteral("register"), QStringLiteral("remaining_energy"));
    energy.insert(QStringLiteral("unit"), QStringLiteral("kWh"));
    evidence(m_zhang, uuid(), job, QStringLiteral("21.3"), QStringLiteral("old_final_total"),
             QStringLiteral("meter_reading"), QStringLiteral("2345.60"), total);
    evidence(m_zhang, uuid(), job, QStringLiteral("21.3"), QStringLiteral("old_remaining_energy"),
             QStringLiteral("meter_reading"), QStringLiteral("35.20"), energy);
    evidence(m_zhang, uuid(), job, QStringLiteral("21.3"), QStringLiteral("ct_ratio"),
             QStringLiteral("text"), QStringLiteral("150/5"), {});
    evidence(m_zhang, uuid(), job, QStringLiteral("21.3"), QStringLiteral("ct_multiplier"),
             QStringLiteral("number"), QStringLiteral("30"), {});
    evidence(m_zhang, uuid(), job, QStringLiteral("21.3"), QStringLiteral("old_reading_basis"),
             QStringLiteral("text"), QStringLiteral("采集系统 11-04 示数，内勤王芳确认"), {});
    ASSERT_EQ(post(QStringLiteral("office/jobs/%1/approve").arg(job), m_clerk,
                   {{QStringLiteral("decision_uuid"), uuid()}})
                  .status,
              200);
    // WHEN billing looks at the queue THEN it sees the balance's unit, the multiplier, the source
    const QJsonObject row = request("GET", api(QStringLiteral("office/billing/queue")), m_billing)
                                .json()
                                .value(QStringLiteral("jobs"))
                                .toArray()
                                .first()
                                .toObject();
    EXPECT_EQ(row.value(QStringLiteral("prepaid_balance")).toString(), QStringLiteral("35.20"));
    EXPECT_EQ(row.value(QStringLiteral("prepaid_balance_unit")).toString(), QStringLiteral("kWh"));
    EXPECT_EQ(row.value(QStringLiteral("ct_ratio")).toString(), QStringLiteral("150/5"));
    EXPECT_EQ(row.value(QStringLiteral("multiplier")).toString(), QStringLiteral("30"));
    EXPECT_EQ(row.value(QStringLiteral("old_reading_source")).toString(), QStringLiteral("manual"));
    EXPECT_EQ(row.value(QStringLiteral("old_reading_note")).toString(),
              QStringLiteral("采集系统 11-04 示数，内勤王芳确认"));
    // AND the export has them in their columns
    ASSERT_EQ(post(QStringLiteral("office/jobs/%1/billing-confirm").arg(job), m_billing,
                   {{QStringLiteral("decision_uuid"), uuid()}})
                  .status,
              200);
    const Http csv = request("POST", api(QStringLiteral("office/billing/export")), m_billing, "{}");
    ASSERT_EQ(csv.status, 200);
    const QList<QByteArray> lines = csv.body.mid(3).split('\n');
    const QList<QByteArray> header = lines.first().trimmed().split(',');
    const QList<QByteArray> fields = lines.at(1).trimmed().split(',');
    ASSERT_EQ(header.size(), fields.size());
    auto column = [&](const char *name) {
        return QString::fromUtf8(fields.value(header.indexOf(name)));
    };
    EXPECT_EQ(column("prepaid_balance"), QStringLiteral("35.20"));
    EXPECT_EQ(column("prepaid_balance_unit"), QStringLiteral("kWh"));
    EXPECT_EQ(column("ct_ratio"), QStringLiteral("150/5"));
    EXPECT_EQ(column("multiplier"), QStringLiteral("30"));
    EXPECT_EQ(column("old_reading_source"), QStringLiteral("manual"));
    EXPECT_EQ(column("old_reading_note"), QStringLiteral("采集系统 11-04 示数，内勤王芳确认"));
}
