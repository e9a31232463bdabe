// The tablet's side of 内勤审核 through the real screens: a job the office sent back is marked
// 退回 in the job list; its page lists each item with its reason and the big button opens the
// first item's card; once the item is re-captured the button offers 重新提交, which starts the
// next round; an approved job is shown read-only (已审核通过).
#include "common/resultvalue.h"
#include "common/shellfixture.h"

#include "models/joblistmodel.h"
#include "pages/cardwalkerpage.h"
#include "pages/joblistpage.h"
#include "pages/jobpage.h"
#include "service/accounts.h"
#include "service/fieldwalk.h"
#include "service/jobsession.h"
#include "store/store.h"

#include <QAbstractButton>
#include <QLabel>
#include <QPushButton>
#include <QUuid>
#include <gtest/gtest.h>
#include <map>
#include <memory>

using namespace ms;
using namespace ms::test;

namespace {

ProcessedPhoto fakePhoto(int n)
{
    ProcessedPhoto p;
    p.jpeg = QByteArray("photo-") + QByteArray::number(n) + QByteArray(2000, 'x');
    p.size = QSize(1600, 1200);
    p.originalSize = p.size;
    return p;
}

class ReviewScreens : public ShellTest
{
protected:
    // Signs in, opens the first job and walks it to its submission (30.2) through the service.
    RowId submitFirstJob()
    {
        signIn();
        const RowId jobId = page<JobListPage>()->model()->item(0)->job.id;
        EXPECT_TRUE(win().openJob(jobId));
        FieldWalk walk(app->ctx->catalog,
                       [](const QString &, const QString &, int n) { return fakePhoto(n); });
        // the supervisor and the crew leader sign under their own sign-in (their own device)
        std::map<QString, std::unique_ptr<JobSession>> signers;
        for (const auto &[role, name] :
             {std::pair{"supervisor", "赵敏"}, std::pair{"crew_leader", "李强"}}) {
            const User u = test::valueOf(Accounts(store()).byName(QString::fromUtf8(name)));
            auto s = JobSession::open(store(), app->ctx->catalog, app->ctx->workflow,
                                      Actor{u.uuid, u.name, u.roles}, jobId);
            EXPECT_TRUE(s.ok());
            if (s.ok())
                signers[QString::fromLatin1(role)] = std::move(s).value();
        }
        walk.setSigners([&](const QString &signer) -> JobSession * {
            auto it = signers.find(signer);
            return it == signers.end() ? nullptr : it->second.get();
        });
        auto walked = walk.run(*win().session());
        EXPECT_TRUE(walked.ok()) << walked.error().message.toStdString();
        EXPECT_EQ(win().session()->job().submission, 1);
        return jobId;
    }
    void pull(RowId jobId, ReviewDecision decision, QList<ReviewItem> items = {})
    {
        JobReview r;
        r.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.jobUuid = store().jobs().byId(jobId)->uuid;
        r.submission = store().jobs().byId(jobId)->submission;
        r.decision = decision;
        r.items = std::move(items);
        r.by = QStringLiteral("王芳");
        r.at = QDateTime::currentDateTimeUtc();
        ASSERT_TRUE(store().reviews().applyPulled({r}).ok());
    }
    QLabel *reviewPanel() { return page<JobPage>()->findChild<QLabel *>(QStringLiteral("reviewPanel")); }
    QPushButton *primary() { return page<JobPage>()->findChild<QPushButton *>(QStringLiteral("primary")); }
};

} // namespace

