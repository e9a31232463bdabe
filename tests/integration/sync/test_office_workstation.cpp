// The office workstation in the app (issue 14 §2–§3) against the real meterswap-office on
// loopback: the clerk's home shows the office's queue (not the local store's), loaded without
// blocking; an unreachable office is said so with the server's name and what was shown stays,
// also after a restart of the app.
#include "workstationfixture.h"

#include "roles/billingpage.h"
#include "roles/officebanner.h"
#include "roles/progresspage.h"
#include "roles/officehome.h"
#include "roles/rolehomepage.h"
#include "roles/reviewjobpage.h"
#include "roles/reviewqueuepage.h"
#include "sync/officedesk.h"

#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QSignalSpy>
#include <QTableWidget>
#include <QComboBox>
#include <QImage>
#include <QJsonArray>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace ms;
using namespace ms::test;

TEST_F(WorkstationTest, ClerkHomeShowsTheOfficeQueueAndKeepsItWhenTheOfficeIsDown)
{
    // GIVEN two jobs submitted at the office by a crew's tablet, and a clerk's office token
    const QString older = submittedJob(QStringLiteral("1001"), QStringLiteral("2026-11-05T03:00:00.000Z"));
    const QString newer = submittedJob(QStringLiteral("1002"), QStringLiteral("2026-11-05T04:00:00.000Z"));
    const QString clerk = officeToken(QStringLiteral("office-pc-01"), QStringLiteral("王芳"),
                                      QStringLiteral("office_clerk"));
    ASSERT_FALSE(clerk.isEmpty());

    // WHEN the clerk's home opens on a workstation whose own store holds no job at all
    OfficeHome *home = openWorkstation(clerk, {QStringLiteral("office_clerk")});
    ReviewQueuePage *queue = home->reviewQueue();
    ASSERT_NE(queue, nullptr);
    EXPECT_TRUE(queue->isLoading()); // asynchronous: the constructor returned before the answer
    ASSERT_TRUE(waitFor([&] { return !queue->isLoading(); })) << queue->status().toStdString();

    // THEN the queue is the office's, oldest first, and the home's button counts it
    ASSERT_EQ(queue->rowCount(), 2) << queue->status().toStdString();
    EXPECT_EQ(queue->jobUuidAt(0), older);
    EXPECT_EQ(queue->jobUuidAt(1), newer);
    EXPECT_EQ(queue->stateAt(0), QStringLiteral("submitted"));
    EXPECT_TRUE(home->home()->queueButton(QStringLiteral("clerk.review"))->text().contains(QStringLiteral("2 项")))
        << home->home()->queueButton(QStringLiteral("clerk.review"))->text().toStdString();
    EXPECT_TRUE(home->banner()->unreachableText().isEmpty());
    // AND GET whoami told the token's office user and roles
    ASSERT_TRUE(waitFor([&] { return home->banner()->tokenRoles() == QStringList{QStringLiteral("office_clerk")}; }))
        << home->banner()->identityText().toStdString();
    EXPECT_TRUE(home->banner()->identityText().contains(QStringLiteral("王芳")));

    // WHEN the office goes away and the clerk reloads
    const quint16 port = m_server->port();
    m_server->kill();
    home->showReviewQueue();
    ASSERT_TRUE(waitFor([&] { return !queue->isLoading(); }));
    // THEN the banner names the server and the error, with 重试, and the queue stays on screen
    const QString banner = home->banner()->unreachableText();
    EXPECT_TRUE(banner.contains(QStringLiteral("127.0.0.1:%1").arg(port))) << banner.toStdString();
    EXPECT_TRUE(home->banner()->retryButton()->isVisible());
    EXPECT_EQ(queue->rowCount(), 2);
    EXPECT_TRUE(queue->status().contains(QStringLiteral("取到的数据"))) << queue->status().toStdString();

    // WHEN the app is restarted while the office is still down
    home = openWorkstation(clerk, {QStringLiteral("office_clerk")});
    queue = home->reviewQueue();
    ASSERT_TRUE(waitFor([&] { return !queue->isLoading(); }));
    // THEN what was last seen is shown again, from the workstation's store
    EXPECT_EQ(queue->rowCount(), 2);
    EXPECT_FALSE(home->banner()->unreachableText().isEmpty());

    // WHEN the office is back and the clerk presses 重试 THEN the banner goes away
    ASSERT_TRUE(m_server->start(port));
    QTest::mouseClick(home->banner()->retryButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return home->banner()->unreachableText().isEmpty(); }));
    ASSERT_TRUE(waitFor([&] { return !queue->isLoading(); }));
    EXPECT_EQ(queue->rowCount(), 2);
}

