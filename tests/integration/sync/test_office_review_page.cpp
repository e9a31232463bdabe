// The clerk's review page and queue at scale of a working day (issue 14 §3): requirement labels
// and seal positions in words, what a resubmission changed, and the queue in pages.
#include "workstationfixture.h"

#include "roles/officehome.h"
#include "roles/reviewjobpage.h"
#include "roles/reviewqueuepage.h"
#include "roles/videoviewer.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QListWidget>
#include <QMediaPlayer>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

using namespace ms;
using namespace ms::test;

namespace {
QByteArray jpeg(Qt::GlobalColor colour)
{
    QImage image(640, 480, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 90);
    return bytes;
}

bool treeHas(QTreeWidget *tree, const QString &text, int column = 0)
{
    for (QTreeWidgetItemIterator it(tree); *it; ++it)
        if ((*it)->text(column).contains(text))
            return true;
    return false;
}
} // namespace

TEST_F(WorkstationTest, ResubmittedJobShowsWhatTheCrewRedidInWords)
{
    // GIVEN a job sent back for its 21.4 photo, re-done by the crew and resubmitted
    const QString job = submittedJob(
        QStringLiteral("6001"), QStringLiteral("2026-11-05T03:00:00.000Z"), jpeg(Qt::darkCyan));
    const QString clerk = officeToken(QStringLiteral("office-pc-01"), QStringLiteral("王芳"),
                                      QStringLiteral("office_clerk"));
    Http shown = request("GET", api(QStringLiteral("office/jobs/") + job), clerk);
    const QString first = shown.json()
                              .value(QStringLiteral("evidence"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QStringLiteral("uuid"))
                              .toString();
    ASSERT_FALSE(first.isEmpty());
    ASSERT_EQ(
        request(
            "POST", api(QStringLiteral("office/jobs/%1/send-back").arg(job)), clerk,
            R"({"decision_uuid":"d-sb-6001","items":[{"card":"21.4","requirement":"new_meter_installed","reason":"照片模糊"}]})")
            .status,
        200);
    const QString hash = upload(jpeg(Qt::darkYellow));
    push(QStringLiteral("evidence"), QStringLiteral("redo-6001"), 1,
         {{QStringLiteral("job_uuid"), job},
          {QStringLiteral("card_id"), QStringLiteral("21.4")},
          {QStringLiteral("requirement"), QStringLiteral("new_meter_installed")},
          {QStringLiteral("kind"), QStringLiteral("photo")},
          {QStringLiteral("sha256"), hash},
          {QStringLiteral("mime"), QStringLiteral("image/jpeg")},
          {QStringLiteral("supersedes"), first},
          {QStringLiteral("captured_at"), QStringLiteral("2026-11-06T01:10:00.000Z")}},
         {hash});
    shown = request("GET", api(QStringLiteral("office/jobs/") + job), clerk);
    QJsonObject record{
        {QStringLiteral("task_uuid"),
         shown.json().value(QStringLiteral("task")).toObject().value(QStringLiteral("uuid"))},
        {QStringLiteral("customer_uuid"),
         shown.json().value(QStringLiteral("customer")).toObject().value(QStringLiteral("uuid"))},
        {QStringLiteral("status"), QStringLiteral("done")},
        {QStringLiteral("started_at"), QStringLiteral("2026-11-05T01:00:00.000Z")},
        {QStringLiteral("submission"), 2},
        {QStringLiteral("submitted_at"), QStringLiteral("2026-11-06T02:00:00.000Z")}};
    // the job record's other fields as the office holds them
    const QJsonObject head = shown.json();
    if (record.value(QStringLiteral("task_uuid")).toString().isEmpty())
        record.insert(QStringLiteral("task_uuid"), head.value(QStringLiteral("task_uuid")));
    if (record.value(QStringLiteral("customer_uuid")).toString().isEmpty())
        record.insert(QStringLiteral("customer_uuid"), head.value(QStringLiteral("customer_uuid")));
    push(QStringLiteral("job"), job, 2, record);

    // WHEN the clerk opens it from the queue
    OfficeHome *home = openWorkstation(clerk, {QStringLiteral("office_clerk")});
    ASSERT_TRUE(waitFor(
        [&] { return !home->reviewQueue()->isLoading() && home->reviewQueue()->rowCount() == 1; }));
    EXPECT_EQ(home->reviewQueue()->stateAt(0), QStringLiteral("resubmitted"));
    home->openReviewJob(job);
    ReviewJobPage *page = home->reviewJob();
    ASSERT_TRUE(waitFor([&] { return !page->isLoading(); })) << page->status().toStdString();

    // THEN the page says what was re-done, in the card's words, not the catalog key
    ASSERT_TRUE(page->changes()->isVisible() || !page->isVisible());
    ASSERT_EQ(page->changes()->count(), 2); // the heading and one item
    EXPECT_TRUE(page->changes()->item(1)->text().contains(QStringLiteral("新表安装后照片")))
        << page->changes()->item(1)->text().toStdString();
    EXPECT_FALSE(page->changes()->item(1)->text().contains(QStringLiteral("new_meter_installed")));
    // AND the card tree shows labels, the re-done capture marked, the old one kept struck out
    EXPECT_TRUE(treeHas(page->cards(), QStringLiteral("新表安装后照片")));
    EXPECT_FALSE(treeHas(page->cards(), QStringLiteral("new_meter_installed")));
    EXPECT_TRUE(treeHas(page->cards(), QStringLiteral("重做"), 1));
    EXPECT_TRUE(treeHas(page->cards(), QStringLiteral("已被重做替换"), 1));
    // AND the history's send-back item is in words too
    bool historyInWords = false;
    const QListWidget *history = page->findChild<QListWidget *>(QStringLiteral("history"));
    for (int i = 0; i < history->count(); ++i) {
        const QString line = history->item(i)->text();
        historyInWords |= line.contains(QStringLiteral("21.4 新表安装后照片"))
                          && line.contains(QStringLiteral("照片模糊"))
                          && !line.contains(QStringLiteral("new_meter_installed"));
    }
    EXPECT_TRUE(historyInWords);
}

TEST_F(WorkstationTest, QueueComesInPagesAndLoadMoreAppendsTheNext)
{
    // GIVEN five submitted jobs and a queue page of two
    QStringList jobs;
    for (int i = 0; i < 5; ++i)
        jobs << submittedJob(QStringLiteral("70%1").arg(i),
                             QStringLiteral("2026-11-05T0%1:00:00.000Z").arg(i + 1));
    const QString clerk = officeToken(QStringLiteral("office-pc-01"), QStringLiteral("王芳"),
                                      QStringLiteral("office_clerk"));
    OfficeHome *home = openWorkstation(clerk, {QStringLiteral("office_clerk")});
    ReviewQueuePage *queue = home->reviewQueue();
    ASSERT_TRUE(waitFor([&] { return !queue->isLoading(); }));
    queue->setPageSize(2);
    queue->reload();
    ASSERT_TRUE(waitFor([&] { return !queue->isLoading(); }));
    // THEN the two oldest are shown, with 加载更多
    ASSERT_EQ(queue->rowCount(), 2);
    EXPECT_EQ(queue->jobUuidAt(0), jobs.at(0));
    ASSERT_FALSE(queue->moreButton()->isHidden());
    // WHEN 加载更多 is pressed twice THEN all five are listed, in order, with no button left
    QTest::mouseClick(queue->moreButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !queue->isLoading() && queue->rowCount() == 4; }));
    QTest::mouseClick(queue->moreButton(), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return !queue->isLoading() && queue->rowCount() == 5; }));
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(queue->jobUuidAt(i), jobs.at(i));
    EXPECT_TRUE(queue->moreButton()->isHidden());
    EXPECT_TRUE(queue->status().contains(QStringLiteral("5"))) << queue->status().toStdString();
}

