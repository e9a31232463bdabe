// Role homes for all 8 roles, the flow chart of 4 phases / 43 flows, and the on-screen form with
// print output, over a real store and the real catalog.
#include "catalog/catalogloader.h"
#include "common/testenv.h"
#include "roles/flowchartpage.h"
#include "roles/flowchartview.h"
#include "roles/formfillpage.h"
#include "roles/rolehomepage.h"
#include "report/formspec.h"
#include "store/demodata.h"
#include "store/store.h"

#include <QComboBox>
#include <QGroupBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace ms;

namespace {
struct Env
{
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    CatalogLoad catalog = CatalogLoader::load(test::formsDir());
    RowId taskId = 0;
    Env()
    {
        StoreOptions options;
        options.dataDir = dir.path();
        auto opened = Store::open(options);
        EXPECT_TRUE(opened.ok());
        store = std::move(opened).value();
        auto demo = loadDemoData(*store);
        EXPECT_TRUE(demo.ok());
        taskId = demo->taskId;
    }
};
} // namespace

TEST(RoleHome, EachOfTheEightRolesSeesItsCardsAndQueues)
{
    Env env;
    const Catalog &cat = env.catalog.catalog;
    ASSERT_EQ(cat.roles.size(), 8);
    for (const Role &role : cat.roles) {
        SCOPED_TRACE(role.id.toStdString());
        // GIVEN a user holding one role WHEN their home opens
        RoleHomePage home(cat, *env.store, {role.id});
        home.resize(1000, 800);
        home.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&home));
        // THEN its section lists every card of the flows the role is responsible for
        QListWidget *list = home.cardList(role.id);
        ASSERT_NE(list, nullptr);
        QStringList ids;
        for (int i = 0; i < list->count(); ++i) {
            if (const QString id = list->item(i)->data(Qt::UserRole).toString(); !id.isEmpty())
                ids << id;
        }
        for (const Flow &flow : cat.flows) {
            if (flow.role != role.id)
                continue;
            for (const FlowCard &card : flow.cards)
                EXPECT_TRUE(ids.contains(card.id)) << card.id.toStdString();
        }
        EXPECT_FALSE(ids.isEmpty());
        EXPECT_FALSE(home.queues(role.id).isEmpty());
        // AND tapping a card asks the shell to open it
        QSignalSpy spy(&home, &RoleHomePage::cardRequested);
        for (int i = 0; i < list->count(); ++i) {
            if (!list->item(i)->data(Qt::UserRole).toString().isEmpty()) {
                list->scrollToItem(list->item(i));
                QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(i)).center());
                break;
            }
        }
        ASSERT_EQ(spy.count(), 1);
        EXPECT_TRUE(ids.contains(spy.at(0).at(0).toString()));
    }
}

TEST(RoleHome, TheOfficeClerkSeesTheMismatchAndReviewQueuesAndAUserMayHoldSeveralRoles)
{
    Env env;
    RoleHomePage home(env.catalog.catalog, *env.store, {QStringLiteral("office_clerk"), QStringLiteral("warehouse")});
    QStringList clerkCards;
    QListWidget *list = home.cardList(QStringLiteral("office_clerk"));
    for (int i = 0; i < list->count(); ++i)
        clerkCards << list->item(i)->data(Qt::UserRole).toString();
    for (const char *id : {"5.1", "7.1", "7.2", "11.1", "31.1", "34.1", "34.4"})
        EXPECT_TRUE(clerkCards.contains(QLatin1String(id))) << id;
    ASSERT_NE(home.cardList(QStringLiteral("warehouse")), nullptr);
    // The demo flags two customers 机电不符: the clerk's register queue says so.
    QPushButton *mismatch = home.queueButton(QStringLiteral("clerk.mismatch"));
    ASSERT_NE(mismatch, nullptr);
    EXPECT_TRUE(mismatch->text().contains(QStringLiteral("2 项"))) << mismatch->text().toStdString();
    QSignalSpy spy(&home, &RoleHomePage::queueRequested);
    QTest::mouseClick(mismatch, Qt::LeftButton);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(1).toString(), QStringLiteral("7.2"));
    ASSERT_NE(home.queueButton(QStringLiteral("warehouse.returns")), nullptr);
}

