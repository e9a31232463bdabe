// The sync page (app/tablet/sync) driving a real sync against the real office process.
#include "common/resultvalue.h"
#include "common/storefixture.h"
#include "officeprocess.h"
#include "synctestutil.h"

#include "sync/storesynclocal.h"
#include "style.h"
#include "sync/syncpage.h"

#include <QDate>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace ms;
using namespace ms::test;

namespace {
QString text(QWidget &page, const char *name) { return page.findChild<QLabel *>(QLatin1String(name))->text(); }
} // namespace

TEST(SyncPage, ShowsWhatIsWaitingSyncsOnClickAndShowsTheLastSync)
{
    QTemporaryDir office, tablet;
    OfficeServerProcess server(office.path());
    ASSERT_TRUE(server.start());
    const QString token = server.token(QStringLiteral("t1"), QStringLiteral("zhang"));
    auto store = openStore(tablet.path());
    ASSERT_TRUE(store);
    seedStore(*store, 2, 2, 300 * 1024);
    sync::StoreSyncLocal local(*store);
    QNetworkAccessManager nam;
    sync::SyncOptions o = options(server.url(), token);
    o.chunkBytes = 64 * 1024;
    sync::SyncClient client(local, nam, o);
    ui::SyncPage page(local, client);
    page.show();
    // GIVEN 4 photos waiting
    EXPECT_TRUE(text(page, "waiting").contains(QStringLiteral("4 个证据文件")));
    EXPECT_TRUE(text(page, "lastSync").contains(QStringLiteral("还没有")));
    // WHEN the installer taps 开始同步
    QSignalSpy done(&client, &sync::SyncClient::finished);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("start")), Qt::LeftButton);
    ASSERT_TRUE(done.wait(60000));
    // THEN the bar is full, nothing waits, and the last successful sync is shown
    EXPECT_EQ(page.findChild<QProgressBar *>()->value(), 1000);
    EXPECT_EQ(text(page, "waiting"), QStringLiteral("没有待发送的内容"));
    EXPECT_TRUE(text(page, "lastSync").contains(QStringLiteral("上次成功同步")));
    // the same date format in both languages, whatever the system locale
    EXPECT_TRUE(text(page, "lastSync").contains(QDate::currentDate().toString(QStringLiteral("yyyy-MM-dd"))))
        << text(page, "lastSync").toStdString();
    EXPECT_TRUE(text(page, "error").isEmpty());
    EXPECT_FALSE(page.findChild<QLabel *>(QStringLiteral("error"))->isVisibleTo(&page)); // no empty red banner
    if (const QString dir = qEnvironmentVariable("MS_SCREENSHOT_DIR"); !dir.isEmpty()) {
        style::apply(*qApp); // as the app shows it
        page.resize(1280, 720); // the page below the app's 80 px top bar
        EXPECT_TRUE(page.grab().save(dir + QStringLiteral("/sync-done.png")));
    }
}

TEST(SyncPage, RefusedTokenIsShownInPlainWords)
{
    QTemporaryDir office, tablet;
    OfficeServerProcess server(office.path());
    ASSERT_TRUE(server.start());
    auto store = openStore(tablet.path());
    ASSERT_TRUE(store);
    seedStore(*store, 1, 1, 1000);
    sync::StoreSyncLocal local(*store);
    QNetworkAccessManager nam;
    sync::SyncClient client(local, nam, options(server.url(), QStringLiteral("mst_revoked")));
    ui::SyncPage page(local, client);
    QSignalSpy done(&client, &sync::SyncClient::finished);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("start")), Qt::LeftButton);
    ASSERT_TRUE(done.wait(30000));
    EXPECT_TRUE(text(page, "error").contains(QStringLiteral("令牌")));
    EXPECT_TRUE(page.findChild<QLabel *>(QStringLiteral("error"))->isVisibleTo(&page));
    EXPECT_TRUE(page.findChild<QPushButton *>(QStringLiteral("start"))->isEnabled());
    EXPECT_TRUE(text(page, "waiting").contains(QStringLiteral("1 个证据文件")));
}