class ReviewPageTest : public WorkstationTest
{
public:
    QString stateAtOffice(const QString &token, const QString &job)
    {
        const Http r = request("GET", api(QStringLiteral("office/jobs/") + job), token);
        return r.json().value(QStringLiteral("state")).toString();
    }
    static QImage photo()
    {
        QImage image(640, 480, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        return image;
    }
    static QByteArray jpeg()
    {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        photo().save(&buffer, "JPEG", 90);
        return bytes;
    }
};

TEST_F(ReviewPageTest, ApproveAndSendBackReachTheOfficeFromTheJobPage)
{
    // GIVEN two submitted jobs with a photo each, and the clerk's workstation on its queue
    const QString first = submittedJob(QStringLiteral("2001"), QStringLiteral("2026-11-05T03:00:00.000Z"), jpeg());
    const QString second = submittedJob(QStringLiteral("2002"), QStringLiteral("2026-11-05T04:00:00.000Z"), jpeg());
    const QString clerk = officeToken(QStringLiteral("office-pc-01"), QStringLiteral("王芳"), QStringLiteral("office_clerk"));
    OfficeHome *home = openWorkstation(clerk, {QStringLiteral("office_clerk")});
    ReviewQueuePage *queue = home->reviewQueue();
    ASSERT_TRUE(waitFor([&] { return !queue->isLoading() && queue->rowCount() == 2; }));

    // WHEN the clerk opens the oldest job (Enter on the first row)
    queue->table()->setFocus();
    queue->table()->setCurrentIndex(queue->table()->model()->index(0, 0));
    QTest::keyClick(queue->table(), Qt::Key_Return);
    ReviewJobPage *page = home->reviewJob();
    ASSERT_EQ(home->currentPage(), page);
    ASSERT_TRUE(waitFor([&] { return !page->isLoading(); })) << page->status().toStdString();
    // THEN its photo is in the grid with the office's thumbnail, and the item can be picked
    EXPECT_EQ(page->jobUuid(), first);
    ASSERT_EQ(page->photos()->count(), 1);
    ASSERT_TRUE(waitFor([&] { return page->thumbnailsLoaded() == 1; }));
    EXPECT_TRUE(page->pickItem(QStringLiteral("21.4"), QStringLiteral("new_meter_installed")));
    if (const QString dir = qEnvironmentVariable("MS_SCREENSHOT_DIR"); !dir.isEmpty()) {
        for (const QSize size : {QSize(1920, 1080), QSize(1280, 800)}) {
            home->resize(size);
            QTest::qWait(50);
            EXPECT_TRUE(home->grab().save(QStringLiteral("%1/review-page-%2x%3.png")
                                               .arg(dir).arg(size.width()).arg(size.height())));
        }
    }

    // WHEN the clerk sends it back with a reason from the list THEN the office has it sent back
    page->reasons()->setCurrentIndex(0); // 照片不清晰
    QTest::mouseClick(page->sendBackButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return stateAtOffice(clerk, first) == QLatin1String("sent_back"); }));
    // AND the page moved on to the next job; approving it (Ctrl+Enter) reaches the office
    ASSERT_TRUE(waitFor([&] { return page->jobUuid() == second && !page->isLoading(); }));
    QTest::keyClick(page, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitFor([&] { return stateAtOffice(clerk, second) == QLatin1String("approved"); }));
    ASSERT_TRUE(
        waitFor([&] { return home->banner()->pendingCount() == 0; })); // its answer processed
    ASSERT_TRUE(waitFor([&] { return !queue->isLoading() && queue->rowCount() == 0; }));
}

TEST_F(ReviewPageTest, DecisionMadeOfflineIsKeptAcrossARestartAndSentOnceWhenTheOfficeIsBack)
{
    // GIVEN a submitted job open on the clerk's page
    const QString job = submittedJob(QStringLiteral("3001"), QStringLiteral("2026-11-05T03:00:00.000Z"), jpeg());
    const QString clerk = officeToken(QStringLiteral("office-pc-01"), QStringLiteral("王芳"), QStringLiteral("office_clerk"));
    OfficeHome *home = openWorkstation(clerk, {QStringLiteral("office_clerk")});
    ASSERT_TRUE(waitFor([&] { return home->reviewQueue()->rowCount() == 1; }));
    home->openReviewJob(job);
    ASSERT_TRUE(waitFor([&] { return !home->reviewJob()->isLoading(); }));

    // WHEN the office goes away and the clerk approves
    const quint16 port = m_server->port();
    m_server->kill();
    QTest::mouseClick(home->reviewJob()->approveButton(), Qt::LeftButton);
    // THEN the banner says the office is unreachable and the decision waits, visible
    ASSERT_TRUE(waitFor([&] { return !home->banner()->unreachableText().isEmpty(); }));
    // (after the attempt to send it failed: the list says so)
    QListWidget *list = home->banner()->pendingList();
    ASSERT_TRUE(waitFor([&] {
        return list->count() == 1 && list->item(0)->text().contains(QStringLiteral("等待发送"));
    }));
    EXPECT_EQ(home->banner()->pendingCount(), 1);

    // WHEN the app restarts, still offline THEN the decision is still there
    home = openWorkstation(clerk, {QStringLiteral("office_clerk")});
    EXPECT_EQ(home->banner()->pendingCount(), 1);

    // WHEN the office is back and answers THEN the decision is sent, applied once, and leaves the queue
    ASSERT_TRUE(m_server->start(port));
    QTest::mouseClick(home->banner()->retryButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return home->banner()->pendingCount() == 0; }));
    EXPECT_EQ(stateAtOffice(clerk, job), QStringLiteral("approved"));
    const Http shown = request("GET", api(QStringLiteral("office/jobs/") + job), clerk);
    int approvals = 0;
    for (const QJsonValue &h : shown.json().value(QStringLiteral("history")).toArray())
        approvals += h.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("approved");
    EXPECT_EQ(approvals, 1);
}

