// The shell and single screens: sign-in errors, search, the numeric pad's validation, the
// appointment branch, the signature pad's undo/clear, and the runtime language switch.
#include "common/resultvalue.h"
#include "common/shellfixture.h"

#include "languageswitcher.h"
#include "models/joblistmodel.h"
#include "pages/cardwalkerpage.h"
#include "pages/joblistpage.h"
#include "pages/signaturepage.h"
#include "pages/signinpage.h"
#include "pages/valueentrypage.h"
#include "service/jobsession.h"
#include "store/store.h"
#include "widgets/illustrationview.h"
#include "widgets/signaturepad.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSet>
#include <QTest>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {

class Shell : public ShellTest
{
protected:
    // Opens the first job and its first card, ticking nothing.
    CardWalkerPage *openCard(const QString &cardId)
    {
        auto *list = page<JobListPage>();
        const RowId jobId = list->model()->item(0)->job.id;
        if (!win().openJob(jobId))
            return nullptr;
        win().openCard(cardId);
        return page<CardWalkerPage>();
    }
};

} // namespace

TEST_F(Shell, GivenWrongPin_WhenSigningIn_ThenPlainErrorAndStillOnSignIn)
{
    ASSERT_TRUE(signInAs(win(), QStringLiteral("张伟"), QStringLiteral("999999")));
    EXPECT_TRUE(page<SignInPage>());
    bool shown = false;
    for (QLabel *l : win().signInPage()->findChildren<QLabel *>())
        shown |= l->isVisible() && l->text().contains(QStringLiteral("PIN 码不正确"));
    EXPECT_TRUE(shown);
}

TEST_F(Shell, GivenDemoTask_WhenSearchingByNameAddressOrMeter_ThenListNarrows)
{
    signIn();
    auto *list = page<JobListPage>();
    const int all = list->model()->totalCount();
    ASSERT_GE(all, 15);
    const Customer c = list->model()->item(3)->customer;
    list->setSearch(c.name);
    EXPECT_GE(list->model()->totalCount(), 1);
    EXPECT_LT(list->model()->totalCount(), all);
    list->setSearch(c.oldMeter.assetNo.right(8));
    ASSERT_EQ(list->model()->totalCount(), 1);
    EXPECT_EQ(list->model()->item(0)->customer.accountNo, c.accountNo);
    list->setSearch(QStringLiteral("没有这个人"));
    EXPECT_EQ(list->model()->totalCount(), 0);
}

TEST_F(Shell, GivenNewMeterStartReading_WhenFarFromZero_ThenConfirmationIsRequired)
{
    signIn();
    auto *walker = openCard(QStringLiteral("21.4"));
    ASSERT_TRUE(walker);
    win().openEvidence(QStringLiteral("21.4"), QStringLiteral("new_start_total"),
                       EvidenceSlot::Action::Manual);
    auto *entry = page<ValueEntryPage>();
    ASSERT_TRUE(entry);
    // Too many decimals is refused outright
    QTest::keyClicks(entry->editor(), QStringLiteral("1.234"));
    EXPECT_FALSE(entry->submit());
    EXPECT_FALSE(entry->message().isEmpty());
    EXPECT_FALSE(entry->awaitingConfirmation());
    // 35 kWh on a brand-new meter: asks to confirm, saves only on the second tap
    entry->editor()->clear();
    for (QChar d : QStringLiteral("35"))
        ASSERT_TRUE(tap(findButtonByProperty(entry, "key", QString(d))));
    EXPECT_FALSE(entry->submit());
    EXPECT_TRUE(entry->awaitingConfirmation());
    EXPECT_TRUE(win().session()->evidence(QStringLiteral("21.4"), QStringLiteral("new_start_total")).isEmpty());
    EXPECT_TRUE(entry->submit());
    const auto saved = win().session()->evidence(QStringLiteral("21.4"), QStringLiteral("new_start_total"));
    ASSERT_EQ(saved.size(), 1);
    EXPECT_EQ(saved.first().value, QStringLiteral("35"));
    EXPECT_TRUE(saved.first().meta.value(QStringLiteral("confirmed_implausible")).toBool());
    EXPECT_EQ(saved.first().meta.value(QStringLiteral("meter")).toString(), QStringLiteral("new"));
}

TEST_F(Shell, GivenCustomerAway_WhenAppointmentChosen_ThenJobWaitsForAppointment)
{
    signIn();
    auto *walker = openCard(QStringLiteral("21.1"));
    ASSERT_TRUE(walker);
    const Card *card = app->ctx->catalog.card(QStringLiteral("21.1"));
    for (int i = 0; i < card->steps.size(); ++i)
        ASSERT_TRUE(walker->toggleStep(i));
    ASSERT_TRUE(walker->chooseBranch(QStringLiteral("appointment"), QStringLiteral("敲门三次无人应答")));
    const RowId jobId = win().session()->job().id;
    auto job = app->ctx->store.jobs().byId(jobId);
    ASSERT_TRUE(job.ok());
    const QJsonObject branch = job->branches.value(QStringLiteral("21.1")).toObject();
    EXPECT_EQ(branch.value(QStringLiteral("choice")).toString(), QStringLiteral("appointment"));
    EXPECT_EQ(branch.value(QStringLiteral("reason")).toString(), QStringLiteral("敲门三次无人应答"));
    // 21.1 itself still needs 20.x before it, so the walk's status is decided by the workflow;
    // completing 21.1 leads to the appointment card.
    EXPECT_EQ(app->ctx->workflow.userChoices(QStringLiteral("21.1")).size(),
              5); // and the two refusals
}

