#include "commands.h"

#include "catalog/catalogloader.h"
#include "service/demoseed.h"
#include "store/store.h"
#include "workflow/workflow.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace ms::ctl {

namespace {
// lupdate files Tr::tr() under this context; a free tr() helper would file them under the
// enclosing namespace or class, where the translator never looks.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ms::ctl::Demo)
};

} // namespace

// meterswapctl demo seed --data DIR --jobs N --photos-per-job M [--photo-kb K] [--seed S]
int demoCommand(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("seed"), QStringLiteral("seed"));
    for (const char *o : {"data", "jobs", "photos-per-job", "photo-kb", "seed"})
        p.addOption(QCommandLineOption(QLatin1String(o), QLatin1String(o), QStringLiteral("value")));
    p.addOption(QCommandLineOption(QStringLiteral("complete"), QStringLiteral("complete")));
    if (!p.parse(QStringList{QStringLiteral("meterswapctl")} + args)
        || p.positionalArguments() != QStringList{QStringLiteral("seed")}) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(Tr::tr("用法：meterswapctl demo seed --data DIR --jobs N --photos-per-job M [--photo-kb K] [--complete]")));
        return ExitUsage;
    }
    bool okJobs = false, okPhotos = false;
    const int jobs = p.value(QStringLiteral("jobs")).toInt(&okJobs);
    const int photos = p.value(QStringLiteral("photos-per-job")).toInt(&okPhotos);
    const int photoKb = p.isSet(QStringLiteral("photo-kb")) ? p.value(QStringLiteral("photo-kb")).toInt() : 400;
    const quint32 seed = p.isSet(QStringLiteral("seed")) ? p.value(QStringLiteral("seed")).toUInt() : 1;
    if (!okJobs || !okPhotos || jobs < 1 || jobs > 100000 || photos < 0 || photos > 100 || photoKb < 1) {
        std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("meterswapctl demo seed: --jobs 应为 1…100000，--photos-per-job 应为 0…100")));
        return ExitUsage;
    }
    StoreOptions options;
    options.dataDir = p.isSet(QStringLiteral("data")) ? p.value(QStringLiteral("data")) : Store::defaultDataDir();
    auto opened = Store::open(options);
    if (!opened) {
        std::fprintf(stderr, "meterswapctl demo: %s\n", qPrintable(opened.error().message));
        return ExitFailed;
    }
    Store &store = **opened;
    if (!store.openNotice().message.isEmpty())
        std::fprintf(stderr, "meterswapctl demo: %s\n", qPrintable(store.openNotice().message));
    // The photos go in through the job service, as an installer's would (one action each).
    const CatalogLoad catalog = CatalogLoader::load(CatalogLoader::builtInRoot());
    const Workflow workflow(catalog.catalog);
    const qint64 commitsBefore = store.database().commitCount();
    DemoSeedOptions seedOptions;
    seedOptions.jobs = jobs;
    seedOptions.photosPerJob = photos;
    seedOptions.photoKb = photoKb;
    seedOptions.seed = seed;
    seedOptions.complete = p.isSet(QStringLiteral("complete"));
    seedOptions.taskName = Tr::tr("演示任务 %1").arg(seed);
    auto seeded = seedDemoJobs(store, catalog.catalog, workflow, seedOptions);
    if (!seeded) {
        std::fprintf(stderr, "meterswapctl demo: %s\n", qPrintable(seeded.error().message));
        return ExitFailed;
    }
    auto pending = store.outbox().counts();
    if (!pending) {
        std::fprintf(stderr, "meterswapctl demo: %s\n", qPrintable(pending.error().message));
        return ExitFailed;
    }
    const qint64 transactions = store.database().commitCount() - commitsBefore;
    const QJsonObject o{{QStringLiteral("task_id"), seeded->taskId},
                        {QStringLiteral("jobs"), seeded->jobs},
                        {QStringLiteral("photos"), seeded->photos},
                        {QStringLiteral("photo_bytes"), seeded->photoBytes},
                        {QStringLiteral("submitted"), seeded->submitted},
                        {QStringLiteral("pending_records"), pending->records},
                        {QStringLiteral("pending_files"), pending->files},
                        {QStringLiteral("pending_bytes"), pending->bytes},
                        // the import plus one per action of the service (a photo, a step, …)
                        {QStringLiteral("transactions"), transactions}};
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    return ExitOk;
}

} // namespace ms::ctl