TEST(SyncPage, RecordsTheOfficeDidNotTakeAreListedWithWhatDiffersOrWhy)
{
    QTemporaryDir office, first, second;
    OfficeServerProcess server(office.path());
    ASSERT_TRUE(server.start());
    const QString zhang = server.token(QStringLiteral("tablet-01"), QStringLiteral("zhang"));
    const QString li = server.token(QStringLiteral("tablet-02"), QStringLiteral("li"));
    const QString csv = office.filePath(QStringLiteral("task.csv"));
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("task_code,task_name,account_no,customer_name,phone,installers\n"
            "T-1,安贞里台区,0100000001,王建国,13800000000,zhang;li\n");
    f.close();
    ASSERT_EQ(runOffice({QStringLiteral("import-task"), QStringLiteral("--data"), office.path(), csv}).exitCode, 0);
    auto a = openStore(first.path());
    auto b = openStore(second.path());
    ASSERT_TRUE(a && b);
    sync::StoreSyncLocal localA(*a), localB(*b);
    ASSERT_TRUE(runSync(localA, options(server.url(), zhang)).ok);
    ASSERT_TRUE(runSync(localB, options(server.url(), li)).ok);
    // GIVEN zhang's phone correction reached the office first
    Customer onA = *a->tasks().customerByAccount(QStringLiteral("0100000001"));
    onA.phone = QStringLiteral("13900000001");
    ASSERT_TRUE(a->tasks().updateCustomer(onA));
    ASSERT_TRUE(runSync(localA, options(server.url(), zhang)).ok);
    // AND li changed the phone too, on her tablet
    Customer onB = *b->tasks().customerByAccount(QStringLiteral("0100000001"));
    onB.phone = QStringLiteral("13700000007");
    ASSERT_TRUE(b->tasks().updateCustomer(onB));
    QNetworkAccessManager nam;
    sync::SyncClient client(localB, nam, options(server.url(), li));
    ui::SyncPage page(localB, client);
    page.show();
    // WHEN she taps 开始同步
    QSignalSpy done(&client, &sync::SyncClient::finished);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("start")), Qt::LeftButton);
    ASSERT_TRUE(done.wait(30000));
    // THEN the page lists her edit as a conflict naming the field, and it is still waiting
    auto *list = page.findChild<QListWidget *>(QStringLiteral("rejected"));
    ASSERT_NE(list, nullptr);
    ASSERT_EQ(list->count(), 1);
    const QString line = list->item(0)->text();
    EXPECT_TRUE(line.contains(QStringLiteral("冲突"))) << line.toStdString();
    EXPECT_TRUE(line.contains(QStringLiteral("phone"))) << line.toStdString();
    EXPECT_TRUE(line.contains(QStringLiteral("0100000001"))) << line.toStdString();
    EXPECT_TRUE(list->isVisibleTo(&page));
    EXPECT_TRUE(text(page, "waiting").contains(QStringLiteral("1 条记录")));
    EXPECT_TRUE(page.findChild<QLabel *>(QStringLiteral("error"))->isVisibleTo(&page));
    // AND a page opened later (after a restart) still shows it
    ui::SyncPage again(localB, client);
    EXPECT_EQ(again.findChild<QListWidget *>(QStringLiteral("rejected"))->count(), 1);
}

TEST(SyncPage, ARefusedRecordIsListedWithTheOfficesReason)
{
    OutboxVerdict v;
    v.entity = QStringLiteral("job");
    v.label = QStringLiteral("3f2a9c1e");
    v.version = 4;
    v.status = QStringLiteral("refused");
    v.code = QStringLiteral("record.not_owner");
    v.reason = QStringLiteral("记录 3f2a9c1e（job）属于设备 tablet-01，本设备不能改写它。");
    const QString line = ui::SyncPage::verdictLine(v);
    EXPECT_TRUE(line.contains(QStringLiteral("被拒收"))) << line.toStdString();
    EXPECT_TRUE(line.contains(QStringLiteral("工单 3f2a9c1e（第 4 版）"))) << line.toStdString();
    EXPECT_TRUE(line.contains(v.reason));
}

TEST(SyncPage, AnOutboxThatCannotBeReadIsShownAsSuchNotAsNothingToSend)
{
    // GIVEN a tablet with records waiting, whose table of the files to send is then damaged on
    // disk (a damaged outbox table itself already fails Store::open: the record chain reads it)
    test::StoreEnv env;
    seedStore(env.store(), 1, 1, 1000);
    ASSERT_GT(test::valueOf(env.store().outbox().counts()).records, 0);
    ASSERT_NO_FATAL_FAILURE(env.damageTables({QStringLiteral("outbox_blobs")}));
    sync::StoreSyncLocal local(env.store());
    QNetworkAccessManager nam;
    sync::SyncClient client(local, nam,
                            options(QStringLiteral("http://127.0.0.1:9"), QStringLiteral("mst_x")));
    // WHEN the sync page is shown
    ui::SyncPage page(local, client);
    // THEN it says what it could not read, never "nothing to send"
    EXPECT_TRUE(text(page, "waiting").startsWith(QStringLiteral("读不出待发送的内容：")))
        << text(page, "waiting").toStdString();
    EXPECT_NE(text(page, "waiting"), QStringLiteral("没有待发送的内容"));
    // AND a sync started anyway stops with the reason instead of "done, nothing to send"
    sync::SyncSummary summary;
    QObject::connect(&client, &sync::SyncClient::finished, &client,
                     [&summary](const sync::SyncSummary &s) { summary = s; });
    QSignalSpy done(&client, &sync::SyncClient::finished);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("start")), Qt::LeftButton);
    ASSERT_TRUE(done.wait(30000));
    EXPECT_FALSE(summary.ok);
    EXPECT_EQ(summary.error.code, QStringLiteral("store.corrupt"));
    EXPECT_TRUE(page.findChild<QLabel *>(QStringLiteral("error"))->isVisibleTo(&page));
    EXPECT_FALSE(text(page, "error").isEmpty());
}