TEST_F(Shell, GivenStrokes_WhenUndoAndClearTapped_ThenPadFollows)
{
    signIn();
    ASSERT_TRUE(openCard(QStringLiteral("21.5")));
    win().openEvidence(QStringLiteral("21.5"), QStringLiteral("customer_signature"),
                       EvidenceSlot::Action::Signature);
    auto *sig = page<SignaturePage>();
    ASSERT_TRUE(sig);
    EXPECT_TRUE(sig->summary().contains(win().session()->customer().accountNo));
    sig->pad()->resize(800, 300);
    drawStroke(sig->pad(), {{50, 50}, {200, 200}, {350, 60}});
    drawStroke(sig->pad(), {{400, 100}, {600, 100}});
    ASSERT_EQ(sig->pad()->signature().strokes().size(), 2);
    ASSERT_TRUE(tap(findButton(sig, QStringLiteral("撤销"))));
    EXPECT_EQ(sig->pad()->signature().strokes().size(), 1);
    ASSERT_TRUE(tap(findButton(sig, QStringLiteral("清除"))));
    EXPECT_TRUE(sig->pad()->signature().isEmpty());
    // An empty pad cannot be confirmed; nothing is saved
    EXPECT_FALSE(sig->confirm());
    EXPECT_TRUE(win().session()->evidence(QStringLiteral("21.5")).isEmpty());
}

TEST_F(Shell, GivenEnglishChosen_WhenSwitched_ThenScreensAreRebuiltInEnglish)
{
    signIn();
    win().openSettings();
    ASSERT_TRUE(tap(findButton(win().currentPage(), QStringLiteral("English"))));
    EXPECT_EQ(app->ctx->language.language(), QStringLiteral("en"));
    EXPECT_TRUE(findButton(&win(), QStringLiteral("Sign out")));
    EXPECT_FALSE(findButton(&win(), QStringLiteral("退出登录")));
    EXPECT_EQ(test::valueOf(app->ctx->store.settings().value(QStringLiteral("ui.language"))), QStringLiteral("en"));
    ASSERT_TRUE(tap(findButton(win().currentPage(), QStringLiteral("中文"))));
    EXPECT_TRUE(findButton(&win(), QStringLiteral("退出登录")));
}

// Renders the job list and a card walker at 1280×800 and checks they are not blank; with
// MS_SCREENSHOT_DIR set, saves them (docs/images/job-list.png, card-walker.png come from here).
TEST_F(Shell, GivenDemo_WhenJobListAndCardWalkerRendered_ThenScreensHaveContent)
{
    signIn();
    win().resize(1280, 800);
    QApplication::processEvents();
    saveScreen(QStringLiteral("job-list.png"));
    auto *walker = openCard(QStringLiteral("21.3"));
    ASSERT_TRUE(walker);
    ASSERT_TRUE(walker->toggleStep(0));
    ASSERT_TRUE(walker->toggleStep(1));
    auto added = win().session()->addValue(QStringLiteral("21.3"), QStringLiteral("old_final_total"),
                                           QStringLiteral("12345.67"));
    ASSERT_TRUE(added.ok());
    QApplication::processEvents();
    saveScreen(QStringLiteral("card-walker.png"));
}

// 操作示例图 (issue 16 §9): the swap card shows its wiring diagrams, drawn, with their captions;
// with MS_SCREENSHOT_DIR set, saves the screen (card-illustrations.png) for a person to look at.
TEST_F(Shell, TheSwapCardShowsItsWiringDiagrams)
{
    signIn();
    win().resize(1280, 800);
    auto *walker = openCard(QStringLiteral("21.4"));
    ASSERT_TRUE(walker);
    QApplication::processEvents();
    const QList<IllustrationView *> views = walker->findChildren<IllustrationView *>();
    ASSERT_EQ(views.size(), 3);
    for (IllustrationView *v : views)
        EXPECT_TRUE(v->valid());
    QStringList captions;
    for (QLabel *l : walker->findChildren<QLabel *>(QStringLiteral("hint")))
        captions << l->text();
    EXPECT_TRUE(captions.contains(QStringLiteral("单相表 1-2-3-4 接线")));
    QLabel *picture = views.first()->findChild<QLabel *>(QStringLiteral("illustrationPicture"));
    ASSERT_TRUE(picture);
    const QImage image = picture->pixmap().toImage();
    ASSERT_FALSE(image.isNull());
    // drawn, not blank: the wires' colours are there
    int coloured = 0;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            coloured += image.pixelColor(x, y).saturation() > 100 ? 1 : 0;
    EXPECT_GT(coloured, 50);
    if (auto *scroll = walker->findChild<QScrollArea *>())
        scroll->ensureWidgetVisible(views.first());
    QApplication::processEvents();
    saveScreen(QStringLiteral("card-illustrations.png"));
}
