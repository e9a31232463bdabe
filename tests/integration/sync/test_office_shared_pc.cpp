// One device, several people (issue 14 §6, decision 0016): the crew's tablet holds a field token
// and each office user signed in on it works with their own office token, so the demo's one app
// (and a shared office PC) shows each office role the office's real queues; the decisions one
// user queues offline are sent only under that user's token; a decision the office refused can
// be set aside once read.
#include "workstationfixture.h"

#include "roles/officebanner.h"
#include "roles/officehome.h"
#include "roles/reviewjobpage.h"
#include "roles/reviewqueuepage.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

using namespace ms;
using namespace ms::test;

namespace {
QByteArray jpeg()
{
    QImage image(640, 480, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 90);
    return bytes;
}

QString decisionBy(const QJsonObject &job, const QString &kind)
{
    for (const QJsonValue &h : job.value(QStringLiteral("history")).toArray()) {
        const QJsonObject o = h.toObject();
        if (o.value(QStringLiteral("kind")).toString() == kind)
            return o.value(QStringLiteral("by")).toString();
    }
    return {};
}
} // namespace

TEST_F(WorkstationTest, OfficeUserOnTheCrewsTabletWorksWithTheirOwnOfficeToken)
{
    // GIVEN a submitted job at the office; a device whose sync token is the crew's field token;
    // and the clerk 王芳 with her own office token saved on it
    const QString job =
        submittedJob(QStringLiteral("5001"), QStringLiteral("2026-11-05T03:00:00.000Z"));
    const QString clerk = officeToken(QStringLiteral("office-pc-01"), QStringLiteral("王芳"),
                                      QStringLiteral("office_clerk"));
    OfficeHome *home = openWorkstation(m_tabletToken, {QStringLiteral("office_clerk")}, clerk,
                                       QStringLiteral("wang-fang"));
    // THEN her home shows the office's queue, and whoami names her office identity
    ASSERT_TRUE(waitFor([&] { return !home->reviewQueue()->isLoading(); }));
    ASSERT_EQ(home->reviewQueue()->rowCount(), 1) << home->reviewQueue()->status().toStdString();
    EXPECT_EQ(home->reviewQueue()->jobUuidAt(0), job);
    ASSERT_TRUE(waitFor([&] {
        return home->banner()->tokenRoles() == QStringList{QStringLiteral("office_clerk")};
    })) << home->banner()->identityText().toStdString();

    // AND a user with no office token of their own on the same device gets the device's token:
    // the banner says it lacks the office role (the field token) instead of showing a queue
    home = openWorkstation(m_tabletToken, {QStringLiteral("office_clerk")}, {},
                           QStringLiteral("someone-else"));
    ASSERT_TRUE(waitFor(
        [&] { return home->banner()->identityText().contains(QStringLiteral("office_clerk")); }));
    EXPECT_TRUE(home->banner()->tokenRoles().isEmpty());
    EXPECT_TRUE(home->banner()->identityText().contains(
        QStringLiteral("token create --roles office_clerk")))
        << home->banner()->identityText().toStdString();
}