TEST_F(WorkstationTest, VideoEvidencePlaysInTheAppAfterItsFingerprintIsChecked)
{
    // GIVEN a submitted job with a video at 21.4
    const QString job =
        submittedJob(QStringLiteral("6101"), QStringLiteral("2026-11-05T03:00:00.000Z"));
    QByteArray video("\x00\x00\x00\x18"
                     "ftypmp42",
                     12); // an MP4's first box; the rest is payload
    video.append(QByteArray(64 * 1024, '\x5a'));
    const QString hash = upload(video);
    push(QStringLiteral("evidence"), QStringLiteral("video-6101"), 1,
         {{QStringLiteral("job_uuid"), job},
          {QStringLiteral("card_id"), QStringLiteral("21.4")},
          {QStringLiteral("requirement"), QStringLiteral("new_meter_running")},
          {QStringLiteral("kind"), QStringLiteral("video")},
          {QStringLiteral("sha256"), hash},
          {QStringLiteral("mime"), QStringLiteral("video/mp4")},
          {QStringLiteral("captured_at"), QStringLiteral("2026-11-05T01:20:00.000Z")}},
         {hash});
    const QString clerk = officeToken(QStringLiteral("office-pc-01"), QStringLiteral("王芳"),
                                      QStringLiteral("office_clerk"));
    OfficeHome *home = openWorkstation(clerk, {QStringLiteral("office_clerk")});
    home->openReviewJob(job);
    ReviewJobPage *page = home->reviewJob();
    ASSERT_TRUE(waitFor([&] { return !page->isLoading(); }));
    ASSERT_EQ(page->photos()->count(), 1);
    EXPECT_TRUE(page->photos()->item(0)->text().contains(QStringLiteral("视频")));

    // WHEN the clerk opens it
    emit page->photos()->itemActivated(page->photos()->item(0));
    VideoViewer *viewer = page->findChild<VideoViewer *>();
    ASSERT_NE(viewer, nullptr);
    ASSERT_TRUE(waitFor([&] { return !viewer->filePath().isEmpty(); }))
        << viewer->status().toStdString();
    // THEN the file on disk is the evidence, byte for byte, and the app's player has it
    QFile f(viewer->filePath());
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(QString::fromLatin1(
                  QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex()),
              hash);
    EXPECT_EQ(viewer->player()->source(), QUrl::fromLocalFile(viewer->filePath()));
    EXPECT_TRUE(viewer->playButton()->isEnabled());
    // AND closing the viewer takes the temporary copy with it
    const QString path = viewer->filePath();
    viewer->accept();
    delete viewer;
    EXPECT_FALSE(QFile::exists(path));
}