TEST(FlowChart, DrawsFourPhasesAndFortyThreeFlowsAndOpensAFlowsCards)
{
    Env env;
    const Catalog &cat = env.catalog.catalog;
    FlowChartPage page(cat);
    page.resize(1280, 900);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    FlowChartView *chart = page.chart();
    ASSERT_EQ(cat.phases.size(), 4);
    ASSERT_EQ(cat.flows.size(), 43);
    for (const Flow &flow : cat.flows) {
        EXPECT_FALSE(chart->flowRect(flow.id).isNull()) << flow.id.toStdString();
    }
    // GIVEN a job that has completed 20.1 and 20.2 and is at 21.1
    WorkflowState state;
    state.path = {PathEntry{QStringLiteral("20.1"), QStringLiteral("20.2"), {}, {}, {}, {}, {}},
                  PathEntry{QStringLiteral("20.2"), QStringLiteral("21.1"), {}, {}, {}, {}, {}}};
    state.currentCard = QStringLiteral("21.1");
    chart->setWorkflowState(state);
    EXPECT_EQ(chart->currentFlow(), QStringLiteral("21"));
    EXPECT_EQ(chart->progress(QStringLiteral("20")).done, 2);
    EXPECT_EQ(chart->progress(QStringLiteral("20")).total, 2);
    // WHEN flow 21 is tapped THEN its cards are listed and a card can be opened
    const QRect r = chart->flowRect(QStringLiteral("21"));
    QTest::mouseClick(chart, Qt::LeftButton, {}, r.center());
    EXPECT_EQ(page.selectedFlow(), QStringLiteral("21"));
    EXPECT_EQ(page.cardList()->count(), cat.flow(QStringLiteral("21"))->cards.size());
    QSignalSpy spy(&page, &FlowChartPage::cardRequested);
    QListWidget *cards = page.cardList();
    QTest::mouseClick(cards->viewport(), Qt::LeftButton, {}, cards->visualItemRect(cards->item(3)).center());
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toString(), QStringLiteral("21.4"));
    // The chart is really drawn: the current flow (21) outlined in orange, inside a shaded phase band.
    const QImage img = chart->grab().toImage();
    const QColor edge = img.pixelColor(r.center().x(), r.top());
    EXPECT_GT(edge.red(), edge.blue() + 80) << edge.name().toStdString();
    const QColor other = img.pixelColor(chart->flowRect(QStringLiteral("22")).center().x(),
                                         chart->flowRect(QStringLiteral("22")).top());
    EXPECT_LT(other.red(), other.blue() + 80) << other.name().toStdString();
    EXPECT_NE(img.pixelColor(r.left() - 5, r.center().y()), QColor(Qt::white));
    if (const QString shots = qEnvironmentVariable("MS_UI_SHOTS"); !shots.isEmpty()) // for a person to look at
        page.grab().save(shots + QStringLiteral("/flowchart.png"));
}

TEST(FormFill, KnownValuesArePrefilledTypedOnesPrintAndPreviewUsesTheRenderer)
{
    Env env;
    auto lib = FormLibrary::load(test::formsDir());
    ASSERT_TRUE(lib.ok());
    FormContext ctx;
    ctx.values.insert(QStringLiteral("customer.account_no"), QStringLiteral("3100123456"));
    ctx.values.insert(QStringLiteral("old_meter.asset_no"), QStringLiteral("1100000000001234567890"));
    FormFillPage page(*lib->form(8), ctx);
    page.show();
    auto *account = qobject_cast<QLineEdit *>(page.editor(QStringLiteral("account_no")));
    ASSERT_NE(account, nullptr);
    EXPECT_EQ(account->text(), QStringLiteral("3100123456"));
    EXPECT_FALSE(account->toolTip().isEmpty()); // marked as auto-filled
    // WHEN the installer types the phone and picks the current rating
    auto *phone = qobject_cast<QLineEdit *>(page.editor(QStringLiteral("phone")));
    ASSERT_NE(phone, nullptr);
    QTest::keyClicks(phone, QStringLiteral("13911112222"));
    auto *current = qobject_cast<QComboBox *>(page.editor(QStringLiteral("current")));
    ASSERT_NE(current, nullptr);
    current->setCurrentText(QStringLiteral("10(100)A"));
    // THEN the print carries typed and known values (QPrinter → PDF, read back with poppler)
    QTemporaryDir dir;
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(dir.filePath(QStringLiteral("print.pdf")));
    auto info = page.printTo(&printer);
    ASSERT_TRUE(info.ok()) << info.error().message.toStdString();
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {dir.filePath(QStringLiteral("print.pdf")), QStringLiteral("-")});
    ASSERT_TRUE(p.waitForFinished(30000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    EXPECT_TRUE(text.contains(QStringLiteral("13911112222")));
    EXPECT_TRUE(text.contains(QStringLiteral("3100123456")));
    EXPECT_TRUE(text.contains(QStringLiteral("智能电能表装换工作凭证")));
    EXPECT_EQ(page.context().entries.value(QStringLiteral("current")), QStringLiteral("10(100)A"));
}
