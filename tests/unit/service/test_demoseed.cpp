// meterswapctl demo seed writes through the job service: the generated task is one import, each
// photo one action of JobSession (one transaction), made like an installer's photo.
#include "catalog/catalogloader.h"
#include "common/resultvalue.h"
#include "common/storefixture.h"
#include "common/testenv.h"
#include "service/demoseed.h"
#include "store/database.h"
#include "workflow/workflow.h"

#include <gtest/gtest.h>

using namespace ms;

TEST(DemoSeed, EveryPhotoIsOneTransactionOfTheJobService)
{
    // GIVEN an empty store and the real catalog
    test::StoreEnv env;
    const CatalogLoad catalog = CatalogLoader::load(test::formsDir());
    const Workflow workflow(catalog.catalog);
    const qint64 before = env.store().database().commitCount();
    // WHEN 3 jobs with 2 photos each are seeded
    DemoSeedOptions o;
    o.jobs = 3;
    o.photosPerJob = 2;
    o.photoKb = 8;
    auto seeded = seedDemoJobs(env.store(), catalog.catalog, workflow, o);
    ASSERT_TRUE(seeded.ok()) << seeded.error().message.toStdString();
    // THEN the import is one transaction and each photo one more
    EXPECT_EQ(env.store().database().commitCount() - before, 1 + 3 * 2);
    EXPECT_EQ(seeded->jobs, 3);
    EXPECT_EQ(seeded->photos, 6);
    // AND each job holds its two photos on card 21.4's photo requirements, in its own chain
    for (const JobListItem &item :
         test::valueOf(env.store().jobs().list(JobQuery().inTask(seeded->taskId)))) {
        const QList<Evidence> rows =
            test::valueOf(env.store().evidence().list(RecordOwner::job(item.job.id)));
        ASSERT_EQ(rows.size(), 2);
        EXPECT_EQ(rows.at(0).requirement, QStringLiteral("new_meter_installed"));
        EXPECT_EQ(rows.at(1).requirement, QStringLiteral("box_after"));
        EXPECT_EQ(rows.at(0).mime, QStringLiteral("image/jpeg"));
        EXPECT_TRUE(env.store().evidence().verifyChain(RecordOwner::job(item.job.id)).ok);
    }
    EXPECT_EQ(test::valueOf(env.store().outbox().counts()).files, 6);
    EXPECT_TRUE(env.store().evidence().verifyFiles().ok());
}
