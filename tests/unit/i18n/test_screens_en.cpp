// GIVEN the demo data and English chosen at run time
// WHEN the main screens are shown (job list, card walker, meter read, sync, role home)
// THEN their own labels and buttons are English: the only Chinese left is data (customer
//      names, addresses, card texts from the catalog). With MS_SCREENSHOT_DIR set, each screen
//      is saved as <dir>/en-<screen>.png for a look.
#include "common/resultvalue.h"
#include "meter/meterreadflow.h"
#include "models/joblistmodel.h"
#include "roles/officehome.h"
#include "pages/cardwalkerpage.h"
#include "pages/joblistpage.h"
#include "pages/signinpage.h"
#include "pages/taskcardspage.h"
#include "service/jobsession.h"
#include "sync/synchost.h"
#include "uidriver.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <gtest/gtest.h>

#include "meter/reader/protocolmemory.h"

using namespace ms;
using namespace ms::test;

namespace {

// Visible label/button texts of `root` that contain Han characters.
QStringList chineseTexts(QWidget *root)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    QStringList out;
    for (QLabel *l : root->findChildren<QLabel *>())
        if (l->isVisibleTo(root->window()) && han.match(l->text()).hasMatch())
            out << l->text();
    for (QAbstractButton *b : root->findChildren<QAbstractButton *>())
        if (b->isVisibleTo(root->window()) && han.match(b->text()).hasMatch())
            out << b->text();
    return out;
}

class EnglishScreens : public ::testing::Test
{
protected:
    void SetUp() override
    {
        app = App::start();
        ASSERT_TRUE(app);
        app->ctx->meterRead = makeMeterReadFactory(*app->ctx, memory);
        app->ctx->roleHome = [this](const User &user, QWidget *parent) -> QWidget * {
            return new OfficeHome(app->ctx->catalog, app->ctx->store, user.roles, parent);
        };
        app->ctx->syncPage = [this](QWidget *parent) -> QWidget * {
            return new SyncHost(app->ctx->store, parent);
        };
        // A configured office server, so the sync page shows its controls.
        ASSERT_TRUE(app->ctx->store.settings().setValue(QString::fromLatin1(settingkeys::kSyncServer),
                                                        QStringLiteral("https://127.0.0.1:9")).ok());
        ASSERT_TRUE(app->ctx->store.settings().setValue(QString::fromLatin1(settingkeys::kSyncToken),
                                                        QStringLiteral("demo-token")).ok());
        ASSERT_TRUE(signInAs(win(), QStringLiteral("张伟")));
        ASSERT_TRUE(qobject_cast<JobListPage *>(win().currentPage()));
        // Switch the way a user does: 设置 → English.
        win().openSettings();
        ASSERT_TRUE(tap(findButton(win().currentPage(), QStringLiteral("English"))));
        ASSERT_EQ(app->ctx->language.language(), QStringLiteral("en"));
        win().back();
        ASSERT_TRUE(qobject_cast<JobListPage *>(win().currentPage()));
    }
    void TearDown() override
    {
        if (app)
            app->ctx->language.setLanguage(QStringLiteral("zh_CN"));
    }
    MainWindow &win() { return *app->window; }

    // Grabs the window, saves it when asked, and returns the Chinese texts of the current page.
    QStringList shoot(const QString &name)
    {
        QApplication::processEvents();
        const QImage img = win().grab().toImage();
        EXPECT_EQ(img.size(), QSize(1280, 800)) << name.toStdString();
        const QString dir = qEnvironmentVariable("MS_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            EXPECT_TRUE(img.save(dir + QStringLiteral("/en-") + name + QStringLiteral(".png")));
        }
        const QStringList texts = chineseTexts(win().currentPage());
        for (const QString &t : texts)
            std::printf("[%s] Chinese on screen: %s\n", qPrintable(name), qPrintable(t));
        return texts;
    }

    meter::ProtocolMemory memory;
    std::unique_ptr<App> app;
};

TEST_F(EnglishScreens, ChromeOfEveryMainScreenIsEnglish)
{
    EXPECT_TRUE(findButton(&win(), QStringLiteral("Sign out")));
    shoot(QStringLiteral("job-list"));

    auto *list = qobject_cast<JobListPage *>(win().currentPage());
    ASSERT_TRUE(win().openJob(list->model()->item(0)->job.id));
    win().openCard(QStringLiteral("21.3"));
    ASSERT_TRUE(qobject_cast<CardWalkerPage *>(win().currentPage()));
    shoot(QStringLiteral("card-walker"));

    win().openEvidence(QStringLiteral("21.3"), QStringLiteral("old_final_total"),
                       EvidenceSlot::Action::MeterRead);
    const QStringList meter = shoot(QStringLiteral("meter-read"));
    EXPECT_TRUE(findButton(win().currentPage(), QStringLiteral("Read meter")));
    win().back();

    win().openSync();
    const QStringList sync = shoot(QStringLiteral("sync"));
    EXPECT_TRUE(findButton(win().currentPage(), QStringLiteral("Start sync")));
    EXPECT_TRUE(sync.isEmpty()) << "the sync page shows no catalog or customer data, so no Chinese at all";
    win().back();

    win().openRoleHome();
    shoot(QStringLiteral("role-home"));
    win().openSettings();
    shoot(QStringLiteral("settings"));
}

// GIVEN English WHEN the task's cards are opened and a concentrator seal is typed
// THEN the filter toggle, the counts and the seal strip speak English (card titles and
// positions come from the Chinese catalog data and stay as they are).
TEST_F(EnglishScreens, TaskCardsWithTheirSealsAreEnglish)
{
    auto *list = qobject_cast<JobListPage *>(win().currentPage());
    ASSERT_TRUE(list);
    ASSERT_TRUE(win().openTaskCards(test::valueOf(app->ctx->store.tasks().list()).value(0).id));
    auto *page = qobject_cast<TaskCardsPage *>(win().currentPage());
    ASSERT_TRUE(page);
    EXPECT_EQ(page->mineOnlyToggle()->text(), QStringLiteral("✓ Only my cards"));
    EXPECT_TRUE(page->summaryText().startsWith(QStringLiteral("0 / "))) << page->summaryText().toStdString();
    auto seal = win().session()->addValue(QStringLiteral("19.1"), QStringLiteral("concentrator_seals"),
                                          QStringLiteral("JZQ00001"));
    ASSERT_TRUE(seal.ok()) << seal.error().message.toStdString();
    QApplication::processEvents();
    QStringList strip;
    for (QLabel *l : page->findChild<QWidget *>(QStringLiteral("taskSeals"))->findChildren<QLabel *>())
        strip << l->text();
    EXPECT_TRUE(strip.contains(QStringLiteral("Seals of this task (1)"))) << strip.join(u'|').toStdString();
    EXPECT_TRUE(strip.contains(QStringLiteral("Concentrator"))) << strip.join(u'|').toStdString();
    shoot(QStringLiteral("task-cards"));
}

} // namespace
