// A job list that cannot be read says so: with the database damaged on disk, the list screen shows
// what went wrong and a way to try again, never an empty list of "0 households".
#include "catalog/catalogloader.h"
#include "common/storefixture.h"
#include "common/testenv.h"
#include "languageswitcher.h"
#include "models/joblistmodel.h"
#include "pages/joblistpage.h"
#include "workflow/workflow.h"

#include <QLabel>
#include <gtest/gtest.h>

using namespace ms;

TEST(JobListReadError, ADamagedDatabaseShowsAMessageInsteadOfAnEmptyList)
{
    // GIVEN a store with a task of two households whose customer and task tables are damaged
    test::StoreEnv env;
    Task t;
    t.name = QStringLiteral("安贞里3号楼台区换表");
    Customer a, b;
    a.accountNo = QStringLiteral("0100000001");
    a.name = QStringLiteral("王建国");
    b.accountNo = QStringLiteral("0100000002");
    b.name = QStringLiteral("李秀英");
    ASSERT_GT(env.importTask(t, {a, b}), 0);
    ASSERT_NO_FATAL_FAILURE(
        env.damageTables({QStringLiteral("customers"), QStringLiteral("tasks")}));
    const CatalogLoad catalog = CatalogLoader::load(test::formsDir());
    const Workflow workflow(catalog.catalog);
    LanguageSwitcher language;
    AppContext ctx(env.store(), catalog.catalog, workflow, language);
    // WHEN the job list is shown
    JobListPage page(ctx);
    page.resize(1280, 800);
    page.show();
    // THEN it says the list could not be read and why, and does not claim there are no jobs
    EXPECT_TRUE(page.errorText().startsWith(QStringLiteral("读不出工单列表：")))
        << page.errorText().toStdString();
    EXPECT_TRUE(page.errorText().contains(QStringLiteral("损坏")))
        << page.errorText().toStdString();
    EXPECT_FALSE(page.model()->error().isEmpty());
    for (QLabel *label : page.findChildren<QLabel *>())
        EXPECT_FALSE(label->text().contains(QStringLiteral("共 0 户")))
            << label->text().toStdString();
    // AND a search reads again and still says so
    page.setSearch(QStringLiteral("王"));
    EXPECT_FALSE(page.errorText().isEmpty());
}