TEST_F(ReviewScreens, ASentBackJobShowsItsItemsOpensAtTheFirstAndIsResubmittedAfterTheRedo)
{
    const RowId jobId = submitFirstJob();
    ASSERT_FALSE(HasFailure());
    // GIVEN the office sent back two items at the crew's sync
    ASSERT_NO_FATAL_FAILURE(pull(jobId, ReviewDecision::SentBack,
                                 {{QStringLiteral("21.4"), QStringLiteral("box_after"),
                                   QStringLiteral("表箱照片模糊，看不清接线")},
                                  {QStringLiteral("29.1"), QStringLiteral("seal_photos"),
                                   QStringLiteral("封印编号看不清")}}));
    // THEN the job list marks it 退回
    ASSERT_TRUE(win().openJob(jobId)); // pops to the list, then opens the job afresh
    win().back();
    auto *list = page<JobListPage>();
    ASSERT_TRUE(list);
    const JobListItem *item = nullptr;
    for (int row = 0; row < list->model()->rowCount(); ++row)
        if (list->model()->item(row)->job.id == jobId)
            item = list->model()->item(row);
    ASSERT_TRUE(item);
    EXPECT_EQ(item->state(), JobState::SentBack);

    // WHEN the job is opened THEN its page lists each item with its reason
    ASSERT_TRUE(win().openJob(jobId));
    ASSERT_TRUE(page<JobPage>());
    ASSERT_TRUE(reviewPanel());
    EXPECT_TRUE(reviewPanel()->isVisible());
    const QString text = reviewPanel()->text();
    EXPECT_TRUE(text.contains(QStringLiteral("表箱照片模糊，看不清接线"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("封印编号看不清")));
    EXPECT_TRUE(text.contains(QStringLiteral("21.4")) && text.contains(QStringLiteral("29.1")));
    EXPECT_TRUE(text.contains(QStringLiteral("王芳")));
    EXPECT_EQ(page<JobPage>()->primaryAction(), QStringLiteral("open"));
    EXPECT_TRUE(primary()->text().contains(QStringLiteral("21.4")));
    saveScreen(QStringLiteral("job-sent-back.png"));

    // WHEN the big button is tapped THEN the first item's card opens
    ASSERT_TRUE(tap(primary()));
    ASSERT_TRUE(page<CardWalkerPage>());
    EXPECT_EQ(page<CardWalkerPage>()->cardId(), QStringLiteral("21.4"));

    // WHEN both items are re-captured (superseding the earlier photos)
    JobSession &s = *win().session();
    ASSERT_TRUE(s.addPhoto(QStringLiteral("21.4"), QStringLiteral("box_after"), fakePhoto(80)).ok());
    win().back();
    ASSERT_TRUE(page<JobPage>());
    EXPECT_TRUE(primary()->text().contains(QStringLiteral("29.1"))) << "the next item still to re-do";
    ASSERT_TRUE(s.addPhoto(QStringLiteral("29.1"), QStringLiteral("seal_photos"), fakePhoto(81)).ok());
    // THEN the page offers 重新提交, and tapping it starts round 2
    EXPECT_EQ(page<JobPage>()->primaryAction(), QStringLiteral("resubmit"));
    EXPECT_TRUE(primary()->text().contains(QStringLiteral("重新提交")));
    ASSERT_TRUE(tap(primary()));
    EXPECT_EQ(store().jobs().byId(jobId)->submission, 2);
    EXPECT_TRUE(reviewPanel()->text().contains(QStringLiteral("已重新提交")));
    EXPECT_FALSE(primary()->isEnabled());
}

TEST_F(ReviewScreens, AnApprovedJobIsShownReadOnly)
{
    const RowId jobId = submitFirstJob();
    ASSERT_FALSE(HasFailure());
    ASSERT_NO_FATAL_FAILURE(pull(jobId, ReviewDecision::Approved));
    ASSERT_TRUE(win().openJob(jobId));
    ASSERT_TRUE(page<JobPage>());
    EXPECT_TRUE(reviewPanel()->text().contains(QStringLiteral("已审核通过")));
    EXPECT_FALSE(primary()->isEnabled());
    EXPECT_EQ(primary()->text(), QStringLiteral("已审核通过"));
    // AND an action tried anyway is refused
    auto r = win().session()->setStep(QStringLiteral("21.4"), 0, false);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, QStringLiteral("job.approved"));
}