TEST_F(ReviewPageTest, BillingConfirmsAndExportsTheOfficesCsv)
{
    // GIVEN a job the clerk approved at the office, and the billing checker's workstation
    const QString job = submittedJob(QStringLiteral("4001"), QStringLiteral("2026-11-05T03:00:00.000Z"));
    const QString clerk = officeToken(QStringLiteral("office-pc-01"), QStringLiteral("王芳"), QStringLiteral("office_clerk"));
    const QString billing = officeToken(QStringLiteral("office-pc-02"), QStringLiteral("李敏"), QStringLiteral("billing"));
    ASSERT_EQ(request("POST", api(QStringLiteral("office/jobs/%1/approve").arg(job)), clerk,
                      QByteArrayLiteral("{\"decision_uuid\":\"d-4001\"}")).status, 200);
    OfficeHome *home = openWorkstation(billing, {QStringLiteral("billing")});
    BillingPage *page = home->billingPage();
    ASSERT_NE(page, nullptr);
    ASSERT_TRUE(waitFor([&] { return !page->isLoading(); })) << page->status().toStdString();
    ASSERT_EQ(page->queue()->rowCount(), 1) << page->status().toStdString();
    EXPECT_EQ(page->queue()->item(0, 0)->text(), QStringLiteral("4001"));
    EXPECT_EQ(page->queue()->item(0, 2)->text(), QStringLiteral("OLD-4001"));

    // WHEN the checker opens the queue from the home and confirms the job (Ctrl+Enter)
    // THEN the office has it confirmed
    QTest::mouseClick(home->home()->queueButton(QStringLiteral("billing.review")), Qt::LeftButton);
    ASSERT_EQ(home->currentPage(), page);
    ASSERT_TRUE(waitFor([&] { return !page->isLoading(); }));
    page->queue()->selectRow(0);
    QTest::keyClick(page, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(waitFor([&] { return stateAtOffice(clerk, job) == QLatin1String("billing_confirmed"); }));

    // WHEN the checker exports THEN the file is the office's UTF-8 CSV with BOM and header,
    // and the export log shows the batch
    const QString path = m_wsDir.filePath(QStringLiteral("export.csv"));
    QSignalSpy done(page, &BillingPage::exported);
    page->exportTo(path);
    ASSERT_TRUE(done.wait(20000));
    ASSERT_TRUE(done.first().at(1).toBool()) << page->status().toStdString();
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray csv = f.readAll();
    EXPECT_TRUE(csv.startsWith("\xEF\xBB\xBF"));
    const QByteArray header = csv.mid(3, csv.indexOf('\n') - 3);
    for (const char *column : {"account_no", "old_asset_no", "old_reading_total", "new_asset_no", "new_reading_total"})
        EXPECT_TRUE(header.contains(column)) << header.constData();
    EXPECT_TRUE(csv.contains("4001"));
    ASSERT_TRUE(waitFor([&] { return !page->isLoading() && page->exportLog()->rowCount() == 1; }));
}

TEST_F(ReviewPageTest, EngineerSeesProgressAsChartAndTableAndExportsIt)
{
    submittedJob(QStringLiteral("5001"), QStringLiteral("2026-11-05T03:00:00.000Z"));
    const QString engineer = officeToken(QStringLiteral("office-pc-03"), QStringLiteral("赵工"), QStringLiteral("engineer"));
    OfficeHome *home = openWorkstation(engineer, {QStringLiteral("project_engineer")});
    ProgressPage *page = home->progressPage();
    ASSERT_NE(page, nullptr);
    ASSERT_TRUE(waitFor([&] { return !page->isLoading(); })) << page->status().toStdString();
    ASSERT_EQ(page->table()->rowCount(), 1) << page->status().toStdString();
    EXPECT_EQ(page->table()->item(0, 0)->text(), QStringLiteral("台区 5001"));
    ASSERT_EQ(page->chart()->chart()->series().size(), 1);
    const QString path = m_wsDir.filePath(QStringLiteral("progress.csv"));
    ASSERT_TRUE(page->exportTo(path)) << page->status().toStdString();
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_TRUE(f.readAll().startsWith("\xEF\xBB\xBF"));
}