TEST_F(WorkstationTest, DecisionQueuedOfflineIsSentOnlyUnderItsOwnUsersToken)
{
    // GIVEN a shared office PC: 王芳 (clerk) queues an approval while the office is down
    const QString job =
        submittedJob(QStringLiteral("5101"), QStringLiteral("2026-11-05T03:00:00.000Z"));
    const QString clerk = officeToken(QStringLiteral("office-pc-01"), QStringLiteral("王芳"),
                                      QStringLiteral("office_clerk"));
    const QString other = officeToken(QStringLiteral("office-pc-01"), QStringLiteral("李静"),
                                      QStringLiteral("office_clerk"));
    OfficeHome *home = openWorkstation(m_tabletToken, {QStringLiteral("office_clerk")}, clerk,
                                       QStringLiteral("wang-fang"));
    ASSERT_TRUE(waitFor([&] { return home->reviewQueue()->rowCount() == 1; }));
    home->openReviewJob(job);
    ASSERT_TRUE(waitFor([&] { return !home->reviewJob()->isLoading(); }));
    const quint16 port = m_server->port();
    m_server->kill();
    QTest::mouseClick(home->reviewJob()->approveButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !home->banner()->unreachableText().isEmpty(); }));
    EXPECT_EQ(home->banner()->pendingCount(), 1);

    // WHEN 李静 signs in on the same PC with her own token and the office is back
    ASSERT_TRUE(m_server->start(port));
    home = openWorkstation(m_tabletToken, {QStringLiteral("office_clerk")}, other,
                           QStringLiteral("li-jing"));
    ASSERT_TRUE(waitFor([&] { return !home->reviewQueue()->isLoading(); }));
    QTest::mouseClick(home->banner()->retryButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !home->reviewQueue()->isLoading(); }));
    QTest::qWait(300);
    // THEN 王芳's decision is neither shown to her nor sent under her name
    EXPECT_EQ(home->banner()->pendingCount(), 0);
    Http shown = request("GET", api(QStringLiteral("office/jobs/") + job), clerk);
    EXPECT_EQ(shown.json().value(QStringLiteral("state")).toString(), QStringLiteral("submitted"));

    // WHEN 王芳 signs in again THEN her decision is sent, as hers
    home = openWorkstation(m_tabletToken, {QStringLiteral("office_clerk")}, clerk,
                           QStringLiteral("wang-fang"));
    ASSERT_TRUE(waitFor([&] { return home->banner()->pendingCount() == 0; }));
    shown = request("GET", api(QStringLiteral("office/jobs/") + job), clerk);
    EXPECT_EQ(shown.json().value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
    EXPECT_EQ(decisionBy(shown.json(), QStringLiteral("approved")), QStringLiteral("王芳"));
}

TEST_F(WorkstationTest, RefusedDecisionStaysListedUntilTheClerkSetsItAside)
{
    // GIVEN a job the clerk sends back while offline, and meanwhile another clerk approved it
    const QString job =
        submittedJob(QStringLiteral("5201"), QStringLiteral("2026-11-05T03:00:00.000Z"), jpeg());
    const QString clerk = officeToken(QStringLiteral("office-pc-01"), QStringLiteral("王芳"),
                                      QStringLiteral("office_clerk"));
    const QString other = officeToken(QStringLiteral("office-pc-02"), QStringLiteral("李静"),
                                      QStringLiteral("office_clerk"));
    OfficeHome *home = openWorkstation(clerk, {QStringLiteral("office_clerk")});
    ASSERT_TRUE(waitFor([&] { return home->reviewQueue()->rowCount() == 1; }));
    home->openReviewJob(job);
    ASSERT_TRUE(waitFor([&] { return !home->reviewJob()->isLoading(); }));
    // (another clerk approves it at the office while this page still shows it)
    ASSERT_EQ(request("POST", api(QStringLiteral("office/jobs/%1/approve").arg(job)), other,
                      R"({"decision_uuid":"d-other-approve"})")
                  .status,
              200);
    const quint16 port = m_server->port();
    m_server->kill();
    ASSERT_TRUE(
        home->reviewJob()->pickItem(QStringLiteral("21.4"), QStringLiteral("new_meter_installed")));
    QTest::mouseClick(home->reviewJob()->sendBackButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] {
        return home->banner()->pendingCount() == 1 && !home->banner()->unreachableText().isEmpty();
    }));
    ASSERT_TRUE(m_server->start(port));

    // WHEN the office is reachable again THEN the send-back is refused, kept and listed as such
    QTest::mouseClick(home->banner()->retryButton(), Qt::LeftButton);
    QListWidget *list = home->banner()->pendingList();
    ASSERT_TRUE(waitFor([&] {
        return list->count() == 1 && list->item(0)->text().contains(QStringLiteral("没有接受"));
    })) << (list->count() ? list->item(0)->text().toStdString() : std::string("empty"));
    EXPECT_EQ(home->banner()->pendingCount(), 1);
    EXPECT_FALSE(home->banner()->setAsideButton()->isEnabled());

    // WHEN the clerk selects it and sets it aside THEN it leaves the list and is never sent
    list->setCurrentRow(0);
    ASSERT_TRUE(home->banner()->setAsideButton()->isEnabled());
    QTest::mouseClick(home->banner()->setAsideButton(), Qt::LeftButton);
    EXPECT_EQ(home->banner()->pendingCount(), 0);
    const Http shown = request("GET", api(QStringLiteral("office/jobs/") + job), clerk);
    EXPECT_EQ(shown.json().value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
}
